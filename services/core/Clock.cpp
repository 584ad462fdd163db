#include "core/Clock.h"

#include <QDateTime>
#include <QDebug>
#include <QSemaphore>
#include <QThread>
#include <QTimer>

#include <cmath>
#include <memory>

namespace boxoffice {

// ---- real time ----

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ScaledClock::ScaledClock(double factor)
    : m_factor(factor > 0 ? factor : 1.0), m_startMs(QDateTime::currentMSecsSinceEpoch())
{
    m_elapsed.start();
}

qint64 ScaledClock::nowMs() const
{
    // Monotonic underneath: a wall-clock step (NTP) does not make the training day jump.
    return m_startMs + qint64(std::floor(double(m_elapsed.nsecsElapsed()) / 1e6 * m_factor));
}

void RealTimeClock::arm(ClockTimer& timer, qint64 dueAtMs) const
{
    const qint64 clockDelay = std::max<qint64>(0, dueAtMs - nowMs());
    // Rounded up: a timer never fires before its clock time.
    const auto realDelay = qint64(std::ceil(double(clockDelay) / rate()));
    timer.realTimer()->start(int(std::min<qint64>(realDelay, std::numeric_limits<int>::max())));
}

void RealTimeClock::disarm(ClockTimer& timer) const
{
    if (timer.m_real)
        timer.m_real->stop();
}

// ---- manual time ----

void ManualClock::arm(ClockTimer& timer, qint64 dueAtMs) const
{
    QMutexLocker lock(&m_mutex);
    m_armed.insert(&timer, dueAtMs);
}

void ManualClock::disarm(ClockTimer& timer) const
{
    QMutexLocker lock(&m_mutex);
    m_armed.remove(&timer);
}

int ManualClock::armedTimers() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_armed.size());
}

qint64 ManualClock::nextDueMs() const
{
    QMutexLocker lock(&m_mutex);
    qint64 next = -1;
    for (auto it = m_armed.cbegin(); it != m_armed.cend(); ++it) {
        if (next < 0 || it.value() < next)
            next = it.value();
    }
    return next;
}

namespace {

// Releases a semaphore when the posted call is done with, whether it ran or was discarded
// because its timer was deleted first.
struct Releaser
{
    explicit Releaser(std::shared_ptr<QSemaphore> s) : semaphore(std::move(s)) {}
    ~Releaser() { semaphore->release(); }
    std::shared_ptr<QSemaphore> semaphore;
};

} // namespace

void ManualClock::setMs(qint64 targetMs)
{
    if (targetMs < m_now.load()) {
        m_now.store(targetMs);
        return;
    }
    for (;;) {
        QMutexLocker lock(&m_mutex);
        ClockTimer* next = nullptr;
        qint64 due = 0;
        for (auto it = m_armed.cbegin(); it != m_armed.cend(); ++it) {
            // Ties go by address, which is arbitrary but stable within one advance.
            if (it.value() <= targetMs && (!next || it.value() < due)) {
                next = it.key();
                due = it.value();
            }
        }
        if (!next) {
            m_now.store(targetMs);
            return;
        }
        m_armed.remove(next);
        m_now.store(std::max(m_now.load(), due));
        const quint64 generation = next->m_generation.load();
        if (next->thread() == QThread::currentThread()) {
            lock.unlock();
            next->fire(due, generation);
            continue;
        }
        // Posted while the lock is held, so the timer cannot be destroyed before the post; the
        // lock is let go before waiting, so its thread can stop or destroy it meanwhile.
        auto done = std::make_shared<QSemaphore>();
        auto releaser = std::make_shared<Releaser>(done);
        QMetaObject::invokeMethod(
            next, [next, due, generation, releaser] { next->fire(due, generation); },
            Qt::QueuedConnection);
        releaser.reset();
        lock.unlock();
        if (!done->tryAcquire(1, 30'000))
            qWarning() << "ManualClock: a timer's thread did not run its event loop for 30 s";
    }
}

// ---- ClockTimer ----

ClockTimer::ClockTimer(const Clock& clock, QObject* parent) : QObject(parent), m_clock(clock) {}

ClockTimer::~ClockTimer()
{
    m_clock.disarm(*this);
}

QTimer* ClockTimer::realTimer()
{
    if (!m_real) {
        m_real = new QTimer(this);
        m_real->setSingleShot(true);
        m_real->setTimerType(Qt::PreciseTimer);
        connect(m_real, &QTimer::timeout, this,
                [this] { fire(m_dueAtMs.load(), m_generation.load()); });
    }
    return m_real;
}

void ClockTimer::start()
{
    m_oneOff = false;
    arm(m_clock.nowMs() + m_intervalMs);
}

void ClockTimer::start(qint64 intervalMs)
{
    setInterval(intervalMs);
    start();
}

void ClockTimer::startAt(qint64 dueAtMs)
{
    m_oneOff = true;
    arm(dueAtMs);
}

void ClockTimer::stop()
{
    m_dueAtMs.store(kInactive);
    ++m_generation;
    m_clock.disarm(*this);
}

qint64 ClockTimer::dueAtMs() const
{
    const qint64 due = m_dueAtMs.load();
    return due == kInactive ? -1 : due;
}

void ClockTimer::arm(qint64 dueAtMs)
{
    m_dueAtMs.store(dueAtMs);
    ++m_generation;
    m_clock.arm(*this, dueAtMs);
}

void ClockTimer::fire(qint64 dueAtMs, quint64 generation)
{
    // Stopped or restarted since this firing was picked: the new arming decides.
    if (generation != m_generation.load() || m_dueAtMs.load() != dueAtMs)
        return;
    if (m_singleShot || m_oneOff) {
        m_dueAtMs.store(kInactive);
        ++m_generation;
    } else {
        // Every period counts on a manual clock (each sweep a test's advance passes over
        // runs); on real time a late timer skips what it missed, as QTimer does.
        qint64 next = dueAtMs + m_intervalMs;
        if (dynamic_cast<const RealTimeClock*>(&m_clock) && next <= m_clock.nowMs())
            next = m_clock.nowMs() + m_intervalMs;
        arm(next);
    }
    Q_EMIT timeout();
}

} // namespace boxoffice
