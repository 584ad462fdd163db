// HoldsModel: the current customer's seat holds with a live countdown; a hold whose time has
// run out leaves on the next tick.

#include "Format.h"
#include "HoldsModel.h"
#include "support/TestSupport.h"

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
    void tickRemovesExpiredHolds();
    void countdownTicks();
    void paidHoldsLeaveOnReload();
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
    constexpr qint64 me = 3;
    const QString mine = t.activeToken(me, kConcert);
    const QString theirs = t.activeToken(4, kConcert);
    auto vip = t->reservations.hold(mine, scheduleOf(t, 0), 1);
    QVERIFY_RESULT(vip);
    auto r = t->reservations.hold(mine, scheduleOf(t, 1), 15);
    QVERIFY_RESULT(r);
    QVERIFY_RESULT(t->reservations.hold(theirs, scheduleOf(t, 0), 2));

    HoldsModel model(t->reservations, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(model.setCustomer(me));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(HoldsModel::ColumnCount));
    QCOMPARE(model.total(), vip->price + r->price);
    QCOMPARE(model.reservationIds(), (QList<qint64>{vip->id, r->id}));
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
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());

    // Nobody at the counter: nothing listed.
    QVERIFY_RESULT(model.setCustomer(0));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), 0);
    QCOMPARE(reset.count(), 2);
}

void TestHoldsModel::tickRemovesExpiredHolds()
{
    TestEngine t;
    constexpr qint64 me = 8;
    const QString token = t.activeToken(me, kConcert);
    const qint64 schedule = scheduleOf(t);
    auto early = t->reservations.hold(token, schedule, 31);
    QVERIFY_RESULT(early);
    t.clock.advanceSeconds(60);
    auto late = t->reservations.hold(token, schedule, 32);
    QVERIFY_RESULT(late);

    HoldsModel model(t->reservations, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.setCustomer(me));
    QCOMPARE(model.rowCount(), 2);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy expired(&model, &HoldsModel::holdsExpired);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // A second before the first hold's time: nothing leaves.
    t.clock.setMs(early->expiresAtMs - 1000);
    model.tick();
    QCOMPARE(removed.count(), 0);
    QCOMPARE(expired.count(), 0);
    QCOMPARE(timeLeft(model, 0), QStringLiteral("0:01"));

    // Past hold_seconds since the first hold.
    t.clock.setMs(early->heldAtMs + qint64(t->settings.holdSeconds) * 1000 + 1);
    model.tick();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(expired.count(), 1);
    QCOMPARE(expired.at(0).at(0).toInt(), 1);
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

    // Both gone: the last one leaves too.
    t.clock.setMs(late->expiresAtMs);
    model.tick();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(expired.count(), 2);
    QCOMPARE(expired.at(1).at(0).toInt(), 1);
    QCOMPARE(model.total(), 0);
}

void TestHoldsModel::countdownTicks()
{
    TestEngine t;
    constexpr qint64 me = 9;
    auto held = t->reservations.hold(t.activeToken(me, kConcert), scheduleOf(t), 40);
    QVERIFY_RESULT(held);
    QCOMPARE(held->expiresAtMs - t.clock.nowMs(), qint64(t->settings.holdSeconds) * 1000);

    HoldsModel model(t->reservations, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.setCustomer(me));
    QCOMPARE(timeLeft(model, 0), QStringLiteral("5:00"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    t.clock.advanceSeconds(1);
    model.tick();
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

    t.clock.advanceSeconds(59);
    model.tick();
    QCOMPARE(timeLeft(model, 0), QStringLiteral("4:00"));
}

void TestHoldsModel::paidHoldsLeaveOnReload()
{
    TestEngine t;
    constexpr qint64 me = 10;
    const QString token = t.activeToken(me, kConcert);
    auto a = t->reservations.hold(token, scheduleOf(t), 11);
    QVERIFY_RESULT(a);
    auto b = t->reservations.hold(token, scheduleOf(t), 12);
    QVERIFY_RESULT(b);

    HoldsModel model(t->reservations, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.setCustomer(me));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY_RESULT(t->wallet.charge(me, model.total()));
    QVERIFY_RESULT(t->payments.pay(token, model.reservationIds()));
    QVERIFY_RESULT(model.reload());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.total(), 0);
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
