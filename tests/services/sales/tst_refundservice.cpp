// Refunds (design R1–R3): any of one payment's seats until the performance starts, in one
// transaction with the seat on sale again, its ticket revoked, the money less the fee back in
// the wallet and an audit row; never twice. After every refusal the test checks that nothing
// changed.

#include "storage/InvariantChecker.h"
#include "support/AfterSaleSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const Actor kStaff = Actor::staff(QStringLiteral("이서연"));

EngineSettings withFee(int percent)
{
    EngineSettings s;
    s.refundFeePercent = percent;
    return s;
}

// Everything a refused refund must leave alone.
struct Snapshot
{
    qint64 refunds = -1, items = -1, ledger = -1, balances = -1, refunded = -1, revoked = -1,
           audit = -1;

    static Snapshot of(TestEngine& t)
    {
        Snapshot s;
        s.refunds = count(t, QStringLiteral("SELECT COUNT(*) FROM refunds"));
        s.items = count(t, QStringLiteral("SELECT COUNT(*) FROM refund_items"));
        s.ledger = count(t, QStringLiteral("SELECT COUNT(*) FROM ledger"));
        s.balances = count(t, QStringLiteral("SELECT SUM(balance) FROM customers"));
        s.refunded =
            count(t, QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'REFUNDED'"));
        s.revoked =
            count(t, QStringLiteral("SELECT COUNT(*) FROM tickets WHERE status = 'REVOKED'"));
        s.audit = count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        return s;
    }
    bool operator==(const Snapshot&) const = default;
};

char* toString(const Snapshot& s)
{
    return qstrdup(qPrintable(QStringLiteral("refunds %1 items %2 ledger %3 balances %4"
                                             " refunded %5 revoked %6 audit %7")
                                  .arg(s.refunds)
                                  .arg(s.items)
                                  .arg(s.ledger)
                                  .arg(s.balances)
                                  .arg(s.refunded)
                                  .arg(s.revoked)
                                  .arg(s.audit)));
}

bool invariantsHold(TestEngine& t)
{
    const auto r = InvariantChecker::check(*t->db);
    if (!r || !r->ok())
        qWarning() << (r ? r->problems.join(u'\n') : r.error().internal);
    return r && r->ok();
}

QString statusOf(TestEngine& t, qint64 reservationId)
{
    return scalar(*t->db, QStringLiteral("SELECT status FROM reservations WHERE id = ?"),
                  {reservationId})
        .toString();
}

} // namespace

class TestRefundService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refundSomeSeatsOfAPayment();
    void theSeatIsOnSaleAtOnce();
    void feeIsFlooredAndShared();
    void feeShares_data();
    void feeShares();
    void quoteSaysWhatARefundGives();
    void sameKeyAnswersTheOriginal();
    void refundedSeatIsNotRefundedAgain();
    void unpaidSeatIsNotPaid();
    void closedOnceThePerformanceStarts();
    void malformedRequestsAreRefused();
    void checkedInSeatIsNotRefunded();
    void refundPassesTheChargeCeiling();
    void failedRefundChangesNothing();
};

