#pragma once

#include "audit/AuditLog.h"
#include "queue/QueueService.h"
#include "sales/TicketIssuer.h"
#include "storage/LedgerRepository.h"
#include "storage/PaymentRepository.h"
#include "storage/QueueRepository.h"
#include "storage/ReservationRepository.h"

namespace boxoffice {

// Payment (design P1–P4, Q7): pays held reservations from the wallet in one transaction, and
// issues each paid seat its ticket in that same transaction (K1).
class PaymentService
{
public:
    PaymentService(std::shared_ptr<Database> db, const Clock& clock, QueueService& queue,
                   TicketIssuer& issuer, AuditLog& audit);

    // P1: all or none. A repeat of a completed payment (the same reservations, or the same
    // idempotency key with the same reservations) answers the original payment with `replayed`
    // set and charges nothing (P4). The key of a payment for other reservations is refused with
    // IDEMPOTENCY_KEY_REUSED: a client that reuses a key by mistake must not be told that its
    // new request was paid. The answer carries the seats' tickets; `by` is who took the
    // payment (staff at the counter: recorded with it and in the audit log).
    Result<Payment> pay(const QString& token, QList<qint64> reservationIds,
                        const QString& idempotencyKey = {}, const Actor& by = Actor::customer());

private:
    Result<Payment> payOnce(const QString& token, QList<qint64> reservationIds,
                            const QString& idempotencyKey, const Actor& by);
    Result<Payment> load(Connection& conn, qint64 paymentId);

    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    QueueService& m_queue;
    QueueRepository m_entries;
    ReservationRepository m_reservations;
    PaymentRepository m_payments;
    LedgerRepository m_ledger;
    TicketIssuer& m_issuer;
    TicketRepository m_tickets;
    AuditLog& m_audit;
};

} // namespace boxoffice
