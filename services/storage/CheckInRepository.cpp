#include "storage/CheckInRepository.h"

namespace boxoffice {

Result<std::optional<qint64>> CheckInRepository::insert(Connection& conn, const CheckIn& c,
                                                        const QString& terminal,
                                                        const QString& operatorName)
{
    auto q = BO_TRY(conn.run(QStringLiteral("INSERT INTO checkins (ticket_id, reservation_id,"
                                            " schedule_id, checked_in_at, terminal, operator)"
                                            " VALUES (?, ?, ?, ?, ?, ?)"
                                            " ON CONFLICT DO NOTHING RETURNING id"),
                             {c.ticketId, c.reservationId, c.scheduleId, c.checkedInAtMs,
                              terminal.isNull() ? QStringLiteral("") : terminal,
                              operatorName.isNull() ? QStringLiteral("") : operatorName}));
    return q.nextI64();
}

Result<std::optional<CheckIn>> CheckInRepository::ofReservation(Connection& conn,
                                                                qint64 reservationId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT id, ticket_id, schedule_id, checked_in_at"
                                            " FROM checkins WHERE reservation_id = ?"),
                             {reservationId}));
    if (!q.next())
        return std::optional<CheckIn>{};
    CheckIn c;
    c.id = q.i64(0);
    c.ticketId = q.i64(1);
    c.reservationId = reservationId;
    c.scheduleId = q.i64(2);
    c.checkedInAtMs = q.i64(3);
    return std::optional<CheckIn>{c};
}

Result<qint64> CheckInRepository::countFor(Connection& conn, qint64 scheduleId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT COUNT(*) FROM checkins WHERE schedule_id = ?"),
                             {scheduleId}));
    return q.nextI64().value_or(0);
}

} // namespace boxoffice
