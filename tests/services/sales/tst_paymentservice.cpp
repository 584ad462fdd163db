// PaymentService: all-or-none payment of held seats (design P1–P4), the ledger entry (W6) and
// the token being used up (Q7). After every refusal the test checks that nothing changed.

#include "sales/PaymentService.h"
#include "storage/InvariantChecker.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QTest>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QString statusOf(TestEngine& t, qint64 reservationId)
{
    return scalar(*t->db, QStringLiteral("SELECT status FROM reservations WHERE id = ?"),
                  {reservationId})
        .toString();
}

// Everything a refused payment must leave alone, for one customer.
struct Snapshot
{
    qint64 balance = -1;
    int ledgerRows = -1;
    int payments = -1;
    int paidReservations = -1;

    static Snapshot of(TestEngine& t, qint64 customerId)
    {
        Snapshot s;
        s.balance = t->wallet.balance(customerId).value_or(-1);
        s.ledgerRows =
            scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE customer_id = ?"),
                   {customerId})
                .toInt();
        s.payments = scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM payments")).toInt();
        s.paidReservations =
            scalar(*t->db,
                   QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'PAID'"))
                .toInt();
        return s;
    }
    bool operator==(const Snapshot&) const = default;
};

char* toString(const Snapshot& s)
{
    return qstrdup(qPrintable(QStringLiteral("balance %1, ledger %2, payments %3, paid %4")
                                  .arg(s.balance)
                                  .arg(s.ledgerRows)
                                  .arg(s.payments)
                                  .arg(s.paidReservations)));
}

qint64 scheduleOf(TestEngine& t, qint64 concertId, int index = 0)
{
    auto s = t->catalogue.schedulesOf(concertId);
    if (!s || s->size() <= index)
        qFatal("no schedule %d of concert %lld", index, concertId);
    return s->at(index).id;
}

Reservation holdOrDie(TestEngine& t, const QString& token, qint64 scheduleId, int seat)
{
    auto r = t->reservations.hold(token, scheduleId, seat);
    if (!r)
        qFatal("hold of seat %d failed: %s", seat, qPrintable(r.error().english));
    return *r;
}

bool invariantsHold(TestEngine& t)
{
    auto report = InvariantChecker::check(*t->db);
    if (!report) {
        qWarning() << "invariant check failed:" << report.error().english;
        return false;
    }
    if (!report->ok())
        qWarning() << report->problems;
    return report->ok();
}

} // namespace

class TestPaymentService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paysOneReservation();
    void paysSeveralInOnePayment();
    void expiredHoldFailsWholePayment();
    void insufficientBalanceChangesNothing();
    void anotherCustomersReservation();
    void payingTwiceReplaysOriginal();
    void sameIdempotencyKeyReplaysOriginal();
    void concurrentRepeatsChargeOnce();
    void oneKeyRacingForTwoRequests_data();
    void oneKeyRacingForTwoRequests();
    void paidReservationCannotBePaidAgainWithOthers();
    void tokenRules();
    void badRequests();
    void storageFailureRollsBackEverything();
};

