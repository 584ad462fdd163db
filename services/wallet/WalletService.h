#pragma once

#include "audit/AuditLog.h"
#include "core/Clock.h"
#include "core/Money.h"
#include "core/Types.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/LedgerRepository.h"

namespace boxoffice {

// Balances and their ledger (design W1–W6). Needs no queue token: a wallet is the customer's,
// not a sale's, so it is charged at the counter without queueing.
class WalletService
{
public:
    static constexpr qint64 kMinCharge = kMinChargeWon;
    static constexpr qint64 kMaxCharge = kMaxChargeWon;
    static constexpr qint64 kMaxBalance = kMaxBalanceWon;

    WalletService(std::shared_ptr<Database> db, const Clock& clock, AuditLog& audit);

    Result<qint64> balance(qint64 customerId);
    // W2/W3: adds `amount` in one transaction with its ledger entry; returns the new balance.
    // With an idempotency key, a repeat of the same amount answers the first charge's balance
    // and charges nothing; the key of a charge of another amount is refused with
    // IDEMPOTENCY_KEY_REUSED (keys are per customer). `by` is who took the money (staff at
    // the counter: recorded with the entry and in the audit log).
    Result<qint64> charge(qint64 customerId, qint64 amount, const QString& idempotencyKey = {},
                          const Actor& by = Actor::customer());
    // Newest first.
    Result<QList<LedgerEntry>> history(qint64 customerId, int limit = 1000);

    // W3 for typed input: a whole number of won, thousands separators allowed ("50,000").
    static Result<qint64> parseAmount(const QString& text);
    // W3 for JSON numbers (which arrive as doubles): whole, in range, or INVALID_AMOUNT.
    static Result<qint64> checkAmount(double value);

private:
    Result<qint64> chargeOnce(qint64 customerId, qint64 amount, const QString& idempotencyKey,
                              const Actor& by);

    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    LedgerRepository m_ledger;
    CustomerRepository m_customers;
    AuditLog& m_audit;
};

} // namespace boxoffice
