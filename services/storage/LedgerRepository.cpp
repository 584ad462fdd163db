#include "storage/LedgerRepository.h"

#include "storage/StoredNames.h"

namespace boxoffice {

namespace {

// An id column's value: 0 stands for none (SQL NULL, which a foreign key lets through).
QVariant idOrNull(qint64 id)
{
    return id == 0 ? QVariant() : QVariant(id);
}

} // namespace

Result<std::optional<qint64>> LedgerRepository::balanceOf(Connection& conn, qint64 customerId)
{
    auto q = BO_TRY(
        conn.run(QStringLiteral("SELECT balance FROM customers WHERE id = ?"), {customerId}));
    return q.nextI64();
}

Result<std::optional<qint64>> LedgerRepository::credit(Connection& conn, qint64 customerId,
                                                       qint64 amount, qint64 ceiling)
{
    auto q = BO_TRY(conn.run(QStringLiteral("UPDATE customers SET balance = balance + ?"
                                            " WHERE id = ? AND balance + ? <= ? RETURNING balance"),
                             {amount, customerId, amount, ceiling}));
    return q.nextI64();
}

Result<std::optional<qint64>> LedgerRepository::debit(Connection& conn, qint64 customerId,
                                                      qint64 amount)
{
    auto q = BO_TRY(conn.run(QStringLiteral("UPDATE customers SET balance = balance - ?"
                                            " WHERE id = ? AND balance >= ? RETURNING balance"),
                             {amount, customerId, amount}));
    return q.nextI64();
}

Result<bool> LedgerRepository::append(Connection& conn, qint64 customerId, const LedgerEntry& e,
                                      const QString& idempotencyKey)
{
    auto q = conn.tryRun(
        QStringLiteral("INSERT INTO ledger (customer_id, kind, amount,"
                       " balance_after, payment_id, at, idempotency_key,"
                       " refund_id, operator)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {customerId, ledgerKindName(e.kind), e.amount, e.balanceAfter, idOrNull(e.paymentId),
         e.atMs, idempotencyKey.isEmpty() ? QVariant() : QVariant(idempotencyKey),
         idOrNull(e.refundId), e.operatorName.isNull() ? QStringLiteral("") : e.operatorName});
    if (!q) {
        if (q.error().kind == SqlFailure::Unique && !idempotencyKey.isEmpty())
            return false;
        return fail(storageError(q.error()));
    }
    return true;
}

Result<std::optional<KeyedCharge>>
LedgerRepository::entryWithKey(Connection& conn, qint64 customerId, const QString& idempotencyKey)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT amount, balance_after FROM ledger WHERE"
                                            " customer_id = ? AND idempotency_key = ?"),
                             {customerId, idempotencyKey}));
    if (!q.next())
        return std::optional<KeyedCharge>{};
    return std::optional<KeyedCharge>{KeyedCharge{q.i64(0), q.i64(1)}};
}

Result<QList<LedgerEntry>> LedgerRepository::history(Connection& conn, qint64 customerId, int limit)
{
    auto q =
        BO_TRY(conn.run(QStringLiteral("SELECT id, kind, amount, balance_after, at, payment_id,"
                                       " refund_id, operator FROM ledger"
                                       " WHERE customer_id = ? ORDER BY id DESC LIMIT ?"),
                        {customerId, limit}));
    QList<LedgerEntry> out;
    while (q.next()) {
        LedgerEntry e;
        e.id = q.i64(0);
        e.kind = BO_TRY(storedLedgerKind(q.str(1)));
        e.amount = q.i64(2);
        e.balanceAfter = q.i64(3);
        e.atMs = q.i64(4);
        e.paymentId = q.i64(5);
        e.refundId = q.isNull(6) ? 0 : q.i64(6);
        e.operatorName = q.str(7);
        out << e;
    }
    return out;
}

} // namespace boxoffice
