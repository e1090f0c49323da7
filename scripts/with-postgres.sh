#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster on a Unix socket, then always stop and
# remove the cluster. The command sees DATABASE_URL pointing at it.
#   scripts/with-postgres.sh .venv/bin/pytest -m "not browser"
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/coproduce-pg.XXXXXX)
cleanup() {
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
chown postgres: "$dir"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
  -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null

# The database the app itself uses (the benchmark migrates it; pytest makes its own test database).
runuser -u postgres -- "$bin/createdb" -h "$dir" -U postgres coproduce

export DATABASE_URL="postgres://postgres@/coproduce?host=$dir"
"$@"
