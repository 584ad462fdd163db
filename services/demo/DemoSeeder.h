#pragma once

#include "core/Clock.h"
#include "storage/Database.h"

namespace boxoffice {

// Demo data, so that a fresh install can be tried and the tests start from a known world:
// concerts 1..3 with four future schedules of 50 seats each in price tiers, and customers
// 1..100 with balance 0.
class DemoSeeder
{
public:
    // Seeds only an empty database (no concerts, no customers). Returns whether it seeded.
    static Result<bool> seedIfEmpty(Database& db, const Clock& clock);
    // Adds a stadium show (concert 4 on a fresh demo database) with one date on the built-in
    // 50,000-seat layout, in sections and rows. Returns that schedule's id.
    static Result<qint64> seedLargeVenue(Database& db, const Clock& clock);
};

} // namespace boxoffice
