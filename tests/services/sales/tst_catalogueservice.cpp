// CatalogueService: the demo catalogue, available dates (C2) and seats (C3), and the token rule
// (Q8). Holds and sales are made through the services where possible, or written directly to
// fill a whole schedule.

#include "sales/CatalogueService.h"
#include "support/TestSupport.h"

#include <QSet>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// Takes every seat of a schedule except `except`: PAID, or HELD until `holdUntilMs`.
void takeSeats(TestEngine& t, qint64 scheduleId, const QString& status, qint64 holdUntilMs,
               const QList<int>& except = {})
{
    auto conn = t->db->connection();
    if (!conn)
        qFatal("no connection");
    QString skip = QStringLiteral("0");
    for (int n : except)
        skip += QStringLiteral(", %1").arg(n);
    auto r = (*conn)->tryRun(
        QStringLiteral("INSERT INTO reservations (seat_id, schedule_id, customer_id, price, status,"
                       " held_at, expires_at, updated_at) SELECT id, schedule_id, 99, price, ?, ?,"
                       " ?, ? FROM seats WHERE schedule_id = ? AND seat_number NOT IN (%1)")
            .arg(skip),
        {status, t.clock.nowMs(), holdUntilMs, t.clock.nowMs(), scheduleId});
    if (!r)
        qFatal("cannot take seats: %s", qPrintable(r.error().text));
}

QList<qint64> scheduleIds(const QList<ScheduleInfo>& list)
{
    QList<qint64> out;
    for (const auto& s : list)
        out << s.id;
    return out;
}

QSet<int> seatNumbers(const QList<SeatInfo>& list)
{
    QSet<int> out;
    for (const auto& s : list)
        out.insert(s.number);
    return out;
}

} // namespace

class TestCatalogueService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoData();
    void seedingTwiceDoesNothing();
    void availableDatesListFutureSchedules();
    void availableDatesExcludePastSchedules();
    void availableDatesExcludeFullSchedules();
    void expiredHoldsCountAsAvailableDates();
    void noAvailableSchedules();
    void availableSeatsExcludeSoldAndHeld();
    void expiredHoldIsAvailableBeforeAnySweep();
    void noAvailableSeats();
    void seatMapStates();
    void tokenRequired();
    void unknownConcertOrSchedule();
};

void TestCatalogueService::demoData()
{
    TestEngine t;
    auto concerts = t->catalogue.concerts();
    QVERIFY_RESULT(concerts);
    QSet<qint64> ids;
    for (const auto& c : *concerts) {
        ids.insert(c.id);
        QVERIFY(!c.title.isEmpty());
    }
    for (qint64 id : {1, 2, 3})
        QVERIFY2(ids.contains(id), qPrintable(QStringLiteral("concert %1 missing").arg(id)));

    for (qint64 concertId : {1, 2, 3}) {
        auto schedules = t->catalogue.schedulesOf(concertId);
        QVERIFY_RESULT(schedules);
        QVERIFY(schedules->size() >= 4);
        for (const auto& s : *schedules) {
            QVERIFY(s.startsAtMs > t.clock.nowMs());
            QCOMPARE(s.concertId, concertId);
            QCOMPARE(s.totalSeats, 50);
            QCOMPARE(s.availableSeats, 50);
            auto seats = t->catalogue.seatMap(s.id, 0);
            QVERIFY_RESULT(seats);
            QCOMPARE(seats->size(), 50);
            QSet<QString> tiers;
            for (int i = 0; i < 50; ++i) {
                const SeatInfo& seat = seats->at(i);
                QCOMPARE(seat.number, i + 1);
                QCOMPARE(seat.state, SeatState::Available);
                QVERIFY2(seat.price >= 10'000 && seat.price <= 300'000,
                         qPrintable(QString::number(seat.price)));
                QVERIFY(!seat.tier.isEmpty());
                tiers.insert(seat.tier);
            }
            QVERIFY(tiers.size() >= 2);
        }
    }
    for (qint64 customerId = 1; customerId <= 100; ++customerId) {
        auto balance = t->wallet.balance(customerId);
        QVERIFY_RESULT(balance);
        QCOMPARE(*balance, 0);
    }
}

