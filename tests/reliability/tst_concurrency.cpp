// Real threads racing the services (design H1, W2, P4): each std::thread gets its own connection
// from Database::connection(), all are released together by a std::latch.

#include "storage/InvariantChecker.h"
#include "support/RaceSupport.h"
#include "support/TestSupport.h"

#include <QSet>

#include <algorithm>
#include <mutex>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// `n` threads paying at once: every answer, and the failures as text.
struct PayRace
{
    QList<Payment> paid;
    QStringList errors;
    // How many answers are first payments rather than replays of one (P4).
    int fresh() const
    {
        return int(std::count_if(paid.cbegin(), paid.cend(),
                                 [](const Payment& p) { return !p.replayed; }));
    }
};

template <typename Pay> PayRace racePay(int n, Pay pay)
{
    std::mutex m;
    PayRace out;
    race(n, [&](int i) {
        const Result<Payment> r = pay(i);
        std::lock_guard lock(m);
        if (r)
            out.paid << *r;
        else
            out.errors << r.error().codeName() + QLatin1Char(' ') + r.error().internal;
    });
    return out;
}

EngineSettings crowdSettings()
{
    EngineSettings s;
    s.activateCount = 1000; // everyone is admitted in one round
    return s;
}

// TestSupport's scalar() as a number: -1 when the statement cannot run or finds no row.
qint64 scalar(Engine& e, const QString& sql, const QVariantList& args = {})
{
    const QVariant v = boxoffice::test::scalar(*e.db, sql, args);
    return v.isValid() ? v.toLongLong() : -1;
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sixtyFourThreadsHoldOneSeat();
    void concurrentChargesToOneWallet();
    void samePaymentFromEightThreads();
    void samePaymentWithOneIdempotencyKey();
    void payAndHoldAcrossSeatsAtOnce();

private:
    static void verifyInvariants(Engine& e);
};

void TestConcurrency::verifyInvariants(Engine& e)
{
    const auto report = InvariantChecker::check(*e.db);
    QVERIFY_RESULT(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

void TestConcurrency::sixtyFourThreadsHoldOneSeat()
{
    constexpr int kThreads = 64;
    TestEngine t(crowdSettings());
    Engine& e = *t;
    const auto schedules = e.catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    const qint64 scheduleId = schedules->constFirst().id;

    QStringList tokens;
    for (int i = 1; i <= kThreads; ++i) {
        const auto ticket = e.queue.enter(i, 1);
        QVERIFY_RESULT(ticket);
        tokens << ticket->token;
    }
    QCOMPARE(t.admitNow(), kThreads);
    for (const QString& token : tokens)
        QVERIFY_RESULT(e.queue.requireActive(token, 1));

    // Three rounds, three seats: each time exactly one winner.
    for (int seat : {7, 8, 9}) {
        std::mutex m;
        QStringList codes;
        QList<qint64> winners;
        race(kThreads, [&](int i) {
            const auto r = e.reservations.hold(tokens.at(i), scheduleId, seat);
            std::lock_guard lock(m);
            if (r)
                winners << r->customerId;
            else
                codes << r.error().codeName() + QLatin1Char(' ') + r.error().internal;
        });
        QCOMPARE(winners.size(), 1);
        QCOMPARE(codes.size(), kThreads - 1);
        for (const QString& c : codes)
            QCOMPARE(c.trimmed(), QStringLiteral("SEAT_ALREADY_TAKEN"));

        const qint64 seatId = scalar(
            e, QStringLiteral("SELECT id FROM seats WHERE schedule_id = ? AND seat_number = ?"),
            {scheduleId, seat});
        QVERIFY(seatId > 0);
        QCOMPARE(scalar(e,
                        QStringLiteral("SELECT COUNT(*) FROM reservations WHERE seat_id = ?"
                                       " AND status IN ('HELD', 'PAID')"),
                        {seatId}),
                 1);
        QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM reservations WHERE seat_id = ?"),
                        {seatId}),
                 1);
        QCOMPARE(scalar(e, QStringLiteral("SELECT customer_id FROM reservations WHERE seat_id = ?"),
                        {seatId}),
                 winners.constFirst());
    }
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM reservations")), 3);
    verifyInvariants(e);
}

void TestConcurrency::concurrentChargesToOneWallet()
{
    constexpr int kThreads = 16;
    constexpr int kCharges = 25;
    constexpr qint64 kAmount = 1000;
    TestEngine t;
    Engine& e = *t;
    std::mutex m;
    QStringList errors;
    QList<qint64> balances;
    race(kThreads, [&](int) {
        for (int j = 0; j < kCharges; ++j) {
            const auto r = e.wallet.charge(1, kAmount);
            std::lock_guard lock(m);
            if (r)
                balances << *r;
            else
                errors << r.error().codeName() + QLatin1Char(' ') + r.error().internal;
        }
    });
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    constexpr qint64 total = kThreads * kCharges * kAmount;
    QCOMPARE(balances.size(), kThreads * kCharges);
    // Serialised: every charge saw the one before it, so the answers are 1000, 2000, ... total.
    std::sort(balances.begin(), balances.end());
    for (int i = 0; i < balances.size(); ++i)
        QCOMPARE(balances.at(i), (i + 1) * kAmount);
    const auto balance = e.wallet.balance(1);
    QVERIFY_RESULT(balance);
    QCOMPARE(*balance, total);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE customer_id = 1")),
             kThreads * kCharges);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(DISTINCT balance_after) FROM ledger"
                                      " WHERE customer_id = 1")),
             kThreads * kCharges);
    QCOMPARE(scalar(e, QStringLiteral("SELECT SUM(amount) FROM ledger WHERE customer_id = 1")),
             total);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE customer_id <> 1")), 0);
    verifyInvariants(e);
}

