#!/usr/bin/env bash
# Sells one seat in the real window with real X events (xdotool under Xvfb), keyboard only, and
# counts the actions from "customer found" to "seat paid". Prints the count and where the
# screenshots went; fails if the sale did not happen.
#   scripts/measure-sale.sh [OUTPUT_DIR]      (needs a build: scripts/build.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d /tmp/boxoffice-sale.XXXXXX)}
mkdir -p "$out"
bin="$root/build/app/boxoffice"
[ -x "$bin" ] || { echo "measure-sale: build first (scripts/build.sh)" >&2; exit 1; }
for tool in Xvfb xdotool sqlite3 import; do
  command -v "$tool" >/dev/null || { echo "measure-sale: $tool is missing (scripts/deps.sh)" >&2; exit 1; }
done
db="$out/sale.sqlite"
rm -f "$db"*
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $app $xvfb 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1
QT_QPA_PLATFORM=xcb LANG=C.UTF-8 "$bin" --database "$db" --lang en --activate-every 2 \
  >"$out/boxoffice.log" 2>&1 &
app=$!
for _ in $(seq 1 100); do
  win=$(xdotool search --name '^Box Office$' 2>/dev/null | head -n 1 || true)
  [ -n "$win" ] && break
  sleep 0.2
done
[ -n "$win" ] || { echo "measure-sale: the window never appeared" >&2; cat "$out/boxoffice.log" >&2; exit 1; }
xdotool windowfocus --sync "$win" 2>/dev/null || true
sleep 1

actions=0
act() { xdotool key --window "$win" --clearmodifiers "$@"; actions=$((actions + 1)); sleep 0.4; }
query() { sqlite3 -cmd '.timeout 5000' "$db" "$1"; }

# Finding the customer: Ctrl+F, type the member number, Enter (typing is not counted).
xdotool key --window "$win" ctrl+f; xdotool type --window "$win" --delay 50 1
xdotool key --window "$win" Return; sleep 1
import -window root "$out/1-customer-found.png"

act alt+o                        # the concerts: the first is chosen, which joins its queue
for _ in $(seq 1 50); do         # waiting to be admitted is not an action
  [ "$(query "SELECT COUNT(*) FROM queue_entries WHERE customer_id = 1 AND state = 'ACTIVE'")" = 1 ] && break
  sleep 0.2
done
sleep 1.5                        # the window's next poll (every second) shows it
import -window root "$out/2-admitted.png"
act ctrl+m                       # the seat map, on the first free seat
act space                        # hold it
import -window root "$out/3-held.png"
act ctrl+shift+p                 # Charge and pay: asks once, in place
import -window root "$out/4-confirm.png"
act space                        # confirmed: charged and paid
sleep 1
import -window root "$out/5-paid.png"

paid=$(query "SELECT COUNT(*) FROM reservations WHERE customer_id = 1 AND status = 'PAID'")
balance=$(query "SELECT balance FROM customers WHERE id = 1")
echo "measure-sale: customer found -> seat paid in $actions actions (keyboard, real X events);" \
     "paid seats: $paid, balance after: $balance; screenshots in $out"
[ "$paid" = 1 ] || { echo "measure-sale: the seat was not paid" >&2; exit 1; }
