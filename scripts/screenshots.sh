#!/usr/bin/env bash
# Takes the README's screenshots from the real windows under Xvfb, in Korean and English
# (docs/<what>-ko.png and docs/<what>-en.png):
#   sale-customer, sale-queued, sale-admitted, seat-taken, mainwindow (seats held, "Charge and
#   pay"), sale-confirm, sale-paid, wallet   the sale at the window
#   trouble-locked                           the red line while sqlite3 holds the file locked
#   stadium (the whole venue), stadium-section (a section zoomed, a seat held)
#   tickets (the payment's tickets), checkin (the door: an OK, then the same ticket again),
#   ticket-pdf (the first page of the tickets' PDF)
#   kiosk-start, kiosk-error, kiosk-seats, kiosk-no-charge
#   kiosk-1280                               the kiosk mid-sale on a 1280x800 screen
# The window is 1280x800, a small laptop's screen; the kiosk fills a 1920x1080 screen, a common
# kiosk display (saved scaled to 1280 wide, as every picture is at most).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/CMakeCache.txt ] || cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target boxoffice_screenshots
mkdir -p docs
for lang in ko en; do
  TZ=Asia/Seoul QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1920x1080x24' build/tests/boxoffice_screenshots "$lang" docs
done
# And docs/kiosk-1280-<lang>.png: the kiosk full screen on a small (1280x800) kiosk display.
for lang in ko en; do
  TZ=Asia/Seoul QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1280x800x24' \
    build/tests/boxoffice_screenshots "$lang" docs kiosk-1280
done
# And docs/mainwindow-200.png: the English window at 200 % (QT_SCALE_FACTOR=2) on a screen that
# holds it (2560×1600 pixels), to see that text, icons and the seat map scale.
TZ=Asia/Seoul QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 xvfb-run -a -s '-screen 0 2800x1800x24' \
  build/tests/boxoffice_screenshots en docs
# The tickets' PDF as the printer sees it (docs/ticket-pdf.png); 100 dpi keeps the PNG small and
# the QR readable. The PDFs themselves are not kept.
pdftoppm -png -r 100 -f 1 -l 1 -singlefile docs/ticket-ko.pdf docs/ticket-pdf
rm -f docs/ticket-ko.pdf docs/ticket-en.pdf
