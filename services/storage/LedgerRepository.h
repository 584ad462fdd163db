#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// A charge made with an Idempotency-Key, as a repeat of it is answered.
struct KeyedCharge
{
    qint64 amount = 0;
    qint64 balanceAfter = 0;
};

// Money: customers.balance and the ledger that explains it (W1–W6: the balance is the plain sum
// of its ledger). Only this class moves a balance, and each move is one conditional UPDATE, so
// no other terminal's move can fall between a read and a write whatever the engine's isolation.
// Every method runs on the caller's connection, inside whatever transaction the caller holds.
class LedgerRepository
{
public:
    // The customer's balance; nothing when there is no such customer.
    Result<std::optional<qint64>> balanceOf(Connection& conn, qint64 customerId);
    // Adds `amount` unless the balance would pass `ceiling`; the new balance. Nothing when there
    // is no such customer or the ceiling is in the way.
    Result<std::optional<qint64>> credit(Connection& conn, qint64 customerId, qint64 amount,
                                         qint64 ceiling);
    // Takes `amount` only if the balance covers it; the new balance. Nothing when it does not
    // (the balance moved since the caller read it).
    Result<std::optional<qint64>> debit(Connection& conn, qint64 customerId, qint64 amount);

    // Appends an entry (`e.id` is ignored; a paymentId of 0 is none) with the client's
    // Idempotency-Key if it is not empty. False when the customer already has an entry with that
    // key (a concurrent request with the same key won).
    Result<bool> append(Connection& conn, qint64 customerId, const LedgerEntry& e,
                        const QString& idempotencyKey = {});
    // The customer's entry made with the key, if any.
    Result<std::optional<KeyedCharge>> entryWithKey(Connection& conn, qint64 customerId,
                                                    const QString& idempotencyKey);
    // The customer's entries, newest first.
    Result<QList<LedgerEntry>> history(Connection& conn, qint64 customerId, int limit);
};

} // namespace boxoffice
