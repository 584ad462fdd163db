// SeatMapModel: a schedule's seats with their states as one viewer sees them, laid out on a
// grid the view paints from; read through the EngineHost, refresh() touches only the seats that
// changed (a view keeps selection and scroll), a newer request's answer wins over an older one,
// and a refresh asked while one is out reads once more after it.

#include "SeatMapModel.h"
#include "models/ModelSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

constexpr qint64 kConcert = 1;

qint64 firstSchedule(TestEngine& t, qint64 concertId = kConcert)
{
    auto s = t->catalogue.schedulesOf(concertId);
    if (!s || s->isEmpty())
        qFatal("no schedule for concert %lld", concertId);
    return s->first().id;
}

SeatState stateAt(const SeatMapModel& m, int row)
{
    return SeatState(m.index(row).data(SeatMapModel::StateRole).toInt());
}

} // namespace

class TestSeatMapModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rolesMatchService();
    void viewerSeesOwnAndOtherHolds();
    void soldAfterPayment();
    void refreshEmitsOnlyChangedSeats();
    void refreshWithoutChangesIsSilent();
    void expiredHoldIsAvailableAfterRefresh();
    void demoGridLayout();
    void venueSeatsSitInTheirFloorPlanCells();
    void countTotals();
    void switchingAndClearingSchedules();
    void anUnknownScheduleFailsAndSaysSo();
    void aSupersededScheduleAnswerIsDropped();
    void refreshWhileAReadIsOutReadsOnceMoreAfterIt();
};

void TestSeatMapModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestSeatMapModel::rolesMatchService()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    // One seat held, so the hold roles are compared against something that is not a default.
    const QString token = t.activeToken(4, kConcert);
    auto held = t->reservations.hold(token, schedule, 17);
    QVERIFY_RESULT(held);

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(awaited(model.setViewer(4)));
    QCOMPARE(reset.count(), 0); // no schedule yet: nothing to show, nothing reset
    QVERIFY(!model.isLoaded() || model.rowCount() == 0);
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    // The empty map goes at once, the read one comes when it is read.
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.scheduleId(), schedule);
    QVERIFY(model.isLoaded());

    const auto seats = t->catalogue.seatMap(schedule, 4);
    QVERIFY_RESULT(seats);
    QCOMPARE(model.rowCount(), int(seats->size()));
    QCOMPARE(model.rowCount(), 50);
    for (int row = 0; row < model.rowCount(); ++row) {
        const SeatInfo& s = seats->at(row);
        const QModelIndex i = model.index(row);
        QCOMPARE(i.data(SeatMapModel::LabelRole).toString(), s.label);
        // The demo hall has no sections: a seat reads as its number.
        QCOMPARE(i.data(SeatMapModel::LabelRole).toString(), QString::number(s.number));
        QCOMPARE(i.data(Qt::DisplayRole).toString(), i.data(SeatMapModel::LabelRole).toString());
        QCOMPARE(i.data(SeatMapModel::StateRole).toInt(), int(s.state));
        QCOMPARE(i.data(SeatMapModel::PriceRole).toLongLong(), s.price);
        QCOMPARE(i.data(SeatMapModel::TierRole).toString(), s.tier);
        QCOMPARE(i.data(SeatMapModel::HeldByMeRole).toBool(), s.state == SeatState::HeldByMe);
        QCOMPARE(i.data(SeatMapModel::HoldExpiresRole).toLongLong(), s.holdExpiresAtMs);
        QCOMPARE(i.data(SeatMapModel::NumberRole).toInt(), s.number);
        QCOMPARE(i.data(SeatMapModel::SeatIdRole).toLongLong(), s.seatId);
        QCOMPARE(i.data(SeatMapModel::SectionRole).toString(), s.section);
        QCOMPARE(i.data(SeatMapModel::RowRole).toString(), s.row);
        QCOMPARE(model.seat(row).seatId, s.seatId);
        const QString tip = i.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(s.tier) && tip.contains(SeatMapModel::stateName(s.state)),
                 qPrintable(tip));
        QCOMPARE(i.data(Qt::AccessibleTextRole).toString(), tip);
    }
    const int row17 = model.rowOfNumber(17);
    QVERIFY(row17 >= 0);
    QCOMPARE(stateAt(model, row17), SeatState::HeldByMe);
    QCOMPARE(model.index(row17).data(SeatMapModel::HoldExpiresRole).toLongLong(),
             held->expiresAtMs);
    QCOMPARE(model.index(row17).data(SeatMapModel::PriceRole).toLongLong(), held->price);

    const auto names = model.roleNames();
    QCOMPARE(names.value(SeatMapModel::StateRole), QByteArray("state"));
    QCOMPARE(names.value(SeatMapModel::GridXRole), QByteArray("gridX"));
}

