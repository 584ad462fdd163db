// HoldsModel: the current customer's seat holds with a live countdown on the engine's clock (its
// own timers: moving the ManualClock ticks it); a hold leaves at the moment its time runs out and
// the signal names it.

#include "Format.h"
#include "HoldsModel.h"
#include "models/ModelSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

constexpr qint64 kConcert = 1;

qint64 scheduleOf(TestEngine& t, int index = 0)
{
    auto s = t->catalogue.schedulesOf(kConcert);
    if (!s || s->size() <= index)
        qFatal("no schedule %d", index);
    return s->at(index).id;
}

QString timeLeft(const HoldsModel& m, int row)
{
    return m.index(row, HoldsModel::TimeLeftColumn).data(Qt::DisplayRole).toString();
}

} // namespace

class TestHoldsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsTheCustomersLiveHolds();
    void aHoldLeavesExactlyWhenItsTimeRunsOut();
    void holdsRunningOutTogetherAreOneSignal();
    void countdownTicks();
    void paidHoldsLeaveOnReload();
    void aSupersededCustomersAnswerIsDropped();
    void formatCountdown_data();
    void formatCountdown();
};

void TestHoldsModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestHoldsModel::listsTheCustomersLiveHolds()
{
    TestEngine t;
    TestHost host(t);
    constexpr qint64 me = 3;
    const QString mine = t.activeToken(me, kConcert);
    const QString theirs = t.activeToken(4, kConcert);
    auto vip = t->reservations.hold(mine, scheduleOf(t, 0), 1);
    QVERIFY_RESULT(vip);
    auto r = t->reservations.hold(mine, scheduleOf(t, 1), 15);
    QVERIFY_RESULT(r);
    QVERIFY_RESULT(t->reservations.hold(theirs, scheduleOf(t, 0), 2));

    HoldsModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(awaited(model.setCustomer(me)));
    // The last customer's holds go at once, this one's come when read.
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.customerId(), me);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(HoldsModel::ColumnCount));
    QCOMPARE(model.total(), vip->price + r->price);
    QCOMPARE(model.reservationIds(), (QList<qint64>{vip->id, r->id}));
    QCOMPARE(model.holds().size(), 2);
    QCOMPARE(model.holds().at(1).seatLabel, r->seatLabel);
    QCOMPARE(model.index(0, 0).data(HoldsModel::ReservationIdRole).toLongLong(), vip->id);
    QCOMPARE(model.index(0, HoldsModel::SeatColumn).data().toString(),
             QStringLiteral("Seat %1").arg(vip->seatLabel));
    QCOMPARE(model.index(1, HoldsModel::SeatColumn).data().toString(),
             QStringLiteral("Seat %1").arg(r->seatLabel));
    QCOMPARE(model.index(0, HoldsModel::PriceColumn).data().toString(), Format::krw(vip->price));
    QCOMPARE(model.index(0, HoldsModel::PriceColumn).data().toString(),
             QStringLiteral("150,000 KRW"));
    QCOMPARE(model.index(1, 0).data(HoldsModel::RemainingMsRole).toLongLong(),
             r->expiresAtMs - t.clock.nowMs());
    QVERIFY(
        Qt::Alignment(model.index(0, HoldsModel::PriceColumn).data(Qt::TextAlignmentRole).toInt()) &
        Qt::AlignRight);
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());

    // Nobody at the counter: nothing listed.
    QVERIFY_RESULT(awaited(model.setCustomer(0)));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), 0);
    QCOMPARE(reset.count(), 4);
}

void TestHoldsModel::aHoldLeavesExactlyWhenItsTimeRunsOut()
{
    TestEngine t;
    TestHost host(t);
    constexpr qint64 me = 8;
    const QString token = t.activeToken(me, kConcert);
    const qint64 schedule = scheduleOf(t);
    auto early = t->reservations.hold(token, schedule, 31);
    QVERIFY_RESULT(early);
    t.clock.advanceSeconds(60);
    auto late = t->reservations.hold(token, schedule, 32);
    QVERIFY_RESULT(late);
    QCOMPARE(early->expiresAtMs, early->heldAtMs + qint64(t->settings.holdSeconds) * 1000);

    HoldsModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setCustomer(me)));
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy expired(&model, &HoldsModel::holdsExpired);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A millisecond before the first hold's time: nothing leaves, however often it ticked.
    t.clock.setMs(early->expiresAtMs - 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(expired.count(), 0);
    QCOMPARE(timeLeft(model, 0), QStringLiteral("0:01"));

    // Its time: it leaves at that moment, by the model's own timer.
    t.clock.advanceMs(1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(expired.count(), 1);
    const auto gone = expired.at(0).at(0).value<QList<Reservation>>();
    QCOMPARE(gone.size(), 1);
    QCOMPARE(gone.first().id, early->id);
    QCOMPARE(gone.first().seatLabel, early->seatLabel);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.reservationIds(), QList<qint64>{late->id});
    QCOMPARE(model.total(), late->price);

    // The model agrees with the service.
    auto live = t->reservations.holdsOf(me);
    QVERIFY_RESULT(live);
    QCOMPARE(live->size(), 1);
    QCOMPARE(live->first().id, late->id);

    // Ticking again without further expiry says nothing more.
    model.tick();
    QCOMPARE(expired.count(), 1);
    QCOMPARE(removed.count(), 1);

    // The second one goes at its own time, not a millisecond before.
    t.clock.setMs(late->expiresAtMs - 1);
    QCOMPARE(model.rowCount(), 1);
    t.clock.advanceMs(1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(expired.count(), 2);
    QCOMPARE(expired.at(1).at(0).value<QList<Reservation>>().first().id, late->id);
    QCOMPARE(model.total(), 0);
    QCOMPARE(reset.count(), 0);

    // Nothing left to count down: time passing repaints nothing.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    t.clock.advanceSeconds(5);
    QCOMPARE(changed.count(), 0);
}

void TestHoldsModel::holdsRunningOutTogetherAreOneSignal()
{
    TestEngine t;
    TestHost host(t);
    constexpr qint64 me = 11;
    const QString token = t.activeToken(me, kConcert);
    auto a = t->reservations.hold(token, scheduleOf(t), 21);
    QVERIFY_RESULT(a);
    auto b = t->reservations.hold(token, scheduleOf(t), 22);
    QVERIFY_RESULT(b);
    QCOMPARE(a->expiresAtMs, b->expiresAtMs);

    HoldsModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setCustomer(me)));
    QSignalSpy expired(&model, &HoldsModel::holdsExpired);
    t.clock.setMs(a->expiresAtMs);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(expired.count(), 1);
    const auto gone = expired.at(0).at(0).value<QList<Reservation>>();
    QCOMPARE(gone.size(), 2);
    QCOMPARE((QList<qint64>{gone.at(0).id, gone.at(1).id}), (QList<qint64>{a->id, b->id}));
}

