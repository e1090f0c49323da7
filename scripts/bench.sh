#!/usr/bin/env bash
# Build a national network's data and time the key pages, on SQLite and then on a throwaway
# PostgreSQL. Figures are printed, never asserted: speed is measured here, not in tests.
#   make bench                  # full scale: 100,000 people, 1,000,000 involvement records
#   make bench SCALE=0.1        # a tenth of that, for a quick look
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${SCALE:-1}
repeat=${REPEAT:-20}
bash scripts/install-system-packages.sh
bash scripts/setup.sh

export DJANGO_SECRET_KEY=bench-only-key-not-a-secret-0123456789-abcdefghijklmn
export DJANGO_SECURE=false DJANGO_STATIC_MANIFEST=false
work=$(mktemp -d /tmp/coproduce-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export COPRODUCE_DATA_DIR="$work"

run() {
  .venv/bin/python manage.py migrate --verbosity 0
  local started=$SECONDS
  .venv/bin/python manage.py seed_bench --scale "$scale"
  echo "Data built in $((SECONDS - started)) s"
  .venv/bin/python manage.py bench --repeat "$repeat"
}

echo "== SQLite =="
run
echo
echo "== PostgreSQL =="
chmod a+rx "$work"
scripts/with-postgres.sh bash -c "$(declare -f run); scale=$scale repeat=$repeat run"
