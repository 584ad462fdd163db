#!/usr/bin/env bash
# One command to run every test: installs what is missing (PostgreSQL included), builds, then
# runs CTest beside a throwaway PostgreSQL server (scripts/with-postgres.sh: its own data folder,
# a loopback port, stopped and deleted at the end), so the *_postgres tests always run, and
# prints CTest's summary. Arguments go to ctest (e.g. scripts/test.sh -R Queue, -LE postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
root=$(pwd)
cd build
# One test per core: the timing-sensitive ones (a stopped server, terminals racing) are marked
# RUN_SERIAL and run alone. A -j given on the command line wins.
"$root/scripts/with-postgres.sh" ctest --output-on-failure --timeout 600 -j"$(nproc)" "$@"

# The .deb built from this build tree, installed with apt-get, run with the checkout hidden and
# purged again (scripts/test-package.sh; needs root, as in CI). BOXOFFICE_TEST_PACKAGE=0 skips it.
if [ "${BOXOFFICE_TEST_PACKAGE:-1}" != 0 ]; then
  "$root/scripts/with-postgres.sh" "$root/scripts/test-package.sh"
fi

# The unit tests and the fuzz corpus replay once more under AddressSanitizer and
# UndefinedBehaviorSanitizer (the "sanitize" preset, build-sanitize; SQLite only), building only
# the executables those tests run. BOXOFFICE_TEST_SANITIZE=0 skips this step.
if [ "${BOXOFFICE_TEST_SANITIZE:-1}" != 0 ]; then
  cd "$root"
  echo "test: unit tests and fuzz corpus replay under ASan + UBSan (build-sanitize)"
  if [ ! -f build-sanitize/CMakeCache.txt ]; then
    cmake --preset sanitize >/dev/null
  else
    cmake build-sanitize >/dev/null
  fi
  sanitize_labels=(-L 'unit|fuzz' -LE 'postgres')
  # Unit tests are named after their executables (tests/CMakeLists.txt); the replay is one.
  mapfile -t sanitize_targets < <(ctest --test-dir build-sanitize -N -L unit -LE postgres |
    sed -n 's/^ *Test *#[0-9]*: *\([^ ]*\).*$/\1/p'; echo fuzz_replay)
  cmake --build build-sanitize -j"$(nproc)" --target "${sanitize_targets[@]}"
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    ctest --test-dir build-sanitize --output-on-failure --timeout 600 -j"$(nproc)" "${sanitize_labels[@]}"
fi
