#!/usr/bin/env bash
# Performance of the public register — a script that prints figures, not a test (issue 16).
#
#   ./scripts/benchmark.sh [BODIES] [ENTRIES]      (defaults 50 and 100000)
#
# Generates BODIES public bodies with ENTRIES register entries on a fresh SQLite database (release
# build), publishes them as the application does, and measures, one run each:
#   - the cost of a new version: 1 and 100 changed entries in one body (ENTRIES/BODIES entries);
#   - the start-up: seconds until /health answers, and until the search index is in memory;
#   - with wrk on loopback, BENCH_CONNECTIONS (32) connections for BENCH_DURATION (10s) each:
#     (a) nginx serving a body's DIK page from the publication folder
#     (b) Dikelola serving the same published page (/publik/<body>/terkini/index.html)
#     (c) a Dikelola route returning the same bytes from memory (the framework's ceiling here)
#     (d) a search with filters (/publik/cari, JSON), the same one each time
#     (e) searches with filters, a different one each time
#     (f) a common word (in every entry) with no filters
#     and (d)-(f) again with DIKELOLA_SEARCH_CACHE=false: every answer computed, none remembered
#     (g) Datasette, the public peer, serving the same body's first 100 rows as HTML
#     (h) Datasette's full-text search over the same rows, with the body as filter
#   - Dikelola's peak memory; the daily sweep over BENCH_SWEEP_ENTRIES (1,000,000) entries;
#   - with BENCH_POSTGRES=1, the start-up and searches (d)-(f) again on a private PostgreSQL.
# Then prints a summary table with the targets. Needs wrk, nginx and python3 (installed from Debian
# when this runs as root) and Datasette (from PyPI, into a virtual environment in the work folder).
set -euo pipefail
cd "$(dirname "$0")/.."
bodies="${1:-50}"
entries="${2:-100000}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-32}"
sweep_entries="${BENCH_SWEEP_ENTRIES:-1000000}"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! python3 -m venv --help >/dev/null 2>&1; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk, nginx and python3-venv are needed: apt-get install wrk nginx python3-venv" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx python3-venv >/dev/null
fi

echo "== Release build"
swift build -c release --product dikelola 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/dikelola"

work=$(mktemp -d /tmp/dikelola-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
    [[ -n "${pg_stop:-}" ]] && eval "$pg_stop" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
summary="$work/summary.txt"
row() { printf '| %s | %s | %s |\n' "$1" "$2" "$3" >>"$summary"; }  # what, figure, target

echo "== Generating $bodies bodies and $entries entries"
start=$(date +%s)
DIKELOLA_DATA_DIR="$work/data" DIKELOLA_BENCHMARK=1 "$bin" benchmark-data --bodies "$bodies" --entries "$entries" --log warning | tail -1
echo "   ($(( $(date +%s) - start )) s, publication folder $(du -sh "$work/data/publik" | cut -f1))"

# The day's sweep first, as any server has done by its second day: measured apart, not under load.
start=$(date +%s)
DIKELOLA_DATA_DIR="$work/data" "$bin" sweep --log warning >/dev/null
echo "== The day's sweep over every entry: $(( $(date +%s) - start )) s"

# The cost of a new version (item 1), in a body of entries/bodies entries.
per_body=$(( entries / bodies ))
for changed in 1 100; do
    line=$(DIKELOLA_DATA_DIR="$work/data" DIKELOLA_BENCHMARK=1 "$bin" benchmark-change --body badan-03 --entries "$changed" --log warning | tail -1)
    echo "== A version of badan-03 ($per_body entries): $line"
    row "a version changing $changed of $per_body entries" "${line%%; terbesar*}" "well under 1 s, a few hundred KB"
done

start_server() {  # env... -> sets server_pid, prints the start-up
    local port=$1; shift
    local started; started=$(now_ms)
    env "$@" DIKELOLA_BENCHMARK=1 "$bin" serve --port "$port" --log notice >"$work/serve-$port.log" 2>&1 &
    server_pid=$!
    pids+=("$server_pid")
    until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
        if ! kill -0 "$server_pid" 2>/dev/null || (( $(now_ms) - started > 600000 )); then
            echo "Dikelola did not start:" >&2; tail -20 "$work/serve-$port.log" >&2; exit 1
        fi
        sleep 0.05
    done
    health_ms=$(( $(now_ms) - started ))
    until [[ "$*" == *DIKELOLA_SEARCH_IN_MEMORY=false* ]] || grep -q "Indeks pencarian dimuat" "$work/serve-$port.log"; do
        (( $(now_ms) - started > 600000 )) && break
        sleep 0.1
    done
    index_ms=$(( $(now_ms) - started ))
    echo "== Dikelola answered /health after $health_ms ms; search index in memory after $index_ms ms"
    echo "   $(grep -o 'Indeks pencarian dimuat.*' "$work/serve-$port.log" | head -1)"
}
app_port=$(free_port)
start_server "$app_port" DIKELOLA_DATA_DIR="$work/data"
row "start-up, /health answers (SQLite, $entries entries)" "$health_ms ms" "under 2,000 ms"
row "start-up, search index in memory" "$index_ms ms" ""

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
cat >"$work/nginx/nginx.conf" <<CONF
# The data folder is the owner's only (Dikelola makes it so): nginx's workers read it as the owner.
user $(id -un);
worker_processes auto;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    server {
        listen 127.0.0.1:$nginx_port;
        location /publik/ { alias $work/data/publik/; }
    }
}
CONF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf"

