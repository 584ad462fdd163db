#include "DoorSession.h"

namespace boxoffice {

DoorSession::DoorSession(EngineHost& host, qint64 scheduleId, Actor actor, QObject* parent)
    : QObject(parent), m_host(host), m_scheduleId(scheduleId), m_actor(std::move(actor))
{
    // Another door of the same performance lets people in too: the count follows.
    connect(&m_host, &EngineHost::changed, this, [this] { load(); });
}

QFuture<Result<void>> DoorSession::load()
{
    struct Heading
    {
        ScheduleInfo schedule;
        QString title;
        qint64 count = 0;
    };
    const qint64 scheduleId = m_scheduleId;
    return m_host
        .call([scheduleId](Engine& e) -> Result<Heading> {
            Heading h;
            h.schedule = BO_TRY(e.catalogue.schedule(scheduleId));
            for (const Concert& c : BO_TRY(e.catalogue.concerts())) {
                if (c.id == h.schedule.concertId)
                    h.title = c.title;
            }
            h.count = BO_TRY(e.door.checkedInCount(scheduleId));
            return h;
        })
        .then(this, [this](Result<Heading> h) -> Result<void> {
            if (!h)
                return std::unexpected(h.error());
            m_schedule = h->schedule;
            m_concertTitle = h->title;
            Q_EMIT loaded();
            if (h->count != m_checkedIn) {
                m_checkedIn = h->count;
                Q_EMIT countChanged(m_checkedIn);
            }
            return {};
        });
}

void DoorSession::scan(const QString& code)
{
    const QString trimmed = code.trimmed();
    if (trimmed.isEmpty())
        return;
    m_waiting.enqueue(trimmed);
    Q_EMIT pendingChanged(pending());
    sendNext();
}

void DoorSession::sendNext()
{
    if (m_inFlight || m_waiting.isEmpty())
        return;
    m_inFlight = true;
    const QString code = m_waiting.dequeue();
    const qint64 scheduleId = m_scheduleId;
    const Actor by = m_actor;
    m_host.call([code, scheduleId, by](Engine& e) { return e.door.checkIn(code, scheduleId, by); })
        .then(this, [this, code](Result<CheckIn> r) {
            m_inFlight = false;
            take(code, r);
            Q_EMIT pendingChanged(pending());
            sendNext();
        });
}

void DoorSession::take(const QString& code, const Result<CheckIn>& r)
{
    Answer a;
    a.code = code;
    a.sequence = m_last.sequence + 1;
    if (r) {
        a.outcome = Outcome::Ok;
        a.seatLabel = r->seatLabel;
        ++m_checkedIn;
        Q_EMIT countChanged(m_checkedIn);
    } else {
        a.error = r.error();
        a.seatLabel = a.error.extra.value(QStringLiteral("seatLabel")).toString();
        switch (a.error.code) {
        case ErrorCode::AlreadyCheckedIn:
            a.outcome = Outcome::AlreadyCheckedIn;
            a.firstCheckInMs = a.error.extra.value(QStringLiteral("checkedInAtMs")).toInteger();
            break;
        case ErrorCode::TicketRevoked:
            a.outcome = Outcome::Revoked;
            break;
        case ErrorCode::TicketInvalid:
            a.outcome = Outcome::Invalid;
            break;
        case ErrorCode::TicketWrongSchedule:
            a.outcome = Outcome::WrongSchedule;
            a.ticketScheduleId = a.error.extra.value(QStringLiteral("scheduleId")).toInteger();
            break;
        default:
            a.outcome = Outcome::Failed; // the database's own trouble, said as such
            break;
        }
    }
    m_last = a;
    Q_EMIT answered(m_last);
}

} // namespace boxoffice
