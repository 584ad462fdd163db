#pragma once

#include "audit/AuditLog.h"
#include "sales/TicketIssuer.h"
#include "storage/PaymentRepository.h"
#include "storage/ReservationRepository.h"
#include "storage/TicketRepository.h"

namespace boxoffice {

// Tickets after the sale (design K1, K3, K4): what a payment's tickets say, the same codes
// again for a reprint, and a new code for a reissue. Issuing with the sale is PaymentService's.
class TicketService
{
public:
    TicketService(std::shared_ptr<Database> db, const Clock& clock, TicketIssuer& issuer,
                  AuditLog& audit);

    // The current ticket of each seat the payment paid (a reprint prints these codes again),
    // with what it is for; refunded seats' tickets are there, REVOKED. PAYMENT_NOT_FOUND.
    Result<QList<Ticket>> ofPayment(qint64 paymentId);
    // One ticket with what it is for. TICKET_NOT_FOUND.
    Result<Ticket> ticket(qint64 ticketId);
    // K4: a new code for the seat (issue number + 1), and the old code REVOKED (REISSUED), in
    // one transaction with its audit row. TICKET_NOT_FOUND; TICKET_REVOKED for a code that is
    // no longer the seat's current one (reissued already, or refunded).
    Result<Ticket> reissue(qint64 ticketId, const Actor& by);
    // Gives a ticket to every PAID reservation that has none (seats sold before tickets
    // existed: a database from before schema 4); how many it issued.
    Result<int> issueMissing();

    // The highest issue number a code can carry (TicketCode's two bytes).
    static constexpr int kMaxIssueNumber = 65535;

private:
    Result<Ticket> reissueOnce(qint64 ticketId, const Actor& by);

    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    TicketIssuer& m_issuer;
    AuditLog& m_audit;
    TicketRepository m_tickets;
    ReservationRepository m_reservations;
    PaymentRepository m_payments;
};

} // namespace boxoffice
