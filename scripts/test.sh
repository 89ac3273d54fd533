#!/usr/bin/env bash
# The whole test suite: every Swift test once on SQLite (the embedded default), then the browser
# suite (headless Chromium through chromedriver, driven by pytest + selenium, on a fresh server),
# then every Swift test again on a real PostgreSQL server. What is missing is installed first when
# this runs as root (Debian's chromium, chromium-driver and postgresql; selenium, pytest, pypdf, openpyxl, requests
# and schemathesis from PyPI). The browser suite includes the API fuzzing (e2e/test_api_fuzz.py: schemathesis over
# the served OpenAPI document, a few minutes at most, then `dikelola audit verify`).
#
#   ./scripts/test.sh             everything
#   ./scripts/test.sh --sqlite    Swift tests on SQLite only (quick)
#   ./scripts/test.sh --browser   the browser suite only
#   ./scripts/test.sh --postgres  Swift tests on PostgreSQL only
#   ./scripts/test.sh --cluster   the cluster check only (scripts/cluster-check.sh: PostgreSQL, two
#                                 instances behind nginx, a workload with one killed; about 3 minutes)
# Screenshots of the browser suite land in e2e/artifacts/ (E2E_ARTIFACTS to change).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"

log() { printf '\n== %s\n' "$*"; }

need_root() {
    if [[ $(id -u) -ne 0 ]]; then
        echo "$1 is missing and this is not root: run '$2' first." >&2
        exit 1
    fi
}

# Chromium prints documents to PDF (a Swift test) and runs the browser suite.
browser_tools() {
    if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdfsig >/dev/null \
        || ! command -v openssl >/dev/null || ! command -v xvfb-run >/dev/null; then
        need_root "Chromium, pdfsig, openssl and xvfb" "apt-get install chromium chromium-driver poppler-utils openssl xvfb xauth"
        log "Installing Chromium, poppler-utils (pdfsig checks electronic signatures), openssl and xvfb (a signed PDF opens in Chromium's viewer)"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils openssl xvfb xauth >/dev/null
    fi
    if ! python3 -c 'import selenium, pytest, pypdf, openpyxl, requests, schemathesis' 2>/dev/null; then
        log "Installing selenium, pytest, pypdf, openpyxl, requests and schemathesis (PyPI)"
        python3 -m pip install --quiet -r e2e/requirements.txt \
            || python3 -m pip install --quiet --break-system-packages -r e2e/requirements.txt
    fi
}

browser_suite() {
    log "Browser suite and API fuzzing (headless Chromium, schemathesis; fresh SQLite databases)"
    DIKELOLA_BIN="$(swift build --show-bin-path)/dikelola" python3 -m pytest -q e2e
}

# A force-unwrap, `as!` or `try!` in the sources can stop the server on one request: none may land.
log "Hunting for force-unwraps"
./scripts/check-traps.sh

# The shape docs/ARCHITECTURE.md promises: files and functions of a readable size, services
# without HTTP.
log "Checking the code's shape"
python3 scripts/check-shape.py

# The command-line tests run the built `dikelola` executable, so build everything first.
log "Building (debug) with tests"
swift build --build-tests

cluster_check() {
    log "Cluster check: PostgreSQL, two instances behind nginx round-robin, one killed mid-load"
    DIKELOLA_BIN="$(swift build --show-bin-path)/dikelola" ./scripts/cluster-check.sh
}

if [[ "$mode" == "--cluster" ]]; then
    cluster_check
    exit 0
fi
if [[ "$mode" == "--browser" ]]; then
    browser_tools
    browser_suite
    exit 0
fi
if [[ "$mode" != "--postgres" ]]; then
    [[ "$mode" == "--sqlite" ]] || browser_tools

    log "Tests on SQLite"
    env -u DIKELOLA_TEST_DATABASE_URL swift test --skip-build --disable-xctest

    [[ "$mode" == "--sqlite" ]] && exit 0

    browser_suite
fi

find_pg_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! pg_bin=$(find_pg_bin); then
    need_root "PostgreSQL" "apt-get install postgresql"
    log "Installing PostgreSQL (Debian package postgresql)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
fi

# PostgreSQL refuses to run as root: run it as the package's `postgres` user when we are root.
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    as_pg=(runuser -u postgres --)
fi

work=$(mktemp -d /tmp/dikelola-pg.XXXXXX)
chmod 755 "$work"
[[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop_pg() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap stop_pg EXIT

log "Starting PostgreSQL ($pg_bin) on 127.0.0.1:$port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/data" -U dikelola --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off" start >/dev/null
"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U dikelola dikelola_test

log "Tests on PostgreSQL"
DIKELOLA_TEST_DATABASE_URL="postgres://dikelola@127.0.0.1:$port/dikelola_test?sslmode=disable" \
    swift test --skip-build --disable-xctest

[[ "$mode" == "all" ]] && cluster_check
exit 0
