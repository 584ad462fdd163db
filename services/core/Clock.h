#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QtGlobal>

#include <atomic>
#include <limits>

class QTimer;

namespace boxoffice {

class ClockTimer;

// Source of "now" for every service (design T1): UTC milliseconds since the epoch, and of timers
// that run in the same time (A3), so that a trainer's faster clock or a test's manual one moves
// every countdown, admission and sweep together.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;

protected:
    friend class ClockTimer;
    // Makes `timer` fire once this clock reaches `dueAtMs` (an earlier arming is replaced).
    // Called on the timer's own thread.
    virtual void arm(ClockTimer& timer, qint64 dueAtMs) const = 0;
    virtual void disarm(ClockTimer& timer) const = 0;
};

// A clock that runs at a fixed rate of real time: timers wait on the event loop of their thread.
class RealTimeClock : public Clock
{
public:
    // Clock milliseconds per real millisecond.
    virtual double rate() const = 0;

protected:
    void arm(ClockTimer& timer, qint64 dueAtMs) const override;
    void disarm(ClockTimer& timer) const override;
};

// The wall clock; with ScaledClock the only place in the product that reads real time.
class SystemClock final : public RealTimeClock
{
public:
    qint64 nowMs() const override;
    double rate() const override { return 1.0; }
};

// Real time sped up `factor` times from the moment it is made (trainer mode, design X2): a
// 5-minute hold passes in 5 s at 60×, and its timers fire that much sooner.
class ScaledClock final : public RealTimeClock
{
public:
    explicit ScaledClock(double factor);
    qint64 nowMs() const override;
    double rate() const override { return m_factor; }

private:
    double m_factor;
    qint64 m_startMs;
    QElapsedTimer m_elapsed;
};

// A clock that moves only when told to (tests). Moving it forward fires every timer that falls
// due on the way, in the order of their due times, with the clock showing each one's due time
// while it fires. A timer that lives on another thread fires there and advance waits for it, so
// that thread must be running its event loop.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    // Moves to `ms`, firing every timer due by then (advanceMs(0) fires those due now); a
    // backward move fires nothing.
    void setMs(qint64 ms);
    void advanceMs(qint64 ms) { setMs(nowMs() + ms); }
    void advanceSeconds(qint64 s) { advanceMs(s * 1000); }
    // How many timers are armed (for tests of the timers themselves).
    int armedTimers() const;
    // When the earliest armed timer is due, or -1.
    qint64 nextDueMs() const;

protected:
    void arm(ClockTimer& timer, qint64 dueAtMs) const override;
    void disarm(ClockTimer& timer) const override;

private:
    std::atomic<qint64> m_now;
    mutable QMutex m_mutex;
    mutable QHash<ClockTimer*, qint64> m_armed;
};

// A timer in a Clock's time, shaped like QTimer: single-shot or repeating, with `timeout()`
// emitted on the thread the timer lives in. Product code uses this instead of QTimer durations.
class ClockTimer : public QObject
{
    Q_OBJECT

public:
    explicit ClockTimer(const Clock& clock, QObject* parent = nullptr);
    ~ClockTimer() override;

    const Clock& clock() const { return m_clock; }
    void setSingleShot(bool singleShot) { m_singleShot = singleShot; }
    bool isSingleShot() const { return m_singleShot; }
    void setInterval(qint64 ms) { m_intervalMs = std::max<qint64>(1, ms); }
    qint64 interval() const { return m_intervalMs; }
    // Starts (or restarts) the timer: due one interval from now.
    void start();
    void start(qint64 intervalMs);
    // Fires once at a clock time (now or earlier: as soon as possible), whatever singleShot says.
    void startAt(qint64 dueAtMs);
    void stop();
    bool isActive() const { return m_dueAtMs.load() != kInactive; }
    // The clock time it fires at next, or -1 when stopped.
    qint64 dueAtMs() const;

    // Calls `f` once, `delayMs` of clock time from now, on `context`'s thread (QTimer::singleShot).
    template <typename F>
    static void singleShot(const Clock& clock, qint64 delayMs, QObject* context, F&& f)
    {
        auto* t = new ClockTimer(clock, context);
        t->setSingleShot(true);
        QObject::connect(t, &ClockTimer::timeout, context, std::forward<F>(f));
        QObject::connect(t, &ClockTimer::timeout, t, &QObject::deleteLater);
        t->start(delayMs);
    }

Q_SIGNALS:
    void timeout();

private:
    friend class RealTimeClock;
    friend class ManualClock;
    static constexpr qint64 kInactive = std::numeric_limits<qint64>::min();
    void arm(qint64 dueAtMs);
    // The clock reached the due time of arming `generation`: re-arms a repeating timer, then
    // emits timeout(). A stale firing (stopped or restarted since) does nothing.
    void fire(qint64 dueAtMs, quint64 generation);
    QTimer* realTimer();

    const Clock& m_clock;
    bool m_singleShot = false;
    bool m_oneOff = false; // armed by startAt()
    qint64 m_intervalMs = 1000;
    std::atomic<qint64> m_dueAtMs = kInactive;
    std::atomic<quint64> m_generation = 0;
    QTimer* m_real = nullptr;
};

} // namespace boxoffice