void TestPaymentService::paysOneReservation()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation r = holdOrDie(t, token, scheduleId, 1);
    QVERIFY_RESULT(t->wallet.charge(1, 500'000));
    t.clock.advanceSeconds(5);
    const qint64 now = t.clock.nowMs();

    auto p = t->payments.pay(token, {r.id});
    QVERIFY_RESULT(p);
    QVERIFY(p->id > 0);
    QVERIFY(!p->replayed);
    QCOMPARE(p->customerId, 1);
    QCOMPARE(p->amount, r.price);
    QCOMPARE(p->balanceAfter, 500'000 - r.price);
    QCOMPARE(p->reservationIds, QList<qint64>{r.id});
    QCOMPARE(p->createdAtMs, now);
    QCOMPARE(t->wallet.balance(1).value_or(-1), 500'000 - r.price);

    QCOMPARE(statusOf(t, r.id), QStringLiteral("PAID"));
    auto map = t->catalogue.seatMap(scheduleId, 2);
    QVERIFY_RESULT(map);
    QCOMPARE(map->at(0).state, SeatState::Sold);
    auto mine = t->catalogue.seatMap(scheduleId, 1);
    QVERIFY_RESULT(mine);
    QCOMPARE(mine->at(0).state, SeatState::Sold);

    // W6: a PAYMENT entry with a negative amount and the balance after it.
    auto history = t->wallet.history(1);
    QVERIFY_RESULT(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->first().kind, LedgerKind::Payment);
    QCOMPARE(history->first().amount, -r.price);
    QCOMPARE(history->first().balanceAfter, 500'000 - r.price);
    QCOMPARE(history->first().paymentId, p->id);
    QCOMPARE(history->first().atMs, now);

    // Q7: the token is used up; the sold seat stays sold after the hold's time.
    QCOMPARE_ERROR(t->queue.poll(token), ErrorCode::TokenExpired);
    t.clock.advanceSeconds(3600);
    QVERIFY_RESULT(t->reservations.expireHolds(t.clock.nowMs()));
    QCOMPARE(statusOf(t, r.id), QStringLiteral("PAID"));
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::paysSeveralInOnePayment()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 2);
    const QString token = t.activeToken(6, 2);
    const Reservation a = holdOrDie(t, token, scheduleId, 1);  // VIP
    const Reservation b = holdOrDie(t, token, scheduleId, 45); // cheapest tier
    QVERIFY(a.price != b.price);
    QVERIFY_RESULT(t->wallet.charge(6, 1'000'000));
    auto p = t->payments.pay(token, {b.id, a.id, a.id}); // order and repeats do not matter
    QVERIFY_RESULT(p);
    QCOMPARE(p->amount, a.price + b.price);
    QCOMPARE(p->reservationIds.size(), 2);
    QVERIFY(p->reservationIds.contains(a.id) && p->reservationIds.contains(b.id));
    QCOMPARE(t->wallet.balance(6).value_or(-1), 1'000'000 - a.price - b.price);
    QCOMPARE(statusOf(t, a.id), QStringLiteral("PAID"));
    QCOMPARE(statusOf(t, b.id), QStringLiteral("PAID"));
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'PAYMENT'"
                                           " AND customer_id = 6"))
                 .toInt(),
             1);
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::expiredHoldFailsWholePayment()
{
    EngineSettings settings;
    settings.holdSeconds = 300;
    TestEngine t(settings);
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation old = holdOrDie(t, token, scheduleId, 1);
    t.clock.advanceSeconds(200);
    const Reservation fresh = holdOrDie(t, token, scheduleId, 2);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    t.clock.setMs(old.expiresAtMs); // the first hold's time is up; the second has 200 s left
    const Snapshot before = Snapshot::of(t, 1);

    auto p = t->payments.pay(token, {old.id, fresh.id});
    QCOMPARE_ERROR(p, ErrorCode::HoldExpired);
    QCOMPARE(p.error().korean, QStringLiteral("임시 배정 시간이 만료되었습니다."));
    const QJsonArray ids = p.error().extra.value(QStringLiteral("reservationIds")).toArray();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(ids.first().toInteger(), old.id);

    QCOMPARE(Snapshot::of(t, 1), before); // nothing charged
    QCOMPARE(statusOf(t, old.id), QStringLiteral("EXPIRED"));
    QCOMPARE(statusOf(t, fresh.id), QStringLiteral("HELD"));
    QVERIFY_RESULT(t->queue.requireActive(token, 1)); // the token was not used up
    // The expired seat is released to everyone.
    const QString other = t.activeToken(2, 1);
    QVERIFY_RESULT(t->reservations.hold(other, scheduleId, 1));

    // The rest can still be paid.
    auto ok = t->payments.pay(token, {fresh.id});
    QVERIFY_RESULT(ok);
    QCOMPARE(ok->amount, fresh.price);
    QCOMPARE(t->wallet.balance(1).value_or(-1), 1'000'000 - fresh.price);
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::insufficientBalanceChangesNothing()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation a = holdOrDie(t, token, scheduleId, 20);
    const Reservation b = holdOrDie(t, token, scheduleId, 21);
    QVERIFY_RESULT(t->wallet.charge(1, a.price + b.price - 1));
    const Snapshot before = Snapshot::of(t, 1);

    auto p = t->payments.pay(token, {a.id, b.id});
    QCOMPARE_ERROR(p, ErrorCode::InsufficientBalance);
    QCOMPARE(p.error().korean, QStringLiteral("잔액이 부족합니다."));
    QCOMPARE(Snapshot::of(t, 1), before);
    QCOMPARE(statusOf(t, a.id), QStringLiteral("HELD"));
    QCOMPARE(statusOf(t, b.id), QStringLiteral("HELD"));
    auto map = t->catalogue.seatMap(scheduleId, 1);
    QVERIFY_RESULT(map);
    QCOMPARE(map->at(19).state, SeatState::HeldByMe);
    QVERIFY_RESULT(t->queue.requireActive(token, 1));

    // One of them fits; after a top-up both do.
    auto one = t->payments.pay(token, {a.id});
    QVERIFY_RESULT(one);
    QCOMPARE(t->wallet.balance(1).value_or(-1), b.price - 1);
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::anotherCustomersReservation()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString alice = t.activeToken(1, 1);
    const QString bob = t.activeToken(2, 1);
    const Reservation hers = holdOrDie(t, alice, scheduleId, 1);
    const Reservation his = holdOrDie(t, bob, scheduleId, 2);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    QVERIFY_RESULT(t->wallet.charge(2, 1'000'000));
    const Snapshot aliceBefore = Snapshot::of(t, 1);
    const Snapshot bobBefore = Snapshot::of(t, 2);

    QCOMPARE_ERROR(t->payments.pay(bob, {hers.id}), ErrorCode::NotYourReservation);
    QCOMPARE_ERROR(t->payments.pay(bob, {his.id, hers.id}), ErrorCode::NotYourReservation);
    QCOMPARE(Snapshot::of(t, 1), aliceBefore);
    QCOMPARE(Snapshot::of(t, 2), bobBefore);
    QCOMPARE(statusOf(t, hers.id), QStringLiteral("HELD"));
    QCOMPARE(statusOf(t, his.id), QStringLiteral("HELD"));
    QVERIFY_RESULT(t->queue.requireActive(bob, 1));
}

void TestPaymentService::payingTwiceReplaysOriginal()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation r = holdOrDie(t, token, scheduleId, 30);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    auto first = t->payments.pay(token, {r.id});
    QVERIFY_RESULT(first);
    QVERIFY(!first->replayed);
    const Snapshot after = Snapshot::of(t, 1);

    t.clock.advanceSeconds(2);
    auto again = t->payments.pay(token, {r.id}); // the same request, the used-up token
    QVERIFY_RESULT(again);
    QVERIFY(again->replayed);
    QCOMPARE(again->id, first->id);
    QCOMPARE(again->amount, first->amount);
    QCOMPARE(again->reservationIds, first->reservationIds);
    QCOMPARE(Snapshot::of(t, 1), after);

    // With a new token from the queue, the same reservation still answers the same payment.
    const QString later = t.activeToken(1, 1);
    auto third = t->payments.pay(later, {r.id});
    QVERIFY_RESULT(third);
    QVERIFY(third->replayed);
    QCOMPARE(third->id, first->id);
    QCOMPARE(Snapshot::of(t, 1), after);
    QVERIFY_RESULT(t->queue.requireActive(later, 1)); // a replay does not use a token up
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'PAYMENT'"
                                           " AND customer_id = 1"))
                 .toInt(),
             1);
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::sameIdempotencyKeyReplaysOriginal()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation r = holdOrDie(t, token, scheduleId, 31);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    const QString key = QStringLiteral("key-7f3a");
    auto first = t->payments.pay(token, {r.id}, key);
    QVERIFY_RESULT(first);
    QVERIFY(!first->replayed);
    const Snapshot after = Snapshot::of(t, 1);

    auto again = t->payments.pay(token, {r.id}, key);
    QVERIFY_RESULT(again);
    QVERIFY(again->replayed);
    QCOMPARE(again->id, first->id);
    QCOMPARE(again->amount, first->amount);

    // The key names the request: under a new token the same reservations answer the original
    // payment, and other reservations under the same key are refused (a client that reused a
    // key by mistake must not be told its new request was paid); nothing changes either way.
    const QString later = t.activeToken(1, 1);
    auto replay = t->payments.pay(later, {r.id}, key);
    QVERIFY_RESULT(replay);
    QVERIFY(replay->replayed);
    QCOMPARE(replay->id, first->id);
    const Reservation other = holdOrDie(t, later, scheduleId, 32);
    QCOMPARE_ERROR(t->payments.pay(later, {other.id}, key), ErrorCode::IdempotencyKeyReused);
    QCOMPARE_ERROR(t->payments.pay(later, {r.id, other.id}, key), ErrorCode::IdempotencyKeyReused);
    QCOMPARE(Snapshot::of(t, 1), after);
    QCOMPARE(statusOf(t, other.id), QStringLiteral("HELD"));
    QVERIFY_RESULT(t->queue.requireActive(later, 1)); // a refusal does not use the token up

    // Another customer's identical key is theirs.
    const QString bob = t.activeToken(2, 1);
    const Reservation his = holdOrDie(t, bob, scheduleId, 33);
    QVERIFY_RESULT(t->wallet.charge(2, 1'000'000));
    auto bobs = t->payments.pay(bob, {his.id}, key);
    QVERIFY_RESULT(bobs);
    QVERIFY(!bobs->replayed);
    QVERIFY(bobs->id != first->id);
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::concurrentRepeatsChargeOnce()
{
    constexpr int kThreads = 4;
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation r = holdOrDie(t, token, scheduleId, 40);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));

    std::latch start(kThreads);
    std::atomic<int> fresh{0}, replayed{0}, failed{0};
    std::atomic<qint64> ids[kThreads];
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        ids[i] = 0;
        threads.emplace_back([&, i] {
            start.arrive_and_wait();
            auto p = t->payments.pay(token, {r.id});
            if (!p) {
                ++failed;
                return;
            }
            ids[i] = p->id;
            ++(p->replayed ? replayed : fresh);
        });
    }
    for (auto& th : threads)
        th.join();
    QCOMPARE(failed.load(), 0);
    QCOMPARE(fresh.load(), 1);
    QCOMPARE(replayed.load(), kThreads - 1);
    for (int i = 1; i < kThreads; ++i)
        QCOMPARE(ids[i].load(), ids[0].load());
    QCOMPARE(t->wallet.balance(1).value_or(-1), 1'000'000 - r.price);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM payments")).toInt(), 1);
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::oneKeyRacingForTwoRequests_data()
{
    QTest::addColumn<bool>("oneToken");
    // One token: the token's row lock puts the two in turn. Two tokens (two concerts): nothing
    // does until the payments' unique index on the key.
    QTest::newRow("one token") << true;
    QTest::newRow("two tokens") << false;
}

