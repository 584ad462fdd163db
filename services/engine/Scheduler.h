#pragma once

#include "core/Clock.h"
#include "core/EngineSettings.h"
#include "core/Error.h"

#include <QObject>

namespace boxoffice {

class QueueService;
class ReservationService;

// Drives the timed rules on the clock's timers (A3): admission every N seconds (Q4), token expiry
// and idle eviction (Q6) and the hold sweeper (H2) every second of clock time. Each job is also a
// plain method taking `now`, so tests can call it directly; with a ManualClock, advancing the
// clock fires them in order.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSweepIntervalMs = 1000;

    Scheduler(QueueService& queue, ReservationService& reservations, const Clock& clock,
              const EngineSettings& settings, QObject* parent = nullptr);

    void start();
    void stop();
    bool isRunning() const { return m_sweep.isActive(); }
    // When the next admission is armed for (clock time), or -1 when stopped.
    qint64 nextAdmissionDueMs() const { return m_admission.dueAtMs(); }

    // Admits if an admission is due at `nowMs`. Returns how many were admitted.
    int admitDue(qint64 nowMs);
    // Expires tokens and holds whose time has passed at `nowMs`. Returns how many changed.
    int sweep(qint64 nowMs);

Q_SIGNALS:
    void admitted(int count);
    void tokensExpired(int count);
    void holdsExpired(int count);
    // A job failed (the database is busy or gone): the message for people, in both languages.
    void failed(const boxoffice::Error& error);

private:
    void armAdmission();
    void report(const Error& e);

    QueueService& m_queue;
    ReservationService& m_reservations;
    const Clock& m_clock;
    const EngineSettings& m_settings;
    ClockTimer m_admission;
    ClockTimer m_sweep;
};

} // namespace boxoffice