# The public peer: Datasette over the same published rows (the search table), with FTS5.
echo "== Datasette (PyPI) in $work/venv"
python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q datasette
python3 - "$work/data/dikelola.sqlite" "$work/dik.db" <<'PY'
import sqlite3, sys
src, dst = sys.argv[1], sys.argv[2]
out = sqlite3.connect(dst)
out.execute("ATTACH ? AS src", (src,))
out.execute("""CREATE TABLE entri AS SELECT body_slug, entry_id, title, unit, ground, status, end_date, consequences, sort_key
               FROM src.public_search_entries ORDER BY body_slug, sort_key""")
out.execute("CREATE INDEX entri_body ON entri (body_slug, sort_key)")
out.execute("CREATE VIRTUAL TABLE entri_fts USING fts5(title, consequences, entry_id, content='entri', content_rowid='rowid')")
out.execute("INSERT INTO entri_fts (rowid, title, consequences, entry_id) SELECT rowid, title, consequences, entry_id FROM entri")
out.commit()
print("   Datasette database:", out.execute("SELECT count(*) FROM entri").fetchone()[0], "rows")
PY
ds_port=$(free_port)
"$work/venv/bin/datasette" serve "$work/dik.db" --host 127.0.0.1 --port "$ds_port" --setting default_page_size 100 \
    >"$work/datasette.log" 2>&1 &
pids+=($!)
until curl -sf "http://127.0.0.1:$ds_port/-/versions.json" >/dev/null; do sleep 0.2; done

slug=badan-07
page="/publik/$slug/terkini/index.html"
size=$(curl -s "http://127.0.0.1:$app_port$page" | wc -c)
nginx_size=$(curl -s "http://127.0.0.1:$nginx_port$page" | wc -c)
memory_size=$(curl -s "http://127.0.0.1:$app_port/benchmark/memory/$slug" | wc -c)
echo "== Page $page: $size bytes from Dikelola, $nginx_size from nginx, $memory_size from memory"
if [[ "$size" != "$nginx_size" || "$size" != "$memory_size" ]]; then
    echo "The three targets do not serve the same page; nothing measured." >&2; tail -5 "$work/nginx/logs/error.log" >&2; exit 1
fi
search="/publik/cari?format=json&q=data%20pribadi&badan=$slug&tahun=2030&keadaan=exempted"
common="/publik/cari?format=json&q=data"
ds_rows="/dik/entri?body_slug=$slug&_sort=sort_key&_size=100"
ds_search="/dik/entri.json?_search=data%20pribadi&body_slug=$slug"
echo "   search sample: $(curl -s "http://127.0.0.1:$app_port$search" | head -c 120)…"
echo "   common word: $(curl -s "http://127.0.0.1:$app_port$common" | head -c 60)…"
echo "   Datasette rows: $(curl -s "http://127.0.0.1:$ds_port$ds_rows" | grep -c '<tr') table rows; search: $(curl -s "http://127.0.0.1:$ds_port$ds_search" | head -c 80)…"

cat >"$work/varied.lua" <<LUA
-- A different search each time: two words of the generator's thirty, a body, an end year (about a
-- million combinations), so the answer is computed, not remembered.
local words = {"data","pribadi","pengaduan","rekam","medis","pasien","anggaran","pengadaan","lelang","penyidikan",
  "kependudukan","pajak","aset","tanah","sertifikat","perizinan","pegawai","disiplin","evaluasi","bantuan",
  "sosial","anak","korban","saksi","intelijen","jaringan","persandian","kontrak","rencana","strategis"}