// Two requests with one key and different reservations at once: one pays, the other is refused,
// whichever comes first, and nothing is charged twice.
void TestPaymentService::oneKeyRacingForTwoRequests()
{
    QFETCH(bool, oneToken);
    constexpr int kRounds = 5;
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    for (int round = 0; round < kRounds; ++round) {
        const QString tokenA = t.activeToken(1, 1);
        const QString tokenB = oneToken ? tokenA : t.activeToken(1, 2);
        const Reservation a = holdOrDie(t, tokenA, scheduleOf(t, 1), 1 + round);
        const Reservation b = holdOrDie(t, tokenB, scheduleOf(t, oneToken ? 1 : 2), 11 + round);
        const QString key = QStringLiteral("race-%1").arg(round);
        const qint64 balanceBefore = t->wallet.balance(1).value_or(-1);

        std::latch start(2);
        Result<Payment> results[2] = {fail(ErrorCode::StorageError), fail(ErrorCode::StorageError)};
        std::thread threads[2];
        for (int i = 0; i < 2; ++i) {
            threads[i] = std::thread([&, i] {
                start.arrive_and_wait();
                results[i] = i == 0 ? t->payments.pay(tokenA, {a.id}, key)
                                    : t->payments.pay(tokenB, {b.id}, key);
            });
        }
        for (auto& th : threads)
            th.join();
        const int winner = results[0] ? 0 : 1;
        QVERIFY_RESULT(results[winner]);
        QVERIFY(!results[winner]->replayed);
        QCOMPARE_ERROR(results[1 - winner], ErrorCode::IdempotencyKeyReused);
        const Reservation& paid = winner == 0 ? a : b;
        const Reservation& refused = winner == 0 ? b : a;
        QCOMPARE(results[winner]->reservationIds, QList<qint64>{paid.id});
        QCOMPARE(statusOf(t, paid.id), QStringLiteral("PAID"));
        QCOMPARE(statusOf(t, refused.id), QStringLiteral("HELD"));
        QCOMPARE(t->wallet.balance(1).value_or(-1), balanceBefore - paid.price);
        QCOMPARE(scalar(*t->db,
                        QStringLiteral("SELECT COUNT(*) FROM payments WHERE idempotency_key = ?"),
                        {key})
                     .toInt(),
                 1);
        // The refused hold is let go, so that the hold limit does not stop a later round.
        QVERIFY_RESULT(t->reservations.expireHolds(t.clock.nowMs() + 24LL * 3600 * 1000));
    }
    QVERIFY(invariantsHold(t));
}

