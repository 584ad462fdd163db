#pragma once

#include "audit/Actor.h"
#include "engine/EngineHost.h"

#include <QObject>
#include <QQueue>

namespace boxoffice {

// The door for one performance (design K5): scanned codes go to the engine one after another,
// in the order they were scanned (a handheld scanner can be quicker than an answer), and the
// last answer is what the screen shows. Nothing here waits: each answer arrives on the
// EngineHost's future.
class DoorSession : public QObject
{
    Q_OBJECT

public:
    // What the screen says about the last scan.
    enum class Outcome { None, Ok, AlreadyCheckedIn, Revoked, Invalid, WrongSchedule, Failed };
    Q_ENUM(Outcome)

    struct Answer
    {
        Outcome outcome = Outcome::None;
        QString code;                // what was scanned
        QString seatLabel;           // when the ticket is known
        qint64 firstCheckInMs = 0;   // ALREADY_CHECKED_IN: when it got in
        qint64 ticketScheduleId = 0; // TICKET_WRONG_SCHEDULE: the ticket's own performance
        Error error;                 // the refusal as the engine said it
        int sequence = 0;            // counts the answers, so a view can tell two alike apart
    };

    DoorSession(EngineHost& host, qint64 scheduleId, Actor actor, QObject* parent = nullptr);

    qint64 scheduleId() const { return m_scheduleId; }
    // The performance, for the screen's heading (loaded at start).
    const ScheduleInfo& schedule() const { return m_schedule; }
    const QString& concertTitle() const { return m_concertTitle; }
    const Answer& lastAnswer() const { return m_last; }
    qint64 checkedInCount() const { return m_checkedIn; }
    // Scans sent and not yet answered.
    int pending() const { return int(m_waiting.size()) + (m_inFlight ? 1 : 0); }

    // Loads the heading and the count.
    QFuture<Result<void>> load();
    // A code as the scanner typed it (surrounding white space ignored); an empty one is ignored.
    void scan(const QString& code);

Q_SIGNALS:
    void loaded();
    void answered(const boxoffice::DoorSession::Answer& answer);
    void countChanged(qint64 checkedIn);
    void pendingChanged(int pending);

private:
    void sendNext();
    void take(const QString& code, const Result<CheckIn>& r);

    EngineHost& m_host;
    const qint64 m_scheduleId;
    const Actor m_actor;
    ScheduleInfo m_schedule;
    QString m_concertTitle;
    Answer m_last;
    qint64 m_checkedIn = 0;
    QQueue<QString> m_waiting;
    bool m_inFlight = false;
};

} // namespace boxoffice

// Carried by QSignalSpy (tests) and queued connections.
Q_DECLARE_METATYPE(boxoffice::DoorSession::Answer)
