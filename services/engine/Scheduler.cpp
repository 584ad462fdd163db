#include "engine/Scheduler.h"

#include "queue/QueueService.h"
#include "sales/ReservationService.h"

#include <QDebug>

namespace boxoffice {

Scheduler::Scheduler(QueueService& queue, ReservationService& reservations, const Clock& clock,
                     const EngineSettings& settings, QObject* parent)
    : QObject(parent), m_queue(queue), m_reservations(reservations), m_clock(clock),
      m_settings(settings), m_admission(clock, this), m_sweep(clock, this)
{
    m_admission.setSingleShot(true);
    m_sweep.setInterval(kSweepIntervalMs);
    connect(&m_admission, &ClockTimer::timeout, this, [this] {
        admitDue(m_clock.nowMs());
        armAdmission();
    });
    connect(&m_sweep, &ClockTimer::timeout, this, [this] { sweep(m_clock.nowMs()); });
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
    const qint64 now = m_clock.nowMs();
    const qint64 period = m_settings.activateEverySeconds * 1000LL;
    if (!next)
        report(next.error());
    m_admission.startAt(next ? std::clamp<qint64>(*next, now, now + period) : now + period);
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
    Error forPeople = e;
    forPeople.internal.clear();
    Q_EMIT failed(forPeople);
}

} // namespace boxoffice
