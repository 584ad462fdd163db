#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// The checkins table (design K5): one check-in per ticket and per sold seat, so that of any
// number of scans at once exactly one gets in. Every method runs on the caller's connection,
// inside whatever transaction the caller holds.
class CheckInRepository
{
public:
    // Records the check-in; its id, or nothing when the ticket or its seat is already in (a
    // concurrent scan won, or an earlier one). The row is refused by the schema's unique
    // indexes without an error, so a PostgreSQL transaction goes on to read the winner.
    Result<std::optional<qint64>> insert(Connection& conn, const CheckIn& checkIn,
                                         const QString& terminal, const QString& operatorName);
    // The seat's check-in, if it has one.
    Result<std::optional<CheckIn>> ofReservation(Connection& conn, qint64 reservationId);
    // How many seats of the performance are checked in.
    Result<qint64> countFor(Connection& conn, qint64 scheduleId);
};

} // namespace boxoffice
