#!/usr/bin/env bash
# Checks what building and testing Allot needs; installs what is missing when run as root.
# Usage: scripts/prereqs.sh [--for test|run|bench]
set -euo pipefail

purpose=${2:-test}
missing_packages=()

have_header() { [ -f "/usr/include/$1" ] || [ -f "/usr/include/postgresql/$1" ]; }
pg_bindir() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        pg_config --bindir
        return
    fi
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
    echo "prereqs: Swift 6 is not installed (expected 'swift' on PATH or /opt/swift/usr/bin/swift)." >&2
    echo "prereqs: install it from https://www.swift.org/install/ and re-run." >&2
    exit 1
fi
command -v pkg-config >/dev/null 2>&1 || missing_packages+=(pkg-config)
have_header libpq-fe.h || missing_packages+=(libpq-dev)
have_header zlib.h || missing_packages+=(zlib1g-dev)
bindir=$(pg_bindir || true)
{ [ -n "$bindir" ] && [ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ]; } || missing_packages+=(postgresql postgresql-contrib)
command -v psql >/dev/null 2>&1 || missing_packages+=(postgresql-client)
command -v python3 >/dev/null 2>&1 || missing_packages+=(python3)
python3 -c "import jsonschema" >/dev/null 2>&1 || missing_packages+=(python3-jsonschema)
if [ "$purpose" = bench ]; then
    command -v wrk >/dev/null 2>&1 || missing_packages+=(wrk)
    [ -x /usr/bin/time ] || missing_packages+=(time)
    command -v bc >/dev/null 2>&1 || missing_packages+=(bc)
    command -v curl >/dev/null 2>&1 || missing_packages+=(curl)
fi

if [ ${#missing_packages[@]} -gt 0 ]; then
    command="apt-get update && apt-get install -y --no-install-recommends ${missing_packages[*]}"
    if [ "$(id -u)" = 0 ]; then
        echo "prereqs: installing ${missing_packages[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
    else
        echo "prereqs: missing ${missing_packages[*]}; install them with:" >&2
        echo "  sudo sh -c '$command'" >&2
        exit 1
    fi
fi
echo "prereqs: ok (PostgreSQL binaries in $(pg_bindir))"
