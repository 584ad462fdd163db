# Crash safety and soak (issue items 2 and 4); docs/RELIABILITY.md has the long runs.

# `boxoffice --serve` under a mixed load, killed with SIGKILL at random moments, restarted,
# checked: 5 rounds by default, BOXOFFICE_CRASH_ROUNDS=100 for the long run. The _postgres run
# kills the app server with a fresh schema on the test PostgreSQL server underneath.
boxoffice_test(tst_crashsafety
  SOURCES tst_crashsafety.cpp
  LIBS Qt6::Network Qt6::Sql
  LABELS reliability)
target_compile_definitions(tst_crashsafety PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_crashsafety boxoffice)
add_test(NAME tst_crashsafety_postgres COMMAND tst_crashsafety)
set_tests_properties(tst_crashsafety_postgres PROPERTIES
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;BOXOFFICE_TEST_ENGINE=postgres"
  TIMEOUT 600 LABELS "reliability;postgres")

# N HTTP clients doing every operation for S seconds against one server (a plain program:
# `soak --seconds 60 --clients 32 [--postgres]`). CTest runs only a short smoke of it.
qt_add_executable(soak soak.cpp)
target_link_libraries(soak PRIVATE Qt6::Core Qt6::Network Qt6::Sql)
target_compile_definitions(soak PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(soak boxoffice)
add_test(NAME soak_smoke COMMAND soak --seconds 5 --clients 8)
set_tests_properties(soak_smoke PROPERTIES LABELS reliability TIMEOUT 300)
add_test(NAME soak_smoke_postgres COMMAND soak --seconds 5 --clients 8 --postgres)
set_tests_properties(soak_smoke_postgres PROPERTIES LABELS "reliability;postgres" TIMEOUT 300)