void TestSeatMapModel::viewerSeesOwnAndOtherHolds()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    constexpr qint64 a = 11;
    constexpr qint64 b = 12;
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(a, kConcert), schedule, 8));

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setViewer(a)));
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    const int row = model.rowOfNumber(8);
    QCOMPARE(stateAt(model, row), SeatState::HeldByMe);
    QVERIFY(model.index(row).data(SeatMapModel::HeldByMeRole).toBool());
    QCOMPARE(model.viewer(), a);

    // Another viewer: the same seat, someone else's hold; only that seat's data changes.
    ResetSpies resets(&model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY_RESULT(awaited(model.setViewer(b)));
    QCOMPARE(stateAt(model, row), SeatState::HeldByOther);
    QVERIFY(!model.index(row).data(SeatMapModel::HeldByMeRole).toBool());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
    QCOMPARE(resets.total(), 0);

    // Nobody at the counter: still someone else's.
    QVERIFY_RESULT(awaited(model.setViewer(0)));
    QCOMPARE(stateAt(model, row), SeatState::HeldByOther);
    QVERIFY_RESULT(awaited(model.setViewer(a)));
    QCOMPARE(stateAt(model, row), SeatState::HeldByMe);
    for (int r = 0; r < model.rowCount(); ++r) {
        if (r != row)
            QCOMPARE(stateAt(model, r), SeatState::Available);
    }
}

void TestSeatMapModel::soldAfterPayment()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    constexpr qint64 buyer = 21;
    const QString token = t.activeToken(buyer, kConcert);
    auto held = t->reservations.hold(token, schedule, 2);
    QVERIFY_RESULT(held);

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setViewer(buyer)));
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    const int row = model.rowOfNumber(2);
    QCOMPARE(stateAt(model, row), SeatState::HeldByMe);

    QVERIFY_RESULT(t->wallet.charge(buyer, held->price));
    QVERIFY_RESULT(t->payments.pay(token, {held->id}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(stateAt(model, row), SeatState::Sold);
    QVERIFY(!model.index(row).data(SeatMapModel::HeldByMeRole).toBool());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.count(SeatState::Sold), 1);
    QCOMPARE(model.count(SeatState::HeldByMe), 0);

    // Sold is sold whoever looks.
    QVERIFY_RESULT(awaited(model.setViewer(0)));
    QCOMPARE(stateAt(model, row), SeatState::Sold);
}

void TestSeatMapModel::refreshEmitsOnlyChangedSeats()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    const QString token = t.activeToken(31, kConcert);

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    QCOMPARE(model.count(SeatState::Available), model.rowCount());

    // Another terminal (its own thread, so its own connection) holds 12, 13 and 30.
    bool ok = true;
    std::thread other([&] {
        for (int number : {12, 13, 30})
            ok = t->reservations.hold(token, schedule, number).has_value() && ok;
    });
    other.join();
    QVERIFY(ok);

    ResetSpies resets(&model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(resets.total(), 0);

    // One signal per run of consecutive changed seats, covering exactly those rows.
    QCOMPARE(changed.count(), 2);
    QSet<int> signalled;
    for (const auto& args : changed) {
        const int top = args.at(0).value<QModelIndex>().row();
        const int bottom = args.at(1).value<QModelIndex>().row();
        QVERIFY(top <= bottom);
        for (int r = top; r <= bottom; ++r)
            signalled << r;
    }
    const QSet<int> expected{model.rowOfNumber(12), model.rowOfNumber(13), model.rowOfNumber(30)};
    QCOMPARE(signalled, expected);
    for (int r : expected)
        QCOMPARE(stateAt(model, r), SeatState::HeldByOther);
    QCOMPARE(model.count(SeatState::HeldByOther), 3);
}

