#include "sales/CatalogueService.h"

namespace boxoffice {

CatalogueService::CatalogueService(std::shared_ptr<Database> db, const Clock& clock,
                                   QueueService& queue)
    : m_db(std::move(db)), m_clock(clock), m_queue(queue)
{}

Result<QList<Concert>> CatalogueService::concerts()
{
    Connection* conn = BO_TRY(m_db->connection());
    return m_catalogue.concerts(*conn);
}

Result<QList<ScheduleInfo>> CatalogueService::schedulesOf(qint64 concertId)
{
    Connection* conn = BO_TRY(m_db->connection());
    return m_catalogue.futureSchedules(*conn, concertId, m_clock.nowMs());
}

Result<QList<ScheduleInfo>> CatalogueService::availableSchedules(const QString& token,
                                                                 qint64 concertId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    // A token's own faults come first (Q8: without an ACTIVE token there is nothing to see);
    // a token for another concert is TOKEN_WRONG_CONCERT only for a concert that exists.
    BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));
    if (!BO_TRY(m_catalogue.concertExists(*conn, concertId)))
        return fail(ErrorCode::ConcertNotFound);
    BO_TRY(m_queue.requireActive(*conn, token, concertId, now));
    const QList<ScheduleInfo> all = BO_TRY(m_catalogue.futureSchedules(*conn, concertId, now));
    QList<ScheduleInfo> open;
    for (const ScheduleInfo& s : all) {
        if (s.availableSeats > 0)
            open << s;
    }
    if (open.isEmpty())
        return fail(ErrorCode::NoAvailableSchedules);
    return open;
}

Result<ScheduleInfo> CatalogueService::schedule(qint64 scheduleId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const auto s = BO_TRY(m_catalogue.schedule(*conn, scheduleId));
    if (!s)
        return fail(ErrorCode::ScheduleNotFound);
    return *s;
}

Result<QList<SeatInfo>> CatalogueService::availableSeats(const QString& token, qint64 scheduleId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));
    const ScheduleInfo sc = BO_TRY(schedule(scheduleId));
    BO_TRY(m_queue.requireActive(*conn, token, sc.concertId, now));
    QList<SeatInfo> out;
    if (sc.startsAtMs > now)
        out = BO_TRY(m_catalogue.availableSeats(*conn, scheduleId, now));
    if (out.isEmpty())
        return fail(ErrorCode::NoAvailableSeats);
    return out;
}

Result<QList<SeatInfo>> CatalogueService::seatMap(qint64 scheduleId, qint64 viewerCustomerId)
{
    Connection* conn = BO_TRY(m_db->connection());
    QList<SeatInfo> out =
        BO_TRY(m_catalogue.seatMap(*conn, scheduleId, viewerCustomerId, m_clock.nowMs()));
    if (out.isEmpty()) // no seats, or no such schedule: say which
        BO_TRY(schedule(scheduleId));
    return out;
}

} // namespace boxoffice
