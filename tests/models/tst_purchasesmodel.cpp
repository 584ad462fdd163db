// PurchasesModel: a customer's seats, newest payment first, with what became of each (refunded,
// checked in), their refunds, and choosing seats of one payment to refund through the
// EngineHost.

#include "Format.h"
#include "PurchasesModel.h"
#include "models/ModelSupport.h"
#include "support/AfterSaleSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {
const Actor kStaff = Actor::staff(QStringLiteral("김민지"));
}

class TestPurchasesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void listsEverySeatWithItsFate();
    void choosingSeatsOfOnePayment();
    void onlyRefundableSeatsAreChosen();
    void refundTheChosenSeats();
    void unknownCustomer();
};

void TestPurchasesModel::listsEverySeatWithItsFate()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment first = buy(t, 1, schedule, {1, 2});
    t.clock.advanceMs(1000);
    const Payment second = buy(t, 1, scheduleOf(t, 2), {3});
    QVERIFY_RESULT(t->refunds.refund({first.reservationIds.at(1)}, {}, kStaff));
    QVERIFY_RESULT(t->door.checkIn(first.tickets.at(0).code, schedule, kStaff));
    buy(t, 2, schedule, {9}); // someone else's

    TestHost host(t);
    PurchasesModel m(*host);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(awaitedOk(m.setCustomer(1)));
    QCOMPARE(m.rowCount(), 3);
    QCOMPARE(m.columnCount(), int(PurchasesModel::ColumnCount));
    // Newest payment first.
    QCOMPARE(m.purchase(0).paymentId, second.id);
    QCOMPARE(m.purchase(1).paymentId, first.id);
    QCOMPARE(m.index(1, PurchasesModel::SeatColumn).data().toString(), QStringLiteral("1"));
    QVERIFY(m.index(1, PurchasesModel::StatusColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Checked in")));
    QVERIFY(m.index(2, PurchasesModel::StatusColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("Refunded")));
    QCOMPARE(m.index(0, PurchasesModel::StatusColumn).data().toString(), QStringLiteral("Paid"));
    QCOMPARE(m.index(0, PurchasesModel::PaymentColumn).data().toString(),
             QStringLiteral("No. %1").arg(second.id));
    QCOMPARE(m.index(0, PurchasesModel::PriceColumn).data().toString(), Format::krw(second.amount));
    QCOMPARE(m.refunds().size(), 1);
    QCOMPARE(m.refunds().first().operatorName, kStaff.operatorName);
    QCOMPARE(m.purchase(2).refundId, m.refunds().first().id);
}

void TestPurchasesModel::choosingSeatsOfOnePayment()
{
    TestEngine t;
    const Payment a = buy(t, 1, scheduleOf(t, 1), {4, 5});
    const Payment b = buy(t, 1, scheduleOf(t, 1), {6});
    TestHost host(t);
    PurchasesModel m(*host);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(awaitedOk(m.setCustomer(1)));
    QSignalSpy changed(&m, &PurchasesModel::choiceChanged);
    // Rows: b's seat 6, then a's seats 4 and 5.
    QVERIFY(m.setData(m.index(1, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m.setData(m.index(2, 0), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m.chosen(), a.reservationIds);
    QCOMPARE(m.chosenPayment(), a.id);
    QCOMPARE(m.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    // A seat of another payment starts a new choice: one refund is one payment's seats.
    m.choose(0, true);
    QCOMPARE(m.chosen(), b.reservationIds);
    QCOMPARE(m.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    m.choose(0, false);
    QVERIFY(m.chosen().isEmpty());
    QCOMPARE(m.chosenPayment(), 0);
    QCOMPARE(changed.size(), 4);
}

void TestPurchasesModel::onlyRefundableSeatsAreChosen()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {7, 8, 9});
    QVERIFY_RESULT(t->door.checkIn(p.tickets.at(0).code, schedule, kStaff));
    QVERIFY_RESULT(t->refunds.refund({p.reservationIds.at(1)}, {}, kStaff));
    TestHost host(t);
    PurchasesModel m(*host);
    QVERIFY(awaitedOk(m.setCustomer(1)));
    QVERIFY(!(m.flags(m.index(0, 0)) & Qt::ItemIsUserCheckable)); // checked in
    QVERIFY(!(m.flags(m.index(1, 0)) & Qt::ItemIsUserCheckable)); // refunded
    QVERIFY(m.flags(m.index(2, 0)) & Qt::ItemIsUserCheckable);
    QVERIFY(!m.setData(m.index(0, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!m.index(0, 0).data(Qt::CheckStateRole).isValid());
    QVERIFY(m.chosen().isEmpty());
    // Once the performance starts, nothing can be chosen.
    t.clock.setMs(t->catalogue.schedule(schedule)->startsAtMs);
    QVERIFY(!m.isRefundable(m.purchase(2)));
    QVERIFY(!m.setData(m.index(2, 0), Qt::Checked, Qt::CheckStateRole));
}

void TestPurchasesModel::refundTheChosenSeats()
{
    EngineSettings fee;
    fee.refundFeePercent = 10;
    TestEngine t(fee);
    const Payment p = buy(t, 1, scheduleOf(t, 1), {10, 11});
    TestHost host(t);
    PurchasesModel m(*host);
    m.setActor(kStaff);
    QVERIFY(awaitedOk(m.setCustomer(1)));
    m.choose(0, true);
    const auto q = awaited(m.quote());
    QVERIFY_RESULT(q);
    QCOMPARE(q->amount, m.purchase(0).price);
    QCOMPARE(q->fee, m.purchase(0).price / 10);
    QSignalSpy busy(&m, &PurchasesModel::busyChanged);
    auto refunded = m.refundChosen();
    QVERIFY(m.isBusy());
    QVERIFY(!m.refundChosen().isValid()); // one at a time
    const auto r = awaited(refunded);
    QVERIFY_RESULT(r);
    QVERIFY(settleHost(*host));
    QCOMPARE(busy.size(), 2);
    QCOMPARE(r->fee, q->fee);
    QCOMPARE(r->operatorName, kStaff.operatorName);
    QVERIFY(m.chosen().isEmpty());
    QCOMPARE(m.purchase(0).status, ReservationStatus::Refunded);
    QCOMPARE(m.purchase(1).status, ReservationStatus::Paid);
    QCOMPARE(m.refunds().size(), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM refunds WHERE operator = ?"),
                   {kStaff.operatorName}),
             1);
    Q_UNUSED(p);
}

void TestPurchasesModel::unknownCustomer()
{
    TestEngine t;
    TestHost host(t);
    PurchasesModel m(*host);
    QCOMPARE_ERROR(awaited(m.setCustomer(424242)), ErrorCode::UserNotFound);
    QCOMPARE(m.rowCount(), 0);
    QVERIFY(awaitedOk(m.setCustomer(0)));
    QCOMPARE(m.rowCount(), 0);
    QVERIFY(!m.refundChosen().isValid());
}

QTEST_MAIN(TestPurchasesModel)
#include "tst_purchasesmodel.moc"
