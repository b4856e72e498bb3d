#!/usr/bin/env bash
# Install Chromium (Debian's package) for the real-browser tests (Playwright drives /usr/bin/chromium;
# Surefire sets PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1, so Playwright never downloads its own browsers).
#
# Idempotent: a second run only checks state and prints the version. Must run as root on Debian.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

log() { printf '[setup-browser] %s\n' "$*"; }
die() { printf '[setup-browser] ERROR: %s\n' "$*" >&2; exit 1; }

if [[ -x "$CHROMIUM" ]]; then
    log "chromium already installed"
else
    [[ "$(id -u)" -eq 0 ]] || die "chromium is missing and installing it needs root"
    log "apt-get update"
    apt-get update -qq
    log "installing chromium"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
    [[ -x "$CHROMIUM" ]] || die "chromium was installed but $CHROMIUM is missing"
fi

log "$("$CHROMIUM" --version 2>/dev/null || die "could not run $CHROMIUM --version")"
