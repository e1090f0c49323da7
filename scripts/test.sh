#!/usr/bin/env bash
# The whole suite: set-up, lint, types, template lint, layering, migrations, deploy checks,
# pytest on SQLite (with the browser and accessibility tests), pytest on a throwaway PostgreSQL.
# Stops at the first part that fails and exits non-zero. Prints how long each part took, and the
# total, at the end of every run (the budget is 30 minutes on two cores: docs/decisions/0011).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

timings=()
# Run a part of the suite and note how long it took: timed "name" command [args...]
timed() {
  local name=$1 started=$SECONDS
  shift
  "$@"
  timings+=("$(printf '%-50s %5d s' "$name" $((SECONDS - started)))")
}
report() {
  local status=$?
  printf '\n==> Time taken\n'
  for line in "${timings[@]}"; do echo "$line"; done
  printf '%-50s %5d s (%dm %02ds)\n' "Total" "$SECONDS" $((SECONDS / 60)) $((SECONDS % 60))
  [ "$status" -eq 0 ] || echo "Stopped early: a part failed (exit $status)."
}
trap report EXIT

set_up() {
  step "Setting up"
  bash scripts/install-system-packages.sh
  bash scripts/setup.sh
}

migrations_and_deploy_checks() {
  step "Migrations match the models"
  DJANGO_DEBUG=true .venv/bin/python manage.py makemigrations --check --dry-run

  step "Deployment check with production settings"
  DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DJANGO_DEBUG=false DJANGO_ALLOWED_HOSTS=coproduce.example.org \
    .venv/bin/python manage.py check --deploy --fail-level WARNING
}

# Two workers: one for each core.
on_sqlite() {
  step "Tests on SQLite, with the browser and accessibility tests"
  .venv/bin/pytest -n 2
}

on_postgresql() {
  step "Tests on PostgreSQL"
  bash scripts/with-postgres.sh .venv/bin/pytest -n 2 -m "not browser"
}

timed "Set-up (system packages, Python, npm, assets)" set_up
timed "Lint, formatting, types, templates, layering" bash scripts/check.sh
timed "Migrations and deployment checks" migrations_and_deploy_checks
timed "Tests on SQLite, with browser tests" on_sqlite
timed "Tests on PostgreSQL" on_postgresql
