#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// The customers table: the box office's customer book. The balance column is read here with
// the rest of a customer, but only the ledger's repository moves it (LedgerRepository).
// Every method runs on the caller's connection, inside whatever transaction the caller holds.
class CustomerRepository
{
public:
    Result<bool> exists(Connection& conn, qint64 customerId);
    Result<std::optional<Customer>> byId(Connection& conn, qint64 customerId);
    // Customers whose name contains `text` (taken literally, not as a pattern) or, when
    // `digits` is not empty, whose phone number without dashes contains `digits`; by id.
    Result<QList<Customer>> matching(Connection& conn, const QString& text, const QString& digits,
                                     int limit);
    // A new customer with balance 0; its id.
    Result<qint64> insert(Connection& conn, const QString& name, const QString& phone,
                          qint64 nowMs);
    Result<qint64> count(Connection& conn);

    // Locks the customer's row until the transaction ends, so that one customer's holds go one
    // at a time (H3's count of live holds must not race): an UPDATE that changes nothing takes
    // the row lock on PostgreSQL; SQLite's write lock already excludes everyone.
    Result<void> lockCustomer(Connection& conn, qint64 customerId);
};

} // namespace boxoffice
