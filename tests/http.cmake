# HTTP over loopback with wrk, against a bare QHttpServer route in the same run.
qt_add_executable(bench_http bench_http.cpp TestSupport.h)
target_include_directories(bench_http PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(bench_http PRIVATE boxoffice_app Qt6::HttpServer Qt6::Test)
add_test(NAME bench_http_smoke COMMAND bench_http --quick)
set_tests_properties(bench_http_smoke PROPERTIES LABELS bench TIMEOUT 300)
