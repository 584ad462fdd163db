# Widget tests (offscreen) and the screenshot tool for the README.
boxoffice_test(tst_mainwindow SOURCES tst_mainwindow.cpp LIBS boxoffice_views LABELS gui
               BOTH_ENGINES)
boxoffice_test(tst_translations SOURCES tst_translations.cpp LIBS boxoffice_views LABELS gui)
target_compile_definitions(tst_translations PRIVATE
  BOXOFFICE_TS_DIR="${CMAKE_SOURCE_DIR}/resources/translations"
  BOXOFFICE_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")

# Not a test: drives the real window into a mid-sale state and saves PNGs (scripts/screenshots.sh).
qt_add_executable(boxoffice_screenshots screenshots.cpp TestSupport.h)
target_include_directories(boxoffice_screenshots PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(boxoffice_screenshots PRIVATE boxoffice_views Qt6::Test)

# Seat map at stadium size: model load and full-viewport paint (issue 3 §9).
find_package(SQLite3 REQUIRED)
qt_add_executable(bench_seatmap bench_seatmap.cpp TestSupport.h)
target_include_directories(bench_seatmap PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(bench_seatmap PRIVATE boxoffice_views Qt6::Test SQLite::SQLite3)
add_test(NAME bench_seatmap_smoke COMMAND bench_seatmap --quick)
set_tests_properties(bench_seatmap_smoke PROPERTIES LABELS bench TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen")

# The API key guard of a server reachable from other machines.
boxoffice_test(tst_apiguard SOURCES tst_apiguard.cpp LIBS boxoffice_app Qt6::Network LABELS api)
target_compile_definitions(tst_apiguard PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_apiguard boxoffice)

# Faults of the machine: read-only, full, locked, damaged databases (issue 5 §5).
boxoffice_test(tst_environmentfaults SOURCES tst_environmentfaults.cpp
  LIBS boxoffice_app boxoffice_views LABELS reliability)
target_compile_definitions(tst_environmentfaults PRIVATE BOXOFFICE_BIN="$<TARGET_FILE:boxoffice>")
add_dependencies(tst_environmentfaults boxoffice)
include(http.cmake OPTIONAL)
