# Item-model tests: each model with QAbstractItemModelTester attached, signals counted.
foreach(suite IN ITEMS seatmapmodel schedulelistmodel concertlistmodel queuemodel holdsmodel
                       ledgermodel)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_${suite}.cpp)
    boxoffice_test(tst_${suite} SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_${suite}.cpp
                   LIBS boxoffice_models LABELS model BOTH_ENGINES)
  endif()
endforeach()
