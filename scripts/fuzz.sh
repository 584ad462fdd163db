#!/usr/bin/env bash
# The long fuzz run: builds tests/fuzz/fuzz_api (libFuzzer from Debian's clang 14, the code
# compiled by g++ with AddressSanitizer + UndefinedBehaviorSanitizer and coverage; see
# tests/fuzz/CMakeLists.txt for why g++) in build-fuzz, and fuzzes the HTTP API for SECONDS
# (default 600) starting from the checked-in corpus, then prints libFuzzer's summary. The http
# mode (the default) goes through the libmicrohttpd front over a socket; the corpus's
# X-Fuzz-Raw inputs send heads as written, so the front's framing rules and limits are fuzzed
# too (tests/fuzz/fuzz_api.cpp lists the directives).
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#   BOXOFFICE_FUZZ_MODE=direct scripts/fuzz.sh   the front's rules without a socket (faster)
#
# New inputs go to build-fuzz/fuzz-corpus (tests/fuzz/corpus is only read); a crash, sanitizer
# report or broken rule stops the run, writes build-fuzz/fuzz-artifacts/crash-* and fails the
# script. Replay one with: build-fuzz/tests/fuzz_api FILE (or build/tests/fuzz_replay FILE).
# Worth keeping inputs can be minimised into the checked-in corpus with:
#   build-fuzz/tests/fuzz_api -merge=1 tests/fuzz/corpus build-fuzz/fuzz-corpus
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
scripts/deps.sh
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DBOXOFFICE_SANITIZE=ON -DBOXOFFICE_FUZZ=ON >/dev/null
fi
cmake --build build-fuzz -j"$(nproc)" --target fuzz_api
mkdir -p build-fuzz/fuzz-corpus build-fuzz/fuzz-artifacts
export BOXOFFICE_FUZZ_MODE=${BOXOFFICE_FUZZ_MODE:-http}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "fuzz: ${seconds}s, mode $BOXOFFICE_FUZZ_MODE, corpus tests/fuzz/corpus -> build-fuzz/fuzz-corpus"
set +e
build-fuzz/tests/fuzz_api -max_total_time="$seconds" -timeout=30 \
  -dict=tests/fuzz/fuzz_api.dict -print_final_stats=1 \
  -artifact_prefix=build-fuzz/fuzz-artifacts/ \
  "$@" build-fuzz/fuzz-corpus tests/fuzz/corpus 2>&1 | tee build-fuzz/fuzz.log |
  grep -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE)'
status=${PIPESTATUS[0]}
set -e
echo "fuzz: corpus now $(find build-fuzz/fuzz-corpus -type f | wc -l) files;" \
  "artifacts: $(find build-fuzz/fuzz-artifacts -type f | wc -l) (full log build-fuzz/fuzz.log)"
exit "$status"
