#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// The payments table: one row per completed payment (P1–P4), with the client's Idempotency-Key
// when it sent one. Which reservations a payment paid is the reservations' side
// (ReservationRepository::idsPaidBy). Every method runs on the caller's connection, inside
// whatever transaction the caller holds.
class PaymentRepository
{
public:
    // The payment, with the customer's balance now as its balanceAfter and no reservation ids.
    Result<std::optional<Payment>> find(Connection& conn, qint64 paymentId);
    // The customer's payment made with the key, if any (keys are per customer).
    Result<std::optional<qint64>> idWithKey(Connection& conn, qint64 customerId,
                                            const QString& idempotencyKey);
    // A new payment of `amount` by the customer, made with the token's queue entry and taken
    // by `operatorName` (empty: the customer's own); its id. Nothing when the customer already
    // has a payment with the key (a concurrent request with the same key won).
    Result<std::optional<qint64>> insert(Connection& conn, qint64 customerId, qint64 amount,
                                         const QString& idempotencyKey, qint64 queueEntryId,
                                         qint64 nowMs, const QString& operatorName = {});
};

} // namespace boxoffice