void TestSeatMapModel::refreshWithoutChangesIsSilent()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(32, kConcert), schedule, 44));

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    ResetSpies resets(&model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(advanceSettled(t.clock, *host, 10'000));
    QVERIFY_RESULT(awaited(model.refresh()));
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(resets.total(), 0);
}

void TestSeatMapModel::expiredHoldIsAvailableAfterRefresh()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    auto held = t->reservations.hold(t.activeToken(33, kConcert), schedule, 9);
    QVERIFY_RESULT(held);

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    const int row = model.rowOfNumber(9);
    QCOMPARE(stateAt(model, row), SeatState::HeldByOther);
    QVERIFY(!model.holdExpiredSinceRefresh());

    // A millisecond before its time the hold still stands.
    t.clock.setMs(held->expiresAtMs - 1);
    QVERIFY(!model.holdExpiredSinceRefresh());
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(stateAt(model, row), SeatState::HeldByOther);

    // Past hold_seconds: time alone frees the seat, no sweeper has run.
    t.clock.setMs(held->heldAtMs + qint64(t->settings.holdSeconds) * 1000 + 1000);
    QVERIFY(model.holdExpiredSinceRefresh());
    ResetSpies resets(&model);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(stateAt(model, row), SeatState::Available);
    QCOMPARE(model.index(row).data(SeatMapModel::HoldExpiresRole).toLongLong(), 0);
    QVERIFY(!model.holdExpiredSinceRefresh());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
    QCOMPARE(resets.total(), 0);
    QCOMPARE(model.count(SeatState::Available), model.rowCount());
}

void TestSeatMapModel::demoGridLayout()
{
    TestEngine t;
    TestHost host(t);
    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setSchedule(firstSchedule(t))));

    auto cell = [&](int number) {
        const QModelIndex i = model.index(model.rowOfNumber(number));
        return QPoint(i.data(SeatMapModel::GridXRole).toInt(),
                      i.data(SeatMapModel::GridYRole).toInt());
    };
    // Ten to a row, an aisle after the fifth seat.
    QCOMPARE(cell(1), QPoint(0, 0));
    QCOMPARE(cell(5), QPoint(4, 0));
    QCOMPARE(cell(6), QPoint(6, 0));
    QCOMPARE(cell(10), QPoint(10, 0));
    QCOMPARE(cell(11), QPoint(0, 1));
    QCOMPARE(cell(16), QPoint(6, 1));
    QCOMPARE(cell(50), QPoint(10, 4));
    QCOMPARE(model.gridSize(), QSize(11, 5));

    // Every seat in its own cell; the index the view paints from (rowAt, cellOf) agrees with
    // the roles and with rowOfNumber; the aisle is empty.
    QSet<QPair<int, int>> cells;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row);
        const int x = i.data(SeatMapModel::GridXRole).toInt();
        const int y = i.data(SeatMapModel::GridYRole).toInt();
        QVERIFY(x >= 0 && x < model.gridSize().width());
        QVERIFY(y >= 0 && y < model.gridSize().height());
        cells << qMakePair(x, y);
        QCOMPARE(model.cellOf(row), QPoint(x, y));
        QCOMPARE(model.rowAt(x, y), row);
        QCOMPARE(model.rowOfNumber(i.data(SeatMapModel::NumberRole).toInt()), row);
    }
    QCOMPARE(int(cells.size()), model.rowCount());
    int empty = 0;
    for (int y = 0; y < model.gridSize().height(); ++y) {
        for (int x = 0; x < model.gridSize().width(); ++x)
            empty += model.rowAt(x, y) < 0 ? 1 : 0;
    }
    QCOMPARE(empty, model.gridSize().width() * model.gridSize().height() - model.rowCount());
    for (int y = 0; y < model.gridSize().height(); ++y)
        QCOMPARE(model.rowAt(5, y), -1);
    QCOMPARE(model.rowAt(-1, 0), -1);
    QCOMPARE(model.rowAt(0, -1), -1);
    QCOMPARE(model.rowAt(model.gridSize().width(), 0), -1);
    QCOMPARE(model.rowAt(0, model.gridSize().height()), -1);
    QCOMPARE(model.rowOfNumber(0), -1);
    QCOMPARE(model.rowOfNumber(51), -1);

    // A refresh that changes only states keeps the index as it was.
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(34, kConcert), model.scheduleId(), 16));
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(model.gridSize(), QSize(11, 5));
    QCOMPARE(model.rowAt(6, 1), model.rowOfNumber(16));
    QCOMPARE(stateAt(model, model.rowAt(6, 1)), SeatState::HeldByOther);
}

