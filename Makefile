# Developer and CI entry points. `make` alone lists the targets.
#
# Everything the project needs is installed from here (CI starts from a fresh clone):
# Python packages into .venv from pyproject.toml, front-end files into node_modules from
# package-lock.json, and Debian's Chromium for the browser tests. Stamp files make a
# repeated run skip an install whose inputs did not change.

PY ?= python3
VENV = .venv
BIN = $(VENV)/bin
VENV_STAMP = $(VENV)/.stamp
VENDOR_STAMP = node_modules/.stamp

# Extra arguments: `make site ARGS=--verbose`, `make test PYTEST_ARGS='-k smoke -x'`.
ARGS ?=
PYTEST_ARGS ?=

# Playwright must never try to download a browser: it cannot here, and the tests use
# Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1
export PIP_DISABLE_PIP_VERSION_CHECK = 1

SHELL = /bin/bash
.SHELLFLAGS = -euo pipefail -c
.DEFAULT_GOAL = help
.DELETE_ON_ERROR:
.PHONY: help venv vendor site serve test check format bench national-sim weight clean

help: ## List the targets
	@echo "Usage: make TARGET [PY=python3] [ARGS=...] [PYTEST_ARGS=...]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN { FS = ":.*## " } { printf "  %-13s %s\n", $$1, $$2 }'

venv: $(VENV_STAMP) ## Create .venv and install the project with its test and dev extras

$(VENV_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $@

vendor: $(VENDOR_STAMP) ## Install the pinned npm files (plotly.js basic bundle, axe-core)

# `npm ci` empties node_modules first, so the stamp inside it is always fresh.
$(VENDOR_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	test -f node_modules/plotly.js-basic-dist-min/plotly-basic.min.js
	test -f node_modules/axe-core/axe.min.js
	touch $@

site: venv vendor ## Validate data/ and build the site into site/
	$(BIN)/site-builder build $(ARGS)

serve: venv vendor ## Live preview at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve $(ARGS)

test: venv vendor ## Run every test, the browser tests included
	scripts/ensure-chromium.sh
	scripts/print-versions.sh $(VENV)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: venv ## Lint (ruff) and type-check (mypy)
	$(BIN)/ruff check site_builder tests benchmarks
	$(BIN)/mypy

format: venv ## Format the code and apply ruff's safe fixes
	$(BIN)/ruff format site_builder tests benchmarks
	$(BIN)/ruff check --fix site_builder tests benchmarks

bench: venv vendor ## Time a province-sized build (benchmarks/province.py)
	$(BIN)/python benchmarks/province.py $(ARGS)

national-sim: venv vendor ## Build N synthetic provinces in parallel and the national search page
	$(BIN)/python benchmarks/national.py $(ARGS)

weight: venv vendor ## Page weight, axe results and screenshots per page type (reports/)
	scripts/ensure-chromium.sh
	$(BIN)/python scripts/weight.py --screenshots $(ARGS)

clean: ## Remove build output and caches (keeps .venv and node_modules)
	rm -rf site build dist reports benchmarks/out .pytest_cache .mypy_cache .ruff_cache
	rm -rf *.egg-info
	find . -path ./$(VENV) -prune -o -path ./node_modules -prune -o \
		-type d -name __pycache__ -exec rm -rf {} +
