#!/usr/bin/env bash
# Takes the README's screenshots from the real window under Xvfb, in Korean and English:
# docs/mainwindow-{ko,en}.png (a sale in progress), docs/wallet-{ko,en}.png, docs/stadium-{ko,en}.png,
# and docs/mainwindow-200.png: the English window at 200 % (QT_SCALE_FACTOR=2) on a screen that
# holds it (2560×1600 pixels), to see that text, icons and the seat map scale.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/CMakeCache.txt ] || cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target boxoffice_screenshots
mkdir -p docs
for lang in ko en; do
  TZ=Asia/Seoul QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1600x1000x24' build/tests/boxoffice_screenshots "$lang" docs
done
TZ=Asia/Seoul QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 xvfb-run -a -s '-screen 0 2800x1800x24' \
  build/tests/boxoffice_screenshots en docs
