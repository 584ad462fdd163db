#include "sales/PurchaseHistory.h"

namespace boxoffice {

PurchaseHistory::PurchaseHistory(std::shared_ptr<Database> db) : m_db(std::move(db)) {}

Result<CustomerHistory> PurchaseHistory::of(qint64 customerId)
{
    Connection* conn = BO_TRY(m_db->connection());
    ReadTransaction tx = BO_TRY(ReadTransaction::begin(*conn));
    if (!BO_TRY(m_customers.exists(*conn, customerId)))
        return fail(ErrorCode::UserNotFound);
    CustomerHistory h;
    h.purchases = BO_TRY(m_purchases.ofCustomer(*conn, customerId, kMaxSeats));
    h.refunds = BO_TRY(m_refunds.ofCustomer(*conn, customerId));
    return h;
}

} // namespace boxoffice
