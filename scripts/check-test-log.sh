#!/usr/bin/env bash
# Checks the log of the whole test suite (ALLOT_TEST_LOG, written by `make test`) for secrets: anything shaped
# like an API token (`allot_` + 32 or more base64url characters).
# Prints counts only, never a match.
# Usage: scripts/check-test-log.sh <log file>
set -euo pipefail

log=${1:?usage: scripts/check-test-log.sh <log file>}
if [ ! -s "$log" ]; then
    echo "check-test-log: $log is missing or empty: the suite logged nothing, so it proves nothing" >&2
    exit 1
fi
lines=$(wc -l <"$log")
requests=$(grep -c 'request' "$log" || true)
tokens=$(grep -cE 'allot_[A-Za-z0-9_-]{32,}' "$log" || true)
echo "check-test-log: $lines lines ($requests about requests), $tokens with a token"
[ "$tokens" = 0 ]
