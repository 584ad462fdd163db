# Unit tests of the service layer: the domain rules of design §1 and the storage rules of §2.
# One QTest executable per class; time is driven by a ManualClock, nothing sleeps. BOTH_ENGINES
# suites also run on PostgreSQL (NAME_postgres).
boxoffice_test(tst_database SOURCES tst_database.cpp LABELS unit)
# The PostgreSQL dialect's own connection, schema and migration rules (tst_database covers
# SQLite's; tst_storagerules the schema's constraints on both).
boxoffice_test(tst_database_postgres SOURCES tst_database_postgres.cpp LIBS Qt6::Network
               LABELS unit POSTGRES_ONLY)
boxoffice_test(tst_storagerules SOURCES tst_storagerules.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_queueservice SOURCES tst_queueservice.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_catalogueservice SOURCES tst_catalogueservice.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_reservationservice SOURCES tst_reservationservice.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_walletservice SOURCES tst_walletservice.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_paymentservice SOURCES tst_paymentservice.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_invariantchecker SOURCES tst_invariantchecker.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_scheduler SOURCES tst_scheduler.cpp LABELS unit BOTH_ENGINES)
boxoffice_test(tst_customerservice SOURCES tst_customerservice.cpp LABELS unit BOTH_ENGINES)
