// InvariantChecker: design W5. A database made by the services passes; each kind of damage,
// written with raw SQL, is reported.

#include "storage/InvariantChecker.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

bool exec(TestEngine& t, const QString& sql, const QVariantList& args = {})
{
    auto conn = t->db->connection();
    if (!conn)
        return false;
    if (args.isEmpty()) {
        // Not prepared: PostgreSQL prepares only queries and DML, not DDL such as DROP INDEX.
        auto r = (*conn)->runOnce(sql);
        if (!r)
            qWarning() << sql << r.error().text;
        return bool(r);
    }
    auto q = (*conn)->tryRun(sql, args);
    if (!q)
        qWarning() << sql << q.error().text;
    return bool(q);
}

qint64 scheduleOf(TestEngine& t, qint64 concertId)
{
    auto s = t->catalogue.schedulesOf(concertId);
    if (!s || s->isEmpty())
        qFatal("no schedule of concert %lld", concertId);
    return s->first().id;
}

// Customer `customerId` buys `seat` of the schedule through the services.
Payment buy(TestEngine& t, qint64 customerId, qint64 scheduleId, int seat)
{
    const QString token = t.activeToken(customerId, 1);
    auto r = t->reservations.hold(token, scheduleId, seat);
    if (!r)
        qFatal("hold failed: %s", qPrintable(r.error().english));
    if (!t->wallet.charge(customerId, r->price))
        qFatal("charge failed");
    auto p = t->payments.pay(token, {r->id});
    if (!p)
        qFatal("pay failed: %s", qPrintable(p.error().english));
    return *p;
}

QString problemsOf(const InvariantReport& r)
{
    return r.problems.join(QLatin1Char('\n'));
}

} // namespace

class TestInvariantChecker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabaseIsClean();
    void tradingKeepsInvariants();
    void balanceDifferentFromLedger();
    void missingLedgerEntry();
    void paymentAmountDifferentFromSeats();
    void soldSeatWithoutPayment();
    void seatSoldTwice();
    void seatHeldTwice();
    // R4: refunds, tickets and check-ins.
    void refundsAndCheckInsKeepInvariants();
    void refundedSeatWithoutRefund();
    void refundFeesThatDoNotAddUp();
    void refundEntryOtherThanAmountLessFee();
    void soldSeatWithoutTicket();
    void soldSeatWithTwoTickets();
    void validTicketOfARefundedSeat();
    void checkInOfARefundedSeat();

private:
    // Damage written with raw SQL is reported with `expected` in its text.
    static void reported(TestEngine& t, const QString& expected);
};

void TestInvariantChecker::freshDatabaseIsClean()
{
    TestEngine t;
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY2(r->ok(), qPrintable(problemsOf(*r)));
    QCOMPARE(r->customers, 100);
    QCOMPARE(r->ledgerEntries, 0);
    QCOMPARE(r->payments, 0);
    QCOMPARE(r->soldSeats, 0);
    QCOMPARE(r->liveHolds, 0);
}

