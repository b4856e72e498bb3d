#!/usr/bin/env bash
# Runs Baton's whole test suite: both storage modes (embedded H2 + Lucene, and PostgreSQL + pgvector) and the
# browser tests in headless Chromium. Installs and starts what the tests need first (idempotent, fast when done):
#   - PostgreSQL 15 with pgvector (scripts/setup-postgres.sh)
#   - Debian's Chromium (scripts/setup-browser.sh)
# Both need root for apt; as another user the script runs them through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() {
    if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

as_root bash scripts/setup-postgres.sh
as_root bash scripts/setup-browser.sh
./mvnw -B verify "$@"
