#!/usr/bin/env bash
# Configures and builds Box Office with the default preset (installs Debian packages first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
if [ ! -f build/CMakeCache.txt ]; then
  cmake --preset default >/dev/null
fi
cmake --build --preset default -j"$(nproc)"
