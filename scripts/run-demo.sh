#!/usr/bin/env bash
# `make run`: the first-run experience on the embedded database under $ALLOT_HOME (default ./.allot).
#
#   database started and migrated → the `demo` scenario generated and ingested (once) → allot.example.yaml
#   applied (a no-op when unchanged) → the latest period allocated (when it has no current run) → an admin
#   token created on first run → `allot serve` on 127.0.0.1:8080 (ALLOT_PORT), in the foreground.
#
# Ctrl-C stops the server gracefully; the database keeps running (`allot db stop` stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
allot=${ALLOT_BIN:-.build/release/allot}
home=${ALLOT_HOME:-$PWD/.allot}
port=${ALLOT_PORT:-8080}
period=2026-10
export ALLOT_HOME=$home

"$allot" db start
"$allot" migrate

# The rule set declares the organizations, so it goes first; applying the same file again stores nothing.
"$allot" apply allot.example.yaml --effective-from "$period" | tail -n 1

current=$("$allot" deliveries --period "$period" --json | grep -c '"status" *: *"current"' || true)
if (( current < 3 )); then
    echo "run: generating and ingesting the demo scenario (docs/demo-scenario.md)"
    rm -rf "$home/demo"
    "$allot" generate --preset demo --out "$home/demo" --quiet
    for manifest in "$home"/demo/*/*/*/*-Manifest.json; do
        "$allot" ingest --quiet "$manifest"
    done
fi

if ! "$allot" allocations --period "$period" --json | grep -q '"status" *: *"succeeded"'; then
    "$allot" allocate --period "$period" | head -n 8
fi

token_file=$home/admin.token
if [[ ! -s "$token_file" ]]; then
    (umask 077 && "$allot" tokens create --name "admin-$(date +%s)" --role admin --quiet > "$token_file")
    echo "run: created an admin token, kept in $token_file (only its hash is in the database)"
fi
token=$(cat "$token_file")

cat <<EOF

Allot serves the demo on http://127.0.0.1:$port — try:

  curl -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/invoices?period=$period"

Ctrl-C stops the server.
EOF
exec "$allot" serve --host 127.0.0.1 --port "$port"
