# Many terminals on one PostgreSQL database (issue items 3, 4 and 7): `boxoffice --serve`
# processes sharing a fresh schema on the server scripts/with-postgres.sh starts. Without
# BOXOFFICE_TEST_POSTGRES these tests fail; they never skip.

# Admission by one of four schedulers per period, a dead admitter replaced, one seat raced by
# 64 connections, and a randomized mixed workload ending in `boxoffice --check`.
boxoffice_test(tst_terminals
  SOURCES tst_terminals.cpp TerminalSupport.h
  LIBS boxoffice_app Qt6::Network Qt6::Sql
  LABELS postgres multiprocess)
target_compile_definitions(tst_terminals PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_terminals boxoffice)
set_tests_properties(tst_terminals PROPERTIES TIMEOUT 300)

# PostgreSQL stopped and started again under a workload of charges and payments; the window's
# connection line while it is gone.
boxoffice_test(tst_lostdatabase
  SOURCES tst_lostdatabase.cpp TerminalSupport.h
  LIBS boxoffice_app boxoffice_views Qt6::Network Qt6::Sql
  LABELS postgres multiprocess)
target_compile_definitions(tst_lostdatabase PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_lostdatabase boxoffice)
# These two stop and start the shared server or load it heavily: never beside other tests.
set_tests_properties(tst_lostdatabase PROPERTIES TIMEOUT 300 RUN_SERIAL TRUE)
set_tests_properties(tst_terminals PROPERTIES RUN_SERIAL TRUE)