void TestPaymentService::paidReservationCannotBePaidAgainWithOthers()
{
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation a = holdOrDie(t, token, scheduleId, 1);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    QVERIFY_RESULT(t->payments.pay(token, {a.id}));
    const QString later = t.activeToken(1, 1);
    const Reservation b = holdOrDie(t, later, scheduleId, 2);
    const Snapshot before = Snapshot::of(t, 1);
    QCOMPARE_ERROR(t->payments.pay(later, {a.id, b.id}), ErrorCode::AlreadyPaid);
    QCOMPARE(Snapshot::of(t, 1), before);
    QCOMPARE(statusOf(t, b.id), QStringLiteral("HELD"));
    QVERIFY_RESULT(t->queue.requireActive(later, 1));
}

void TestPaymentService::tokenRules()
{
    EngineSettings settings;
    settings.activateCount = 1;
    settings.activeSeconds = 200; // shorter than the hold
    TestEngine t(settings);
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation r = holdOrDie(t, token, scheduleId, 1);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    const Snapshot before = Snapshot::of(t, 1);

    // The same customer's token for another concert.
    const QString elsewhere = t.activeToken(1, 2);
    QCOMPARE_ERROR(t->payments.pay(elsewhere, {r.id}), ErrorCode::TokenWrongConcert);
    QCOMPARE(Snapshot::of(t, 1), before);
    QVERIFY_RESULT(t->queue.requireActive(elsewhere, 2));

    // A WAITING token of the same customer and concert (after entering another concert's queue,
    // the first admission is done; customer 1 re-enters concert 3 and waits behind customer 2).
    QVERIFY_RESULT(t->queue.enter(2, 3));
    auto waiting = t->queue.enter(1, 3);
    QVERIFY_RESULT(waiting);
    QCOMPARE(waiting->status.state, QueueState::Waiting);
    QCOMPARE_ERROR(t->payments.pay(waiting->token, {r.id}), ErrorCode::TokenNotActive);
    QCOMPARE_ERROR(t->payments.pay(QString(), {r.id}), ErrorCode::TokenMissing);
    QCOMPARE_ERROR(t->payments.pay(QueueService::newToken(), {r.id}), ErrorCode::TokenInvalid);
    QCOMPARE(Snapshot::of(t, 1), before);

    // An expired token, while the hold itself still runs.
    auto status = t->queue.poll(token);
    QVERIFY_RESULT(status);
    t.clock.setMs(status->expiresAtMs);
    QVERIFY(r.expiresAtMs > t.clock.nowMs());
    QCOMPARE_ERROR(t->payments.pay(token, {r.id}), ErrorCode::TokenExpired);
    QCOMPARE(Snapshot::of(t, 1), before);
    QCOMPARE(statusOf(t, r.id), QStringLiteral("HELD"));
}

