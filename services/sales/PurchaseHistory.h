#pragma once

#include "storage/CustomerRepository.h"
#include "storage/PurchaseRepository.h"
#include "storage/RefundRepository.h"

namespace boxoffice {

// What a customer bought and what became of it (their page at the counter): the seats with
// their tickets and check-ins, and the refunds, read in one snapshot.
struct CustomerHistory
{
    QList<Purchase> purchases; // newest payment first
    QList<Refund> refunds;     // newest first
};

class PurchaseHistory
{
public:
    static constexpr int kMaxSeats = 2000;

    explicit PurchaseHistory(std::shared_ptr<Database> db);

    // USER_NOT_FOUND for an unknown customer.
    Result<CustomerHistory> of(qint64 customerId);

private:
    std::shared_ptr<Database> m_db;
    CustomerRepository m_customers;
    PurchaseRepository m_purchases;
    RefundRepository m_refunds;
};

} // namespace boxoffice
