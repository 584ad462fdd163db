#include "wallet/WalletService.h"

#include <QRegularExpression>

#include <cmath>

namespace boxoffice {

WalletService::WalletService(std::shared_ptr<Database> db, const Clock& clock)
    : m_db(std::move(db)), m_clock(clock)
{}

Result<qint64> WalletService::checkAmount(double value)
{
    if (!std::isfinite(value) || value != std::floor(value) || value < double(kMinCharge) ||
        value > double(kMaxCharge)) {
        return fail(ErrorCode::InvalidAmount);
    }
    return qint64(value);
}

Result<qint64> WalletService::parseAmount(const QString& text)
{
    static const QRegularExpression wholeWon(
        QStringLiteral("^\\s*(\\d{1,3}(,\\d{3})+|\\d+)\\s*(원|KRW|₩)?\\s*$"));
    const auto m = wholeWon.match(text);
    if (!m.hasMatch())
        return fail(ErrorCode::InvalidAmount);
    QString digits = m.captured(1);
    digits.remove(QLatin1Char(','));
    if (digits.size() > 9)
        return fail(ErrorCode::InvalidAmount);
    return checkAmount(double(digits.toLongLong()));
}

Result<qint64> WalletService::balance(qint64 customerId)
{
    Connection* conn = BO_TRY(m_db->connection());
    auto q = BO_TRY(
        conn->run(QStringLiteral("SELECT balance FROM customers WHERE id = ?"), {customerId}));
    if (!q.next())
        return fail(ErrorCode::BalanceNotFound);
    return q.i64(0);
}

Result<qint64> WalletService::charge(qint64 customerId, qint64 amount,
                                     const QString& idempotencyKey)
{
    // Two requests with one key at once: the schema lets one ledger entry in; the other rolls
    // back and, looking again, answers with it.
    for (int attempt = 0;; ++attempt) {
        auto r = chargeOnce(customerId, amount, idempotencyKey);
        if (r || r.error().code != ErrorCode::StorageBusy || attempt == 2)
            return r;
    }
}

Result<qint64> WalletService::chargeOnce(qint64 customerId, qint64 amount,
                                         const QString& idempotencyKey)
{
    if (amount < kMinCharge || amount > kMaxCharge)
        return fail(ErrorCode::InvalidAmount);
    // Any storage failure is the seed's charge failure: rolled back, "try again" (W2).
    auto chargeFailed = [](const Error& cause) {
        // A database that cannot be reached is said as such, like everywhere else (the
        // client retries with the same Idempotency-Key); nothing was charged either way.
        if (cause.code == ErrorCode::StorageUnavailable ||
            cause.code == ErrorCode::DatabaseOpenFailed)
            return std::unexpected(cause);
        Error e = Error::make(ErrorCode::ChargeFailed);
        e.internal = cause.codeName() + QLatin1String(": ") + cause.internal;
        return std::unexpected(e);
    };
    auto connection = m_db->connection();
    if (!connection)
        return chargeFailed(connection.error());
    Connection* conn = *connection;
    auto tx = WriteTransaction::begin(*conn);
    if (!tx)
        return chargeFailed(tx.error());
    const qint64 now = m_clock.nowMs();
    if (!idempotencyKey.isEmpty()) {
        auto q = conn->run(QStringLiteral("SELECT balance_after, amount FROM ledger WHERE"
                                          " customer_id = ? AND idempotency_key = ?"),
                           {customerId, idempotencyKey});
        if (!q)
            return chargeFailed(q.error());
        if (q->next())
            return q->i64(0); // the first charge's answer, again
    }
    // One conditional UPDATE moves the balance: no read-then-write window for another
    // terminal's charge to fall into, whatever the engine's isolation.
    qint64 after = 0;
    {
        auto q = conn->run(QStringLiteral("UPDATE customers SET balance = balance + ?"
                                          " WHERE id = ? AND balance + ? <= ? RETURNING balance"),
                           {amount, customerId, amount, kMaxBalance});
        if (!q)
            return chargeFailed(q.error());
        if (q->next())
            after = q->i64(0);
    }
    if (after == 0) {
        auto q =
            conn->run(QStringLiteral("SELECT balance FROM customers WHERE id = ?"), {customerId});
        if (!q)
            return chargeFailed(q.error());
        if (!q->next())
            return fail(ErrorCode::BalanceNotFound);
        const qint64 balance = q->i64(0);
        return fail(Error::make(ErrorCode::InvalidAmount,
                                QStringLiteral("충전 후 잔액은 10,000,000원을 넘을 수 없습니다."
                                               " (현재 잔액 %L1원)")
                                    .arg(balance),
                                QStringLiteral("The balance after a charge may not exceed"
                                               " 10,000,000 KRW (current balance %L1 KRW).")
                                    .arg(balance)));
    }
    if (auto q = conn->tryRun(QStringLiteral("INSERT INTO ledger (customer_id, kind, amount,"
                                             " balance_after, at, idempotency_key)"
                                             " VALUES (?, 'CHARGE', ?, ?, ?, ?)"),
                              {customerId, amount, after, now,
                               idempotencyKey.isEmpty() ? QVariant() : QVariant(idempotencyKey)});
        !q) {
        if (q.error().kind == SqlFailure::Unique)
            return fail(ErrorCode::StorageBusy); // lost the race described in charge()
        return chargeFailed(storageError(q.error()));
    }
    if (auto c = tx->commit(); !c)
        return chargeFailed(c.error());
    return after;
}

Result<QList<LedgerEntry>> WalletService::history(qint64 customerId, int limit)
{
    Connection* conn = BO_TRY(m_db->connection());
    {
        auto q =
            BO_TRY(conn->run(QStringLiteral("SELECT 1 FROM customers WHERE id = ?"), {customerId}));
        if (!q.next())
            return fail(ErrorCode::BalanceNotFound);
    }
    auto q =
        BO_TRY(conn->run(QStringLiteral("SELECT id, kind, amount, balance_after, at, payment_id"
                                        " FROM ledger WHERE customer_id = ?"
                                        " ORDER BY id DESC LIMIT ?"),
                         {customerId, limit}));
    QList<LedgerEntry> out;
    while (q.next()) {
        LedgerEntry e;
        e.id = q.i64(0);
        const QString kind = q.str(1);
        e.kind = kind == QLatin1String("PAYMENT")  ? LedgerKind::Payment
                 : kind == QLatin1String("REFUND") ? LedgerKind::Refund
                                                   : LedgerKind::Charge;
        e.amount = q.i64(2);
        e.balanceAfter = q.i64(3);
        e.atMs = q.i64(4);
        e.paymentId = q.i64(5);
        out << e;
    }
    return out;
}

} // namespace boxoffice