void TestCatalogueService::seedingTwiceDoesNothing()
{
    TestEngine t;
    const int seats = scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM seats")).toInt();
    auto again = DemoSeeder::seedIfEmpty(*t->db, t.clock);
    QVERIFY_RESULT(again);
    QVERIFY(!*again);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM seats")).toInt(), seats);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 100);
}

void TestCatalogueService::availableDatesListFutureSchedules()
{
    TestEngine t;
    const QString token = t.activeToken(1, 2);
    auto all = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(all);
    auto open = t->catalogue.availableSchedules(token, 2);
    QVERIFY_RESULT(open);
    QCOMPARE(scheduleIds(*open), scheduleIds(*all));
    for (int i = 0; i < open->size(); ++i) {
        QCOMPARE(open->at(i).availableSeats, 50);
        if (i > 0) // in date order
            QVERIFY(open->at(i - 1).startsAtMs <= open->at(i).startsAtMs);
    }
}

void TestCatalogueService::availableDatesExcludePastSchedules()
{
    TestEngine t;
    auto before = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(before);
    const ScheduleInfo first = before->first();
    t.clock.setMs(first.startsAtMs); // the first performance begins
    const QString token = t.activeToken(1, 1);
    auto open = t->catalogue.availableSchedules(token, 1);
    QVERIFY_RESULT(open);
    QVERIFY(!scheduleIds(*open).contains(first.id));
    QCOMPARE(open->size(), before->size() - 1);
    for (const auto& s : *open)
        QVERIFY(s.startsAtMs > t.clock.nowMs());
    // Its seats are no longer offered either.
    QCOMPARE_ERROR(t->catalogue.availableSeats(token, first.id), ErrorCode::NoAvailableSeats);
}

void TestCatalogueService::availableDatesExcludeFullSchedules()
{
    TestEngine t;
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 full = all->at(0).id;
    const qint64 almost = all->at(1).id;
    const qint64 soldOut = all->at(2).id;
    takeSeats(t, full, QStringLiteral("HELD"), t.clock.nowMs() + 3'600'000);
    takeSeats(t, almost, QStringLiteral("PAID"), 0, {17});
    takeSeats(t, soldOut, QStringLiteral("PAID"), 0);

    const QString token = t.activeToken(1, 1);
    auto open = t->catalogue.availableSchedules(token, 1);
    QVERIFY_RESULT(open);
    const auto ids = scheduleIds(*open);
    QVERIFY(!ids.contains(full));
    QVERIFY(!ids.contains(soldOut));
    QVERIFY(ids.contains(almost));
    QCOMPARE(open->size(), all->size() - 2);
    for (const auto& s : *open)
        QCOMPARE(s.availableSeats, s.id == almost ? 1 : 50);
}

void TestCatalogueService::expiredHoldsCountAsAvailableDates()
{
    TestEngine t;
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 scheduleId = all->first().id;
    const qint64 holdUntil = t.clock.nowMs() + 60'000;
    takeSeats(t, scheduleId, QStringLiteral("HELD"), holdUntil);
    const QString token = t.activeToken(1, 1);
    auto open = t->catalogue.availableSchedules(token, 1);
    QVERIFY_RESULT(open);
    QVERIFY(!scheduleIds(*open).contains(scheduleId));

    t.clock.setMs(holdUntil); // the holds' time has passed; no sweeper has run
    open = t->catalogue.availableSchedules(token, 1);
    QVERIFY_RESULT(open);
    QVERIFY(scheduleIds(*open).contains(scheduleId));
    QCOMPARE(open->first().availableSeats, 50);
}

void TestCatalogueService::noAvailableSchedules()
{
    TestEngine t;
    // Every seat of every date of concert 2 is sold.
    auto all = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(all);
    for (const auto& s : *all)
        takeSeats(t, s.id, QStringLiteral("PAID"), 0);
    const QString token = t.activeToken(1, 2);
    auto r = t->catalogue.availableSchedules(token, 2);
    QCOMPARE_ERROR(r, ErrorCode::NoAvailableSchedules);
    QCOMPARE(r.error().korean, QStringLiteral("예약 가능한 스케줄이 없습니다."));

    // Every date of concert 3 is in the past.
    TestEngine later;
    auto dates = later->catalogue.schedulesOf(3);
    QVERIFY_RESULT(dates);
    later.clock.setMs(dates->last().startsAtMs + 1);
    const QString lateToken = later.activeToken(1, 3);
    QCOMPARE_ERROR(later->catalogue.availableSchedules(lateToken, 3),
                   ErrorCode::NoAvailableSchedules);
}

