#!/usr/bin/env bash
# Dikelola scales out on PostgreSQL: a check that prints figures and ends with PASS or FAIL.
#
#   DIKELOLA_BIN=/path/to/dikelola ./scripts/cluster-check.sh
#
# Sets up, in a temporary folder, a private PostgreSQL server (Debian's `postgresql` package,
# installed when missing and this runs as root), two Dikelola instances on that one database (A
# started with `serve --demo`, B without once A is up; each with its own data folder, so its own
# publication folder DATA/publik), and nginx (Debian's `nginx-light`) in front of both, round robin,
# with its own configuration file. Then:
#
#   1. the demo people sign in (alternating instances) and each makes an API token;
#   2. a bounded workload (scripts/cluster_workload.py) carries CLUSTER_PROPOSALS proposals through
#      their units' SOPs to a signed decree over the JSON API (/api/v1/), CLUSTER_WORKERS at a time,
#      writes alternating between A and B (every fifth through nginx), reads through nginx; one item
#      of each proposal gets a period ending before the sweep date, another five years, every third
#      proposal an item found open, every fourth is returned once; every write answered 2xx is
#      logged, each with its own X-Forwarded-For address, found again in its audit event;
#   3. mid-load one instance (CLUSTER_KILL, default B) is killed with kill -9; the workload goes on
#      against the other (writes sent to the dead one fail and are not acknowledged), then the
#      instance is started again;
#   4. both instances sweep at once (`dikelola sweep --now <sweep date>`, two processes at the same
#      moment, each with its instance's data folder), once during the load and once after it, and a
#      third time to see that a sweep repeated changes nothing;
#   5. once both instances' background loops have written every published version, it checks:
#      every acknowledged write is in the database (with its audit event); no decree number (nor
#      register number) is used twice; each entry is opened once (one DIP listing, one event); the
#      two instances' publication folders are identical for every body (`terkini` and every
#      version); `dikelola audit verify` passes; neither instance crashed.
#
# Nothing is built: DIKELOLA_BIN names the executable (default: `swift build --show-bin-path`'s).
# Settings (environment):
#   CLUSTER_PROPOSALS  proposals in the workload (default 30)
#   CLUSTER_WORKERS    proposals in flight at once (default 4)
#   CLUSTER_KILL       the instance killed mid-load, A or B (default B)
#   CLUSTER_DOWN       seconds it stays down while the load goes on (default 6)
#   CLUSTER_KEEP       1 keeps the temporary folder (logs, acknowledgement log) for a look afterwards
# Every wait is bounded; with a debug build on two cores the whole run takes three to four minutes
# (about half a minute of it waiting for the instances' once-a-minute background loop).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

proposals="${CLUSTER_PROPOSALS:-30}"
workers="${CLUSTER_WORKERS:-4}"
victim="${CLUSTER_KILL:-B}"
down_seconds="${CLUSTER_DOWN:-6}"
[[ "$victim" == A || "$victim" == B ]] || { echo "CLUSTER_KILL must be A or B" >&2; exit 2; }
bin="${DIKELOLA_BIN:-}"
[[ -n "$bin" ]] || bin="$(swift build --show-bin-path)/dikelola"
[[ -x "$bin" ]] || { echo "$bin is not an executable: set DIKELOLA_BIN" >&2; exit 2; }

t0=$(date +%s)
say() { printf '\n== %s\n' "$*"; }
note() { printf '   %s\n' "$*"; }
since() { echo $(( $(date +%s) - $1 )); }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# --- Tools --------------------------------------------------------------------------------------
find_pg_bin() {
    local dir
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
    done
    return 1
}
need_root() {
    [[ $(id -u) -eq 0 ]] || { echo "$1 is missing and this is not root: run 'apt-get install $2' first." >&2; exit 2; }
}
if ! pg_bin=$(find_pg_bin) || ! command -v psql >/dev/null; then
    need_root PostgreSQL postgresql
    say "Installing PostgreSQL (Debian package postgresql)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
