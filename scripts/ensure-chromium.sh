#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests, then print its version.
#
# Playwright cannot download its own browser here, so the tests drive Debian's build at
# /usr/bin/chromium (override with CHROMIUM=/path). When it is missing this installs the
# `chromium` package with apt-get, trying a second time after a pause because a mirror
# can fail for a moment. Exits non-zero with one line of explanation if that fails.
set -euo pipefail

chromium=${CHROMIUM:-/usr/bin/chromium}

apt_install() {
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || return 1
        sudo=(sudo -n)
    fi
    "${sudo[@]}" apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q chromium
}

if [[ ! -x $chromium ]]; then
    if [[ $chromium != /usr/bin/chromium ]]; then
        echo "ensure-chromium: CHROMIUM=$chromium is not an executable file" >&2
        exit 1
    fi
    echo "ensure-chromium: $chromium not found, installing Debian package chromium" >&2
    if ! apt_install; then
        echo "ensure-chromium: apt-get failed, retrying in 15 s" >&2
        sleep 15
        if ! apt_install || [[ ! -x $chromium ]]; then
            echo "ensure-chromium: FAILED to install Debian package 'chromium' (apt-get update/install failed twice); browser tests cannot run" >&2
            exit 1
        fi
    fi
fi

# Debian's launcher script prints a harmless shell warning on stderr; keep it out.
if ! version=$("$chromium" --version 2>/dev/null); then
    echo "ensure-chromium: FAILED: $chromium is installed but '$chromium --version' does not run" >&2
    exit 1
fi
echo "chromium: $version ($chromium)"
