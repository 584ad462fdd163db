# Hostile input for the HTTP API (issue item 3); included from tests/CMakeLists.txt.
#
# fuzz_replay (every build, g++): tests/fuzz/fuzz_api.cpp with a main() that replays the
# checked-in corpus through the ApiServer handlers (CTest fuzz_replay) and through a real
# in-process QHttpServer (fuzz_replay_http), checking every answer (no 5xx for client mistakes,
# JSON error bodies with code and message, invariants). Label "fuzz".
#
# fuzz_api (-DBOXOFFICE_FUZZ=ON, with BOXOFFICE_SANITIZE=ON): the same harness linked with
# libFuzzer from Debian's clang 14 (libclang-rt-14-dev), for the long run of scripts/fuzz.sh.
# The code is compiled by g++ (clang 14 cannot compile libstdc++ 12's <expected>), with
# -fsanitize-coverage=trace-pc,trace-cmp; gcc_coverage_shim.cpp turns g++'s trace-pc calls into
# libFuzzer's 8-bit counters (see there).

set(BOXOFFICE_FUZZ_DIR ${CMAKE_CURRENT_LIST_DIR})

qt_add_executable(fuzz_replay ${BOXOFFICE_FUZZ_DIR}/fuzz_api.cpp)
target_compile_definitions(fuzz_replay PRIVATE BOXOFFICE_FUZZ_REPLAY_MAIN)
target_include_directories(fuzz_replay PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(fuzz_replay PRIVATE boxoffice_app Qt6::Network Qt6::Test)
add_test(NAME fuzz_replay COMMAND fuzz_replay ${BOXOFFICE_FUZZ_DIR}/corpus)
add_test(NAME fuzz_replay_http COMMAND fuzz_replay ${BOXOFFICE_FUZZ_DIR}/corpus)
set_tests_properties(fuzz_replay PROPERTIES LABELS fuzz TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8")
set_tests_properties(fuzz_replay_http PROPERTIES LABELS fuzz TIMEOUT 300
  ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LANG=C.UTF-8;BOXOFFICE_FUZZ_MODE=http")

option(BOXOFFICE_FUZZ "Build the libFuzzer target fuzz_api (needs BOXOFFICE_SANITIZE=ON, g++)" OFF)
if(BOXOFFICE_FUZZ)
  if(NOT BOXOFFICE_SANITIZE OR NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "BOXOFFICE_FUZZ needs g++ and BOXOFFICE_SANITIZE=ON (scripts/fuzz.sh)")
  endif()
  find_program(BOXOFFICE_CLANG NAMES clang-14 clang REQUIRED)
  execute_process(COMMAND ${BOXOFFICE_CLANG} --print-runtime-dir
    OUTPUT_VARIABLE clang_rt_dir OUTPUT_STRIP_TRAILING_WHITESPACE)
  find_file(BOXOFFICE_LIBFUZZER libclang_rt.fuzzer-x86_64.a PATHS ${clang_rt_dir} NO_DEFAULT_PATH)
  if(NOT BOXOFFICE_LIBFUZZER)
    message(FATAL_ERROR "libFuzzer not found in ${clang_rt_dir}: install libclang-rt-14-dev")
  endif()
  set(coverage -fsanitize-coverage=trace-pc,trace-cmp)
  target_compile_options(boxoffice_services PRIVATE ${coverage})
  target_compile_options(boxoffice_app PRIVATE ${coverage})
  # The shim itself must not be instrumented (it would call itself), hence its own library.
  add_library(fuzz_coverage_shim STATIC ${BOXOFFICE_FUZZ_DIR}/gcc_coverage_shim.cpp)
  qt_add_executable(fuzz_api ${BOXOFFICE_FUZZ_DIR}/fuzz_api.cpp)
  target_compile_options(fuzz_api PRIVATE ${coverage})
  target_include_directories(fuzz_api PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  # Only fuzz_api links the shim: in a BOXOFFICE_FUZZ build the other tests do not link
  # (scripts/fuzz.sh builds this target alone).
  target_link_libraries(fuzz_api PRIVATE boxoffice_app Qt6::Network Qt6::Test
                        fuzz_coverage_shim
                        ${BOXOFFICE_LIBFUZZER})
  target_link_options(fuzz_api PRIVATE -Wl,--wrap=__sanitizer_cov_trace_pc)
endif()
