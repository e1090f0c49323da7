#!/usr/bin/env bash
# The whole suite: set-up, lint, types, template lint, layering, migrations, deploy checks,
# pytest on SQLite (with the browser and accessibility tests), pytest on a throwaway PostgreSQL.
# Stops at the first part that fails and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Setting up"
bash scripts/install-system-packages.sh
bash scripts/setup.sh

bash scripts/check.sh

step "Migrations match the models"
DJANGO_DEBUG=true .venv/bin/python manage.py makemigrations --check --dry-run

step "Deployment check with production settings"
DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS=coproduce.example.org \
  .venv/bin/python manage.py check --deploy --fail-level WARNING

# Two workers: one for each core.
step "Tests on SQLite, with the browser and accessibility tests"
.venv/bin/pytest -n 2

step "Tests on PostgreSQL"
bash scripts/with-postgres.sh .venv/bin/pytest -n 2 -m "not browser"