fi
if ! command -v nginx >/dev/null; then
    need_root nginx nginx-light
    say "Installing nginx (Debian package nginx-light)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }
fi
if ! command -v curl >/dev/null; then
    need_root curl curl
    say "Installing curl (Debian package curl)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
fi
nginx_bin=$(command -v nginx)
python3 -c 'import requests' 2>/dev/null || { echo "python3 requests is needed (pip install requests)" >&2; exit 2; }

# PostgreSQL refuses to run as root: run it as the package's `postgres` user when we are root.
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    as_pg=(runuser -u postgres --)
fi

# --- The temporary world and its cleanup ------------------------------------------------------------
work=$(mktemp -d /tmp/dikelola-cluster.XXXXXX)
chmod 755 "$work"
mkdir -p "$work/pg" "$work/A" "$work/B" "$work/nginx/tmp" "$work/ctl" "$work/sweep"
[[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$work/pg"
declare -A pid=([A]="" [B]="")
pg_started=""
nginx_pid=""
verdict=""
load_pid=""

stop_pid() {  # stop_pid PID: TERM, then KILL after 10 s; only processes this script started
    local p=$1 i
    [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null || return 0
    kill "$p" 2>/dev/null || true
    for i in $(seq 1 20); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.5; done
    kill -9 "$p" 2>/dev/null || true
}
cleanup() {
    local rc=$?
    [[ -n "$load_pid" ]] && stop_pid "$load_pid"
    stop_pid "${pid[A]}"
    stop_pid "${pid[B]}"
    stop_pid "$nginx_pid"
    if [[ -n "$pg_started" ]]; then
        "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    if [[ $rc -ne 0 && -z "$verdict" ]]; then
        echo "FAIL: the run stopped early (exit $rc); see the messages above"
    fi
    if [[ "${CLUSTER_KEEP:-0}" == 1 ]]; then
        echo "(kept $work)"
    else
        if [[ $rc -ne 0 ]]; then
            # The evidence of a failed run, small files only (not the database nor the publication folders).
            evidence=$(mktemp -d /tmp/dikelola-cluster-failed.XXXXXX)
            (cd "$work" && cp -r --parents A/serve.log B/serve.log acks.jsonl* sweep nginx/error.log diff-*.txt \
                audit.txt summary.json pg/postgres.log "$evidence"/ 2>/dev/null) || true
            echo "(logs of the failed run kept in $evidence)"
        fi
        rm -rf "$work"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

failures=()
fail() { failures+=("$*"); printf '   FAIL %s\n' "$*"; }

# --- PostgreSQL -----------------------------------------------------------------------------------
pg_port=$(free_port)
say "PostgreSQL ($pg_bin) on 127.0.0.1:$pg_port"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U dikelola --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
pg_started=1
timeout 60 "${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U dikelola dikelola
database_url="postgres://dikelola@127.0.0.1:$pg_port/dikelola?sslmode=disable"

# --- Dates: today in the demo body's zone (WIB), the sweep three and a half weeks later ------------
today=$(TZ=Asia/Jakarta date +%F)
sweep_date=$(TZ=Asia/Jakarta date -d "$today + 25 days" +%F)
sweep_now="${sweep_date}T10:00:00+07:00"
# Working days counted into a year without holiday data are refused: when the run reaches one (a
# run in December reaches January), a copy of the shipped list gets that year with weekends only.
holidays_env=()
shipped="$root/Sources/DikelolaCore/Resources/holidays.yaml"
[[ -f "$shipped" ]] || shipped="$(dirname "$bin")/Dikelola_DikelolaCore.resources/holidays.yaml"
missing_years=()
for year in $(seq "${today:0:4}" "${sweep_date:0:4}"); do
    grep -q "^  $year:" "$shipped" || missing_years+=("$year")
done
if [[ ${#missing_years[@]} -gt 0 ]]; then
    cp "$shipped" "$work/holidays.yaml"
    for year in "${missing_years[@]}"; do
        printf '\n  %s:\n    source: "cluster-check: no SKB yet; weekends only, for this test"\n    nationalHolidays: {}\n    collectiveLeave: {}\n' \
            "$year" >>"$work/holidays.yaml"
    done
    holidays_env=("DIKELOLA_HOLIDAYS_FILE=$work/holidays.yaml")
    note "holiday data missing for ${missing_years[*]}: using $work/holidays.yaml with weekends only there"
fi
note "today $today (WIB); short periods end before the sweep date $sweep_date"

# --- The two instances ------------------------------------------------------------------------------
declare -A port=([A]=$(free_port) [B]=$(free_port))
# Each instance's environment, as an array (env_A, env_B): the shared database, its own data folder.
for name in A B; do
    declare -n e="env_$name"
    e=("DATABASE_URL=$database_url" "DIKELOLA_DATA_DIR=$work/$name" "DIKELOLA_TRUSTED_PROXIES=127.0.0.1"
        "DIKELOLA_SWEEP_HOUR=1" "${holidays_env[@]}")
    unset -n e
done
start_instance() {  # start_instance A|B [--demo]
    local name=$1; shift
    local -n e="env_$name"
    (cd "$work/$name" && exec env "${e[@]}" "$bin" serve "$@" --hostname 127.0.0.1 --port "${port[$name]}" \
        >>"$work/$name/serve.log" 2>&1) &
    pid[$name]=$!
}
wait_healthy() {  # wait_healthy A|B SECONDS
    local name=$1 limit=$2 start
    start=$(date +%s)
    until curl -sf --max-time 5 "http://127.0.0.1:${port[$name]}/health" >/dev/null 2>&1; do
        if ! kill -0 "${pid[$name]}" 2>/dev/null; then
            echo "instance $name stopped while starting:" >&2; tail -30 "$work/$name/serve.log" >&2; exit 1
        fi
        if (( $(date +%s) - start > limit )); then
            echo "instance $name did not answer /health within $limit s:" >&2; tail -30 "$work/$name/serve.log" >&2; exit 1
        fi
        sleep 0.5
    done
}
say "Instance A (serve --demo) on 127.0.0.1:${port[A]}"
start=$(date +%s)
start_instance A --demo
wait_healthy A 300
startup_a=$(since "$start")
note "A up after ${startup_a} s: $(grep -c '@contohkab.go.id' "$work/A/serve.log") demo accounts, $(grep -o 'Demo prosedur:.*' "$work/A/serve.log" | head -1)"
say "Instance B (serve) on 127.0.0.1:${port[B]}"
start=$(date +%s)
start_instance B
wait_healthy B 180
startup_b=$(since "$start")
note "B up after ${startup_b} s"

# --- nginx, round robin over both ------------------------------------------------------------------
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<CONF
# cluster-check: round robin over the two Dikelola instances (this file only; not the system's nginx).
worker_processes 1;
error_log $work/nginx/error.log warn;
pid $work/nginx/nginx.pid;
events { worker_connections 256; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx/tmp/body;
    proxy_temp_path $work/nginx/tmp/proxy;
    fastcgi_temp_path $work/nginx/tmp/fastcgi;
    uwsgi_temp_path $work/nginx/tmp/uwsgi;
    scgi_temp_path $work/nginx/tmp/scgi;
    client_max_body_size 60m;
    upstream dikelola {
        server 127.0.0.1:${port[A]} max_fails=1 fail_timeout=3s;
        server 127.0.0.1:${port[B]} max_fails=1 fail_timeout=3s;
    }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://dikelola;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
            proxy_next_upstream error timeout;
        }
    }
}
CONF
if ! "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>"$work/nginx/start.txt"; then
    echo "nginx did not start:" >&2; cat "$work/nginx/start.txt" >&2; exit 1
fi
for i in $(seq 1 40); do [[ -s "$work/nginx/nginx.pid" ]] && break; sleep 0.25; done
nginx_pid=$(cat "$work/nginx/nginx.pid")
proxy="http://127.0.0.1:$nginx_port"
for i in $(seq 1 40); do curl -sf --max-time 5 "$proxy/health" >/dev/null && break; sleep 0.25; done
curl -sf --max-time 5 "$proxy/health" >/dev/null || { echo "nginx does not answer on $proxy" >&2; exit 1; }
say "nginx on $proxy, round robin over A and B"

# --- Tokens -------------------------------------------------------------------------------------------
say "Signing the demo people in (alternating instances) and making API tokens"
start=$(date +%s)
timeout 180 python3 scripts/cluster_workload.py tokens --base "http://127.0.0.1:${port[A]}" \
    --base "http://127.0.0.1:${port[B]}" --log "$work/A/serve.log" --out "$work/tokens.json"
note "$(since "$start") s"

# --- Sweeps: both instances at once ----------------------------------------------------------------
sweep_round=0
sweep_both() {  # both instances' sweep as of the sweep date, started at the same moment
    sweep_round=$((sweep_round + 1))
    local name out
    declare -A sp=()
    for name in A B; do
        out="$work/sweep/round$sweep_round-$name.log"
        local -n e="env_$name"
        (cd "$work/$name" && exec timeout 120 env "${e[@]}" "$bin" sweep --now "$sweep_now" --log warning \
            >"$out" 2>&1) &
        unset -n e
        sp[$name]=$!
    done
    for name in A B; do
        if ! wait "${sp[$name]}"; then
            fail "sweep round $sweep_round of instance $name failed: $(tail -5 "$work/sweep/round$sweep_round-$name.log")"
        fi
        note "sweep $sweep_round/$name: $(grep -o 'Sapuan:.*' "$work/sweep/round$sweep_round-$name.log" | head -1)"
    done
}

# --- The workload, the kill, the sweep during the load --------------------------------------------
say "Workload: $proposals proposals, $workers at a time; kill -9 of $victim mid-load"
load_start=$(date +%s)
python3 scripts/cluster_workload.py load --tokens "$work/tokens.json" --a "http://127.0.0.1:${port[A]}" \
    --b "http://127.0.0.1:${port[B]}" --proxy "$proxy" --acks "$work/acks.jsonl" --ctl "$work/ctl" \
    --proposals "$proposals" --workers "$workers" --today "$today" --sweep-date "$sweep_date" &
load_pid=$!
deadline=$(( $(date +%s) + 240 ))
until [[ -f "$work/ctl/kill" ]] || ! kill -0 "$load_pid" 2>/dev/null; do
    (( $(date +%s) < deadline )) || { fail "the workload did not reach the kill point within 240 s"; break; }
    sleep 0.2
done
killed_at=""
if [[ -f "$work/ctl/kill" ]] && kill -0 "$load_pid" 2>/dev/null; then
    echo "$victim" >"$work/ctl/down"
    kill -9 "${pid[$victim]}"
    wait "${pid[$victim]}" 2>/dev/null || true
    killed_at=$(date +%s)
    note "kill -9 of instance $victim (pid ${pid[$victim]}) after $(cat "$work/ctl/kill") proposals; the load goes on against the other"
    sleep "$down_seconds"
    start_instance "$victim"
    wait_healthy "$victim" 180
    rm -f "$work/ctl/down"
    note "instance $victim back after $(since "$killed_at") s (down ${down_seconds} s, then its restart)"
    say "Both instances sweep at once, during the load"
    sweep_both
else
    fail "the workload ended before the kill -9 could happen (raise CLUSTER_PROPOSALS)"
fi
load_rc=0
wait_deadline=$(( $(date +%s) + 300 ))
while kill -0 "$load_pid" 2>/dev/null; do
    if (( $(date +%s) > wait_deadline )); then fail "the workload did not finish within 300 s more"; stop_pid "$load_pid"; break; fi
    sleep 0.5
done
wait "$load_pid" || load_rc=$?
load_pid=""
load_seconds=$(since "$load_start")
[[ $load_rc -eq 0 ]] || fail "the workload stopped with an error (exit $load_rc)"

# --- Sweeps after the load, then once more: nothing may change -----------------------------------------
say "Both instances sweep at once, after the load"
sweep_both
q() { PGCONNECT_TIMEOUT=10 timeout 60 psql "$database_url" -X -At -c "$1"; }
audit_before=$(q "SELECT count(*) FROM audit_events WHERE action LIKE 'register.%' OR action = 'publication.version'")
versions_before=$(q "SELECT coalesce(sum(version), 0) FROM (SELECT max(version) AS version FROM publications GROUP BY body_id) v")
say "Both instances sweep at once again: a repeated sweep changes nothing"
sweep_both
audit_after=$(q "SELECT count(*) FROM audit_events WHERE action LIKE 'register.%' OR action = 'publication.version'")
versions_after=$(q "SELECT coalesce(sum(version), 0) FROM (SELECT max(version) AS version FROM publications GROUP BY body_id) v")
if [[ "$audit_before" != "$audit_after" || "$versions_before" != "$versions_after" ]]; then
    fail "the repeated sweep changed something: register/publication events $audit_before -> $audit_after, versions $versions_before -> $versions_after"
else
    note "no change: $audit_after register and publication events, published versions unchanged"
fi

# --- Checks on the database -------------------------------------------------------------------------
say "Checks on the database"
reports=$(ls "$work"/sweep/*.log | paste -sd, -)
python3 scripts/cluster_workload.py check --acks "$work/acks.jsonl" --database-url "$database_url" \
    --sweep-date "$sweep_date" --sweep-reports "$reports" --summary "$work/summary.json" \
    || fail "database checks (above)"

# --- Publication folders -----------------------------------------------------------------------------
say "Publication folders: waiting for both instances to write every published version"
mapfile -t bodies < <(q "SELECT b.slug || ' ' || max(p.version) FROM public_bodies b JOIN publications p ON p.body_id = b.id GROUP BY b.slug ORDER BY b.slug")
wait_start=$(date +%s)
caught_up=""
while (( $(date +%s) - wait_start < 150 )); do
    behind=0
    for line in "${bodies[@]}"; do
        read -r slug version <<<"$line"
        for name in A B; do
            [[ "$(readlink "$work/$name/publik/$slug/terkini" 2>/dev/null)" == "versi/$version" ]] || behind=1
        done
    done
    [[ $behind -eq 0 ]] && { caught_up=1; break; }
    sleep 1
done
if [[ -z "$caught_up" ]]; then
    for line in "${bodies[@]}"; do
        read -r slug version <<<"$line"
        fail "after 150 s: $slug latest version $version; A terkini -> $(readlink "$work/A/publik/$slug/terkini" || echo none), B terkini -> $(readlink "$work/B/publik/$slug/terkini" || echo none)"
    done
else
    note "both caught up after $(since "$wait_start") s"
fi
for line in "${bodies[@]}"; do
    read -r slug version <<<"$line"
    if diff -r "$work/A/publik/$slug/terkini/" "$work/B/publik/$slug/terkini/" >"$work/diff-$slug.txt" 2>&1; then
        note "$slug: terkini (versi/$version, $(find -L "$work/A/publik/$slug/terkini/" -type f | wc -l) files) identical on A and B"
    else
        fail "$slug: terkini differs between A and B: $(head -c 600 "$work/diff-$slug.txt")"
    fi
    if diff -r -x '.tmp-*' -x '.lama-*' "$work/A/publik/$slug/versi" "$work/B/publik/$slug/versi" >"$work/diff-$slug-versi.txt" 2>&1; then
        note "$slug: all $(ls "$work/A/publik/$slug/versi" | wc -l) versions identical on A and B"
    else
        fail "$slug: the version folders differ between A and B: $(head -c 600 "$work/diff-$slug-versi.txt")"
    fi
    # Each instance signed the same manifests (made once, kept in the database): both folders verify.
    for name in A B; do
        if (cd "$work" && env -u DATABASE_URL "$DIKELOLA_BIN" verify-publication "$work/$name/publik/$slug" >"$work/verify-$name-$slug.txt" 2>&1); then
            note "$slug: $name's folder verifies ($(tail -1 "$work/verify-$name-$slug.txt"))"
        else
            fail "$slug: $name's folder does not verify: $(head -c 600 "$work/verify-$name-$slug.txt")"
        fi
    done
    # A version is written under a temporary name and renamed: kill -9 in between leaves the
    # temporary folder behind (named with a dot, so neither Dikelola nor the nginx site serves it;
    # the instance removes it once it is an hour old). Reported, not failed.
    leftovers=$(cd "$work" && find A/publik/"$slug" B/publik/"$slug" -maxdepth 2 -name '.*' | tr '\n' ' ')
    [[ -z "$leftovers" ]] || note "info: temporary folders left by the kill -9 (removed after an hour): $leftovers"
done
if ! diff "$work/A/publik/index.html" "$work/B/publik/index.html" >/dev/null 2>&1; then
    fail "the publication home page publik/index.html differs between A and B"
fi

# --- The history and the instances' health -------------------------------------------------------------
say "dikelola audit verify"
if (cd "$work/A" && timeout 120 env "${env_A[@]}" "$bin" audit verify --log warning) >"$work/audit.txt" 2>&1; then
    note "$(tail -1 "$work/audit.txt")"
else
    fail "audit verify: $(tail -5 "$work/audit.txt")"
fi
for name in A B; do
    kill -0 "${pid[$name]}" 2>/dev/null || fail "instance $name is no longer running: $(tail -5 "$work/$name/serve.log")"
    if grep -E -q 'Fatal error|Segmentation|\[ (ERROR|CRITICAL) \]' "$work/$name/serve.log"; then
        fail "instance $name logged errors: $(grep -E 'Fatal error|Segmentation|\[ (ERROR|CRITICAL) \]' "$work/$name/serve.log" | head -5)"
    fi
done

# --- Figures ------------------------------------------------------------------------------------------
say "Figures"
python3 - "$work/acks.jsonl.stats.json" "$work/summary.json" <<'PY'
import json, sys, os
s = json.load(open(sys.argv[1])) if os.path.exists(sys.argv[1]) else {}
c = json.load(open(sys.argv[2])) if os.path.exists(sys.argv[2]) else {}
print(f"   requests made            {s.get('requests', '?')} ({s.get('writes', '?')} writes, {s.get('reads', '?')} reads through nginx)")
print(f"   acknowledged writes      {s.get('acknowledged', '?')} (A {s.get('acknowledged_by_A', 0)}, B {s.get('acknowledged_by_B', 0)}, "
      f"through nginx {s.get('acknowledged_by_nginx', 0)}; {c.get('decrees', '?')} decrees issued)")
print(f"   writes failed            {s.get('failed', '?')} ({s.get('failed_during_kill', '?')} while an instance was down), "
      f"{s.get('refused', '?')} refused; reads retried {s.get('read_failures', '?')}")
print(f"   proposals completed      {s.get('proposals_done', '?')} in {s.get('seconds', '?')} s "
      f"(mean {s.get('mean_proposal_seconds', '?')} s each)")
print(f"   entries opened           {c.get('opened', '?')} ({c.get('opened_by_law', '?')} by law)")
PY
note "instance A start ${startup_a} s, B start ${startup_b} s, load ${load_seconds} s, whole run $(since "$t0") s"
echo
verdict=1
if [[ ${#failures[@]} -eq 0 ]]; then
    echo "PASS: two instances on one PostgreSQL, $proposals proposals, a kill -9 mid-load, concurrent sweeps"
    exit 0
fi
echo "FAIL: ${#failures[@]} problem(s):"
for f in "${failures[@]}"; do echo "  - $f"; done
exit 1