void TestInvariantChecker::tradingKeepsInvariants()
{
    EngineSettings settings;
    settings.holdSeconds = 60;
    TestEngine t(settings);
    const qint64 scheduleId = scheduleOf(t, 1);
    buy(t, 1, scheduleId, 1);
    buy(t, 2, scheduleId, 2);
    QVERIFY_RESULT(t->wallet.charge(3, 12'345));
    // A live hold, an expired hold, and a refused payment.
    const QString token = t.activeToken(4, 1);
    auto held = t->reservations.hold(token, scheduleId, 10);
    QVERIFY_RESULT(held);
    t.clock.advanceSeconds(61);
    QCOMPARE_ERROR(t->payments.pay(token, {held->id}), ErrorCode::HoldExpired);
    QVERIFY_RESULT(t->reservations.hold(token, scheduleId, 11));

    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY2(r->ok(), qPrintable(problemsOf(*r)));
    QCOMPARE(r->payments, 2);
    QCOMPARE(r->soldSeats, 2);
    QCOMPARE(r->liveHolds, 1);
    QCOMPARE(r->ledgerEntries, 5); // two charges, two payments, one charge
}

void TestInvariantChecker::balanceDifferentFromLedger()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(7, 10'000));
    QVERIFY(exec(t, QStringLiteral("UPDATE customers SET balance = balance + 1 WHERE id = 7")));
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
    QVERIFY2(problemsOf(*r).contains(QStringLiteral("customer 7")), qPrintable(problemsOf(*r)));
}

void TestInvariantChecker::missingLedgerEntry()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(8, 10'000));
    QVERIFY_RESULT(t->wallet.charge(8, 5'000));
    QVERIFY(exec(t, QStringLiteral("DELETE FROM ledger WHERE id = (SELECT MAX(id) FROM ledger)")));
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
    QVERIFY2(problemsOf(*r).contains(QStringLiteral("customer 8")), qPrintable(problemsOf(*r)));
}

void TestInvariantChecker::paymentAmountDifferentFromSeats()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), 5);
    {
        auto clean = InvariantChecker::check(*t->db);
        QVERIFY_RESULT(clean);
        QVERIFY2(clean->ok(), qPrintable(problemsOf(*clean)));
    }
    QVERIFY(
        exec(t, QStringLiteral("UPDATE payments SET amount = amount + 1000 WHERE id = ?"), {p.id}));
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
    QVERIFY2(problemsOf(*r).contains(QStringLiteral("payment %1").arg(p.id)),
             qPrintable(problemsOf(*r)));
}

void TestInvariantChecker::soldSeatWithoutPayment()
{
    TestEngine t;
    const QString token = t.activeToken(1, 1);
    auto held = t->reservations.hold(token, scheduleOf(t, 1), 3);
    QVERIFY_RESULT(held);
    QVERIFY(exec(t, QStringLiteral("UPDATE reservations SET status = 'PAID' WHERE id = ?"),
                 {held->id}));
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
}

void TestInvariantChecker::seatSoldTwice()
{
    // Two real sales of two seats of the same price, then the second moved onto the first
    // seat: money still adds up, only the double sale is wrong.
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const Payment first = buy(t, 1, scheduleId, 1);
    const Payment second = buy(t, 2, scheduleId, 2);
    QCOMPARE(first.amount, second.amount); // both seats in the same tier
    const qint64 seatId =
        scalar(*t->db, QStringLiteral("SELECT seat_id FROM reservations WHERE payment_id = ?"),
               {first.id})
            .toLongLong();
    QVERIFY(exec(t, QStringLiteral("DROP INDEX reservations_live_seat")));
    QVERIFY(exec(t, QStringLiteral("UPDATE reservations SET seat_id = ? WHERE payment_id = ?"),
                 {seatId, second.id}));
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
    QVERIFY2(problemsOf(*r).contains(QStringLiteral("seat %1 ").arg(seatId)),
             qPrintable(problemsOf(*r)));
}

void TestInvariantChecker::seatHeldTwice()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    auto held = t->reservations.hold(token, scheduleId, 9);
    QVERIFY_RESULT(held);
    QVERIFY(exec(t, QStringLiteral("DROP INDEX reservations_live_seat")));
    QVERIFY(exec(t,
                 QStringLiteral("INSERT INTO reservations (seat_id, schedule_id, customer_id,"
                                " price, status, held_at, expires_at, updated_at)"
                                " VALUES (?, ?, 2, ?, 'HELD', ?, ?, ?)"),
                 {held->seatId, scheduleId, held->price, t.clock.nowMs(), held->expiresAtMs,
                  t.clock.nowMs()}));
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
    QVERIFY2(problemsOf(*r).contains(QStringLiteral("seat %1 ").arg(held->seatId)),
             qPrintable(problemsOf(*r)));
}

void TestInvariantChecker::reported(TestEngine& t, const QString& expected)
{
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY(!r->ok());
    QVERIFY2(problemsOf(*r).contains(expected), qPrintable(problemsOf(*r)));
}

void TestInvariantChecker::refundsAndCheckInsKeepInvariants()
{
    EngineSettings settings;
    settings.refundFeePercent = 7;
    TestEngine t(settings);
    const qint64 scheduleId = scheduleOf(t, 1);
    const Payment a = buy(t, 1, scheduleId, 1);
    const Payment b = buy(t, 2, scheduleId, 2);
    buy(t, 3, scheduleId, 3);
    const Actor staff = Actor::staff(QStringLiteral("op"));
    QVERIFY_RESULT(t->refunds.refund(a.reservationIds, {}, staff));
    QVERIFY_RESULT(t->door.checkIn(b.tickets.first().code, scheduleId, staff));
    const auto fresh = t->tickets.reissue(b.tickets.first().id, staff);
    QVERIFY_RESULT(fresh);
    auto r = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(r);
    QVERIFY2(r->ok(), qPrintable(problemsOf(*r)));
    QCOMPARE(r->payments, 3);
    QCOMPARE(r->soldSeats, 2);
    QCOMPARE(r->refunds, 1);
    QCOMPARE(r->refundedSeats, 1);
    QCOMPARE(r->validTickets, 2);
    QCOMPARE(r->checkIns, 1);
}