void TestRefundService::refundSomeSeatsOfAPayment()
{
    TestEngine t(withFee(10));
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {1, 2, 3}, kStaff);
    const qint64 balanceBefore = *t->wallet.balance(1);
    const QList<qint64> two = {p.reservationIds.at(0), p.reservationIds.at(2)};
    const auto tickets = t->tickets.ofPayment(p.id);
    QVERIFY_RESULT(tickets);
    const qint64 amount = tickets->at(0).price + tickets->at(2).price;

    const auto r = t->refunds.refund(two, {}, kStaff);
    QVERIFY_RESULT(r);
    QCOMPARE(r->paymentId, p.id);
    QCOMPARE(r->customerId, 1);
    QCOMPARE(r->reservationIds, two);
    QCOMPARE(r->amount, amount);
    QCOMPARE(r->feePercent, 10);
    QCOMPARE(r->fee, amount / 10);
    QCOMPARE(r->balanceAfter, balanceBefore + amount - amount / 10);
    QCOMPARE(*t->wallet.balance(1), r->balanceAfter);
    QVERIFY(!r->replayed);

    QCOMPARE(statusOf(t, two.at(0)), QStringLiteral("REFUNDED"));
    QCOMPARE(statusOf(t, two.at(1)), QStringLiteral("REFUNDED"));
    QCOMPARE(statusOf(t, p.reservationIds.at(1)), QStringLiteral("PAID"));
    // The refunded seats' tickets are revoked; the kept seat's is not.
    const auto after = t->tickets.ofPayment(p.id);
    QVERIFY_RESULT(after);
    QCOMPARE(after->at(0).status, TicketStatus::Revoked);
    QCOMPARE(after->at(0).revokedReason, std::optional(TicketRevocation::Refunded));
    QCOMPARE(after->at(1).status, TicketStatus::Valid);
    QCOMPARE(after->at(2).status, TicketStatus::Revoked);
    // One REFUND entry, positive, naming the refund, taken by the operator.
    const auto history = t->wallet.history(1);
    QVERIFY_RESULT(history);
    QCOMPARE(history->first().kind, LedgerKind::Refund);
    QCOMPARE(history->first().amount, r->returned());
    QCOMPARE(history->first().refundId, r->id);
    QCOMPARE(history->first().operatorName, kStaff.operatorName);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'REFUND'")), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT terminal = 'local' AND operator = ? FROM refunds"),
                   {kStaff.operatorName}),
             1);
    // The audit row says what happened.
    const auto audit = t->audit.recent(10, AuditAction::Refund);
    QVERIFY_RESULT(audit);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().operatorName, kStaff.operatorName);
    QCOMPARE(audit->first().terminal, QStringLiteral("local"));
    QCOMPARE(audit->first().detail.value(QStringLiteral("refundId")).toInteger(), r->id);
    QCOMPARE(audit->first().detail.value(QStringLiteral("returned")).toInteger(), r->returned());
    QCOMPARE(audit->first().detail.value(QStringLiteral("reservationIds")).toArray().size(), 2);
    QVERIFY(invariantsHold(t));

    // The rest of the payment, later: a second refund of the same payment.
    const auto rest = t->refunds.refund({p.reservationIds.at(1)}, {}, kStaff);
    QVERIFY_RESULT(rest);
    QVERIFY(rest->id != r->id);
    QCOMPARE(rest->amount + r->amount, p.amount);
    QVERIFY(invariantsHold(t));
}

void TestRefundService::theSeatIsOnSaleAtOnce()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {30});
    const auto before = t->catalogue.seatMap(schedule, 0);
    QVERIFY_RESULT(before);
    QCOMPARE(before->at(29).state, SeatState::Sold);
    QVERIFY_RESULT(t->refunds.refund(p.reservationIds, {}, kStaff));
    const auto after = t->catalogue.seatMap(schedule, 0);
    QVERIFY_RESULT(after);
    QCOMPARE(after->at(29).state, SeatState::Available);
    // Another customer holds and buys it, no sweeper in between.
    const Payment second = buy(t, 2, schedule, {30});
    QCOMPARE(second.tickets.size(), 1);
    QVERIFY(invariantsHold(t));
}

void TestRefundService::feeIsFlooredAndShared()
{
    TestEngine t(withFee(33));
    const Payment p = buy(t, 1, scheduleOf(t, 1), {1, 2, 11});
    const auto r = t->refunds.refund(p.reservationIds, {}, kStaff);
    QVERIFY_RESULT(r);
    QCOMPARE(r->amount, p.amount);
    QCOMPARE(r->fee, p.amount * 33 / 100);
    QCOMPARE(
        count(t, QStringLiteral("SELECT SUM(fee) FROM refund_items WHERE refund_id = ?"), {r->id}),
        r->fee);
    QCOMPARE(count(t, QStringLiteral("SELECT SUM(amount) FROM refund_items WHERE refund_id = ?"),
                   {r->id}),
             r->amount);
    QVERIFY(invariantsHold(t));
}

void TestRefundService::feeShares_data()
{
    QTest::addColumn<QList<qint64>>("prices");
    QTest::addColumn<int>("percent");
    QTest::addColumn<QList<qint64>>("shares");
    QTest::newRow("none") << QList<qint64>{50000, 70000} << 0 << QList<qint64>{0, 0};
    QTest::newRow("all") << QList<qint64>{50000, 70000} << 100 << QList<qint64>{50000, 70000};
    QTest::newRow("exact") << QList<qint64>{50000, 70000} << 10 << QList<qint64>{5000, 7000};
    // floor(3 × 0.5) = 1, though each seat's own floor is 0: the remainder goes to the first.
    QTest::newRow("remainder") << QList<qint64>{1, 1, 1} << 50 << QList<qint64>{1, 0, 0};
    // 33% of 30,003 is 9,900.99: the venue keeps 9,900, never a won more.
    QTest::newRow("floor") << QList<qint64>{10001, 10001, 10001} << 33
                           << QList<qint64>{3300, 3300, 3300};
}

void TestRefundService::feeShares()
{
    QFETCH(QList<qint64>, prices);
    QFETCH(int, percent);
    QFETCH(QList<qint64>, shares);
    qint64 total = 0;
    for (qint64 p : prices)
        total += p;
    const QList<qint64> got = RefundService::feeShares(prices, percent);
    qint64 sum = 0;
    for (qsizetype i = 0; i < got.size(); ++i) {
        QVERIFY(got[i] >= 0 && got[i] <= prices[i]);
        sum += got[i];
    }
    QCOMPARE(sum, RefundService::feeFor(total, percent));
    QCOMPARE(got, shares);
}

