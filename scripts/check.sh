#!/usr/bin/env bash
# Quick static checks: lint, formatting, types, templates and the import layering rules.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "ruff check"
.venv/bin/ruff check .
step "ruff format --check"
.venv/bin/ruff format --check .
step "mypy"
.venv/bin/mypy .
step "djLint"
.venv/bin/djlint coproduce --lint
step "Import layering (import-linter)"
.venv/bin/lint-imports