void TestConcurrency::samePaymentFromEightThreads()
{
    constexpr int kThreads = 8;
    TestEngine t;
    Engine& e = *t;
    QVERIFY_RESULT(e.wallet.charge(1, 500000));
    const QString token = t.activeToken(1, 1);
    const auto schedules = e.catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    const auto held = e.reservations.hold(token, schedules->constFirst().id, 20);
    QVERIFY_RESULT(held);

    const PayRace r = racePay(kThreads, [&](int) { return e.payments.pay(token, {held->id}); });
    // Every caller is answered with the one payment (P4): nobody is told it failed.
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    QCOMPARE(r.paid.size(), kThreads);
    QSet<qint64> ids;
    for (const Payment& p : r.paid) {
        ids << p.id;
        QCOMPARE(p.amount, held->price);
        QCOMPARE(p.reservationIds, QList<qint64>{held->id});
    }
    QCOMPARE(ids.size(), 1);
    QCOMPARE(r.fresh(), 1);

    const auto balance = e.wallet.balance(1);
    QVERIFY_RESULT(balance);
    QCOMPARE(*balance, 500000 - held->price);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM payments")), 1);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'PAYMENT'")), 1);
    QCOMPARE(scalar(e, QStringLiteral("SELECT status = 'PAID' FROM reservations WHERE id = ?"),
                    {held->id}),
             1);
    verifyInvariants(e);
}

void TestConcurrency::samePaymentWithOneIdempotencyKey()
{
    constexpr int kThreads = 8;
    TestEngine t;
    Engine& e = *t;
    QVERIFY_RESULT(e.wallet.charge(2, 1000000));
    const QString token = t.activeToken(2, 2);
    const auto schedules = e.catalogue.schedulesOf(2);
    QVERIFY_RESULT(schedules);
    QList<qint64> ids;
    qint64 total = 0;
    for (int seat : {1, 2}) {
        const auto held = e.reservations.hold(token, schedules->constFirst().id, seat);
        QVERIFY_RESULT(held);
        ids << held->id;
        total += held->price;
    }

    const PayRace r = racePay(kThreads, [&](int i) {
        // Half of them list the reservations the other way round.
        const QList<qint64> order = i % 2 ? QList<qint64>{ids[1], ids[0]} : ids;
        return e.payments.pay(token, order, QStringLiteral("order-2-1"));
    });
    QVERIFY2(r.errors.isEmpty(), qPrintable(r.errors.join(QLatin1Char('\n'))));
    QCOMPARE(r.paid.size(), kThreads);
    QSet<qint64> paymentIds;
    for (const Payment& p : r.paid) {
        paymentIds << p.id;
        QCOMPARE(p.amount, total);
    }
    QCOMPARE(paymentIds.size(), 1);
    QCOMPARE(r.fresh(), 1);
    const auto balance = e.wallet.balance(2);
    QVERIFY_RESULT(balance);
    QCOMPARE(*balance, 1000000 - total);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM payments")), 1);
    verifyInvariants(e);
}

// Mixed traffic: 32 customers each pay their own hold while 32 others race for one seat and
// 16 threads charge; afterwards every invariant holds.
void TestConcurrency::payAndHoldAcrossSeatsAtOnce()
{
    TestEngine t(crowdSettings());
    Engine& e = *t;
    const auto schedules = e.catalogue.schedulesOf(3);
    QVERIFY_RESULT(schedules);
    const qint64 scheduleId = schedules->constFirst().id;
    QStringList tokens;
    for (int i = 1; i <= 64; ++i) {
        const auto ticket = e.queue.enter(i, 3);
        QVERIFY_RESULT(ticket);
        tokens << ticket->token;
    }
    QCOMPARE(t.admitNow(), 64);
    QList<qint64> holds;
    for (int i = 0; i < 32; ++i) {
        QVERIFY_RESULT(e.wallet.charge(i + 1, 100000));
        const auto held = e.reservations.hold(tokens.at(i), scheduleId, i + 1);
        QVERIFY_RESULT(held);
        holds << held->id;
    }

    std::mutex m;
    int paidCount = 0, holdWins = 0, charged = 0;
    QStringList unexpected;
    race(80, [&](int i) {
        if (i < 32) {
            const auto r = e.payments.pay(tokens.at(i), {holds.at(i)});
            std::lock_guard lock(m);
            if (r && !r->replayed)
                ++paidCount;
            else
                unexpected << QStringLiteral("pay %1: %2")
                                  .arg(i)
                                  .arg(r ? "replayed" : r.error().codeName());
        } else if (i < 64) {
            const auto r = e.reservations.hold(tokens.at(i), scheduleId, 50);
            std::lock_guard lock(m);
            if (r)
                ++holdWins;
            else if (r.error().code != ErrorCode::SeatAlreadyTaken)
                unexpected << QStringLiteral("hold %1: %2").arg(i).arg(r.error().codeName());
        } else {
            const auto r = e.wallet.charge(100, 1000);
            std::lock_guard lock(m);
            if (r)
                ++charged;
            else
                unexpected << QStringLiteral("charge: %1").arg(r.error().codeName());
        }
    });
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
    QCOMPARE(paidCount, 32);
    QCOMPARE(holdWins, 1);
    QCOMPARE(charged, 16);
    const auto balance = e.wallet.balance(100);
    QVERIFY_RESULT(balance);
    QCOMPARE(*balance, 16000);
    QCOMPARE(scalar(e, QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'PAID'")),
             32);
    verifyInvariants(e);
}

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
