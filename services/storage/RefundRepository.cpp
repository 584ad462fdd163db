#include "storage/RefundRepository.h"

namespace boxoffice {

namespace {

const QString kRefundColumns =
    QStringLiteral("f.id, f.payment_id, f.customer_id, f.amount, f.fee, f.fee_percent,"
                   " f.refunded_at, f.operator, c.balance");

Refund refundFrom(const Query& q)
{
    Refund r;
    r.id = q.i64(0);
    r.paymentId = q.i64(1);
    r.customerId = q.i64(2);
    r.amount = q.i64(3);
    r.fee = q.i64(4);
    r.feePercent = q.i32(5);
    r.refundedAtMs = q.i64(6);
    r.operatorName = q.str(7);
    r.balanceAfter = q.i64(8);
    return r;
}

Result<QList<qint64>> itemsOf(Connection& conn, qint64 refundId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT reservation_id FROM refund_items"
                                            " WHERE refund_id = ? ORDER BY reservation_id"),
                             {refundId}));
    QList<qint64> ids;
    while (q.next())
        ids << q.i64(0);
    return ids;
}

QVariant textOrEmpty(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

} // namespace

Result<std::optional<Refund>> RefundRepository::find(Connection& conn, qint64 refundId)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM refunds f JOIN customers c"
                                              " ON c.id = f.customer_id WHERE f.id = ?")
                                   .arg(kRefundColumns);
    std::optional<Refund> found;
    {
        auto q = BO_TRY(conn.run(sql, {refundId}));
        if (!q.next())
            return found;
        found = refundFrom(q);
    }
    found->reservationIds = BO_TRY(itemsOf(conn, refundId));
    return found;
}

Result<std::optional<qint64>> RefundRepository::idWithKey(Connection& conn, qint64 customerId,
                                                          const QString& idempotencyKey)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT id FROM refunds WHERE customer_id = ?"
                                            " AND idempotency_key = ?"),
                             {customerId, idempotencyKey}));
    return q.nextI64();
}

Result<std::optional<qint64>> RefundRepository::insert(Connection& conn, const Refund& r,
                                                       const QString& idempotencyKey,
                                                       const QString& terminal)
{
    // The only unique index on refunds is the key's, so a refused row means the key.
    return conn.insertReturningId(
        QStringLiteral("INSERT INTO refunds (payment_id, customer_id, amount, fee, fee_percent,"
                       " idempotency_key, refunded_at, terminal, operator)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {r.paymentId, r.customerId, r.amount, r.fee, r.feePercent,
         idempotencyKey.isEmpty() ? QVariant() : QVariant(idempotencyKey), r.refundedAtMs,
         textOrEmpty(terminal), textOrEmpty(r.operatorName)});
}

Result<bool> RefundRepository::insertItem(Connection& conn, qint64 refundId, qint64 reservationId,
                                          qint64 amount, qint64 fee)
{
    auto q = BO_TRY(conn.run(QStringLiteral("INSERT INTO refund_items (reservation_id, refund_id,"
                                            " amount, fee) VALUES (?, ?, ?, ?)"
                                            " ON CONFLICT DO NOTHING RETURNING reservation_id"),
                             {reservationId, refundId, amount, fee}));
    return q.next();
}

Result<QList<Refund>> RefundRepository::ofCustomer(Connection& conn, qint64 customerId)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM refunds f JOIN customers c"
                                              " ON c.id = f.customer_id WHERE f.customer_id = ?"
                                              " ORDER BY f.id DESC")
                                   .arg(kRefundColumns);
    QList<Refund> out;
    {
        auto q = BO_TRY(conn.run(sql, {customerId}));
        while (q.next())
            out << refundFrom(q);
    }
    for (Refund& r : out)
        r.reservationIds = BO_TRY(itemsOf(conn, r.id));
    return out;
}

} // namespace boxoffice
