#!/usr/bin/env bash
# Takes the README's screenshots from the real window under Xvfb, in Korean and English:
# docs/mainwindow-{ko,en}.png (a sale in progress) and docs/wallet-{ko,en}.png.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/CMakeCache.txt ] || cmake --preset default >/dev/null
cmake --build --preset default -j"$(nproc)" --target boxoffice_screenshots
mkdir -p docs
for lang in ko en; do
  TZ=Asia/Seoul QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1600x1000x24' build/tests/boxoffice_screenshots "$lang" docs
done
