#!/usr/bin/env bash
# One command to start Box Office: installs what is missing, builds, and opens the GUI on the
# seeded demo database (AppDataLocation/boxoffice.sqlite). Extra arguments go to boxoffice,
# e.g. scripts/run.sh --lang en, or scripts/run.sh --serve.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [[ " $* " != *" --serve "* ]] && [[ " $* " != *" --check "* ]]; then
  echo "run: no display found; starting under xvfb-run (set DISPLAY to see the window)"
  exec xvfb-run -a build/app/boxoffice "$@"
fi
exec build/app/boxoffice "$@"
