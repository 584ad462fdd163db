#pragma once

#include "core/Clock.h"
#include "core/EngineSettings.h"
#include "core/Error.h"

#include <QObject>
#include <QTimer>

namespace boxoffice {

class QueueService;
class ReservationService;

// Drives the timed rules with QTimers: admission every N seconds (Q4), token expiry and idle
// eviction (Q6) and the hold sweeper (H2) every second. Each job is a plain method taking `now`,
// so tests call them with a manual clock instead of waiting for a timer.
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

    // Admits if an admission is due at `nowMs`. Returns how many were admitted.
    int admitDue(qint64 nowMs);
    // Expires tokens and holds whose time has passed at `nowMs`. Returns how many changed.
    int sweep(qint64 nowMs);

Q_SIGNALS:
    void admitted(int count);
    void tokensExpired(int count);
    void holdsExpired(int count);
    void failed(const QString& message);

private:
    void armAdmission();
    void report(const Error& e);

    QueueService& m_queue;
    ReservationService& m_reservations;
    const Clock& m_clock;
    const EngineSettings& m_settings;
    QTimer m_admission;
    QTimer m_sweep;
};

} // namespace boxoffice
