#include "engine/Engine.h"

namespace boxoffice {

Result<std::unique_ptr<Engine>> Engine::open(const DatabaseOptions& options,
                                             const EngineSettings& settings, const Clock& clock,
                                             const TerminalSettings& terminal)
{
    auto db = BO_TRY(Database::open(options));
    return std::make_unique<Engine>(std::move(db), settings, clock, terminal);
}

Engine::Engine(std::shared_ptr<Database> database, const EngineSettings& engineSettings,
               const Clock& engineClock, const TerminalSettings& terminalSettings)
    : db(std::move(database)), settings(engineSettings), terminal(terminalSettings),
      clock(engineClock), audit(db, clock, terminal.id),
      ticketIssuer(db, clock, terminal.ticketKeyPath, terminal.ticketMode, terminal.id),
      queue(db, clock, settings), catalogue(db, clock, queue),
      reservations(db, clock, settings, queue), wallet(db, clock, audit),
      payments(db, clock, queue, ticketIssuer, audit), customers(db, clock),
      tickets(db, clock, ticketIssuer, audit), refunds(db, clock, settings, audit),
      door(db, clock, terminal.ticketMode, audit), purchases(db)
{}

} // namespace boxoffice
