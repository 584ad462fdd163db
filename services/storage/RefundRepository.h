#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// The refunds and refund_items tables (design R1–R3): a refund of some of one payment's seats,
// and which seats with their prices and shares of the fee. A reservation is an item at most
// once (its key), whatever races. Every method runs on the caller's connection, inside
// whatever transaction the caller holds.
class RefundRepository
{
public:
    // The refund with its reservations, and the customer's balance now as its balanceAfter.
    Result<std::optional<Refund>> find(Connection& conn, qint64 refundId);
    // The customer's refund made with the key, if any (keys are per customer).
    Result<std::optional<qint64>> idWithKey(Connection& conn, qint64 customerId,
                                            const QString& idempotencyKey);
    // A new refund of `r` (payment, customer, amount, fee, percent, time); its id. Nothing when
    // the customer already has a refund with the key (a concurrent request with it won).
    Result<std::optional<qint64>> insert(Connection& conn, const Refund& r,
                                         const QString& idempotencyKey, const QString& terminal);
    // One refunded seat with its price and its share of the fee. False when the seat was
    // refunded already (a concurrent refund won).
    Result<bool> insertItem(Connection& conn, qint64 refundId, qint64 reservationId, qint64 amount,
                            qint64 fee);
    // The customer's refunds, newest first, with their reservations.
    Result<QList<Refund>> ofCustomer(Connection& conn, qint64 customerId);
};

} // namespace boxoffice
