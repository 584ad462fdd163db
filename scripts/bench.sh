#!/usr/bin/env bash
# The one benchmark command (docs/BENCHMARKS.md): builds the benchmark executables, then runs,
# in order, the SQLite engine benchmark, the seat-map benchmark, the HTTP benchmark (wrk) and the
# PostgreSQL benchmark beside a throwaway server (scripts/with-postgres.sh). Everything printed
# is also written to build/benchmarks.txt. Full runs by default (several minutes: the engine
# benchmark loads a queue of 1,000,000 tokens); `scripts/bench.sh --quick` runs the smoke sizes.
# Missed timing targets are reported in the output, never as a failure; the script fails only
# when a benchmark finds a wrong answer or cannot run.
set -euo pipefail
cd "$(dirname "$0")/.."

args=()
for a in "$@"; do
  case "$a" in
    --quick) args+=(--quick) ;;
    *) echo "usage: scripts/bench.sh [--quick]" >&2; exit 2 ;;
  esac
done

if [ ! -f build/CMakeCache.txt ]; then
  cmake --preset default
fi
cmake --build --preset default -j"$(nproc)" \
  --target bench_engine bench_seatmap bench_http bench_postgres boxoffice

out=build/benchmarks.txt
set +o pipefail # tee's status is not the benchmarks'; theirs is read from PIPESTATUS below
{
  echo "Box Office benchmarks, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(uname -srm), $(nproc) cores"
  echo
  echo "== build/tests/bench_engine ${args[*]:-}"
  build/tests/bench_engine "${args[@]}"
  echo
  echo "== build/tests/bench_seatmap ${args[*]:-}"
  QT_QPA_PLATFORM=offscreen build/tests/bench_seatmap "${args[@]}"
  echo
  echo "== build/tests/bench_http ${args[*]:-}"
  build/tests/bench_http "${args[@]}"
  echo
  echo "== scripts/with-postgres.sh build/tests/bench_postgres ${args[*]:-}"
  QT_QPA_PLATFORM=offscreen scripts/with-postgres.sh build/tests/bench_postgres "${args[@]}"
} 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo
echo "bench: output saved in $out"
exit "$status"
