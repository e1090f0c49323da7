#!/usr/bin/env bash
# Grace's journey heard through a real screen reader: Debian's Orca reading Chromium on a virtual display.
# Installs what it needs (as root, only what is missing), starts Xvfb, a D-Bus session, the accessibility
# bus and Orca writing what it says to its debug log, then runs coproduce/tests/screen_reader/grace.py.
# The transcript goes to data/screen-reader/transcript.txt; the run fails on any defect heard there.
# Not part of `make test`: run it with `make screen-reader`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/orca ] || missing+=(orca)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
[ -x /usr/libexec/at-spi-bus-launcher ] || missing+=(at-spi2-core)
[ -x /usr/bin/dbus-launch ] || missing+=(dbus-x11)
[ -x /usr/bin/speech-dispatcher ] || missing+=(speech-dispatcher)
[ -x /usr/bin/xdotool ] || missing+=(xdotool)
# Orca runs with Debian's Python, which may not be the python3 first on the PATH.
/usr/bin/python3 -c "import pyatspi" 2>/dev/null || missing+=(python3-pyatspi gir1.2-atspi-2.0)
bash scripts/install-system-packages.sh "${missing[@]}"
bash scripts/setup.sh

out="$PWD/data/screen-reader"
mkdir -p "$out"
run="$(mktemp -d)"
pids=()
stop() {
  local status=$?
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  rm -rf "$run"
  exit "$status"
}
trap stop EXIT INT TERM

# A display, a home and a runtime directory of this run's own, so nothing of the machine's is touched.
display=""
for n in $(seq 90 99); do
  [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }
done
[ -n "$display" ] || { echo "No free X display between :90 and :99." >&2; exit 1; }
export DISPLAY="$display" HOME="$run/home" XDG_RUNTIME_DIR="$run/runtime" XDG_CONFIG_HOME="$run/home/.config"
export XDG_DATA_HOME="$run/home/.local/share" GTK_MODULES=gail:atk-bridge ACCESSIBILITY_ENABLED=1 NO_AT_BRIDGE=0
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

setsid Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >"$run/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break || sleep 0.1; done

eval "$(dbus-launch --sh-syntax)"
pids+=("$DBUS_SESSION_BUS_PID")
setsid /usr/libexec/at-spi-bus-launcher --launch-immediately >"$run/at-spi.log" 2>&1 &
pids+=($!)
sleep 1

# Orca's customizations: log what it says (debug level INFO), a line at a time so each line lands as it is said.
export ORCA_DEBUG_LOG="$out/orca-debug.log"
mkdir -p "$run/orca"
cat >"$run/orca/orca-customizations.py" <<PY
import orca.debug as debug

debug.debugLevel = debug.LEVEL_INFO
debug.debugFile = open("$ORCA_DEBUG_LOG", "w", buffering=1, encoding="utf-8")
PY
# Orca refuses to start beside another of the same user's, and this never stops one it did not start.
if pgrep -u "$(id -u)" -x orca >/dev/null; then
  echo "Another Orca is running for this user; stop it first (this script only stops what it started)." >&2
  exit 1
fi
setsid orca -u "$run/orca" >"$run/orca.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$ORCA_DEBUG_LOG" ] && break || sleep 0.2; done
if [ ! -s "$ORCA_DEBUG_LOG" ]; then
  echo "Orca did not start (no debug log). Its output:" >&2
  cat "$run/orca.log" >&2
  exit 1
fi
sleep 2

export SCREEN_READER_TRANSCRIPT="$out/transcript.txt"
status=0
.venv/bin/pytest -q -p no:randomly -p no:cacheprovider -m screen_reader coproduce/tests/screen_reader/grace.py || status=$?
echo
echo "What Orca said: $SCREEN_READER_TRANSCRIPT (Orca's whole debug log: $ORCA_DEBUG_LOG)"
exit "$status"
