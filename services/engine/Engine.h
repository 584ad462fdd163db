#pragma once

#include "audit/AuditLog.h"
#include "customers/CustomerService.h"
#include "door/CheckInService.h"
#include "engine/TerminalSettings.h"
#include "queue/QueueService.h"
#include "sales/CatalogueService.h"
#include "sales/PaymentService.h"
#include "sales/PurchaseHistory.h"
#include "sales/RefundService.h"
#include "sales/ReservationService.h"
#include "sales/TicketIssuer.h"
#include "sales/TicketService.h"
#include "wallet/WalletService.h"

namespace boxoffice {

// Every service over one database, wired once; what the GUI, the HTTP front and tests hold.
class Engine
{
public:
    static Result<std::unique_ptr<Engine>> open(const DatabaseOptions& options,
                                                const EngineSettings& settings, const Clock& clock,
                                                const TerminalSettings& terminal = {});
    Engine(std::shared_ptr<Database> db, const EngineSettings& settings, const Clock& clock,
           const TerminalSettings& terminal = {});
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    const std::shared_ptr<Database> db;
    const EngineSettings settings;
    const TerminalSettings terminal;
    const Clock& clock;
    AuditLog audit;
    TicketIssuer ticketIssuer;
    QueueService queue;
    CatalogueService catalogue;
    ReservationService reservations;
    WalletService wallet;
    PaymentService payments;
    CustomerService customers;
    TicketService tickets;
    RefundService refunds;
    CheckInService door;
    PurchaseHistory purchases;
};

} // namespace boxoffice
