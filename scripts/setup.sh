#!/usr/bin/env bash
# Install what the app needs to run, skipping what is already in place:
# uv, the Python dependencies (from uv.lock), the npm packages (from package-lock.json),
# and the built GOV.UK Frontend assets.
set -euo pipefail
cd "$(dirname "$0")/.."

export UV_PYTHON_DOWNLOADS=never
UV_VERSION=0.13.8

if ! command -v uv >/dev/null 2>&1 || [ "$(uv --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  echo "Installing uv $UV_VERSION"
  python3 -m pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi

uv sync --frozen --quiet

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: install Node.js 20 or later (Debian package nodejs)." >&2
  exit 1
fi
# npm ci only when the lock file has changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --silent --no-audit --no-fund
fi
npm run --silent build >/dev/null
# data/ holds the SQLite database and sent emails; staticfiles/ is where collectstatic puts assets.
mkdir -p data staticfiles
