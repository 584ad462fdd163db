// ReservationService: seat holds (design H1–H3) and the token rule for them (Q8).

#include "sales/ReservationService.h"
#include "support/TestSupport.h"

#include <QTest>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

int liveReservations(TestEngine& t)
{
    return scalar(*t->db,
                  QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status IN ('HELD',"
                                 " 'PAID')"))
        .toInt();
}

QString statusOf(TestEngine& t, qint64 reservationId)
{
    return scalar(*t->db, QStringLiteral("SELECT status FROM reservations WHERE id = ?"),
                  {reservationId})
        .toString();
}

qint64 scheduleOf(TestEngine& t, qint64 concertId, int index = 0)
{
    auto s = t->catalogue.schedulesOf(concertId);
    if (!s || s->size() <= index)
        qFatal("no schedule %d of concert %lld", index, concertId);
    return s->at(index).id;
}

EngineSettings shortHolds(int holdSeconds, int maxHolds = 4)
{
    EngineSettings s;
    s.holdSeconds = holdSeconds;
    s.maxHolds = maxHolds;
    return s;
}

} // namespace

class TestReservationService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdSucceeds();
    void secondHoldOfSeatIsRefused();
    void concurrentHoldsOneWinner();
    void expiredHoldFreesSeatAtOnce();
    void expireHoldsMarksOnlyDueHolds();
    void holdLimitPerSchedule();
    void holdLimitIsASetting();
    void seatOrScheduleNotFound();
    void scheduleOfAnotherConcert();
    void tokenMustBeActive();
    void pastScheduleIsClosed();
    void release();
};

void TestReservationService::holdSucceeds()
{
    TestEngine t(shortHolds(300));
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(4, 1);
    auto map = t->catalogue.seatMap(scheduleId, 4);
    QVERIFY_RESULT(map);
    const SeatInfo seat = map->at(11); // seat 12
    t.clock.advanceSeconds(3);
    const qint64 now = t.clock.nowMs();
    auto r = t->reservations.hold(token, scheduleId, 12);
    QVERIFY_RESULT(r);
    QVERIFY(r->id > 0);
    QCOMPARE(r->status, ReservationStatus::Held);
    QCOMPARE(r->customerId, 4);
    QCOMPARE(r->scheduleId, scheduleId);
    QCOMPARE(r->seatNumber, 12);
    QCOMPARE(r->seatId, seat.seatId);
    QCOMPARE(r->price, seat.price);
    QCOMPARE(r->heldAtMs, now);
    QCOMPARE(r->expiresAtMs, now + 300'000);
    QCOMPARE(statusOf(t, r->id), QStringLiteral("HELD"));

    auto holds = t->reservations.holdsOf(4);
    QVERIFY_RESULT(holds);
    QCOMPARE(holds->size(), 1);
    QCOMPARE(holds->first().id, r->id);
    QCOMPARE(holds->first().expiresAtMs, r->expiresAtMs);
    map = t->catalogue.seatMap(scheduleId, 4);
    QVERIFY_RESULT(map);
    QCOMPARE(map->at(11).state, SeatState::HeldByMe);
}

void TestReservationService::secondHoldOfSeatIsRefused()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString first = t.activeToken(1, 1);
    const QString second = t.activeToken(2, 1);
    auto won = t->reservations.hold(first, scheduleId, 7);
    QVERIFY_RESULT(won);
    auto lost = t->reservations.hold(second, scheduleId, 7);
    QCOMPARE_ERROR(lost, ErrorCode::SeatAlreadyTaken);
    QCOMPARE(lost.error().korean, QStringLiteral("이미 선택된 좌석입니다."));
    QCOMPARE_ERROR(t->reservations.hold(first, scheduleId, 7), ErrorCode::SeatAlreadyTaken);
    QCOMPARE(liveReservations(t), 1);
    auto holds = t->reservations.holdsOf(2);
    QVERIFY_RESULT(holds);
    QVERIFY(holds->isEmpty());
    // The same seat number on another date is another seat.
    QVERIFY_RESULT(t->reservations.hold(second, scheduleOf(t, 1, 1), 7));
}

