// EngineHost (design A1, A2): calls run on the worker thread and answer on the caller's; a blocked
// worker never blocks the caller; a call stuck too long is a stall, a call that waited too long is
// answered without running; the change watch and the scheduler run on the worker.

#include "engine/ChangeWatch.h"
#include "engine/EngineHost.h"
#include "support/TestSupport.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QThread>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// Blocks the worker until released: a database that does not answer, on purpose. Returns once
// the worker is inside the call.
QFuture<Result<void>> blockWorker(EngineHost& host, QSemaphore& gate)
{
    auto started = std::make_shared<QSemaphore>();
    auto f = host.call([&gate, started](Engine&) -> Result<void> {
        started->release();
        gate.acquire();
        return {};
    });
    started->acquire();
    return f;
}

} // namespace

class TestEngineHost : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<EngineHost> m_host;
    ManualClock m_waits{0};

    void openHost(bool scheduler = false)
    {
        m_host = std::make_unique<EngineHost>(m_engine->clock, m_engine->clock);
        m_host->setWaitClock(m_waits);
        auto opened = m_host->adopt(**m_engine, scheduler);
        QTRY_VERIFY(opened.isFinished());
        QVERIFY_RESULT(opened.result());
    }

private Q_SLOTS:
    void init() { m_engine = std::make_unique<TestEngine>(); }
    void cleanup()
    {
        m_host.reset();
        m_engine.reset();
    }

    void callsRunOnTheWorkerAndAnswerOnTheCaller()
    {
        openHost();
        QThread* ranOn = nullptr;
        QThread* answeredOn = nullptr;
        qint64 balance = -1;
        auto done = m_host
                        ->call([&](Engine& e) {
                            ranOn = QThread::currentThread();
                            return e.wallet.balance(1);
                        })
                        .then(this, [&](Result<qint64> b) {
                            answeredOn = QThread::currentThread();
                            balance = b.value_or(-2);
                        });
        QTRY_VERIFY(done.isFinished());
        QVERIFY(ranOn && ranOn != QThread::currentThread());
        QCOMPARE(answeredOn, QThread::currentThread());
        QCOMPARE(balance, qint64(0));
        QCOMPARE(m_host->pendingCalls(), 0);
        QCOMPARE(m_host->databaseName(), (*m_engine)->db->displayName());
    }

    void callsRunInTheOrderMade()
    {
        openHost();
        QList<int> order;
        QList<QFuture<Result<int>>> futures;
        for (int i = 0; i < 20; ++i)
            futures << m_host->call([i, &order](Engine&) -> Result<int> {
                order << i;
                return i;
            });
        QTRY_VERIFY(futures.last().isFinished());
        QCOMPARE(order.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(order.at(i), i);
    }

    void aBlockedWorkerLeavesTheCallerLive()
    {
        openHost();
        QSemaphore gate;
        auto blocked = blockWorker(*m_host, gate);
        auto next = m_host->call([](Engine& e) { return e.wallet.balance(2); });
        // The caller's event loop keeps running: a queued call of its own is processed.
        bool ranHere = false;
        QMetaObject::invokeMethod(
            this, [&] { ranHere = true; }, Qt::QueuedConnection);
        QTRY_VERIFY(ranHere);
        QVERIFY(!blocked.isFinished());
        QVERIFY(!next.isFinished());
        QCOMPARE(m_host->pendingCalls(), 2);
        gate.release();
        QTRY_VERIFY(next.isFinished());
        QVERIFY_RESULT(next.result());
    }

    void aCallStuckLongerThanTheLimitIsAStall()
    {
        openHost();
        QSignalSpy stalled(m_host.get(), &EngineHost::stalledChanged);
        QSemaphore gate;
        auto blocked = blockWorker(*m_host, gate);
        m_waits.advanceMs(EngineHost::kStallAfterMs - 1);
        m_engine->clock.advanceMs(EngineHost::kWatchdogIntervalMs);
        QCOMPARE(stalled.count(), 0);
        m_waits.advanceMs(1);
        m_engine->clock.advanceMs(EngineHost::kWatchdogIntervalMs);
        QCOMPARE(stalled.count(), 1);
        QCOMPARE(stalled.at(0).at(0).toBool(), true);
        QVERIFY(m_host->isStalled());
        gate.release();
        QTRY_VERIFY(blocked.isFinished());
        m_engine->clock.advanceMs(EngineHost::kWatchdogIntervalMs);
        QCOMPARE(stalled.count(), 2);
        QCOMPARE(stalled.at(1).at(0).toBool(), false);
    }

    void aCallThatWaitedTooLongIsAnsweredWithoutRunning()
    {
        openHost();
        QSemaphore gate;
        auto blocked = blockWorker(*m_host, gate);
        bool ran = false;
        auto late = m_host->call([&ran](Engine& e) {
            ran = true;
            return e.wallet.charge(3, 1000);
        });
        m_waits.advanceMs(EngineHost::kMaxQueueWaitMs + 1);
        gate.release();
        QTRY_VERIFY(late.isFinished());
        QVERIFY(!ran);
        QCOMPARE_ERROR(late.result(), ErrorCode::StorageUnavailable);
        QCOMPARE(*(*m_engine)->wallet.balance(3), qint64(0));
        // The next call, not kept waiting, runs.
        auto now = m_host->call([](Engine& e) { return e.wallet.charge(3, 1000); });
        QTRY_VERIFY(now.isFinished());
        QCOMPARE(now.result().value_or(-1), qint64(1000));
    }

    void anotherConnectionsCommitIsNoticed()
    {
        openHost();
        QSignalSpy changed(m_host.get(), &EngineHost::changed);
        m_engine->clock.advanceMs(ChangeWatch::kIntervalMs);
        QTRY_COMPARE(m_host->pendingCalls(), 0);
        QCoreApplication::processEvents();
        QCOMPARE(changed.count(), 0); // nothing happened yet
        // Another terminal holds a seat (on PostgreSQL, reservations NOTIFY their listeners).
        const QString token = m_engine->activeToken(4, 1);
        bool held = false;
        std::thread other([&] { held = bool((*m_engine)->reservations.hold(token, 1, 5)); });
        other.join();
        QVERIFY(held);
        // PostgreSQL's notification reaches the worker's connection in its own time: the watch
        // keeps looking every interval until it has heard.
        QTRY_VERIFY((m_engine->clock.advanceMs(ChangeWatch::kIntervalMs), changed.count() >= 1));
    }

    void theSchedulerRunsOnTheWorker()
    {
        const auto t1 = (*m_engine)->queue.enter(1, 1);
        const auto t2 = (*m_engine)->queue.enter(2, 1);
        QVERIFY_RESULT(t1);
        QVERIFY_RESULT(t2);
        openHost(true);
        QSignalSpy admitted(m_host.get(), &EngineHost::admitted);
        m_engine->clock.advanceMs(0); // the first admission is due at once
        QTRY_COMPARE(admitted.count(), 1);
        QCOMPARE(admitted.at(0).at(0).toInt(), 2);
        QCOMPARE((*m_engine)->queue.poll(t1->token)->state, QueueState::Active);
    }

    void openRunsTheOpenerOnTheWorkerAndSaysWhyItFailed()
    {
        EngineHost host(m_engine->clock, m_engine->clock);
        QThread* ranOn = nullptr;
        auto opened = host.open([&]() -> Result<std::unique_ptr<Engine>> {
            ranOn = QThread::currentThread();
            return fail(ErrorCode::NotADatabase);
        });
        QTRY_VERIFY(opened.isFinished());
        QCOMPARE_ERROR(opened.result(), ErrorCode::NotADatabase);
        QVERIFY(ranOn && ranOn != QThread::currentThread());
        QVERIFY(!host.isOpen());
        auto answer = host.call([](Engine& e) { return e.wallet.balance(1); });
        QTRY_VERIFY(answer.isFinished());
        QCOMPARE_ERROR(answer.result(), ErrorCode::StorageUnavailable);
    }

    void openOwnsAndClosesItsEngine()
    {
        const QString location = m_engine->location();
        m_engine->clock.setMs(kStartMs);
        {
            EngineHost host(m_engine->clock, m_engine->clock);
            auto opened = host.open([&]() -> Result<std::unique_ptr<Engine>> {
                DatabaseOptions options;
                options.location = location;
                return Engine::open(options, EngineSettings{}, m_engine->clock);
            });
            QTRY_VERIFY(opened.isFinished());
            QVERIFY_RESULT(opened.result());
            auto b = host.call([](Engine& e) { return e.wallet.charge(6, 700); });
            QTRY_VERIFY(b.isFinished());
            QCOMPARE(b.result().value_or(-1), qint64(700));
        }
        QCOMPARE(*(*m_engine)->wallet.balance(6), qint64(700));
    }

    void destroyingTheHostWithCallsOutIsClean()
    {
        openHost(true);
        QList<QFuture<Result<qint64>>> calls;
        for (int i = 0; i < 10; ++i)
            calls << m_host->call([](Engine& e) { return e.wallet.charge(7, 10); });
        m_host.reset(); // runs what was asked, then stops the worker
        for (const auto& f : calls)
            QVERIFY(f.isFinished());
        QCOMPARE(*(*m_engine)->wallet.balance(7), qint64(100));
    }
};

QTEST_GUILESS_MAIN(TestEngineHost)
#include "tst_enginehost.moc"
