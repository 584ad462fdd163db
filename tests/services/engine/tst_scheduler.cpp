// Scheduler: the timed jobs of Q4, Q6 and H2. Their methods are called with the ManualClock's
// time; where the scheduler's own timers are under test, advancing the clock fires them.

#include "engine/Scheduler.h"
#include "sales/ReservationService.h"
#include "support/TestSupport.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

int countIn(TestEngine& t, const QString& table, const QString& where)
{
    return scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where))
        .toInt();
}

QList<QueueTicket> enterAll(TestEngine& t, qint64 first, qint64 last, qint64 concertId = 1)
{
    QList<QueueTicket> out;
    for (qint64 c = first; c <= last; ++c) {
        auto ticket = t->queue.enter(c, concertId);
        if (!ticket)
            qFatal("enter failed: %s", qPrintable(ticket.error().english));
        out << *ticket;
    }
    return out;
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void admitDueEmitsAdmittedOncePerPeriod();
    void admitDueWithNobodyWaitingIsSilent();
    void sweepEmitsTokensAndHoldsExpired();
    void startStop();
    void startAdmitsWhenDue();
    void runningSweepEvictsIdleTokensWhateverThePeriod();
    void failuresAreReported();
};

void TestScheduler::admitDueEmitsAdmittedOncePerPeriod()
{
    EngineSettings settings;
    settings.activateCount = 2;
    settings.activateEverySeconds = 10;
    TestEngine t(settings);
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QSignalSpy admitted(&s, &Scheduler::admitted);
    enterAll(t, 1, 3);
    const qint64 t0 = t.clock.nowMs();

    QCOMPARE(s.admitDue(t0), 2);
    QCOMPARE(admitted.count(), 1);
    QCOMPARE(admitted.at(0).at(0).toInt(), 2);
    QCOMPARE(countIn(t, QStringLiteral("queue_entries"), QStringLiteral("state = 'ACTIVE'")), 2);

    QCOMPARE(s.admitDue(t0 + 9'999), 0); // the same period
    QCOMPARE(admitted.count(), 1);

    QCOMPARE(s.admitDue(t0 + 10'000), 1);
    QCOMPARE(admitted.count(), 2);
    QCOMPARE(admitted.at(1).at(0).toInt(), 1);
    QCOMPARE(countIn(t, QStringLiteral("queue_entries"), QStringLiteral("state = 'ACTIVE'")), 3);
}

void TestScheduler::admitDueWithNobodyWaitingIsSilent()
{
    TestEngine t;
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QSignalSpy admitted(&s, &Scheduler::admitted);
    QSignalSpy failed(&s, &Scheduler::failed);
    QCOMPARE(s.admitDue(t.clock.nowMs()), 0);
    QCOMPARE(admitted.count(), 0);
    QCOMPARE(failed.count(), 0);
}

void TestScheduler::sweepEmitsTokensAndHoldsExpired()
{
    EngineSettings settings;
    settings.activateCount = 2;
    settings.holdSeconds = 60;
    settings.activeSeconds = 120;
    settings.idleSeconds = 300;
    TestEngine t(settings);
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QSignalSpy tokens(&s, &Scheduler::tokensExpired);
    QSignalSpy holds(&s, &Scheduler::holdsExpired);
    QSignalSpy failed(&s, &Scheduler::failed);

    const auto tickets = enterAll(t, 1, 5); // 1 and 2 will be admitted, 3..5 wait
    const qint64 t0 = t.clock.nowMs();
    QCOMPARE(s.admitDue(t0), 2);
    auto schedules = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    for (int seat = 1; seat <= 3; ++seat)
        QVERIFY_RESULT(t->reservations.hold(tickets[0].token, schedules->first().id, seat));

    QCOMPARE(s.sweep(t0 + 59'999), 0);
    QCOMPARE(tokens.count(), 0);
    QCOMPARE(holds.count(), 0);

    QCOMPARE(s.sweep(t0 + 60'000), 3); // the holds
    QCOMPARE(holds.count(), 1);
    QCOMPARE(holds.at(0).at(0).toInt(), 3);
    QCOMPARE(tokens.count(), 0);
    QCOMPARE(countIn(t, QStringLiteral("reservations"), QStringLiteral("status = 'EXPIRED'")), 3);

    QCOMPARE(s.sweep(t0 + 120'000), 2); // the ACTIVE tokens
    QCOMPARE(tokens.count(), 1);
    QCOMPARE(tokens.at(0).at(0).toInt(), 2);
    QCOMPARE(holds.count(), 1);

    QCOMPARE(s.sweep(t0 + 300'000), 3); // the idle WAITING ones
    QCOMPARE(tokens.count(), 2);
    QCOMPARE(tokens.at(1).at(0).toInt(), 3);
    QCOMPARE(countIn(t, QStringLiteral("queue_entries"), QStringLiteral("state <> 'EXPIRED'")), 0);

    QCOMPARE(s.sweep(t0 + 400'000), 0);
    QCOMPARE(tokens.count(), 2);
    QCOMPARE(holds.count(), 1);
    QCOMPARE(failed.count(), 0);
}

void TestScheduler::startStop()
{
    TestEngine t;
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QVERIFY(!s.isRunning());
    s.start();
    QVERIFY(s.isRunning());
    s.stop();
    QVERIFY(!s.isRunning());
    s.start();
    QVERIFY(s.isRunning());
    s.stop();
}

void TestScheduler::startAdmitsWhenDue()
{
    // No admission has ever run, so one is due at once: the armed timer runs it.
    EngineSettings settings;
    settings.activateCount = 5;
    TestEngine t(settings);
    enterAll(t, 1, 3);
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QSignalSpy admitted(&s, &Scheduler::admitted);
    s.start();
    QCOMPARE(admitted.count(), 0); // armed, not run: the clock has not moved
    t.clock.advanceMs(0);
    QCOMPARE(admitted.count(), 1);
    QCOMPARE(admitted.at(0).at(0).toInt(), 3);
    // The next one is armed for one period later, on the clock.
    QCOMPARE(s.nextAdmissionDueMs(), t.clock.nowMs() + t->settings.activateEverySeconds * 1000LL);
    s.stop();
    QCOMPARE(countIn(t, QStringLiteral("queue_entries"), QStringLiteral("state = 'ACTIVE'")), 3);
}

void TestScheduler::runningSweepEvictsIdleTokensWhateverThePeriod()
{
    // Q6: evicted within 2 s of the idle deadline even when admissions are an hour apart.
    QVERIFY(Scheduler::kSweepIntervalMs <= 2'000);
    EngineSettings settings;
    settings.activateEverySeconds = 3'600;
    settings.idleSeconds = 300;
    TestEngine t(settings);
    QCOMPARE(t.admitNow(), 0); // this hour's admission is over
    const auto tickets = enterAll(t, 1, 2);
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QSignalSpy tokens(&s, &Scheduler::tokensExpired);
    s.start();
    t.clock.advanceSeconds(299);
    QCOMPARE(tokens.count(), 0);
    // The sweep that runs every second of clock time evicts them at the deadline.
    t.clock.advanceMs(Scheduler::kSweepIntervalMs);
    QCOMPARE(tokens.count(), 1);
    s.stop();
    QCOMPARE(tokens.at(0).at(0).toInt(), 2);
    QCOMPARE_ERROR(t->queue.poll(tickets[0].token), ErrorCode::TokenExpired);
}

void TestScheduler::failuresAreReported()
{
    TestEngine t;
    Scheduler s(t->queue, t->reservations, t.clock, t->settings);
    QSignalSpy failed(&s, &Scheduler::failed);
    QSignalSpy admitted(&s, &Scheduler::admitted);
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY((*conn)->runOnce(QStringLiteral("DROP TABLE scheduler_runs")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^scheduler:")));
    QCOMPARE(s.admitDue(t.clock.nowMs()), 0);
    QCOMPARE(failed.count(), 1);
    const auto said = failed.at(0).at(0).value<Error>();
    QVERIFY(!said.english.isEmpty());
    QVERIFY2(said.internal.isEmpty(), "driver text must not reach people");
    QCOMPARE(admitted.count(), 0);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