math.randomseed(7)
request = function()
  local path = string.format("/publik/cari?format=json&q=%s%%20%s&badan=badan-%02d&tahun=%d",
    words[math.random(#words)], words[math.random(#words)], math.random($bodies), 2027 + math.random(0, 24))
  return wrk.format("GET", path)
end
LUA
measure() {  # label key url [script] -> prints "label rps p50 p99", keeps key.rps and key.p99
    local out rps p50 p99
    wrk -t2 -c8 -d2s ${4:+-s "$4"} "$3" >/dev/null
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency ${4:+-s "$4"} "$3")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-46s %12s %10s %10s\n' "$1" "$rps" "$p50" "$p99"
    echo "$rps" >"$work/$2.rps"
    echo "$p99" >"$work/$2.p99"
}
measure_all() {  # prefix port -> the searches
    measure "(${1}d) search with filters, the same each time" "${1}d" "http://127.0.0.1:$2$search"
    measure "(${1}e) search with filters, a different one" "${1}e" "http://127.0.0.1:$2" "$work/varied.lua"
    measure "(${1}f) a common word, no filters" "${1}f" "http://127.0.0.1:$2$common"
}
echo
printf '%-46s %12s %10s %10s\n' "target ($connections connections, $duration)" "req/s" "p50" "p99"
measure "(a) nginx, static file" a "http://127.0.0.1:$nginx_port$page"
measure "(b) Dikelola, published file" b "http://127.0.0.1:$app_port$page"
measure "(c) Dikelola route, same bytes from memory" c "http://127.0.0.1:$app_port/benchmark/memory/$slug"
measure_all "" "$app_port"
measure "(g) Datasette, the body's first 100 rows" g "http://127.0.0.1:$ds_port$ds_rows"
measure "(h) Datasette, full-text search in the body" h "http://127.0.0.1:$ds_port$ds_search"
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "Dikelola peak memory (VmHWM): $((peak / 1024)) MB"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
# The search itself: every answer computed from the index in memory, none remembered.
start_server "$app_port" DIKELOLA_DATA_DIR="$work/data" DIKELOLA_SEARCH_CACHE=false
measure_all "computed-" "$app_port"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true

python3 - "$work" "$summary" "$connections" <<'PY'
import os, sys
w, summary, c = sys.argv[1], sys.argv[2], sys.argv[3]
def get(k, what):
    p = f"{w}/{k}.{what}"
    return open(p).read().strip() if os.path.exists(p) else None
keys = list("abcdefgh") + ["computed-d", "computed-e", "computed-f"]
rps = {k: float(get(k, "rps")) for k in keys if get(k, "rps")}
rows = [
    ("(a) nginx, published page", "a", ""), ("(b) Dikelola, published page", "b", "0.9 × (c)"),
    ("(c) framework ceiling, same bytes", "c", ""), ("(d) search with filters, same each time", "d", "3,000 req/s, p99 < 10 ms"),
    ("(e) search with filters, different each time", "e", "3,000 req/s, p99 < 10 ms"), ("(f) common word, no filters", "f", "p99 < 25 ms"),
    ("(d) computed each time (no answer cache)", "computed-d", "3,000 req/s, p99 < 10 ms"),
    ("(e) computed each time (no answer cache)", "computed-e", "3,000 req/s, p99 < 10 ms"),
    ("(f) computed each time (no answer cache)", "computed-f", "p99 < 25 ms"),
    ("(g) Datasette, 100 rows of a body", "g", ""), ("(h) Datasette, full-text search", "h", ""),
]
with open(summary, "a") as out:
    for label, k, target in rows:
        if k in rps:
            out.write(f"| {label} ({c} connections) | {rps[k]:,.0f} req/s, p99 {get(k, 'p99')} | {target} |\n")
    out.write(f"| b ÷ c (published file ÷ ceiling) | {rps['b'] / rps['c']:.2f} | ≥ 0.90 |\n")
    out.write(f"| b ÷ a (Dikelola ÷ nginx) | {rps['b'] / rps['a']:.2f} | |\n")
    out.write(f"| e ÷ c (search ÷ ceiling), computed e ÷ c | {rps['e'] / rps['c']:.2f}, {rps['computed-e'] / rps['c']:.2f} | |\n")
    out.write(f"| e ÷ h (Dikelola search ÷ Datasette search) | {rps['e'] / rps['h']:.1f} | |\n")
    out.write(f"| b ÷ g (Dikelola page ÷ Datasette page) | {rps['b'] / rps['g']:.1f} | |\n")
PY
row "Dikelola peak memory (VmHWM), SQLite run" "$((peak / 1024)) MB" ""

# The same on PostgreSQL (BENCH_POSTGRES=1): a private server in the work folder, the same data.
if [[ "${BENCH_POSTGRES:-0}" == "1" ]]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -1)
    [[ -x "$pg_bin/initdb" ]] || { echo "BENCH_POSTGRES=1 needs Debian's postgresql package" >&2; exit 1; }
    as_pg=()
    if [[ $(id -u) -eq 0 ]]; then id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres; as_pg=(runuser -u postgres --); fi
    mkdir -p "$work/pg" && [[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$work/pg"
    pg_port=$(free_port)
    "${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U dikelola --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w -t 60 -o "-p $pg_port -k $work/pg -c fsync=off" start >/dev/null
    pg_stop="${as_pg[*]} $pg_bin/pg_ctl -D $work/pg/data -m fast -w stop"
    "${as_pg[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U dikelola dikelola
    pg_url="postgres://dikelola@127.0.0.1:$pg_port/dikelola?sslmode=disable"
    echo
    echo "== PostgreSQL: generating $bodies bodies and $entries entries"
    start=$(date +%s)
    DATABASE_URL="$pg_url" DIKELOLA_DATA_DIR="$work/pgdata" DIKELOLA_BENCHMARK=1 "$bin" benchmark-data --bodies "$bodies" \
        --entries "$entries" --log warning | tail -1
    echo "   ($(( $(date +%s) - start )) s)"
    pg_app_port=$(free_port)
    start_server "$pg_app_port" DATABASE_URL="$pg_url" DIKELOLA_DATA_DIR="$work/pgdata" DIKELOLA_SEARCH_CACHE=false
    row "start-up, /health answers (PostgreSQL)" "$health_ms ms" "under 2,000 ms"
    row "start-up, search index in memory (PostgreSQL)" "$index_ms ms" ""
    measure_all "pg-" "$pg_app_port"
    for k in d e f; do
        row "PostgreSQL ($k) $(case $k in d) echo "search with filters, same";; e) echo "search with filters, varied";; f) echo "common word";; esac)" \
            "$(printf '%.0f' "$(cat "$work/pg-$k.rps")") req/s, p99 $(cat "$work/pg-$k.p99") (computed each time)" ""
    done
    # The database's own full-text index (GIN on a tsvector), without the index in memory.
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
    start_server "$pg_app_port" DATABASE_URL="$pg_url" DIKELOLA_DATA_DIR="$work/pgdata" DIKELOLA_SEARCH_IN_MEMORY=false \
        DIKELOLA_SEARCH_CACHE=false
    measure_all "pg-sql-" "$pg_app_port"
    for k in e f; do
        row "PostgreSQL GIN index, no memory ($k)" "$(printf '%.0f' "$(cat "$work/pg-sql-$k.rps")") req/s, p99 $(cat "$work/pg-sql-$k.p99")" ""
    done
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
fi

# The daily sweep at national scale (item 4): a second database of BENCH_SWEEP_ENTRIES entries
# (entries and decrees only, nothing published), none due today. The sweep reads only the entries
# its day can change, through an index, so it should not grow with the register.
echo
echo "== Generating $sweep_entries entries for the sweep (no publication)"
start=$(date +%s)
DIKELOLA_DATA_DIR="$work/sweep" DIKELOLA_BENCHMARK=1 "$bin" benchmark-data --bodies 50 --entries "$sweep_entries" \
    --no-publication --log warning | tail -1
echo "   ($(( $(date +%s) - start )) s, database $(du -sh "$work/sweep/dikelola.sqlite" | cut -f1))"
for run in first second; do
    start_ns=$(date +%s%N)
    DIKELOLA_DATA_DIR="$work/sweep" "$bin" sweep --log warning | tail -1
    sweep_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    echo "   the day's sweep over $sweep_entries entries ($run run): $sweep_ms ms"
    row "the day's sweep, $sweep_entries entries ($run run)" "$sweep_ms ms" "under 2,000 ms"
done

echo
echo "== Summary ($(nproc) cores, $(date -u +%Y-%m-%d))"
echo "| what | figure | target |"
echo "|---|---|---|"
cat "$summary"