void TestCatalogueService::availableSeatsExcludeSoldAndHeld()
{
    TestEngine t;
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 scheduleId = all->first().id;

    const QString holder = t.activeToken(2, 1);
    QVERIFY_RESULT(t->reservations.hold(holder, scheduleId, 5));
    const QString buyer = t.activeToken(3, 1);
    auto bought = t->reservations.hold(buyer, scheduleId, 6);
    QVERIFY_RESULT(bought);
    QVERIFY_RESULT(t->wallet.charge(3, bought->price));
    QVERIFY_RESULT(t->payments.pay(buyer, {bought->id}));

    const QString token = t.activeToken(1, 1);
    auto seats = t->catalogue.availableSeats(token, scheduleId);
    QVERIFY_RESULT(seats);
    QCOMPARE(seats->size(), 48);
    const auto numbers = seatNumbers(*seats);
    QVERIFY(!numbers.contains(5));
    QVERIFY(!numbers.contains(6));
    for (const auto& s : *seats) {
        QCOMPARE(s.scheduleId, scheduleId);
        QVERIFY(s.price > 0);
    }
    auto dates = t->catalogue.availableSchedules(token, 1);
    QVERIFY_RESULT(dates);
    QCOMPARE(dates->first().id, scheduleId);
    QCOMPARE(dates->first().availableSeats, 48);
}

void TestCatalogueService::expiredHoldIsAvailableBeforeAnySweep()
{
    EngineSettings settings;
    settings.holdSeconds = 120;
    TestEngine t(settings);
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 scheduleId = all->first().id;
    const QString holder = t.activeToken(2, 1);
    auto hold = t->reservations.hold(holder, scheduleId, 9);
    QVERIFY_RESULT(hold);
    const QString token = t.activeToken(1, 1);

    t.clock.setMs(hold->expiresAtMs - 1);
    auto seats = t->catalogue.availableSeats(token, scheduleId);
    QVERIFY_RESULT(seats);
    QVERIFY(!seatNumbers(*seats).contains(9));

    t.clock.setMs(hold->expiresAtMs);
    seats = t->catalogue.availableSeats(token, scheduleId);
    QVERIFY_RESULT(seats);
    QVERIFY(seatNumbers(*seats).contains(9));
    QCOMPARE(seats->size(), 50);
    // Still HELD in storage: nothing swept it, the read alone saw its time had passed.
    QCOMPARE(
        scalar(*t->db, QStringLiteral("SELECT status FROM reservations WHERE id = ?"), {hold->id})
            .toString(),
        QStringLiteral("HELD"));
}

void TestCatalogueService::noAvailableSeats()
{
    TestEngine t;
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 scheduleId = all->first().id;
    takeSeats(t, scheduleId, QStringLiteral("HELD"), t.clock.nowMs() + 3'600'000, {1, 2});
    QList<int> held;
    for (int n = 3; n <= 50; ++n)
        held << n;
    takeSeats(t, scheduleId, QStringLiteral("PAID"), 0, held); // 1 and 2 sold
    const QString token = t.activeToken(1, 1);
    auto r = t->catalogue.availableSeats(token, scheduleId);
    QCOMPARE_ERROR(r, ErrorCode::NoAvailableSeats);
    QCOMPARE(r.error().korean, QStringLiteral("예약 가능한 좌석이 없습니다."));
}

