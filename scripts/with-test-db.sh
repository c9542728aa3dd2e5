#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster in a temporary directory.
# The cluster listens on a unix socket only; ALLOT_TEST_DATABASE_URL points at it.
# The cluster is stopped and the directory removed on exit, failure and Ctrl-C.
# Works as root (PostgreSQL then runs as the 'postgres' user) and as any other user.
set -euo pipefail

if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir=$(pg_config --bindir)
else
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
fi

dir=$(mktemp -d /tmp/allot-test-db.XXXXXX)
chmod 755 "$dir"
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$dir"
    as_owner() { runuser -u postgres -- "$@"; }
fi

cleanup() {
    status=$?
    trap - EXIT INT TERM
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit $status
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
# Durability is pointless for a throwaway cluster; speed is not.
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -c listen_addresses= -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export ALLOT_TEST_DATABASE_URL="host=$dir dbname=postgres user=postgres"
export ALLOT_TEST_PG_BINDIR="$bindir"
echo "test database: $ALLOT_TEST_DATABASE_URL"
set +e
"$@"
status=$?
set -e
exit $status
