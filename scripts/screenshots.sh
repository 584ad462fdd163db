#!/usr/bin/env bash
# Takes the README's screenshots from the real window under Xvfb, in Korean and English:
# docs/mainwindow-{ko,en}.png (a sale in progress), docs/tickets-{ko,en}.png (the payment's
# tickets), docs/checkin-{ko,en}.png (the door: an OK and a refusal), docs/wallet-{ko,en}.png,
# docs/stadium-{ko,en}.png, and docs/ticket-pdf.png (the first page of the tickets' PDF).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/CMakeCache.txt ] || cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target boxoffice_screenshots
mkdir -p docs
for lang in ko en; do
  TZ=Asia/Seoul QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1600x1000x24' build/tests/boxoffice_screenshots "$lang" docs
done
# The PDF as the printer sees it; 100 dpi keeps the PNG small and the QR readable.
pdftoppm -png -r 100 -f 1 -l 1 -singlefile docs/ticket-ko.pdf docs/ticket-pdf
rm -f docs/ticket-ko.pdf docs/ticket-en.pdf
