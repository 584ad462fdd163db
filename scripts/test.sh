#!/usr/bin/env bash
# One command to run every test: installs what is missing, builds, runs CTest and prints its
# summary. Arguments go to ctest (e.g. scripts/test.sh -R Queue).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
cd build
ctest --output-on-failure --timeout 600 "$@"