void TestInvariantChecker::refundedSeatWithoutRefund()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), 4);
    QVERIFY(exec(t, QStringLiteral("UPDATE tickets SET status = 'REVOKED', revoked_at = 1,"
                                   " revoked_reason = 'REFUNDED'")));
    QVERIFY(exec(t, QStringLiteral("UPDATE reservations SET status = 'REFUNDED' WHERE id = ?"),
                 {p.reservationIds.first()}));
    reported(
        t,
        QStringLiteral("reservation %1: refunded without a refund").arg(p.reservationIds.first()));
    // The money was never given back either.
    reported(t, QStringLiteral("refunds gave back 0 and kept 0 in fees"));
}

void TestInvariantChecker::refundFeesThatDoNotAddUp()
{
    EngineSettings settings;
    settings.refundFeePercent = 10;
    TestEngine t(settings);
    const Payment p = buy(t, 1, scheduleOf(t, 1), 5);
    const auto r = t->refunds.refund(p.reservationIds, {}, Actor::staff(QStringLiteral("op")));
    QVERIFY_RESULT(r);
    QVERIFY(exec(t, QStringLiteral("UPDATE refund_items SET fee = fee + 1")));
    reported(t, QStringLiteral("refund %1:").arg(r->id));
}

void TestInvariantChecker::refundEntryOtherThanAmountLessFee()
{
    // The wallet got a won more than the refund says, ledger and balance agreeing.
    EngineSettings settings;
    settings.refundFeePercent = 10;
    TestEngine t(settings);
    const Payment p = buy(t, 1, scheduleOf(t, 1), 6);
    const auto r = t->refunds.refund(p.reservationIds, {}, Actor::staff(QStringLiteral("op")));
    QVERIFY_RESULT(r);
    QVERIFY(exec(t, QStringLiteral("UPDATE ledger SET amount = amount + 1,"
                                   " balance_after = balance_after + 1 WHERE kind = 'REFUND'")));
    QVERIFY(exec(t, QStringLiteral("UPDATE customers SET balance = balance + 1 WHERE id = 1")));
    reported(t, QStringLiteral("refund %1:").arg(r->id));
    reported(t, QStringLiteral("refunds gave back %1").arg(r->returned() + 1));
}

void TestInvariantChecker::soldSeatWithoutTicket()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), 7);
    QVERIFY(exec(t, QStringLiteral("UPDATE tickets SET status = 'REVOKED', revoked_at = 1,"
                                   " revoked_reason = 'REISSUED'")));
    reported(
        t,
        QStringLiteral("reservation %1: sold with 0 valid tickets").arg(p.reservationIds.first()));
}

void TestInvariantChecker::soldSeatWithTwoTickets()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), 8);
    QVERIFY(exec(t, QStringLiteral("DROP INDEX tickets_valid")));
    QVERIFY(exec(t, QStringLiteral("INSERT INTO tickets (reservation_id, schedule_id, issue_number,"
                                   " key_id, code, status, issued_at) SELECT reservation_id,"
                                   " schedule_id, 2, key_id, code || 'x', 'VALID', issued_at"
                                   " FROM tickets")));
    reported(
        t,
        QStringLiteral("reservation %1: sold with 2 valid tickets").arg(p.reservationIds.first()));
}

void TestInvariantChecker::validTicketOfARefundedSeat()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), 9);
    QVERIFY_RESULT(t->refunds.refund(p.reservationIds, {}, Actor::staff(QStringLiteral("op"))));
    QVERIFY(exec(t, QStringLiteral("UPDATE tickets SET status = 'VALID', revoked_at = NULL,"
                                   " revoked_reason = NULL")));
    reported(t, QStringLiteral("ticket %1 is valid but reservation %2 is REFUNDED")
                    .arg(p.tickets.first().id)
                    .arg(p.reservationIds.first()));
}

void TestInvariantChecker::checkInOfARefundedSeat()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const Payment p = buy(t, 1, scheduleId, 10);
    QVERIFY_RESULT(t->refunds.refund(p.reservationIds, {}, Actor::staff(QStringLiteral("op"))));
    QVERIFY(exec(t,
                 QStringLiteral("INSERT INTO checkins (ticket_id, reservation_id, schedule_id,"
                                " checked_in_at) VALUES (?, ?, ?, 1)"),
                 {p.tickets.first().id, p.reservationIds.first(), scheduleId}));
    reported(
        t,
        QStringLiteral("let in reservation %1, which is REFUNDED").arg(p.reservationIds.first()));
}

QTEST_GUILESS_MAIN(TestInvariantChecker)
#include "tst_invariantchecker.moc"
