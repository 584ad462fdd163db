#include "engine/Scheduler.h"

#include "queue/QueueService.h"
#include "sales/ReservationService.h"

#include <QDebug>

namespace boxoffice {

Scheduler::Scheduler(QueueService& queue, ReservationService& reservations, const Clock& clock,
                     const EngineSettings& settings, QObject* parent)
    : QObject(parent), m_queue(queue), m_reservations(reservations), m_clock(clock),
      m_settings(settings)
{
    m_admission.setSingleShot(true);
    m_admission.setTimerType(Qt::PreciseTimer);
    m_sweep.setInterval(kSweepIntervalMs);
    m_sweep.setTimerType(Qt::PreciseTimer);
    connect(&m_admission, &QTimer::timeout, this, [this] {
        admitDue(m_clock.nowMs());
        armAdmission();
    });
    connect(&m_sweep, &QTimer::timeout, this, [this] { sweep(m_clock.nowMs()); });
}

void Scheduler::start()
{
    m_sweep.start();
    armAdmission();
}

void Scheduler::stop()
{
    m_sweep.stop();
    m_admission.stop();
}

void Scheduler::armAdmission()
{
    // The next admission time lives in the database, shared by every process on it; a timer
    // aimed at it keeps the period exact rather than drifting by a sweep interval.
    const auto next = m_queue.nextAdmissionAtMs();
    qint64 delay = m_settings.activateEverySeconds * 1000LL;
    if (next)
        delay = std::clamp<qint64>(*next - m_clock.nowMs(), 0, delay);
    else
        report(next.error());
    m_admission.start(int(delay));
}

int Scheduler::admitDue(qint64 nowMs)
{
    const auto n = m_queue.activateDue(nowMs);
    if (!n) {
        report(n.error());
        return 0;
    }
    if (*n > 0)
        Q_EMIT admitted(*n);
    return *n;
}

int Scheduler::sweep(qint64 nowMs)
{
    int changed = 0;
    if (const auto t = m_queue.expireDue(nowMs); !t) {
        report(t.error());
    } else if (*t > 0) {
        changed += *t;
        Q_EMIT tokensExpired(*t);
    }
    if (const auto h = m_reservations.expireHolds(nowMs); !h) {
        report(h.error());
    } else if (*h > 0) {
        changed += *h;
        Q_EMIT holdsExpired(*h);
    }
    return changed;
}

void Scheduler::report(const Error& e)
{
    qWarning().noquote() << "scheduler:" << e.codeName() << e.message(Language::English)
                         << e.internal;
    Q_EMIT failed(e.message(Language::English));
}

} // namespace boxoffice