void TestPaymentService::badRequests()
{
    TestEngine t;
    const QString token = t.activeToken(1, 1);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    const Snapshot before = Snapshot::of(t, 1);
    QCOMPARE_ERROR(t->payments.pay(token, {}), ErrorCode::BadRequest);
    auto missing = t->payments.pay(token, {999'999});
    QCOMPARE_ERROR(missing, ErrorCode::ReservationNotFound);
    QCOMPARE(Snapshot::of(t, 1), before);
    QVERIFY_RESULT(t->queue.requireActive(token, 1));
}

void TestPaymentService::storageFailureRollsBackEverything()
{
    // P1: a failure at the last write (the ledger entry) leaves nothing of the payment behind.
    TestEngine t;
    const qint64 scheduleId = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const Reservation r = holdOrDie(t, token, scheduleId, 1);
    QVERIFY_RESULT(t->wallet.charge(1, 1'000'000));
    const Snapshot before = Snapshot::of(t, 1);
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY(failInserts(**conn, QStringLiteral("payment_ledger_fails"), QStringLiteral("ledger"),
                        QStringLiteral("NEW.kind = 'PAYMENT'")));

    auto p = t->payments.pay(token, {r.id});
    QVERIFY2(!p, "the payment succeeded although its ledger entry could not be written");
    QCOMPARE(Snapshot::of(t, 1), before);
    QCOMPARE(statusOf(t, r.id), QStringLiteral("HELD"));
    QVERIFY_RESULT(t->queue.requireActive(token, 1));

    QVERIFY(removeFailingInsert(**conn, QStringLiteral("payment_ledger_fails"),
                                QStringLiteral("ledger")));
    QVERIFY_RESULT(t->payments.pay(token, {r.id}));
    QVERIFY(invariantsHold(t));
}

QTEST_GUILESS_MAIN(TestPaymentService)
#include "tst_paymentservice.moc"