void TestReservationService::concurrentHoldsOneWinner()
{
    constexpr int kThreads = 6;
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    QStringList tokens;
    for (int c = 1; c <= kThreads; ++c)
        tokens << t.activeToken(c, 1);

    std::atomic<int> won{0}, taken{0}, other{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            auto r = t->reservations.hold(tokens[i], scheduleId, 25);
            if (r)
                ++won;
            else if (r.error().code == ErrorCode::SeatAlreadyTaken)
                ++taken;
            else
                ++other;
        });
    }
    for (auto& th : threads)
        th.join();
    QCOMPARE(won.load(), 1);
    QCOMPARE(taken.load(), kThreads - 1);
    QCOMPARE(other.load(), 0);
    QCOMPARE(liveReservations(t), 1);
}

void TestReservationService::expiredHoldFreesSeatAtOnce()
{
    TestEngine t(shortHolds(60));
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString first = t.activeToken(1, 1);
    const QString second = t.activeToken(2, 1);
    auto a = t->reservations.hold(first, scheduleId, 3);
    QVERIFY_RESULT(a);
    QCOMPARE(a->expiresAtMs, t.clock.nowMs() + 60'000);

    t.clock.setMs(a->expiresAtMs - 1);
    QCOMPARE_ERROR(t->reservations.hold(second, scheduleId, 3), ErrorCode::SeatAlreadyTaken);

    t.clock.setMs(a->expiresAtMs); // no sweeper has run
    auto b = t->reservations.hold(second, scheduleId, 3);
    QVERIFY_RESULT(b);
    QCOMPARE(b->customerId, 2);
    QCOMPARE(statusOf(t, a->id), QStringLiteral("EXPIRED"));
    QCOMPARE(statusOf(t, b->id), QStringLiteral("HELD"));
    auto holds = t->reservations.holdsOf(1);
    QVERIFY_RESULT(holds);
    QVERIFY(holds->isEmpty());
}

void TestReservationService::expireHoldsMarksOnlyDueHolds()
{
    TestEngine t(shortHolds(60));
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const qint64 t0 = t.clock.nowMs();
    auto a = t->reservations.hold(token, scheduleId, 1);
    QVERIFY_RESULT(a);
    auto b = t->reservations.hold(token, scheduleId, 2);
    QVERIFY_RESULT(b);
    t.clock.setMs(t0 + 30'000);
    auto c = t->reservations.hold(token, scheduleId, 3);
    QVERIFY_RESULT(c);

    auto n = t->reservations.expireHolds(t0 + 59'999);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 0);
    n = t->reservations.expireHolds(t0 + 60'000);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 2);
    QCOMPARE(statusOf(t, a->id), QStringLiteral("EXPIRED"));
    QCOMPARE(statusOf(t, b->id), QStringLiteral("EXPIRED"));
    QCOMPARE(statusOf(t, c->id), QStringLiteral("HELD"));
    n = t->reservations.expireHolds(t0 + 60'000);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 0); // already done
    n = t->reservations.expireHolds(t0 + 90'000);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    QCOMPARE(statusOf(t, c->id), QStringLiteral("EXPIRED"));
}

void TestReservationService::holdLimitPerSchedule()
{
    TestEngine t(shortHolds(60));
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    QList<Reservation> held;
    for (int seat = 1; seat <= 4; ++seat) {
        auto r = t->reservations.hold(token, scheduleId, seat);
        QVERIFY_RESULT(r);
        held << *r;
    }
    auto fifth = t->reservations.hold(token, scheduleId, 5);
    QCOMPARE_ERROR(fifth, ErrorCode::HoldLimit);
    QCOMPARE(fifth.error().extra.value(QStringLiteral("maxHolds")).toInt(), 4);
    QCOMPARE(liveReservations(t), 4);
    // Another customer is not affected, nor is another date for this one.
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(2, 1), scheduleId, 5));
    QVERIFY_RESULT(t->reservations.hold(token, scheduleOf(t, 1, 1), 5));
    // Giving one back makes room.
    QVERIFY_RESULT(t->reservations.release(token, held.first().id));
    QVERIFY_RESULT(t->reservations.hold(token, scheduleId, 6));
    QCOMPARE_ERROR(t->reservations.hold(token, scheduleId, 7), ErrorCode::HoldLimit);
    // Expired holds do not count.
    t.clock.advanceSeconds(60);
    QVERIFY_RESULT(t->reservations.hold(token, scheduleId, 8));
}

void TestReservationService::holdLimitIsASetting()
{
    TestEngine t(shortHolds(300, 2));
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    QVERIFY_RESULT(t->reservations.hold(token, scheduleId, 1));
    QVERIFY_RESULT(t->reservations.hold(token, scheduleId, 2));
    QCOMPARE_ERROR(t->reservations.hold(token, scheduleId, 3), ErrorCode::HoldLimit);
}

void TestReservationService::seatOrScheduleNotFound()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    QCOMPARE_ERROR(t->reservations.hold(token, scheduleId, 0), ErrorCode::SeatNotFound);
    QCOMPARE_ERROR(t->reservations.hold(token, scheduleId, 51), ErrorCode::SeatNotFound);
    QCOMPARE_ERROR(t->reservations.hold(token, scheduleId, -1), ErrorCode::SeatNotFound);
    QCOMPARE_ERROR(t->reservations.hold(token, 999'999, 1), ErrorCode::ScheduleNotFound);
    QCOMPARE(liveReservations(t), 0);
    QVERIFY_RESULT(t->reservations.hold(token, scheduleId, 50));
}

void TestReservationService::scheduleOfAnotherConcert()
{
    TestEngine t;
    const QString token = t.activeToken(1, 1);
    QCOMPARE_ERROR(t->reservations.hold(token, scheduleOf(t, 2), 1), ErrorCode::TokenWrongConcert);
    QCOMPARE(liveReservations(t), 0);
}

void TestReservationService::tokenMustBeActive()
{
    EngineSettings settings;
    settings.activateCount = 1;
    settings.activeSeconds = 120;
    TestEngine t(settings);
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString active = t.activeToken(1, 1);
    auto waiting = t->queue.enter(2, 1);
    QVERIFY_RESULT(waiting);
    QCOMPARE(waiting->status.state, QueueState::Waiting);

    auto r = t->reservations.hold(waiting->token, scheduleId, 1);
    QCOMPARE_ERROR(r, ErrorCode::TokenNotActive);
    QCOMPARE(r.error().extra.value(QStringLiteral("position")).toInteger(), 1);
    QCOMPARE_ERROR(t->reservations.hold(QString(), scheduleId, 1), ErrorCode::TokenMissing);
    QCOMPARE_ERROR(t->reservations.hold(QueueService::newToken(), scheduleId, 1),
                   ErrorCode::TokenInvalid);
    QCOMPARE(liveReservations(t), 0);

    t.clock.advanceSeconds(120); // the active token's time is up
    QCOMPARE_ERROR(t->reservations.hold(active, scheduleId, 1), ErrorCode::TokenExpired);
    QCOMPARE(liveReservations(t), 0);
}

void TestReservationService::pastScheduleIsClosed()
{
    TestEngine t;
    auto schedules = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    const ScheduleInfo first = schedules->first();
    t.clock.setMs(first.startsAtMs);
    const QString token = t.activeToken(1, 1);
    QCOMPARE_ERROR(t->reservations.hold(token, first.id, 1), ErrorCode::ScheduleClosed);
    QCOMPARE(liveReservations(t), 0);
}

void TestReservationService::release()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString mine = t.activeToken(1, 1);
    const QString theirs = t.activeToken(2, 1);
    auto a = t->reservations.hold(mine, scheduleId, 10);
    QVERIFY_RESULT(a);
    QCOMPARE_ERROR(t->reservations.release(theirs, a->id), ErrorCode::NotYourReservation);
    QCOMPARE(statusOf(t, a->id), QStringLiteral("HELD"));
    QCOMPARE_ERROR(t->reservations.release(mine, 999'999), ErrorCode::ReservationNotFound);
    QVERIFY_RESULT(t->reservations.release(mine, a->id));
    QCOMPARE(statusOf(t, a->id), QStringLiteral("EXPIRED"));
    // The seat is free for somebody else at once.
    auto b = t->reservations.hold(theirs, scheduleId, 10);
    QVERIFY_RESULT(b);
    QVERIFY_RESULT(t->wallet.charge(2, b->price));
    QVERIFY_RESULT(t->payments.pay(theirs, {b->id}));
    const QString again = t.activeToken(2, 1);
    QCOMPARE_ERROR(t->reservations.release(again, b->id), ErrorCode::AlreadyPaid);
    QCOMPARE(statusOf(t, b->id), QStringLiteral("PAID"));
}

QTEST_GUILESS_MAIN(TestReservationService)
#include "tst_reservationservice.moc"