void TestCatalogueService::seatMapStates()
{
    EngineSettings settings;
    settings.holdSeconds = 120;
    TestEngine t(settings);
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 scheduleId = all->first().id;
    const QString mine = t.activeToken(1, 1);
    const QString theirs = t.activeToken(2, 1);
    auto a = t->reservations.hold(mine, scheduleId, 1);
    QVERIFY_RESULT(a);
    QVERIFY_RESULT(t->reservations.hold(theirs, scheduleId, 2));
    auto sold = t->reservations.hold(theirs, scheduleId, 3);
    QVERIFY_RESULT(sold);
    QVERIFY_RESULT(t->wallet.charge(2, sold->price));
    QVERIFY_RESULT(t->payments.pay(theirs, {sold->id}));

    auto map = t->catalogue.seatMap(scheduleId, 1);
    QVERIFY_RESULT(map);
    QCOMPARE(map->size(), 50);
    QCOMPARE(map->at(0).state, SeatState::HeldByMe);
    QCOMPARE(map->at(0).holdExpiresAtMs, a->expiresAtMs);
    QCOMPARE(map->at(1).state, SeatState::HeldByOther);
    QCOMPARE(map->at(2).state, SeatState::Sold);
    QCOMPARE(map->at(3).state, SeatState::Available);
    auto theirView = t->catalogue.seatMap(scheduleId, 2);
    QVERIFY_RESULT(theirView);
    QCOMPARE(theirView->at(0).state, SeatState::HeldByOther);
    QCOMPARE(theirView->at(1).state, SeatState::HeldByMe);

    t.clock.setMs(a->expiresAtMs); // the holds lapse; the sale stays
    map = t->catalogue.seatMap(scheduleId, 1);
    QVERIFY_RESULT(map);
    QCOMPARE(map->at(0).state, SeatState::Available);
    QCOMPARE(map->at(1).state, SeatState::Available);
    QCOMPARE(map->at(2).state, SeatState::Sold);
    QCOMPARE_ERROR(t->catalogue.seatMap(999'999, 1), ErrorCode::ScheduleNotFound);
}

void TestCatalogueService::tokenRequired()
{
    TestEngine t;
    auto all = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(all);
    const qint64 scheduleId = all->first().id;
    auto other = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(other);
    const qint64 otherSchedule = other->first().id;

    QCOMPARE_ERROR(t->catalogue.availableSchedules(QString(), 1), ErrorCode::TokenMissing);
    QCOMPARE_ERROR(t->catalogue.availableSeats(QString(), scheduleId), ErrorCode::TokenMissing);
    QCOMPARE_ERROR(t->catalogue.availableSchedules(QueueService::newToken(), 1),
                   ErrorCode::TokenInvalid);
    QCOMPARE_ERROR(t->catalogue.availableSeats(QueueService::newToken(), scheduleId),
                   ErrorCode::TokenInvalid);

    const QString active = t.activeToken(1, 1);
    QCOMPARE_ERROR(t->catalogue.availableSchedules(active, 2), ErrorCode::TokenWrongConcert);
    QCOMPARE_ERROR(t->catalogue.availableSeats(active, otherSchedule),
                   ErrorCode::TokenWrongConcert);
    QVERIFY_RESULT(t->catalogue.availableSchedules(active, 1));
    QVERIFY_RESULT(t->catalogue.availableSeats(active, scheduleId));

    // A WAITING token (the admission of this period has happened already).
    auto waiting = t->queue.enter(2, 1);
    QVERIFY_RESULT(waiting);
    QCOMPARE(waiting->status.state, QueueState::Waiting);
    auto r = t->catalogue.availableSchedules(waiting->token, 1);
    QCOMPARE_ERROR(r, ErrorCode::TokenNotActive);
    QCOMPARE(r.error().extra.value(QStringLiteral("position")).toInteger(), 1);
    QCOMPARE_ERROR(t->catalogue.availableSeats(waiting->token, scheduleId),
                   ErrorCode::TokenNotActive);

    // The box-office views need none.
    QVERIFY_RESULT(t->catalogue.schedulesOf(1));
    QVERIFY_RESULT(t->catalogue.seatMap(scheduleId, 0));
}

void TestCatalogueService::unknownConcertOrSchedule()
{
    TestEngine t;
    const QString token = t.activeToken(1, 1);
    QCOMPARE_ERROR(t->catalogue.availableSchedules(token, 999), ErrorCode::ConcertNotFound);
    QCOMPARE_ERROR(t->catalogue.availableSeats(token, 999'999), ErrorCode::ScheduleNotFound);
    QCOMPARE_ERROR(t->catalogue.schedule(999'999), ErrorCode::ScheduleNotFound);
}

QTEST_GUILESS_MAIN(TestCatalogueService)
#include "tst_catalogueservice.moc"
