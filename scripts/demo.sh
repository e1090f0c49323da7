#!/usr/bin/env bash
# Set up and serve Coproduce with demo data on SQLite at http://127.0.0.1:8000,
# with the background worker running alongside. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

# A secret key made once for this copy of the demo and kept in the git-ignored data folder.
if [ ! -s data/demo-secret-key ]; then
  .venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))" > data/demo-secret-key
fi
export DJANGO_SECRET_KEY="$(cat data/demo-secret-key)"
export DJANGO_DEBUG=false
# The demo is served over plain HTTP on this machine only.
export DJANGO_SECURE=false
export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost
export COPRODUCE_SITE_URL=http://127.0.0.1:8000

py=.venv/bin/python
$py manage.py migrate --no-input -v 0
$py manage.py collectstatic --no-input -v 0
$py manage.py seed_demo
# Regular work the worker does each day: charter renewal reminders, scheduling reviews, and working
# out the dashboard's figures each night (each planned once; safe to repeat).
$py manage.py schedule_charter_reminders
$py manage.py schedule_reviews
$py manage.py refresh_indicators --schedule

$py manage.py db_worker --no-startup-delay &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM

echo "Serving Coproduce at http://127.0.0.1:8000 (Ctrl+C to stop)"
.venv/bin/gunicorn coproduce.wsgi:application --bind 127.0.0.1:8000 --workers 2 --access-logfile - --capture-output
