#pragma once

#include "core/Clock.h"
#include "engine/Engine.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <atomic>
#include <concepts>
#include <functional>
#include <memory>

class QThread;

namespace boxoffice {

class ChangeWatch;
class Scheduler;

template <typename R> struct IsResult : std::false_type
{};
template <typename T> struct IsResult<std::expected<T, Error>> : std::true_type
{};

// Owns the Engine, its Scheduler and its ChangeWatch on a worker thread of their own (design A1),
// so that the thread that paints never waits on the database. Callers hand it a function of the
// Engine and get a QFuture of its Result, to continue on their own thread with
// `.then(this, …)`. Calls run one at a time, in the order they were made.
//
// A database that stops answering (A2) holds the worker inside a driver call; the host notices
// from the outside: when a call has been running for stallAfterMs of real time it says so
// (stalledChanged), and a call that waited longer than maxQueueWaitMs before its turn came is
// answered STORAGE_UNAVAILABLE without being run, so that a click made during an outage does not
// happen by surprise minutes later. Both are measured on the wait clock, real elapsed time unless
// a test sets another, whatever the engine's clock says: they are about a real server keeping us
// waiting.
class EngineHost : public QObject
{
    Q_OBJECT

public:
    using Opener = std::function<Result<std::unique_ptr<Engine>>()>;

    // `clock` is the engine's time (rules, holds, admissions; a ScaledClock in training);
    // `uiClock` paces what people see and the watchers (real time; the same ManualClock in
    // tests).
    EngineHost(const Clock& clock, const Clock& uiClock, QObject* parent = nullptr);
    ~EngineHost() override;

    // Opens the engine on the worker by running `opener` there, then starts the change watch and
    // (with runScheduler) the scheduler.
    QFuture<Result<void>> open(Opener opener, bool runScheduler = true);
    // Runs an engine that was opened elsewhere (tests); it must outlive the host.
    QFuture<Result<void>> adopt(Engine& engine, bool runScheduler = true);

    // Runs `f(engine)` on the worker. `f` returns a Result<T>; the future holds it, or
    // STORAGE_UNAVAILABLE when the engine is not open or the call waited too long.
    template <typename F>
    requires IsResult<std::invoke_result_t<F&, Engine&>>::value
        QFuture<std::invoke_result_t<F&, Engine&>>
        call(F f);

    const Clock& clock() const { return m_clock; }
    const Clock& uiClock() const { return m_uiClock; }
    bool isOpen() const { return m_engine.load() != nullptr; }
    // Where the data lives, for people (set once open).
    QString databaseName() const { return m_databaseName; }
    bool isStalled() const { return m_stalled; }
    bool isDatabaseAvailable() const { return m_available; }
    // Calls made and not yet answered.
    int pendingCalls() const { return m_pending.load(); }

    void setStallAfterMs(qint64 ms) { m_stallAfterMs = ms; }
    // What waits are measured on (tests drive a ManualClock here); must outlive the host.
    void setWaitClock(const Clock& clock) { m_waitClock.store(&clock); }
    void setMaxQueueWaitMs(qint64 ms) { m_maxQueueWaitMs.store(ms); }
    static constexpr qint64 kStallAfterMs = 3000;
    static constexpr qint64 kMaxQueueWaitMs = 15'000;
    static constexpr qint64 kWatchdogIntervalMs = 500;

Q_SIGNALS:
    // Someone (another terminal, the HTTP API, another thread) committed a change.
    void changed();
    void databaseUnavailable(const boxoffice::Error& error);
    void databaseAvailable();
    // A call has been running longer than stallAfterMs (true), or the worker is free again.
    void stalledChanged(bool stalled);
    void schedulerFailed(const boxoffice::Error& error);
    void admitted(int count);
    void holdsExpired(int count);
    void tokensExpired(int count);

private:
    class Worker;
    using Job = std::function<void(Engine*)>;
    void post(Job job);
    QFuture<Result<void>> start(Opener opener, Engine* adopted, bool runScheduler);
    void checkStall();
    void requestLook();
    qint64 realMs() const { return m_waitClock.load()->nowMs(); }

    const Clock& m_clock;
    const Clock& m_uiClock;
    QThread* m_thread = nullptr;
    Worker* m_worker = nullptr;
    std::atomic<Engine*> m_engine = nullptr;
    QString m_databaseName;
    ScaledClock m_steady{1.0}; // monotonic real time
    std::atomic<const Clock*> m_waitClock = &m_steady;
    std::atomic<qint64> m_busySinceMs = -1;
    std::atomic<int> m_pending = 0;
    qint64 m_stallAfterMs = kStallAfterMs;
    std::atomic<qint64> m_maxQueueWaitMs = kMaxQueueWaitMs;
    bool m_stalled = false;
    bool m_available = true;
    ClockTimer m_watchdog;
    ClockTimer m_watchTimer;
    std::atomic<bool> m_lookPending = false;
};

template <typename F>
requires IsResult<std::invoke_result_t<F&, Engine&>>::value
    QFuture<std::invoke_result_t<F&, Engine&>>
    EngineHost::call(F f)
{
    using R = std::invoke_result_t<F&, Engine&>;
    auto promise = std::make_shared<QPromise<R>>();
    QFuture<R> future = promise->future();
    promise->start();
    auto shared = std::make_shared<F>(std::move(f));
    post([promise, shared](Engine* engine) {
        if (engine)
            promise->addResult((*shared)(*engine));
        else
            promise->addResult(R(fail(ErrorCode::StorageUnavailable)));
        promise->finish();
    });
    return future;
}

} // namespace boxoffice
