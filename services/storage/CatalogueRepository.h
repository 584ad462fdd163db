#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// What is on sale: concerts, their schedules and the seats of each schedule, with each seat's
// state read from its live reservation. Every method runs on the caller's connection, inside
// whatever transaction the caller holds.
class CatalogueRepository
{
public:
    Result<QList<Concert>> concerts(Connection& conn);
    Result<bool> concertExists(Connection& conn, qint64 concertId);
    Result<qint64> concertCount(Connection& conn);
    // The schedule's concert, start and layout (no seat counts).
    Result<std::optional<ScheduleInfo>> schedule(Connection& conn, qint64 scheduleId);
    // The concert's schedules that start after `nowMs`, soonest first, with their seat counts:
    // a seat is taken when it is sold or held by a hold whose time has not passed (H2).
    Result<QList<ScheduleInfo>> futureSchedules(Connection& conn, qint64 concertId, qint64 nowMs);
    // The schedule's seats that are not taken at `nowMs`, by number (without their floor-plan
    // place or label).
    Result<QList<SeatInfo>> availableSeats(Connection& conn, qint64 scheduleId, qint64 nowMs);
    // Every seat of the schedule by number, with its state at `nowMs` as `viewerCustomerId`
    // sees it (0: nobody's holds are theirs).
    Result<QList<SeatInfo>> seatMap(Connection& conn, qint64 scheduleId, qint64 viewerCustomerId,
                                    qint64 nowMs);

    Result<qint64> insertConcert(Connection& conn, const QString& title, const QString& venue);
    // An empty `layout` leaves the schema's default (the demo hall).
    Result<qint64> insertSchedule(Connection& conn, qint64 concertId, qint64 startsAtMs,
                                  const QString& layout = {});
    // The seats, several to a statement (one round trip per batch matters on a networked
    // engine). A seat's posX/posY below 0 and an empty label are stored as NULL: laid out by
    // number, labelled by number.
    Result<void> insertSeats(Connection& conn, const QList<SeatInfo>& seats);
};

} // namespace boxoffice
