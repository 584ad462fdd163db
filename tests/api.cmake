# HTTP API, command line, concurrency and multi-process suites (issue items 6, 7, 8).

# The API over a real socket, in process, on a TestEngine with a manual clock.
boxoffice_test(tst_apiserver
  SOURCES tst_apiserver.cpp
  LIBS boxoffice_app Qt6::Network
  LABELS api
  BOTH_ENGINES)

# parseCommandLine() directly, and the boxoffice executable's exit codes.
boxoffice_test(tst_commandline
  SOURCES tst_commandline.cpp
  LIBS boxoffice_app
  LABELS api)
target_compile_definitions(tst_commandline PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_commandline boxoffice)

# Real threads racing the services, each on its own connection.
boxoffice_test(tst_concurrency
  SOURCES tst_concurrency.cpp
  LABELS concurrency
  BOTH_ENGINES)

# Four `boxoffice --serve` processes on one SQLite file (and on one PostgreSQL schema).
boxoffice_test(tst_multiprocess
  SOURCES tst_multiprocess.cpp
  LIBS Qt6::Network
  LABELS multiprocess
  BOTH_ENGINES)
target_compile_definitions(tst_multiprocess PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_multiprocess boxoffice)
