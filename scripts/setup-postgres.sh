#!/usr/bin/env bash
# Set up a local PostgreSQL 15 + pgvector (>= 0.8) for Baton development and tests.
#
# Idempotent: safe to run repeatedly; a second run only checks state and exits quickly.
# Must run as root on Debian bookworm (no systemd needed).
#
# Environment overrides:
#   BATON_DB_NAME       (default: baton)
#   BATON_DB_TEST_NAME  (default: baton_test)
#   BATON_DB_USER       (default: baton)
#   BATON_DB_PASSWORD   (default: baton)
set -euo pipefail

DB_NAME="${BATON_DB_NAME:-baton}"
DB_TEST_NAME="${BATON_DB_TEST_NAME:-baton_test}"
DB_USER="${BATON_DB_USER:-baton}"
DB_PASSWORD="${BATON_DB_PASSWORD:-baton}"

PG_MAJOR=15
PG_CLUSTER=main
PG_PORT=5432
PG_BIN="/usr/lib/postgresql/${PG_MAJOR}/bin"
PG_CONFIG="${PG_BIN}/pg_config"
PGVECTOR_MIN_MINOR=8   # need >= 0.8 for hnsw.iterative_scan
TRIXIE_SRC_LIST=/etc/apt/sources.list.d/trixie-src.list
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

export DEBIAN_FRONTEND=noninteractive

log() { printf '[setup-postgres] %s\n' "$*"; }
die() { printf '[setup-postgres] ERROR: %s\n' "$*" >&2; exit 1; }

[[ "$(id -u)" -eq 0 ]] || die "must be run as root"

APT_UPDATED=0
apt_update_once() {
    if [[ "$APT_UPDATED" -eq 0 ]]; then
        log "apt-get update"
        apt-get update -qq
        APT_UPDATED=1
    fi
}

pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

# Install the given packages if any of them is missing (apt-get update only then).
ensure_pkgs() {
    local missing=() p
    for p in "$@"; do
        pkg_installed "$p" || missing+=("$p")
    done
    if [[ ${#missing[@]} -gt 0 ]]; then
        apt_update_once
        log "installing: ${missing[*]}"
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
}

as_postgres() { runuser -u postgres -- "$@"; }
psql_su() { PGOPTIONS="-c client_min_messages=warning" as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

# ---------------------------------------------------------------------------
# 1. PostgreSQL 15
# ---------------------------------------------------------------------------
log "checking PostgreSQL ${PG_MAJOR} packages"
ensure_pkgs "postgresql-${PG_MAJOR}" "postgresql-client-${PG_MAJOR}"

# ---------------------------------------------------------------------------
# 2. pgvector (built from Debian trixie source; bookworm has no package)
# ---------------------------------------------------------------------------
pgvector_ok() {
    local control="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
    local libdir ver major minor
    libdir="$("$PG_CONFIG" --pkglibdir 2>/dev/null || echo "/usr/lib/postgresql/${PG_MAJOR}/lib")"
    [[ -f "$control" && -f "${libdir}/vector.so" ]] || return 1
    ver="$(sed -n "s/^default_version *= *'\([^']*\)'.*/\1/p" "$control")"
    major="${ver%%.*}"; minor="$(cut -d. -f2 <<<"$ver")"
    [[ "$major" =~ ^[0-9]+$ && "$minor" =~ ^[0-9]+$ ]] || return 1
    (( major > 0 || minor >= PGVECTOR_MIN_MINOR ))
}

# Mirror used by the existing Debian sources (deb822 or one-line format).
debian_mirror() {
    local m=""
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        m="$(awk '
            BEGIN { RS=""; FS="\n" }
            {
                uris=""; suites=""
                for (i = 1; i <= NF; i++) {
                    if ($i ~ /^URIs:/)   { uris = $i;   sub(/^URIs:[ \t]*/, "", uris) }
                    if ($i ~ /^Suites:/) { suites = $i }
                }
                if (uris != "" && suites ~ /bookworm([ \t]|$)/) { split(uris, u, /[ \t]+/); print u[1]; exit }
            }' /etc/apt/sources.list.d/debian.sources)"
    fi
    if [[ -z "$m" && -f /etc/apt/sources.list ]]; then
        m="$(awk '$1=="deb" && / bookworm / { for (i=2;i<=NF;i++) if ($i ~ /^https?:\/\//) { print $i; exit } }' /etc/apt/sources.list)"
    fi
    echo "${m:-http://deb.debian.org/debian}"
}

if pgvector_ok; then
    log "pgvector already installed for PostgreSQL ${PG_MAJOR}"
else
    log "pgvector (>= 0.${PGVECTOR_MIN_MINOR}) missing for PostgreSQL ${PG_MAJOR}; building from Debian trixie source"

    if [[ ! -f "$TRIXIE_SRC_LIST" ]]; then
        mirror="$(debian_mirror)"
        signed_by=""
        [[ -f "$DEBIAN_KEYRING" ]] && signed_by=" [signed-by=${DEBIAN_KEYRING}]"
        log "adding deb-src (source only, no binaries) for trixie from ${mirror}"
        cat >"$TRIXIE_SRC_LIST" <<EOF
# Added by Baton scripts/setup-postgres.sh: source packages only (used to build pgvector).
# Intentionally deb-src only, so no trixie binary packages can be installed from it.
deb-src${signed_by} ${mirror} trixie main
EOF
        APT_UPDATED=0   # force a refresh so the new source index is fetched
    fi
    apt_update_once

    ensure_pkgs "postgresql-server-dev-${PG_MAJOR}" build-essential make gcc dpkg-dev

    build_dir="$(mktemp -d /tmp/baton-pgvector.XXXXXX)"
    trap 'rm -rf "$build_dir"' EXIT
    # apt downloads as the sandbox user _apt; give it the directory so it does not
    # fall back to (and warn about) unsandboxed downloads as root.
    if getent passwd _apt >/dev/null; then
        chown _apt:root "$build_dir"
        apt_sandbox_opt=()
    else
        apt_sandbox_opt=(-o APT::Sandbox::User=root)
    fi

    log "downloading pgvector source (trixie)"
    (cd "$build_dir" && apt-get source -qq "${apt_sandbox_opt[@]}" pgvector/trixie >/dev/null)
    src_dir="$(find "$build_dir" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
    [[ -n "$src_dir" ]] || die "pgvector source not found after apt-get source"
    log "building $(basename "$src_dir")"
    # OPTFLAGS= disables -march=native (as Debian's own build does) so the binary stays portable.
    make -s -C "$src_dir" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS= >/dev/null
    make -s -C "$src_dir" install PG_CONFIG="$PG_CONFIG" OPTFLAGS= >/dev/null
    rm -rf "$build_dir"
    trap - EXIT

    pgvector_ok || die "pgvector build/install did not produce a usable vector extension (>= 0.${PGVECTOR_MIN_MINOR})"
    log "pgvector installed"
fi

# ---------------------------------------------------------------------------
# 3. Cluster 15/main
# ---------------------------------------------------------------------------
cluster_status() {
    pg_lsclusters --no-header 2>/dev/null | awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" '$1==v && $2==c { print $4 }'
}

if [[ -z "$(cluster_status)" ]]; then
    log "creating cluster ${PG_MAJOR}/${PG_CLUSTER} on port ${PG_PORT}"
    pg_createcluster -p "$PG_PORT" "$PG_MAJOR" "$PG_CLUSTER" >/dev/null
fi

actual_port="$(pg_lsclusters --no-header | awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" '$1==v && $2==c { print $3 }')"
[[ "$actual_port" == "$PG_PORT" ]] || die "cluster ${PG_MAJOR}/${PG_CLUSTER} is configured for port ${actual_port}, expected ${PG_PORT}"

if [[ "$(cluster_status)" == online* ]]; then
    log "cluster ${PG_MAJOR}/${PG_CLUSTER} already running"
else
    log "starting cluster ${PG_MAJOR}/${PG_CLUSTER}"
    pg_ctlcluster "$PG_MAJOR" "$PG_CLUSTER" start
fi

log "waiting for server on 127.0.0.1:${PG_PORT}"
for i in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then
        break
    fi
    [[ "$i" -eq 60 ]] && die "server did not accept connections within 30s (see /var/log/postgresql/postgresql-${PG_MAJOR}-${PG_CLUSTER}.log)"
    sleep 0.5
done

# ---------------------------------------------------------------------------
# 4. Role, databases, extension
# ---------------------------------------------------------------------------
log "ensuring role '${DB_USER}' and databases '${DB_NAME}', '${DB_TEST_NAME}'"
psql_su -d postgres -v u="$DB_USER" -v pw="$DB_PASSWORD" -v db1="$DB_NAME" -v db2="$DB_TEST_NAME" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'u')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
-- (Re)set password each run so it always matches BATON_DB_PASSWORD.
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'u', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'u')
  FROM unnest(ARRAY[:'db1', :'db2']) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL

