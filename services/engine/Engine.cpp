#include "engine/Engine.h"

namespace boxoffice {

Result<std::unique_ptr<Engine>> Engine::open(const DatabaseOptions& options,
                                             const EngineSettings& settings, const Clock& clock)
{
    auto db = BO_TRY(Database::open(options));
    return std::make_unique<Engine>(std::move(db), settings, clock);
}

Engine::Engine(std::shared_ptr<Database> database, const EngineSettings& engineSettings,
               const Clock& engineClock)
    : db(std::move(database)), settings(engineSettings), clock(engineClock),
      queue(db, clock, settings), catalogue(db, clock, queue),
      reservations(db, clock, settings, queue), wallet(db, clock), payments(db, clock, queue),
      customers(db, clock)
{}

} // namespace boxoffice