void TestRefundService::quoteSaysWhatARefundGives()
{
    TestEngine t(withFee(5));
    const Payment p = buy(t, 1, scheduleOf(t, 1), {5, 6});
    const Snapshot before = Snapshot::of(t);
    const auto q = t->refunds.quote({p.reservationIds.at(1)});
    QVERIFY_RESULT(q);
    QCOMPARE(Snapshot::of(t), before); // a quote writes nothing
    const auto r = t->refunds.refund({p.reservationIds.at(1)}, {}, kStaff);
    QVERIFY_RESULT(r);
    QCOMPARE(q->amount, r->amount);
    QCOMPARE(q->fee, r->fee);
    QCOMPARE(q->returned(), r->returned());
    QCOMPARE(q->paymentId, p.id);
    QCOMPARE(q->feePercent, 5);
    // Refused for the same reasons as the refund itself.
    QCOMPARE_ERROR(t->refunds.quote({p.reservationIds.at(1)}), ErrorCode::AlreadyRefunded);
}

void TestRefundService::sameKeyAnswersTheOriginal()
{
    TestEngine t(withFee(10));
    const Payment p = buy(t, 1, scheduleOf(t, 1), {8, 9});
    const QString key = QStringLiteral("refund-8");
    const auto first = t->refunds.refund({p.reservationIds.at(0)}, key, kStaff);
    QVERIFY_RESULT(first);
    const Snapshot after = Snapshot::of(t);
    const auto again = t->refunds.refund({p.reservationIds.at(0)}, key, kStaff);
    QVERIFY_RESULT(again);
    QVERIFY(again->replayed);
    QCOMPARE(again->id, first->id);
    QCOMPARE(again->amount, first->amount);
    QCOMPARE(again->fee, first->fee);
    QCOMPARE(again->reservationIds, first->reservationIds);
    QCOMPARE(Snapshot::of(t), after);
    // The key with other seats is a client's mistake, not this refund again.
    QCOMPARE_ERROR(t->refunds.refund({p.reservationIds.at(1)}, key, kStaff),
                   ErrorCode::IdempotencyKeyReused);
    QCOMPARE(Snapshot::of(t), after);
    // Keys are per customer: another customer's refund with the same key is their own.
    const Payment other = buy(t, 2, scheduleOf(t, 1), {10});
    QVERIFY_RESULT(t->refunds.refund(other.reservationIds, key, kStaff));
    QVERIFY(invariantsHold(t));
}

void TestRefundService::refundedSeatIsNotRefundedAgain()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {12, 13});
    QVERIFY_RESULT(t->refunds.refund({p.reservationIds.at(0)}, {}, kStaff));
    const Snapshot after = Snapshot::of(t);
    const auto again = t->refunds.refund({p.reservationIds.at(0)}, {}, kStaff);
    QCOMPARE_ERROR(again, ErrorCode::AlreadyRefunded);
    QCOMPARE(again.error().extra.value(QStringLiteral("reservationId")).toInteger(),
             p.reservationIds.at(0));
    // With a paid seat beside it, or under a new key: still refused, nothing refunded.
    QCOMPARE_ERROR(t->refunds.refund(p.reservationIds, {}, kStaff), ErrorCode::AlreadyRefunded);
    QCOMPARE_ERROR(t->refunds.refund(p.reservationIds, QStringLiteral("new-key"), kStaff),
                   ErrorCode::AlreadyRefunded);
    QCOMPARE(Snapshot::of(t), after);
    QCOMPARE(statusOf(t, p.reservationIds.at(1)), QStringLiteral("PAID"));
}

void TestRefundService::unpaidSeatIsNotPaid()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const auto held = t->reservations.hold(token, schedule, 14);
    QVERIFY_RESULT(held);
    const Snapshot before = Snapshot::of(t);
    QCOMPARE_ERROR(t->refunds.refund({held->id}, {}, kStaff), ErrorCode::NotPaid);
    // Lapsed: EXPIRED, still not paid.
    t.clock.advanceMs(qint64(t->settings.holdSeconds) * 1000 + 1);
    QVERIFY_RESULT(t->reservations.expireHolds(t.clock.nowMs()));
    QCOMPARE(statusOf(t, held->id), QStringLiteral("EXPIRED"));
    QCOMPARE_ERROR(t->refunds.refund({held->id}, {}, kStaff), ErrorCode::NotPaid);
    QCOMPARE(Snapshot::of(t), before);
}

