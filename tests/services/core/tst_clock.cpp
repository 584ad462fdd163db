// Clock timers (design A3): a ManualClock fires due timers in order as it moves, on their own
// threads; ScaledClock and SystemClock fire on real time, the scaled one that much sooner.

#include "core/Clock.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace boxoffice;

class TestClock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void singleShotFiresAtItsTimeWithTheClockShowingIt()
    {
        ManualClock clock(1000);
        ClockTimer t(clock);
        t.setSingleShot(true);
        qint64 seenAt = -1;
        connect(&t, &ClockTimer::timeout, this, [&] { seenAt = clock.nowMs(); });
        t.start(500);
        QCOMPARE(t.dueAtMs(), qint64(1500));
        clock.advanceMs(499);
        QCOMPARE(seenAt, qint64(-1));
        QVERIFY(t.isActive());
        clock.advanceMs(10'000);
        QCOMPARE(seenAt, qint64(1500));
        QVERIFY(!t.isActive());
        QCOMPARE(clock.nowMs(), qint64(11'499));
        QCOMPARE(clock.armedTimers(), 0);
    }

    void dueTimersFireInOrder()
    {
        ManualClock clock(0);
        QStringList order;
        ClockTimer a(clock), b(clock), c(clock);
        for (auto [timer, name] : {std::pair{&a, "a"}, {&b, "b"}, {&c, "c"}}) {
            timer->setSingleShot(true);
            connect(timer, &ClockTimer::timeout, this,
                    [&order, &clock, name = QString::fromLatin1(name)] {
                        order << QStringLiteral("%1@%2").arg(name).arg(clock.nowMs());
                    });
        }
        c.start(300);
        a.start(100);
        b.start(200);
        clock.advanceMs(1000);
        QCOMPARE(order, (QStringList{QStringLiteral("a@100"), QStringLiteral("b@200"),
                                     QStringLiteral("c@300")}));
    }

    void repeatingFiresEveryPeriodOfALongAdvance()
    {
        ManualClock clock(0);
        ClockTimer t(clock);
        QList<qint64> at;
        connect(&t, &ClockTimer::timeout, this, [&] { at << clock.nowMs(); });
        t.start(1000);
        clock.advanceSeconds(5);
        QCOMPARE(at, (QList<qint64>{1000, 2000, 3000, 4000, 5000}));
        QCOMPARE(t.dueAtMs(), qint64(6000));
        t.stop();
        clock.advanceSeconds(5);
        QCOMPARE(at.size(), 5);
    }

    void aTimerStartedWhileFiringIsSeenInTheSameAdvance()
    {
        // An admission that arms the next one from its own timeout: one advance runs both.
        ManualClock clock(0);
        ClockTimer t(clock);
        t.setSingleShot(true);
        int fired = 0;
        connect(&t, &ClockTimer::timeout, this, [&] {
            if (++fired < 3)
                t.startAt(clock.nowMs() + 10);
        });
        t.startAt(10);
        clock.advanceMs(100);
        QCOMPARE(fired, 3);
    }

    void restartReplacesTheArmingAndStopCancelsIt()
    {
        ManualClock clock(0);
        ClockTimer t(clock);
        t.setSingleShot(true);
        QSignalSpy spy(&t, &ClockTimer::timeout);
        t.start(100);
        t.start(300);
        clock.advanceMs(200);
        QCOMPARE(spy.count(), 0);
        clock.advanceMs(100);
        QCOMPARE(spy.count(), 1);
        t.start(100);
        t.stop();
        clock.advanceMs(1000);
        QCOMPARE(spy.count(), 1);
    }

    void startAtInThePastFiresOnTheNextMove()
    {
        ManualClock clock(5000);
        ClockTimer t(clock);
        QSignalSpy spy(&t, &ClockTimer::timeout);
        t.startAt(1000);
        QVERIFY(t.isSingleShot() == false); // startAt is one-off whatever singleShot says
        clock.advanceMs(0);
        QCOMPARE(spy.count(), 1);
        clock.advanceMs(10'000);
        QCOMPARE(spy.count(), 1);
    }

    void aBackwardMoveFiresNothing()
    {
        ManualClock clock(5000);
        ClockTimer t(clock);
        QSignalSpy spy(&t, &ClockTimer::timeout);
        t.startAt(6000);
        clock.setMs(1000);
        QCOMPARE(spy.count(), 0);
        QCOMPARE(clock.nowMs(), qint64(1000));
        QCOMPARE(clock.nextDueMs(), qint64(6000));
    }

    void timersOnAnotherThreadFireThereBeforeAdvanceReturns()
    {
        ManualClock clock(0);
        QThread worker;
        worker.start();
        auto* t = new ClockTimer(clock);
        t->moveToThread(&worker);
        t->setSingleShot(true);
        QThread* firedOn = nullptr;
        qint64 seenAt = -1;
        connect(
            t, &ClockTimer::timeout, t,
            [&] {
                firedOn = QThread::currentThread();
                seenAt = clock.nowMs();
            },
            Qt::DirectConnection);
        QMetaObject::invokeMethod(
            t, [t] { t->start(250); }, Qt::BlockingQueuedConnection);
        clock.advanceMs(1000);
        QCOMPARE(firedOn, &worker);
        QCOMPARE(seenAt, qint64(250));
        QMetaObject::invokeMethod(
            t, [t] { delete t; }, Qt::BlockingQueuedConnection);
        QCOMPARE(clock.armedTimers(), 0);
        worker.quit();
        worker.wait();
    }

    void aTimerDeletedOnItsThreadIsNeverFired()
    {
        ManualClock clock(0);
        {
            ClockTimer t(clock);
            t.start(100);
            QCOMPARE(clock.armedTimers(), 1);
        }
        QCOMPARE(clock.armedTimers(), 0);
        clock.advanceMs(1000); // must not touch the destroyed timer
    }

    void singleShotHelperCallsOnceAndCleansUp()
    {
        ManualClock clock(0);
        QObject context;
        int calls = 0;
        ClockTimer::singleShot(clock, 50, &context, [&] { ++calls; });
        clock.advanceMs(100);
        clock.advanceMs(100);
        QCOMPARE(calls, 1);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QCOMPARE(context.findChildren<ClockTimer*>().size(), 0);
    }

    void scaledClockRunsFasterThanRealTime()
    {
        ScaledClock clock(60);
        QElapsedTimer real;
        real.start();
        const qint64 start = clock.nowMs();
        // A three-second timer in clock time: 50 ms of real time at 60×.
        ClockTimer t(clock);
        t.setSingleShot(true);
        QSignalSpy spy(&t, &ClockTimer::timeout);
        t.start(3000);
        QVERIFY(spy.wait(2000));
        QVERIFY(clock.nowMs() - start >= 3000);
        // Far less real time than clock time went by (the margin is for a loaded machine).
        QVERIFY2(real.elapsed() < 1500, qPrintable(QString::number(real.elapsed())));
    }

    void systemClockTimerFires()
    {
        SystemClock clock;
        ClockTimer t(clock);
        t.setSingleShot(true);
        QSignalSpy spy(&t, &ClockTimer::timeout);
        const qint64 start = clock.nowMs();
        t.start(20);
        QVERIFY(spy.wait(5000));
        QVERIFY(clock.nowMs() - start >= 20); // never early
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
