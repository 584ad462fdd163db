#!/usr/bin/env bash
# The kiosk fills the screen with no window manager to help it: starts `boxoffice --kiosk` on a
# bare Xvfb and compares the window's geometry (xdotool) with the screen's. Exit 0 when equal.
#   scripts/check-kiosk-screen.sh [BOXOFFICE_BINARY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/app/boxoffice}
work=$(mktemp -d /tmp/boxoffice-kiosk.XXXXXX)
display=:$(( 200 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display
sleep 1
QT_QPA_PLATFORM=xcb XDG_DATA_HOME="$work" "$bin" --kiosk --database "$work/k.sqlite" --lang en \
  >"$work/log" 2>&1 &
app=$!
win=
for _ in $(seq 1 100); do
  win=$(xdotool search --name 'Self-service' 2>/dev/null | head -n 1 || true)
  [ -n "$win" ] && break
  sleep 0.2
done
[ -n "$win" ] || { echo "check-kiosk-screen: no kiosk window" >&2; cat "$work/log" >&2; exit 1; }
sleep 1
geometry=$(xdotool getwindowgeometry "$win" | tr -s ' ' | sed -n 's/.*Position: \([0-9]*,[0-9]*\).*/\1/p;s/.*Geometry: \([0-9]*x[0-9]*\).*/\1/p' | paste -sd' ')
echo "check-kiosk-screen: kiosk window at $geometry on a 1366x768 screen"
[ "$geometry" = "0,0 1366x768" ] || { echo "check-kiosk-screen: not the whole screen" >&2; exit 1; }
