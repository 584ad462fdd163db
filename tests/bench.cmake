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
