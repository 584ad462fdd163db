#include "engine/EngineHost.h"

#include "engine/ChangeWatch.h"
#include "engine/Scheduler.h"

#include <QDebug>
#include <QThread>

namespace boxoffice {

// Lives on the worker thread: runs jobs, and parents the scheduler and the change watch so they
// run there too.
class EngineHost::Worker : public QObject
{
public:
    std::unique_ptr<Engine> owned;
    Scheduler* scheduler = nullptr;
    ChangeWatch* watch = nullptr;
};

EngineHost::EngineHost(const Clock& clock, const Clock& uiClock, QObject* parent)
    : QObject(parent), m_clock(clock), m_uiClock(uiClock), m_watchdog(uiClock, this),
      m_watchTimer(uiClock, this)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("engine"));
    m_worker = new Worker;
    m_worker->moveToThread(m_thread);
    m_thread->start();
    m_watchdog.setInterval(kWatchdogIntervalMs);
    connect(&m_watchdog, &ClockTimer::timeout, this, &EngineHost::checkStall);
    m_watchdog.start();
    // The watch is paced from this side: the worker runs no timer of its own but the
    // scheduler's, and a look that does not come back is a stalled call like any other.
    m_watchTimer.setInterval(ChangeWatch::kIntervalMs);
    connect(&m_watchTimer, &ClockTimer::timeout, this, &EngineHost::requestLook);
}

void EngineHost::requestLook()
{
    if (m_lookPending.exchange(true))
        return; // the last look has not come back: no pile-up behind a stuck database
    Worker* worker = m_worker;
    post([this, worker](Engine* engine) {
        if (engine && worker->watch)
            worker->watch->look();
        m_lookPending.store(false);
    });
}

EngineHost::~EngineHost()
{
    m_watchdog.stop();
    m_watchTimer.stop();
    Worker* worker = m_worker;
    // The engine goes on its own thread: its connections belong to that thread.
    QMetaObject::invokeMethod(
        worker,
        [this, worker] {
            m_engine.store(nullptr);
            delete worker->scheduler;
            delete worker->watch;
            worker->owned.reset();
            worker->deleteLater(); // deleted as the thread finishes
            // Asked from here, after every call posted before it has run: a quit() from this
            // thread could end the worker's loop with calls still queued, never answered.
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    if (!m_thread->wait(5000)) {
        // Stuck in a driver call to a server that does not answer: leave it to the process's
        // exit (an unfinished transaction is rolled back by the server; nothing it did was
        // acknowledged to anyone).
        qWarning() << "engine: the database did not answer within 5 s; leaving its thread";
        return;
    }
    delete m_thread;
}

void EngineHost::post(Job job)
{
    ++m_pending;
    const qint64 queuedAt = realMs();
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job), queuedAt] {
            Engine* engine = m_engine.load();
            const qint64 startedAt = realMs();
            if (engine && startedAt - queuedAt > m_maxQueueWaitMs.load()) {
                qWarning() << "engine: a call waited" << (startedAt - queuedAt)
                           << "ms for its turn; answered without running it";
                engine = nullptr;
            }
            m_busySinceMs.store(startedAt);
            job(engine);
            m_busySinceMs.store(-1);
            --m_pending;
        },
        Qt::QueuedConnection);
}

QFuture<Result<void>> EngineHost::open(Opener opener, bool runScheduler)
{
    return start(std::move(opener), nullptr, runScheduler);
}

QFuture<Result<void>> EngineHost::adopt(Engine& engine, bool runScheduler)
{
    return start({}, &engine, runScheduler);
}

QFuture<Result<void>> EngineHost::start(Opener opener, Engine* adopted, bool runScheduler)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    QFuture<Result<void>> future = promise->future();
    promise->start();
    Worker* worker = m_worker;
    ++m_pending;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, promise, opener = std::move(opener), adopted, runScheduler] {
            m_busySinceMs.store(realMs());
            Engine* engine = adopted;
            Result<void> result;
            if (!engine) {
                auto opened = opener();
                if (opened) {
                    worker->owned = std::move(*opened);
                    engine = worker->owned.get();
                } else {
                    result = std::unexpected(opened.error());
                }
            }
            if (engine) {
                m_databaseName = engine->db->displayName();
                worker->watch = new ChangeWatch(*engine->db);
                connect(worker->watch, &ChangeWatch::changed, this, &EngineHost::changed);
                connect(worker->watch, &ChangeWatch::unavailable, this, [this](const Error& e) {
                    m_available = false;
                    Q_EMIT databaseUnavailable(e);
                });
                connect(worker->watch, &ChangeWatch::available, this, [this] {
                    m_available = true;
                    Q_EMIT databaseAvailable();
                });
                worker->watch->look();
                if (runScheduler) {
                    worker->scheduler = new Scheduler(engine->queue, engine->reservations, m_clock,
                                                      engine->settings);
                    connect(worker->scheduler, &Scheduler::admitted, this, &EngineHost::admitted);
                    connect(worker->scheduler, &Scheduler::holdsExpired, this,
                            &EngineHost::holdsExpired);
                    connect(worker->scheduler, &Scheduler::tokensExpired, this,
                            &EngineHost::tokensExpired);
                    connect(worker->scheduler, &Scheduler::failed, this,
                            &EngineHost::schedulerFailed);
                    worker->scheduler->start();
                }
                m_engine.store(engine);
            }
            m_busySinceMs.store(-1);
            if (engine)
                QMetaObject::invokeMethod(this, [this] { m_watchTimer.start(); });
            --m_pending;
            promise->addResult(result);
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

void EngineHost::checkStall()
{
    const qint64 since = m_busySinceMs.load();
    const bool stalled = since >= 0 && realMs() - since >= m_stallAfterMs;
    if (stalled == m_stalled)
        return;
    m_stalled = stalled;
    if (stalled)
        qWarning() << "engine: a database call has been running for" << (realMs() - since) << "ms";
    Q_EMIT stalledChanged(stalled);
}

} // namespace boxoffice
