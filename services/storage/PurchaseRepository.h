#pragma once

#include "core/Types.h"
#include "storage/Database.h"

namespace boxoffice {

// A customer's purchases as their page lists them: every seat a payment of theirs paid, with
// what became of it (refunded, its ticket, checked in). Reads across reservations, payments,
// refunds, tickets and check-ins; writes nothing. Runs on the caller's connection.
class PurchaseRepository
{
public:
    // Newest payment first, seats in reservation order within a payment.
    Result<QList<Purchase>> ofCustomer(Connection& conn, qint64 customerId, int limit);
};

} // namespace boxoffice
