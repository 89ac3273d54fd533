#!/usr/bin/env bash
# The whole test suite: every test once on SQLite (the embedded default), then again on a real
# PostgreSQL server that this script installs when missing (Debian's package), starts in a
# temporary folder on a free loopback port, and stops afterwards.
#
#   ./scripts/test.sh            both databases
#   ./scripts/test.sh --sqlite   SQLite only (quick)
set -euo pipefail
cd "$(dirname "$0")/.."

only_sqlite=false
[[ "${1:-}" == "--sqlite" ]] && only_sqlite=true

log() { printf '\n== %s\n' "$*"; }

# The command-line tests run the built `dikelola` executable, so build everything first.
log "Building (debug) with tests"
swift build --build-tests

log "Tests on SQLite"
env -u DIKELOLA_TEST_DATABASE_URL swift test --skip-build --disable-xctest

$only_sqlite && exit 0

find_pg_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
    done
    return 1
}

if ! pg_bin=$(find_pg_bin); then
    log "Installing PostgreSQL (Debian package postgresql)"
    if [[ $(id -u) -ne 0 ]]; then
        echo "PostgreSQL is not installed and this is not root: run 'apt-get install postgresql' first." >&2
        exit 1
    fi
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
    -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
"${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U dikelola dikelola_test

log "Tests on PostgreSQL"
DIKELOLA_TEST_DATABASE_URL="postgres://dikelola@127.0.0.1:$port/dikelola_test?sslmode=disable" \
    swift test --skip-build --disable-xctest