void TestSeatMapModel::venueSeatsSitInTheirFloorPlanCells()
{
    TestEngine t;
    auto big = DemoSeeder::seedLargeVenue(*t->db, t.clock);
    QVERIFY_RESULT(big);
    TestHost host(t);
    SeatMapModel model(*host);
    QVERIFY_RESULT(awaited(model.setSchedule(*big)));
    const auto seats = t->catalogue.seatMap(*big, 0);
    QVERIFY_RESULT(seats);
    QCOMPARE(model.rowCount(), int(seats->size()));
    QVERIFY(model.rowCount() >= 40'000);

    // The floor plan's own positions, not the demo hall's ten to a row.
    int width = 0;
    int height = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const SeatInfo& s = seats->at(row);
        QVERIFY(s.posX >= 0 && s.posY >= 0);
        width = std::max(width, s.posX + 1);
        height = std::max(height, s.posY + 1);
        if (model.cellOf(row) != QPoint(s.posX, s.posY) || model.rowAt(s.posX, s.posY) != row)
            QFAIL(qPrintable(QStringLiteral("seat %1 is not in its cell").arg(s.label)));
    }
    QCOMPARE(model.gridSize(), QSize(width, height));
    const SeatInfo& last = seats->last();
    QCOMPARE(model.index(model.rowOfNumber(last.number)).data(SeatMapModel::LabelRole).toString(),
             last.label);
    QVERIFY(last.label.count(QLatin1Char('-')) == 2); // "B-12-34"
}

void TestSeatMapModel::countTotals()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    constexpr qint64 me = 41;
    constexpr qint64 other = 42;
    const QString mine = t.activeToken(me, kConcert);
    QVERIFY_RESULT(t->reservations.hold(mine, schedule, 1));
    QVERIFY_RESULT(t->reservations.hold(mine, schedule, 2));
    const QString theirs = t.activeToken(other, kConcert);
    auto sold = t->reservations.hold(theirs, schedule, 3);
    QVERIFY_RESULT(sold);
    QVERIFY_RESULT(t->reservations.hold(theirs, schedule, 4));
    QVERIFY_RESULT(t->wallet.charge(other, sold->price));
    QVERIFY_RESULT(t->payments.pay(theirs, {sold->id}));
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(43, kConcert), schedule, 5));

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setViewer(me)));
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));

    const auto seats = t->catalogue.seatMap(schedule, me);
    QVERIFY_RESULT(seats);
    int sum = 0;
    for (SeatState s :
         {SeatState::Available, SeatState::HeldByMe, SeatState::HeldByOther, SeatState::Sold}) {
        const int expected = int(std::count_if(seats->begin(), seats->end(),
                                               [s](const SeatInfo& i) { return i.state == s; }));
        QCOMPARE(model.count(s), expected);
        sum += model.count(s);
    }
    QCOMPARE(sum, model.rowCount());
    QCOMPARE(model.count(SeatState::HeldByMe), 2);
    QCOMPARE(model.count(SeatState::HeldByOther), 2);
    QCOMPARE(model.count(SeatState::Sold), 1);
    QCOMPARE(model.count(SeatState::Available), model.rowCount() - 5);
}

