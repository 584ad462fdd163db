#pragma once

#include "customers/CustomerService.h"
#include "queue/QueueService.h"
#include "sales/CatalogueService.h"
#include "sales/PaymentService.h"
#include "sales/ReservationService.h"
#include "wallet/WalletService.h"

namespace boxoffice {

// Every service over one database, wired once; what the GUI, the HTTP front and tests hold.
class Engine
{
public:
    static Result<std::unique_ptr<Engine>> open(const DatabaseOptions& options,
                                                const EngineSettings& settings, const Clock& clock);
    Engine(std::shared_ptr<Database> db, const EngineSettings& settings, const Clock& clock);
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const std::shared_ptr<Database> db;
    const EngineSettings settings;
    const Clock& clock;
    QueueService queue;
    CatalogueService catalogue;
    ReservationService reservations;
    WalletService wallet;
    PaymentService payments;
    CustomerService customers;
};

} // namespace boxoffice
