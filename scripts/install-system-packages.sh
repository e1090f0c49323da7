#!/usr/bin/env bash
# Install the Debian packages the tests need, only those that are missing:
# Chromium for the browser and accessibility tests, PostgreSQL's server for the PostgreSQL run.
# Any packages named as arguments are installed with them (callers name only those they found missing).
set -euo pipefail

missing=("$@")
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# Pango and fonts for WeasyPrint's PDFs.
ldconfig -p | grep -q libpango-1.0 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list >/dev/null 2>&1 && [ -n "$(fc-list)" ] || missing+=(fonts-liberation)

if ((${#missing[@]})); then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Run as root (or with sudo) so they can be installed." >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # --no-install-recommends keeps apt from upgrading packages that came with the machine.
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