void TestHoldsModel::countdownTicks()
{
    TestEngine t;
    TestHost host(t);
    constexpr qint64 me = 9;
    auto held = t->reservations.hold(t.activeToken(me, kConcert), scheduleOf(t), 40);
    QVERIFY_RESULT(held);
    QCOMPARE(held->expiresAtMs - t.clock.nowMs(), qint64(t->settings.holdSeconds) * 1000);

    HoldsModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setCustomer(me)));
    QCOMPARE(timeLeft(model, 0), QStringLiteral("5:00"));

    // A second of the engine's clock is one tick of the model's own timer.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    t.clock.advanceSeconds(1);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.column(), int(HoldsModel::TimeLeftColumn));
    QCOMPARE(bottomRight.column(), int(HoldsModel::TimeLeftColumn));
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), model.rowCount() - 1);
    QCOMPARE(timeLeft(model, 0), QStringLiteral("4:59"));
    QCOMPARE(timeLeft(model, 0),
             Format::countdown(model.index(0, 0).data(HoldsModel::RemainingMsRole).toLongLong()));

    // Less than a second moves nothing; every second on the way is a tick.
    t.clock.advanceMs(999);
    QCOMPARE(changed.count(), 1);
    t.clock.advanceMs(58'001);
    QCOMPARE(changed.count(), 60);
    QCOMPARE(timeLeft(model, 0), QStringLiteral("4:00"));
    // tick() by hand does the same as the timer.
    model.tick();
    QCOMPARE(changed.count(), 61);
}

void TestHoldsModel::paidHoldsLeaveOnReload()
{
    TestEngine t;
    TestHost host(t);
    constexpr qint64 me = 10;
    const QString token = t.activeToken(me, kConcert);
    auto a = t->reservations.hold(token, scheduleOf(t), 11);
    QVERIFY_RESULT(a);
    auto b = t->reservations.hold(token, scheduleOf(t), 12);
    QVERIFY_RESULT(b);

    HoldsModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setCustomer(me)));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY_RESULT(t->wallet.charge(me, model.total()));
    QVERIFY_RESULT(t->payments.pay(token, model.reservationIds()));
    QSignalSpy expired(&model, &HoldsModel::holdsExpired);
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), 0);
    // Paid is not "ran out": when their time would have come, nothing is said.
    t.clock.setMs(a->expiresAtMs + 1);
    QCOMPARE(expired.count(), 0);
}

void TestHoldsModel::aSupersededCustomersAnswerIsDropped()
{
    TestEngine t;
    TestHost host(t);
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(12, kConcert), scheduleOf(t), 5));
    auto theirs = t->reservations.hold(t.activeToken(13, kConcert), scheduleOf(t), 6);
    QVERIFY_RESULT(theirs);

    HoldsModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QFuture<Result<void>> asked1;
    QFuture<Result<void>> asked2;
    {
        EngineGate gate(*host);
        asked1 = model.setCustomer(12);
        asked2 = model.setCustomer(13);
    }
    QVERIFY_RESULT(awaited(asked1));
    QVERIFY_RESULT(awaited(asked2));
    QVERIFY(settleHost(*host));
    QCOMPARE(model.customerId(), 13);
    QCOMPARE(model.reservationIds(), QList<qint64>{theirs->id});
}

void TestHoldsModel::formatCountdown_data()
{
    QTest::addColumn<qint64>("remainingMs");
    QTest::addColumn<QString>("text");
    QTest::newRow("five minutes") << qint64(300'000) << QStringLiteral("5:00");
    QTest::newRow("part of a second rounds up") << qint64(299'001) << QStringLiteral("5:00");
    QTest::newRow("one second gone") << qint64(299'000) << QStringLiteral("4:59");
    QTest::newRow("ten seconds") << qint64(10'000) << QStringLiteral("0:10");
    QTest::newRow("last millisecond") << qint64(1) << QStringLiteral("0:01");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("passed") << qint64(-5'000) << QStringLiteral("0:00");
    QTest::newRow("over an hour") << qint64(3'661'000) << QStringLiteral("61:01");
}

void TestHoldsModel::formatCountdown()
{
    QFETCH(qint64, remainingMs);
    QFETCH(QString, text);
    QCOMPARE(Format::countdown(remainingMs), text);
}

QTEST_GUILESS_MAIN(TestHoldsModel)
#include "tst_holdsmodel.moc"
