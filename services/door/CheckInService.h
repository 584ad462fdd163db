#pragma once

#include "audit/AuditLog.h"
#include "sales/TicketCode.h"
#include "storage/CheckInRepository.h"
#include "storage/ReservationRepository.h"
#include "storage/TicketRepository.h"

#include <memory>
#include <mutex>

namespace boxoffice {

// The door (design K5): a scanned code is checked for one performance. The signature is checked
// against the registered public keys (kept in memory, read again when a code names a key not
// seen yet), then the ticket row: the code must be the seat's current one, for this
// performance, and not in yet.
//
// Answers: the CheckIn the first time; otherwise an error:
//   TICKET_INVALID (extra "reason": what is wrong with the code, TicketCodeProblem's names, or
//     UNKNOWN_TICKET for a well-signed code this database never issued);
//   TICKET_REVOKED (refunded or reissued; extra "reason" REFUNDED or REISSUED);
//   TICKET_WRONG_SCHEDULE (extra "scheduleId": the ticket's own performance);
//   ALREADY_CHECKED_IN (extra "checkedInAtMs": the first check-in's time; the API writes it as
//     "checkedInAt", ISO 8601 UTC).
// The refusals for a known ticket add "ticketId" and "seatLabel", so the screen can say which
// seat it was.
class CheckInService
{
public:
    // `mode`: the kind of ticket this door accepts (a real door refuses training tickets).
    CheckInService(std::shared_ptr<Database> db, const Clock& clock, TicketMode mode,
                   AuditLog& audit);

    // Lets the ticket in for the performance and records it with its audit row. Of any number
    // of concurrent scans of one ticket (or of one seat's codes) exactly one gets the CheckIn.
    Result<CheckIn> checkIn(const QString& code, qint64 scheduleId, const Actor& by);
    // What checkIn() would answer now, without recording anything.
    Result<CheckIn> verify(const QString& code, qint64 scheduleId);
    // How many seats of the performance are checked in.
    Result<qint64> checkedInCount(qint64 scheduleId);

private:
    Result<TicketPayload> verifySignature(Connection& conn, const QString& code);
    Result<CheckIn> checkInOnce(const QString& code, qint64 scheduleId, const Actor& by);
    // The ticket's row as it stands (inside the caller's transaction), judged against the
    // payload and the performance: the CheckIn-to-be, or the refusal.
    Result<CheckIn> judge(Connection& conn, const QString& code, const TicketPayload& payload,
                          qint64 scheduleId, std::optional<ReservationStatus> seatStatus);

    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    const TicketMode m_mode;
    AuditLog& m_audit;
    TicketRepository m_tickets;
    ReservationRepository m_reservations;
    CheckInRepository m_checkins;
    std::mutex m_keysMutex;
    std::shared_ptr<const TicketKeySet> m_keys;
};

} // namespace boxoffice
