// Real threads racing the after-sale services (design K5, R3): any number of scans of one ticket
// let one person in; any number of refunds of one seat give one refund; a scan and a refund of
// one seat at once never both happen. Each thread has its own connection; a latch starts them
// together. tst_aftersaleprocesses does the same with processes.

#include "storage/InvariantChecker.h"
#include "support/AfterSaleSupport.h"
#include "support/RaceSupport.h"

#include <QSet>

#include <mutex>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const Actor kStaff = Actor::staff(QStringLiteral("door"));

void verifyInvariants(TestEngine& t)
{
    const auto report = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

// Answers by code name ("OK" for a value), counted.
struct Tally
{
    std::mutex m;
    QHash<QString, int> counts;
    QList<qint64> ids; // of the values
    template <typename T> void add(const Result<T>& r, qint64 id = 0)
    {
        std::lock_guard lock(m);
        if (r) {
            ++counts[QStringLiteral("OK")];
            ids << id;
        } else {
            ++counts[r.error().codeName()];
        }
    }
    QString describe() const
    {
        QStringList parts;
        for (auto i = counts.begin(); i != counts.end(); ++i)
            parts << QStringLiteral("%1 %2").arg(i.key()).arg(i.value());
        parts.sort();
        return parts.join(QStringLiteral(", "));
    }
};

} // namespace

class TestAfterSaleConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sixtyFourScansOfOneTicket();
    void scansOfBothCodesOfOneSeat();
    void sixteenRefundsOfOneSeat();
    void refundsWithOneKey();
    void scanAndRefundOfOneSeat();
};

void TestAfterSaleConcurrency::sixtyFourScansOfOneTicket()
{
    constexpr int kThreads = 64;
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {5});
    const QString code = p.tickets.first().code;
    Tally tally;
    race(kThreads, [&](int) {
        const auto r = t->door.checkIn(code, schedule, kStaff);
        tally.add(r, r ? r->id : 0);
    });
    QCOMPARE(tally.counts.value(QStringLiteral("OK")), 1);
    QCOMPARE(tally.counts.value(QStringLiteral("ALREADY_CHECKED_IN")), kThreads - 1);
    QCOMPARE(tally.counts.size(), 2);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM checkins")), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT id FROM checkins")), tally.ids.first());
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN'")),
             1);
    verifyInvariants(t);
}

void TestAfterSaleConcurrency::scansOfBothCodesOfOneSeat()
{
    // A seat whose code was reissued, the old code kept by someone: of the scans of both codes
    // at once, only the new code can get in, and only once.
    constexpr int kThreads = 32;
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {6});
    const auto fresh = t->tickets.reissue(p.tickets.first().id, kStaff);
    QVERIFY_RESULT(fresh);
    Tally tally;
    race(kThreads, [&](int i) {
        tally.add(t->door.checkIn(i % 2 ? fresh->code : p.tickets.first().code, schedule, kStaff));
    });
    QCOMPARE(tally.counts.value(QStringLiteral("OK")), 1);
    QCOMPARE(tally.counts.value(QStringLiteral("ALREADY_CHECKED_IN")), kThreads / 2 - 1);
    QCOMPARE(tally.counts.value(QStringLiteral("TICKET_REVOKED")), kThreads / 2);
    QCOMPARE(count(t, QStringLiteral("SELECT ticket_id FROM checkins")), fresh->id);
    verifyInvariants(t);
}

void TestAfterSaleConcurrency::sixteenRefundsOfOneSeat()
{
    constexpr int kThreads = 16;
    EngineSettings fee;
    fee.refundFeePercent = 10;
    TestEngine t(fee);
    const Payment p = buy(t, 1, scheduleOf(t, 1), {7, 8});
    const qint64 before = *t->wallet.balance(1);
    Tally tally;
    race(kThreads, [&](int i) {
        // Some name the seat alone, some with the other seat of the payment.
        const QList<qint64> ids =
            i % 2 ? QList<qint64>{p.reservationIds.first()} : p.reservationIds;
        const auto r = t->refunds.refund(ids, {}, kStaff);
        tally.add(r, r ? r->id : 0);
    });
    QCOMPARE(tally.counts.value(QStringLiteral("OK")), 1);
    QCOMPARE(tally.counts.value(QStringLiteral("ALREADY_REFUNDED")), kThreads - 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM refunds")), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'REFUND'")), 1);
    const qint64 returned = count(
        t, QStringLiteral("SELECT amount - fee FROM refunds WHERE id = ?"), {tally.ids.first()});
    QCOMPARE(*t->wallet.balance(1), before + returned);
    verifyInvariants(t);
}

void TestAfterSaleConcurrency::refundsWithOneKey()
{
    // A client retrying one refund from several connections at once, all with its key: every
    // one of them is answered with the one refund.
    constexpr int kThreads = 12;
    TestEngine t;
    const Payment p = buy(t, 2, scheduleOf(t, 1), {9});
    Tally tally;
    QSet<qint64> fresh;
    std::mutex m;
    race(kThreads, [&](int) {
        const auto r = t->refunds.refund(p.reservationIds, QStringLiteral("retry-9"), kStaff);
        tally.add(r, r ? r->id : 0);
        if (r && !r->replayed) {
            std::lock_guard lock(m);
            fresh << r->id;
        }
    });
    QVERIFY2(tally.counts.value(QStringLiteral("OK")) == kThreads, qPrintable(tally.describe()));
    QCOMPARE(QSet<qint64>(tally.ids.begin(), tally.ids.end()).size(), 1);
    QCOMPARE(fresh.size(), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM refunds")), 1);
    verifyInvariants(t);
}

void TestAfterSaleConcurrency::scanAndRefundOfOneSeat()
{
    // For each of several seats, a scan and a refund at once: exactly one of them happens, the
    // other is told why (TICKET_REVOKED, or ALREADY_CHECKED_IN for the refund).
    constexpr int kSeats = 8;
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    QList<Payment> sales;
    for (int i = 0; i < kSeats; ++i)
        sales << buy(t, 10 + i, schedule, {20 + i});
    Tally scans, refunds;
    race(2 * kSeats, [&](int i) {
        const Payment& p = sales.at(i / 2);
        if (i % 2)
            scans.add(t->door.checkIn(p.tickets.first().code, schedule, kStaff));
        else
            refunds.add(t->refunds.refund(p.reservationIds, {}, kStaff));
    });
    const int in = scans.counts.value(QStringLiteral("OK"));
    const int back = refunds.counts.value(QStringLiteral("OK"));
    QVERIFY2(
        in + back == kSeats,
        qPrintable(
            QStringLiteral("scans: %1; refunds: %2").arg(scans.describe(), refunds.describe())));
    QCOMPARE(scans.counts.value(QStringLiteral("TICKET_REVOKED")), back);
    QCOMPARE(refunds.counts.value(QStringLiteral("ALREADY_CHECKED_IN")), in);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM checkins")), in);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM refunds")), back);
    verifyInvariants(t);
}

QTEST_GUILESS_MAIN(TestAfterSaleConcurrency)
#include "tst_aftersaleconcurrency.moc"
