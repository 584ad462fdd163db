#include "storage/PaymentRepository.h"

namespace boxoffice {

Result<std::optional<Payment>> PaymentRepository::find(Connection& conn, qint64 paymentId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT p.customer_id, p.amount, p.created_at,"
                                            " c.balance FROM payments p"
                                            " JOIN customers c ON c.id = p.customer_id"
                                            " WHERE p.id = ?"),
                             {paymentId}));
    if (!q.next())
        return std::optional<Payment>{};
    Payment p;
    p.id = paymentId;
    p.customerId = q.i64(0);
    p.amount = q.i64(1);
    p.createdAtMs = q.i64(2);
    p.balanceAfter = q.i64(3);
    return std::optional<Payment>{p};
}

Result<std::optional<qint64>> PaymentRepository::idWithKey(Connection& conn, qint64 customerId,
                                                           const QString& idempotencyKey)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT id FROM payments WHERE customer_id = ?"
                                            " AND idempotency_key = ?"),
                             {customerId, idempotencyKey}));
    return q.nextI64();
}

Result<std::optional<qint64>> PaymentRepository::insert(Connection& conn, qint64 customerId,
                                                        qint64 amount,
                                                        const QString& idempotencyKey,
                                                        qint64 queueEntryId, qint64 nowMs,
                                                        const QString& operatorName)
{
    // The only unique index on payments is the key's, so a refused row means the key.
    return conn.insertReturningId(
        QStringLiteral("INSERT INTO payments (customer_id, amount, idempotency_key,"
                       " queue_entry_id, created_at, operator) VALUES (?, ?, ?, ?, ?, ?)"
                       " RETURNING id"),
        {customerId, amount, idempotencyKey.isEmpty() ? QVariant() : QVariant(idempotencyKey),
         queueEntryId, nowMs, operatorName.isNull() ? QStringLiteral("") : operatorName});
}

} // namespace boxoffice
