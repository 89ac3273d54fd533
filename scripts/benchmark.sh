#!/usr/bin/env bash
# Performance of the public register — a script that prints figures, not a test.
#
#   ./scripts/benchmark.sh [BODIES] [ENTRIES]      (defaults 50 and 100000)
#
# Generates BODIES public bodies with ENTRIES register entries on a fresh SQLite database (release
# build), publishes them as the application does, then measures with wrk on loopback, one run each:
#   (a) nginx serving a body's DIK page from the publication folder
#   (b) Dikelola serving the same published page (/publik/<body>/terkini/index.html)
#   (c) a Dikelola route returning the same bytes from memory (the framework's ceiling here)
#   (d) a search with filters (/publik/cari, JSON), the same one each time (the cache answers it)
#   (e) searches with filters, a different one each time (the full-text index answers them)
# and prints requests per second, p50/p99 latency, the ratios b÷c and b÷a, and the server's peak
# memory; then times the daily sweep over BENCH_SWEEP_ENTRIES (default 1,000,000) entries on a
# second database. Needs wrk and nginx (installed from Debian when this runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
bodies="${1:-50}"
entries="${2:-100000}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-32}"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk and nginx are needed: apt-get install wrk nginx" >&2; exit 1; }
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi

echo "== Release build"
swift build -c release --product dikelola 2>&1 | tail -1
bin="$(swift build -c release --show-bin-path)/dikelola"

work=$(mktemp -d /tmp/dikelola-bench.XXXXXX)
chmod 755 "$work"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null || true
    nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

echo "== Generating $bodies bodies and $entries entries"
start=$(date +%s)
DIKELOLA_DATA_DIR="$work/data" DIKELOLA_BENCHMARK=1 "$bin" benchmark-data --bodies "$bodies" --entries "$entries" --log warning | tail -1
echo "   ($(( $(date +%s) - start )) s, publication folder $(du -sh "$work/data/publik" | cut -f1))"

# The day's sweep first, as any server has done by its second day: measured apart, not under load.
start=$(date +%s)
DIKELOLA_DATA_DIR="$work/data" "$bin" sweep --log warning >/dev/null
echo "== The day's sweep over every entry: $(( $(date +%s) - start )) s"

app_port=$(free_port)
DIKELOLA_DATA_DIR="$work/data" DIKELOLA_BENCHMARK=1 "$bin" serve --port "$app_port" --log warning >"$work/serve.log" 2>&1 &
server_pid=$!
start=$(date +%s)
until curl -sf "http://127.0.0.1:$app_port/health" >/dev/null; do
    if ! kill -0 "$server_pid" 2>/dev/null || (( $(date +%s) - start > 600 )); then
        echo "Dikelola did not start:" >&2; tail -20 "$work/serve.log" >&2; exit 1
    fi
    sleep 0.5
done
echo "== Dikelola answered /health after $(( $(date +%s) - start )) s"

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
echo "   search sample: $(curl -s "http://127.0.0.1:$app_port$search" | head -c 120)…"

# Warm up, then measure each target once.
for url in "http://127.0.0.1:$nginx_port$page" "http://127.0.0.1:$app_port$page" "http://127.0.0.1:$app_port/benchmark/memory/$slug" "http://127.0.0.1:$app_port$search"; do
    wrk -t2 -c8 -d2s "$url" >/dev/null
done

measure() {  # label url -> prints "label rps p50 p99"
    local out rps p50 p99
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$2")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-44s %12s %10s %10s\n' "$1" "$rps" "$p50" "$p99"
    echo "$rps" >"$work/$3.rps"
}
echo
printf '%-44s %12s %10s %10s\n' "target ($connections connections, $duration)" "req/s" "p50" "p99"
measure "(a) nginx, static file" "http://127.0.0.1:$nginx_port$page" a
measure "(b) Dikelola, published file" "http://127.0.0.1:$app_port$page" b
measure "(c) Dikelola route, same bytes from memory" "http://127.0.0.1:$app_port/benchmark/memory/$slug" c
measure "(d) Dikelola search with filters" "http://127.0.0.1:$app_port$search" d
# (d) asks the same search again and again, which the search cache answers from memory after the
# first time. (e) asks a different search each time (two words of the generator's thirty, a body,
# an end year: about a million combinations), so nearly every one goes to the full-text index.
cat >"$work/varied.lua" <<LUA
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
measure_script() {  # label url script -> as measure
    local out rps p50 p99
    out=$(wrk -t2 -c"$connections" -d"$duration" --latency -s "$3" "$2")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    printf '%-44s %12s %10s %10s\n' "$1" "$rps" "$p50" "$p99"
}
measure_script "(e) search, a different one each time" "http://127.0.0.1:$app_port" "$work/varied.lua"
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
r = {k: float(open(f"{w}/{k}.rps").read()) for k in "abc"}
print(f"\nb/c = {r['b'] / r['c']:.2f}   (target >= 0.8)")
print(f"b/a = {r['b'] / r['a']:.2f}")
PY
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")
echo "Dikelola peak memory (VmHWM): $((peak / 1024)) MB   (target < 150 MB)"

# The daily sweep at national scale (issue 16, item 4): a second database of BENCH_SWEEP_ENTRIES
# entries (default 1,000,000; entries and decrees only, nothing published), none due today. The
# sweep reads only the entries its day can change, through an index, so it should not grow with
# the register.
sweep_entries="${BENCH_SWEEP_ENTRIES:-1000000}"
echo
echo "== Generating $sweep_entries entries for the sweep (no publication)"
start=$(date +%s)
DIKELOLA_DATA_DIR="$work/sweep" DIKELOLA_BENCHMARK=1 "$bin" benchmark-data --bodies 50 --entries "$sweep_entries" \
    --no-publication --log warning | tail -1
echo "   ($(( $(date +%s) - start )) s, database $(du -sh "$work/sweep/dikelola.sqlite" | cut -f1))"
for run in first second; do
    start_ns=$(date +%s%N)
    DIKELOLA_DATA_DIR="$work/sweep" "$bin" sweep --log warning | tail -1
    echo "   the day's sweep over $sweep_entries entries ($run run): $(( ($(date +%s%N) - start_ns) / 1000000 )) ms   (target < 2000 ms)"
done
