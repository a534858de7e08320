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
# ProperDocs (the maintained fork of MkDocs 1.x) in a venv of its own, without MkDocs.
PD_VENV = .venv-properdocs
PD_STAMP = $(PD_VENV)/.stamp
COMPARE = build/compare
# Both builds of compare-generators compute statuses at the same date.
DATA_AS_OF ?= $(shell date -u +%F)

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
.PHONY: help venv vendor site serve test check format bench national-sim weight clean \
	properdocs-venv compare-generators constraints upgrade-check

help: ## List the targets
	@echo "Usage: make TARGET [PY=python3] [ARGS=...] [PYTEST_ARGS=...]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN { FS = ":.*## " } { printf "  %-13s %s\n", $$1, $$2 }'

venv: $(VENV_STAMP) ## Create .venv and install the project with its test and dev extras

# constraints.txt pins every package of the resolved set, dependencies of dependencies
# included (docs/maintainers/versions.md); `make constraints` regenerates it.
$(VENV_STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,dev]'
	touch $@

properdocs-venv: $(PD_STAMP) ## Create .venv-properdocs: the project on ProperDocs, MkDocs removed

# Material declares MkDocs as a requirement, so pip installs it; it is removed after,
# so that every `mkdocs.*` import of Material and of our plugin is served by ProperDocs
# (its `properdocs build` aliases them) and the build cannot fall back on MkDocs.
$(PD_STAMP): pyproject.toml constraints.txt
	test -x $(PD_VENV)/bin/python || $(PY) -m venv $(PD_VENV)
	$(PD_VENV)/bin/python -m pip install --quiet -c constraints.txt -e '.[properdocs]'
	$(PD_VENV)/bin/python -m pip uninstall --quiet --yes mkdocs
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

test: venv vendor compare-generators ## Compare MkDocs/ProperDocs builds, run every test
	scripts/ensure-chromium.sh
	scripts/print-versions.sh $(VENV)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The real site built by MkDocs and by ProperDocs must hold the same files, the same
# pages with the same text, and the same bytes in every other file (downloads, feeds).
# SITE_URL is set so that the absolute links (canonical, sitemap, feeds) are compared.
compare-generators: venv vendor properdocs-venv ## Build the real site with MkDocs and ProperDocs; fail unless equal
	scripts/print-versions.sh $(PD_VENV)
	@if $(PD_VENV)/bin/python -c 'import mkdocs' 2>/dev/null; then \
		echo "$(PD_VENV) must not hold MkDocs" >&2; exit 1; fi
	rm -rf $(COMPARE)
	export DATA_AS_OF=$(DATA_AS_OF) SITE_URL=https://cam-ket.example/ NO_MKDOCS_2_WARNING=1; \
		$(BIN)/mkdocs build --strict --quiet -f mkdocs.yml -d $(COMPARE)/mkdocs; \
		$(PD_VENV)/bin/properdocs build --strict --quiet -f mkdocs.yml -d $(COMPARE)/properdocs
	$(BIN)/python scripts/compare-sites.py --bytes --names mkdocs,properdocs \
		$(COMPARE)/mkdocs $(COMPARE)/properdocs

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

# Resolve pyproject.toml's pins (every extra) in a scratch venv and write the whole set.
constraints: ## Regenerate constraints.txt from pyproject.toml's pins (scratch venv)
	rm -rf build/constraints-venv
	$(PY) -m venv build/constraints-venv
	build/constraints-venv/bin/python -m pip install --quiet '.[test,dev,properdocs]'
	{ echo "# The full resolved set CI installs (pip install -c constraints.txt), written by"; \
	  echo "# \`make constraints\` from pyproject.toml's pins; see docs/maintainers/versions.md."; \
	  build/constraints-venv/bin/python -m pip freeze --all --exclude-editable \
		| grep -v -i -E '^(site-builder|pip|setuptools)( @|==)'; } > constraints.txt
	rm -rf build/constraints-venv

# Newest versions allowed by pyproject's major bounds, in a scratch venv (never .venv).
upgrade-check: vendor ## Install the newest allowed versions in a scratch venv, run the tests
	scripts/ensure-chromium.sh
	$(PY) scripts/upgrade-check.py $(ARGS) -- $(PYTEST_ARGS)

clean: ## Remove build output and caches (keeps .venv and node_modules)
	rm -rf site build dist reports benchmarks/out .pytest_cache .mypy_cache .ruff_cache
	rm -rf *.egg-info
	find . -path ./$(VENV) -prune -o -path ./node_modules -prune -o \
		-type d -name __pycache__ -exec rm -rf {} +