void TestRefundService::closedOnceThePerformanceStarts()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {15});
    const auto info = t->catalogue.schedule(schedule);
    QVERIFY_RESULT(info);
    const Snapshot before = Snapshot::of(t);
    t.clock.setMs(info->startsAtMs);
    const auto closed = t->refunds.refund(p.reservationIds, {}, kStaff);
    QCOMPARE_ERROR(closed, ErrorCode::RefundClosed);
    QCOMPARE(Snapshot::of(t), before);
    // A millisecond before, it was still open.
    t.clock.setMs(info->startsAtMs - 1);
    QVERIFY_RESULT(t->refunds.refund(p.reservationIds, {}, kStaff));
}

void TestRefundService::malformedRequestsAreRefused()
{
    TestEngine t;
    const Payment a = buy(t, 1, scheduleOf(t, 1), {16});
    const Payment b = buy(t, 1, scheduleOf(t, 1), {17});
    const Payment other = buy(t, 2, scheduleOf(t, 1), {18});
    const Snapshot before = Snapshot::of(t);
    QCOMPARE_ERROR(t->refunds.refund({}, {}, kStaff), ErrorCode::BadRequest);
    QCOMPARE_ERROR(t->refunds.refund({987654}, {}, kStaff), ErrorCode::ReservationNotFound);
    QCOMPARE_ERROR(t->refunds.refund({a.reservationIds.first(), 987654}, {}, kStaff),
                   ErrorCode::ReservationNotFound);
    // One refund, one payment: seats of two payments are two refunds.
    QCOMPARE_ERROR(
        t->refunds.refund({a.reservationIds.first(), b.reservationIds.first()}, {}, kStaff),
        ErrorCode::BadRequest);
    QCOMPARE_ERROR(
        t->refunds.refund({a.reservationIds.first(), other.reservationIds.first()}, {}, kStaff),
        ErrorCode::BadRequest);
    QList<qint64> many;
    for (qint64 i = 1; i <= RefundService::kMaxReservations + 1; ++i)
        many << i;
    QCOMPARE_ERROR(t->refunds.refund(many, {}, kStaff), ErrorCode::BadRequest);
    QCOMPARE(Snapshot::of(t), before);
    // The same id twice is one seat.
    const auto r =
        t->refunds.refund({a.reservationIds.first(), a.reservationIds.first()}, {}, kStaff);
    QVERIFY_RESULT(r);
    QCOMPARE(r->reservationIds.size(), 1);
}

void TestRefundService::checkedInSeatIsNotRefunded()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {19, 20});
    QVERIFY_RESULT(t->door.checkIn(p.tickets.first().code, schedule, kStaff));
    const Snapshot before = Snapshot::of(t);
    QCOMPARE_ERROR(t->refunds.refund(p.reservationIds, {}, kStaff), ErrorCode::AlreadyCheckedIn);
    QCOMPARE(Snapshot::of(t), before);
    QVERIFY_RESULT(t->refunds.refund({p.reservationIds.at(1)}, {}, kStaff));
    QVERIFY(invariantsHold(t));
}

void TestRefundService::refundPassesTheChargeCeiling()
{
    // A wallet charged up to the limit after buying still gets its money back (W3 limits what
    // comes in, not what is given back).
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {21});
    qint64 balance = *t->wallet.balance(1);
    while (balance < WalletService::kMaxBalance) {
        const qint64 step =
            std::min(WalletService::kMaxCharge, WalletService::kMaxBalance - balance);
        QVERIFY_RESULT(t->wallet.charge(1, step));
        balance += step;
    }
    const auto r = t->refunds.refund(p.reservationIds, {}, kStaff);
    QVERIFY_RESULT(r);
    QCOMPARE(r->balanceAfter, WalletService::kMaxBalance + p.amount);
    QVERIFY(invariantsHold(t));
}

void TestRefundService::failedRefundChangesNothing()
{
    TestEngine t(withFee(10));
    const Payment p = buy(t, 1, scheduleOf(t, 1), {22});
    const Snapshot before = Snapshot::of(t);
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    // The audit row is the last write: if it fails, the seat, ticket and money stay put.
    QVERIFY(failInserts(**conn, QStringLiteral("no_audit"), QStringLiteral("audit_log")));
    QVERIFY(!t->refunds.refund(p.reservationIds, {}, kStaff));
    QCOMPARE(Snapshot::of(t), before);
    QCOMPARE(statusOf(t, p.reservationIds.first()), QStringLiteral("PAID"));
    QVERIFY(removeFailingInsert(**conn, QStringLiteral("no_audit"), QStringLiteral("audit_log")));
    QVERIFY_RESULT(t->refunds.refund(p.reservationIds, {}, kStaff));
    QVERIFY(invariantsHold(t));
}

QTEST_GUILESS_MAIN(TestRefundService)
#include "tst_refundservice.moc"
