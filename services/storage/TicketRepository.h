#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// A paid reservation as a ticket needs it: where the seat is and what the ticket says.
struct TicketableReservation
{
    qint64 reservationId = 0;
    qint64 scheduleId = 0;
    qint64 paymentId = 0;
    QString seatLabel;
    ReservationStatus status = ReservationStatus::Paid;
};

// A ticket row as the door checks it against what a code claims.
struct StoredTicket
{
    qint64 id = 0;
    qint64 reservationId = 0;
    qint64 scheduleId = 0;
    int issueNumber = 1;
    QString code;
    QString seatLabel;
    TicketStatus status = TicketStatus::Valid;
    std::optional<TicketRevocation> revokedReason;
};

// The tickets table (design K1, K4): one row per code ever issued, at most one VALID per
// reservation (the schema's partial unique index). Every method runs on the caller's connection,
// inside whatever transaction the caller holds.
class TicketRepository
{
public:
    // The id the next ticket gets, taken before the code that carries it is signed: inside the
    // write transaction on SQLite (whose write lock keeps MAX(id) + 1 for this writer), from the
    // table's sequence on PostgreSQL (never handed out twice, whatever rolls back).
    Result<qint64> nextId(Connection& conn);
    // A VALID ticket with the given id, code and key. False when the reservation already has a
    // VALID ticket or that issue number (a concurrent issuer won).
    Result<bool> insert(Connection& conn, const Ticket& ticket, const QString& keyIdHex,
                        const QString& operatorName);
    // The ticket stops being valid; false when it was not VALID (already revoked).
    Result<bool> revoke(Connection& conn, qint64 ticketId, TicketRevocation reason, qint64 nowMs);
    // Revokes the VALID ticket of each reservation; how many there were.
    Result<int> revokeValidOf(Connection& conn, const QList<qint64>& reservationIds,
                              TicketRevocation reason, qint64 nowMs);

    // What a ticket for the reservation says; nothing when there is no such reservation.
    Result<std::optional<TicketableReservation>> reservationForTicket(Connection& conn,
                                                                      qint64 reservationId);
    // The ticket as stored, for the door; nothing when there is no such ticket.
    Result<std::optional<StoredTicket>> stored(Connection& conn, qint64 ticketId);
    // The ticket with what it is for (concert, date, seat, tier, price) and whether its seat is
    // checked in.
    Result<std::optional<Ticket>> detailed(Connection& conn, qint64 ticketId);
    // The current ticket of each of the payment's reservations (the last issued: VALID, or
    // REVOKED once refunded), by reservation, with what they are for.
    Result<QList<Ticket>> ofPayment(Connection& conn, qint64 paymentId);
    // The highest issue number the reservation's tickets have had; 0 when it has none.
    Result<int> lastIssueNumber(Connection& conn, qint64 reservationId);
    // PAID reservations without a VALID ticket (sold before tickets existed), oldest first.
    Result<QList<qint64>> paidWithoutTicket(Connection& conn, int limit);
};

} // namespace boxoffice
