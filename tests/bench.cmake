# The engine benchmark (issue items 9 and 10): a plain main() that prints a table, not a QTest.
# `bench_engine` is the full run (queues of up to 1,000,000 tokens, a few minutes);
# CTest runs the quick smoke version, which fails only on a wrong answer, never on timing.
find_package(SQLite3 REQUIRED)

qt_add_executable(bench_engine bench_engine.cpp BenchSupport.h)
target_include_directories(bench_engine PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(bench_engine PRIVATE boxoffice_services SQLite::SQLite3)

add_test(NAME bench_engine_smoke COMMAND bench_engine --quick)
set_tests_properties(bench_engine_smoke PROPERTIES
  LABELS "bench"
  TIMEOUT 300
  ENVIRONMENT "LANG=C.UTF-8")

# The PostgreSQL benchmark: hold tx/s with 1 and 8 connections against raw libpq, admission and
# live-update latency across four `boxoffice --serve` processes. It needs a server:
#   scripts/with-postgres.sh build/tests/bench_postgres [--quick]
# The smoke test reads BOXOFFICE_TEST_POSTGRES from the environment ctest runs in (run ctest
# under scripts/with-postgres.sh); without it the test fails and says so, it never passes idle.
find_package(PostgreSQL REQUIRED)

qt_add_executable(bench_postgres bench_postgres.cpp PgBenchSupport.h)
target_include_directories(bench_postgres PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(bench_postgres PRIVATE boxoffice_services Qt6::Network PostgreSQL::PostgreSQL)
target_compile_definitions(bench_postgres PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(bench_postgres boxoffice)

add_test(NAME bench_postgres_smoke COMMAND bench_postgres --quick)
set_tests_properties(bench_postgres_smoke PROPERTIES
  LABELS "bench;postgres"
  TIMEOUT 300
  ENVIRONMENT "LANG=C.UTF-8;QT_QPA_PLATFORM=offscreen")
