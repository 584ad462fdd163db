#pragma once

#include "core/Clock.h"
#include "core/Types.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"

namespace boxoffice {

// The box office's customer book: find by number, name or phone; add walk-ups.
class CustomerService
{
public:
    CustomerService(std::shared_ptr<Database> db, const Clock& clock);

    Result<Customer> byId(qint64 id);
    // A number finds that member; other text matches name or phone (digits only compared).
    Result<QList<Customer>> find(const QString& text, int limit = 50);
    Result<Customer> add(const QString& name, const QString& phone);

private:
    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    CustomerRepository m_customers;
};

} // namespace boxoffice