for db in "$DB_NAME" "$DB_TEST_NAME"; do
    psql_su -d "$db" <<'SQL'
CREATE EXTENSION IF NOT EXISTS vector;
SQL
    # Upgrade the extension objects if an older pgvector was previously created here.
    outdated="$(psql_su -d "$db" -tA -c "SELECT extversion <> (SELECT default_version FROM pg_available_extensions WHERE name='vector') FROM pg_extension WHERE extname='vector'")"
    if [[ "$outdated" == "t" ]]; then
        log "updating vector extension in ${db}"
        psql_su -d "$db" -c 'ALTER EXTENSION vector UPDATE'
    fi
done

# ---------------------------------------------------------------------------
# 6. Password login over TCP
# ---------------------------------------------------------------------------
tcp_login_ok() {
    PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" -d "$DB_TEST_NAME" \
        -tA -c 'select 1' 2>/dev/null | grep -q '^1$'
}

if ! tcp_login_ok; then
    hba="$(psql_su -d postgres -tA -c 'SHOW hba_file')"
    rule="host    all             all             127.0.0.1/32            scram-sha-256"
    log "password login over TCP failed; adding scram rule for 127.0.0.1 at top of ${hba}"
    if ! grep -qxF "$rule" "$hba"; then
        tmp="$(mktemp)"
        { echo "# Added by Baton scripts/setup-postgres.sh"; echo "$rule"; cat "$hba"; } >"$tmp"
        cat "$tmp" >"$hba" && rm -f "$tmp"
    fi
    pg_ctlcluster "$PG_MAJOR" "$PG_CLUSTER" reload
    sleep 1
    tcp_login_ok || die "password login as '${DB_USER}' over TCP still fails"
fi
log "TCP password login as '${DB_USER}' OK"

# ---------------------------------------------------------------------------
# 5. Summary
# ---------------------------------------------------------------------------
vec_ver="$(psql_su -d "$DB_TEST_NAME" -tA -c "SELECT extversion FROM pg_extension WHERE extname='vector'")"
log "pgvector version: ${vec_ver}"
log "JDBC URL: jdbc:postgresql://localhost:${PG_PORT}/${DB_NAME} (user=${DB_USER}, test db=${DB_TEST_NAME})"