void TestSeatMapModel::switchingAndClearingSchedules()
{
    TestEngine t;
    TestHost host(t);
    auto schedules = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(schedules);
    QVERIFY(schedules->size() >= 2);

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(awaited(model.refresh())); // nothing loaded: nothing to do
    QCOMPARE(reset.count(), 0);
    QVERIFY_RESULT(awaited(model.setSchedule(schedules->at(0).id)));
    QCOMPARE(reset.count(), 2);
    // The old map goes the moment another is asked for: never one date's seats under another's.
    QVERIFY_RESULT(awaited(model.setSchedule(schedules->at(1).id)));
    QCOMPARE(reset.count(), 4);
    QCOMPARE(model.rowCount(), schedules->at(1).totalSeats);
    QCOMPARE(model.seat(0).scheduleId, schedules->at(1).id);
    // The same schedule again is a refresh, not a reset.
    QVERIFY_RESULT(awaited(model.setSchedule(schedules->at(1).id)));
    QCOMPARE(reset.count(), 4);
    QVERIFY_RESULT(awaited(model.setSchedule(0)));
    QCOMPARE(reset.count(), 5);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.gridSize(), QSize(0, 0));
    QCOMPARE(model.rowAt(0, 0), -1);
    QVERIFY(!model.holdExpiredSinceRefresh());
}

void TestSeatMapModel::anUnknownScheduleFailsAndSaysSo()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    QSignalSpy failed(&model, &SeatMapModel::loadFailed);
    QCOMPARE_ERROR(awaited(model.setSchedule(999'999)), ErrorCode::ScheduleNotFound);
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::ScheduleNotFound);
    // Nothing of the old date is shown as if it were the unknown one's.
    QCOMPARE(model.scheduleId(), qint64(999'999));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.isLoaded());
    // Asking for a real one again works.
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(model.isLoaded());
    QCOMPARE(failed.count(), 1);
}

void TestSeatMapModel::aSupersededScheduleAnswerIsDropped()
{
    TestEngine t;
    TestHost host(t);
    const auto first = t->catalogue.schedulesOf(1);
    const auto second = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(first);
    QVERIFY_RESULT(second);
    const qint64 one = first->first().id;
    const qint64 two = second->first().id;

    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QFuture<Result<void>> asked1;
    QFuture<Result<void>> asked2;
    {
        // Both asked before either is answered: the worker is busy, as a slow database is.
        EngineGate gate(*host);
        asked1 = model.setSchedule(one);
        asked2 = model.setSchedule(two);
        QCOMPARE(model.scheduleId(), two);
        QCOMPARE(model.rowCount(), 0);
    }
    QVERIFY_RESULT(awaited(asked1));
    QVERIFY_RESULT(awaited(asked2));
    QCOMPARE(model.scheduleId(), two);
    QVERIFY(model.isLoaded());
    QCOMPARE(model.rowCount(), second->first().totalSeats);
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.seat(row).scheduleId, two);
    QVERIFY(settleHost(*host));
    QCOMPARE(model.seat(0).scheduleId, two);
}

void TestSeatMapModel::refreshWhileAReadIsOutReadsOnceMoreAfterIt()
{
    TestEngine t;
    TestHost host(t);
    const qint64 schedule = firstSchedule(t);
    const QString token = t.activeToken(35, kConcert);
    SeatMapModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setSchedule(schedule)));

    QFuture<Result<void>> first;
    QFuture<Result<void>> second;
    QFuture<Result<void>> third;
    QFuture<Result<Reservation>> held;
    {
        EngineGate gate(*host);
        first = model.refresh();
        // Someone holds seat 25 after the first read and before any other.
        held = host->call(
            [token, schedule](Engine& e) { return e.reservations.hold(token, schedule, 25); });
        second = model.refresh();
        third = model.refresh();
        // Not read twice at once: the gate, one read and the hold are all that is out.
        QCOMPARE(host->pendingCalls(), 3);
    }
    // The first read was made before the hold; the refreshes asked after it are answered by a
    // read made after it, and not before that read is in.
    QVERIFY_RESULT(awaited(second));
    QCOMPARE(stateAt(model, model.rowOfNumber(25)), SeatState::HeldByOther);
    QVERIFY(first.isFinished() && held.isFinished() && third.isFinished());
    QVERIFY_RESULT(first.result());
    QVERIFY_RESULT(held.result());
    QVERIFY_RESULT(third.result());
    QVERIFY(settleHost(*host));
    QCOMPARE(host->pendingCalls(), 0);
}

QTEST_GUILESS_MAIN(TestSeatMapModel)
#include "tst_seatmapmodel.moc"
