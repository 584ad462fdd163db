# Unit tests of the service layer: the domain rules of design §1 and the storage rules of §2.
# One QTest executable per class; time is driven by a ManualClock, nothing sleeps.
boxoffice_test(tst_database SOURCES tst_database.cpp LABELS unit)
boxoffice_test(tst_queueservice SOURCES tst_queueservice.cpp LABELS unit)
boxoffice_test(tst_catalogueservice SOURCES tst_catalogueservice.cpp LABELS unit)
boxoffice_test(tst_reservationservice SOURCES tst_reservationservice.cpp LABELS unit)
boxoffice_test(tst_walletservice SOURCES tst_walletservice.cpp LABELS unit)
boxoffice_test(tst_paymentservice SOURCES tst_paymentservice.cpp LABELS unit)
boxoffice_test(tst_invariantchecker SOURCES tst_invariantchecker.cpp LABELS unit)
boxoffice_test(tst_scheduler SOURCES tst_scheduler.cpp LABELS unit)
boxoffice_test(tst_customerservice SOURCES tst_customerservice.cpp LABELS unit)
