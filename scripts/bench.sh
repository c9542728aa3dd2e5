#!/usr/bin/env bash
# `make bench`, the database figures: run through scripts/with-test-db.sh after `swift build -c release`.
# Every figure is printed next to a baseline measured in the same run, on the same throwaway cluster:
#
#   ingest    `allot ingest` of a 1,000,000-row `bench` CUR  vs  `zcat | psql \copy` of the same file into an
#             all-text table with one column per CSV column; ratio of rows/s (goal ≥ 1.0), and our peak RSS. The
#             baseline table is a regular one, WAL-logged like line_items; the same copy into an UNLOGGED table is
#             printed too.
#   allocate  `allot allocate` of that month with scripts/bench/allot.bench.yaml  vs  a plain
#             SELECT org_id, usage_account_id, sum(amortized_cost) … GROUP BY 1, 2 over it (goal ≤ 3×).
#   http      `wrk` 64 connections × 10 s on GET /v1/invoices/{id} (JSON) against `allot serve` on the demo
#             data, closed (final invoices), after a VACUUM ANALYZE and a 2 s warm-up: requests/s and p99
#             (goal ≥ 2,000 req/s, p99 ≤ 50 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ALLOT_TEST_DATABASE_URL:?run me through scripts/with-test-db.sh}"
allot=${ALLOT_BIN:-.build/release/allot}
rows=${BENCH_ROWS:-1000000}
url=$ALLOT_TEST_DATABASE_URL
work=$(mktemp -d /tmp/allot-bench.XXXXXX)
chmod 755 "$work"
server=
cleanup() {
    [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

seconds() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }
fmt() { printf "%.${2:-2}f" "$1"; }

"$allot" migrate --database-url "$url" >/dev/null

# --- ingest ------------------------------------------------------------------------------------------------------
"$allot" generate --preset bench --rows "$rows" --rows-per-file 100000000 --out "$work/bench" --quiet
manifest=$(ls "$work"/bench/bench/*/*/*-Manifest.json | head -n 1)
file=$(ls "$work"/bench/bench/*/*/*/*.csv.gz | head -n 1)
count=$(zcat "$file" | tail -n +2 | wc -l)
"$allot" apply --database-url "$url" scripts/bench/allot.bench.yaml --effective-from 2026-10 >/dev/null

psql "$url" -qc "CHECKPOINT"   # each load starts with no dirty buffers of the step before it
start=$(seconds)
/usr/bin/time -f "%M" -o "$work/rss" "$allot" ingest --quiet --database-url "$url" "$manifest"
ours=$(elapsed "$start" "$(seconds)")
rss_kb=$(tail -n 1 "$work/rss")

columns=$(python3 -c '
import csv, gzip, sys
names = next(csv.reader(gzip.open(sys.argv[1], "rt")))
print(", ".join("\"%s\" text" % n.replace("\"", "\"\"") for n in names))' "$file")
# The baseline into a regular table (WAL-logged, like line_items: the comparison the goal is about), then into an
# UNLOGGED one (no WAL at all: a bound no durable load reaches), each on a fresh table.
raw_copy() {
    psql "$url" -qc "CREATE $1 TABLE bench_raw ($columns)" -c "CHECKPOINT" >/dev/null
    local start=$(seconds)
    zcat "$file" | psql "$url" -qc "\\copy bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)"
    elapsed "$start" "$(seconds)"
    psql "$url" -qc "DROP TABLE bench_raw" >/dev/null
}
raw=$(raw_copy "")
unlogged=$(raw_copy UNLOGGED)

echo "ingest: bench preset, $count rows, $(du -m "$file" | cut -f1) MB gzip"
echo "  allot ingest          $(fmt "$(echo "$count / $ours" | bc -l)" 0) rows/s ($(fmt "$ours") s), peak RSS $(fmt "$(echo "$rss_kb / 1024" | bc -l)" 0) MB"
echo "  zcat | psql \\copy     $(fmt "$(echo "$count / $raw" | bc -l)" 0) rows/s ($(fmt "$raw") s) into an all-text table"
echo "  ratio                 $(fmt "$(echo "$raw / $ours" | bc -l)") (goal ≥ 1.0)"
echo "  same, UNLOGGED table  $(fmt "$(echo "$count / $unlogged" | bc -l)" 0) rows/s ($(fmt "$unlogged") s), ratio $(fmt "$(echo "$unlogged / $ours" | bc -l)")"

# --- allocate ----------------------------------------------------------------------------------------------------
aggregate="SELECT org_id, usage_account_id, sum(amortized_cost) FROM line_items WHERE billing_period = '2026-10-01' GROUP BY 1, 2"
psql "$url" -qc "$aggregate" >/dev/null   # warm the cache for both
start=$(seconds)
psql "$url" -qc "$aggregate" >/dev/null
plain=$(elapsed "$start" "$(seconds)")
start=$(seconds)
"$allot" allocate --database-url "$url" --period 2026-10 >/dev/null
allocation=$(elapsed "$start" "$(seconds)")
echo "allocate: 2026-10 of the bench preset ($count line items), scripts/bench/allot.bench.yaml"
echo "  allot allocate        $(fmt "$allocation") s"
echo "  plain GROUP BY        $(fmt "$plain") s (psql, org × account Σ amortized cost)"
echo "  ratio                 $(fmt "$(echo "$allocation / $plain" | bc -l)") (goal ≤ 3)"

# --- http --------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    echo "http: skipped (wrk is not installed: apt-get install wrk)"
    exit 0
fi
database=allot_bench_http
psql "$url" -qc "CREATE DATABASE $database" >/dev/null
http_url="$url dbname=$database"
"$allot" migrate --database-url "$http_url" >/dev/null
"$allot" apply --database-url "$http_url" allot.example.yaml >/dev/null
"$allot" generate --preset demo --out "$work/demo" --quiet
for manifest in "$work"/demo/*/*/*/*-Manifest.json; do "$allot" ingest --quiet --database-url "$http_url" "$manifest"; done
"$allot" allocate --database-url "$http_url" --period 2026-10 >/dev/null
# Finance pulls final invoices: the period is closed, so each is served as the bytes stored at issue.
"$allot" close --database-url "$http_url" --period 2026-10 >/dev/null
token=$("$allot" tokens create --database-url "$http_url" --name bench --role admin --quiet)
# Steady state: the maintenance the loads above left to autovacuum is done now rather than during the measurement.
psql "$http_url" -qc "VACUUM ANALYZE"
"$allot" serve --database-url "$http_url" --port 0 --max-connections 16 > "$work/serve.out" 2> "$work/serve.log" &
server=$!
for _ in $(seq 1 100); do grep -q "serving on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
base=$(grep -o 'http://[^ ]*' "$work/serve.out" | head -n 1)
id=$(curl -sf -H "Authorization: Bearer $token" "$base/v1/invoices?period=2026-10&limit=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])')
wrk -t 2 -c 64 -d 2s -H "Authorization: Bearer $token" "$base/v1/invoices/$id" >/dev/null   # warm-up
wrk -t 2 -c 64 -d 10s --latency -H "Authorization: Bearer $token" -H "Accept: application/json" \
    "$base/v1/invoices/$id" > "$work/wrk.out"
requests=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.out" || true)
echo "http: GET /v1/invoices/$id (JSON), wrk 64 connections × 10 s, release build, demo data"
echo "  $(fmt "$requests" 0) requests/s, p99 $p99 (goals ≥ 2,000 req/s, p99 ≤ 50 ms)${errors:+; $errors}"
