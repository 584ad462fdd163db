#pragma once

#include "audit/AuditLog.h"
#include "core/EngineSettings.h"
#include "storage/CheckInRepository.h"
#include "storage/LedgerRepository.h"
#include "storage/RefundRepository.h"
#include "storage/ReservationRepository.h"
#include "storage/TicketRepository.h"

namespace boxoffice {

// Refunds (design R1–R3): staff give back any of one payment's paid seats until the
// performance starts. One transaction: the seats become REFUNDED (on sale again at once), their
// tickets are revoked, the refund and its items are written, the wallet gets the prices less
// the fee (--refund-fee-percent) as a REFUND ledger entry, and the audit log gets its row.
class RefundService
{
public:
    // The most reservations one refund names (a payment pays at most this many too).
    static constexpr int kMaxReservations = 100;

    RefundService(std::shared_ptr<Database> db, const Clock& clock, const EngineSettings& settings,
                  AuditLog& audit);

    // What refunding the reservations would give back now; refused for the same reasons as
    // refund() (nothing is written).
    Result<RefundQuote> quote(QList<qint64> reservationIds);
    // Refunds the reservations, all or none. A repeat with the same Idempotency-Key answers
    // the first refund (`replayed` set), or IDEMPOTENCY_KEY_REUSED when it named other seats.
    // Refusals: BAD_REQUEST (no ids, too many, seats of several payments or customers),
    // RESERVATION_NOT_FOUND, ALREADY_REFUNDED (any other request naming a refunded seat),
    // NOT_PAID (held or expired), REFUND_CLOSED (its performance has started),
    // ALREADY_CHECKED_IN (the seat was used). Each names the reservation in "reservationId".
    Result<Refund> refund(QList<qint64> reservationIds, const QString& idempotencyKey,
                          const Actor& by);

    int feePercent() const { return m_settings.refundFeePercent; }
    // R2: what the venue keeps of `amount`: floor(amount × percent / 100).
    static qint64 feeFor(qint64 amount, int percent);
    // Each price's share of the fee of their total: whole won, none above its price, adding up
    // to feeFor(total) exactly (the remainder of the rounding goes to the first seats).
    static QList<qint64> feeShares(const QList<qint64>& prices, int percent);

private:
    struct Examined
    {
        QList<RefundableReservation> rows;
        qint64 customerId = 0;
        qint64 paymentId = 0;
        qint64 amount = 0;
    };
    // The reservations as they stand, refused unless they may all be refunded now.
    Result<Examined> examine(Connection& conn, const QList<qint64>& ids, qint64 nowMs);
    // The reservations as they stand, of one customer (any status).
    Result<Examined> load(Connection& conn, const QList<qint64>& ids);
    Result<Refund> refundOnce(const QList<qint64>& ids, const QString& idempotencyKey,
                              const Actor& by);
    static Result<QList<qint64>> normalized(QList<qint64> ids);

    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    const EngineSettings& m_settings;
    AuditLog& m_audit;
    ReservationRepository m_reservations;
    RefundRepository m_refunds;
    TicketRepository m_tickets;
    CheckInRepository m_checkins;
    LedgerRepository m_ledger;
};

} // namespace boxoffice
