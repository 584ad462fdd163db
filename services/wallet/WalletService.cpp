#include "wallet/WalletService.h"

#include <QRegularExpression>

#include <cmath>

namespace boxoffice {

WalletService::WalletService(std::shared_ptr<Database> db, const Clock& clock, AuditLog& audit)
    : m_db(std::move(db)), m_clock(clock), m_audit(audit)
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
    const auto balance = BO_TRY(m_ledger.balanceOf(*conn, customerId));
    if (!balance)
        return fail(ErrorCode::BalanceNotFound);
    return *balance;
}

Result<qint64> WalletService::charge(qint64 customerId, qint64 amount,
                                     const QString& idempotencyKey, const Actor& by)
{
    // Two requests with one key at once: the schema lets one ledger entry in; the other rolls
    // back and, looking again, answers with it (or refuses it, for another amount).
    for (int attempt = 0;; ++attempt) {
        auto r = chargeOnce(customerId, amount, idempotencyKey, by);
        if (r || r.error().code != ErrorCode::StorageBusy || attempt == 2)
            return r;
    }
}

Result<qint64> WalletService::chargeOnce(qint64 customerId, qint64 amount,
                                         const QString& idempotencyKey, const Actor& by)
{
    if (amount < kMinCharge || amount > kMaxCharge)
        return fail(ErrorCode::InvalidAmount);
    // A storage failure is CHARGE_FAILED (W2): rolled back, "try again".
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
        const auto earlier = m_ledger.entryWithKey(*conn, customerId, idempotencyKey);
        if (!earlier)
            return chargeFailed(earlier.error());
        if (*earlier) {
            // A client that reuses a key by mistake must not be told its new charge was made.
            if ((*earlier)->amount != amount)
                return fail(ErrorCode::IdempotencyKeyReused);
            return (*earlier)->balanceAfter; // the first charge's answer, again
        }
    }
    const auto after = m_ledger.credit(*conn, customerId, amount, kMaxBalance);
    if (!after)
        return chargeFailed(after.error());
    if (!*after) {
        const auto balance = m_ledger.balanceOf(*conn, customerId);
        if (!balance)
            return chargeFailed(balance.error());
        if (!*balance)
            return fail(ErrorCode::BalanceNotFound);
        const QString ceiling = groupedWon(kMaxBalance), current = groupedWon(**balance);
        return fail(Error::make(
            ErrorCode::InvalidAmount,
            QStringLiteral("충전 후 잔액은 %1원을 넘을 수 없습니다. (현재 잔액 %2원)")
                .arg(ceiling, current),
            QStringLiteral("The balance after a charge may not exceed %1 KRW (current balance"
                           " %2 KRW).")
                .arg(ceiling, current)));
    }
    LedgerEntry entry;
    entry.kind = LedgerKind::Charge;
    entry.amount = amount;
    entry.balanceAfter = **after;
    entry.atMs = now;
    entry.operatorName = by.operatorName;
    const auto appended = m_ledger.append(*conn, customerId, entry, idempotencyKey);
    if (!appended)
        return chargeFailed(appended.error());
    if (!*appended)
        return fail(ErrorCode::StorageBusy); // lost the race described in charge()
    if (by.isStaff()) {
        const auto audited = m_audit.append(*conn, by, AuditAction::Charge,
                                            {{QStringLiteral("customerId"), customerId},
                                             {QStringLiteral("amount"), amount},
                                             {QStringLiteral("balance"), **after}},
                                            now);
        if (!audited)
            return chargeFailed(audited.error());
    }
    if (auto c = tx->commit(); !c)
        return chargeFailed(c.error());
    return **after;
}

Result<QList<LedgerEntry>> WalletService::history(qint64 customerId, int limit)
{
    Connection* conn = BO_TRY(m_db->connection());
    if (!BO_TRY(m_customers.exists(*conn, customerId)))
        return fail(ErrorCode::BalanceNotFound);
    return m_ledger.history(*conn, customerId, limit);
}

} // namespace boxoffice
