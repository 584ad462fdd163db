#pragma once

#include "storage/Database.h"

#include <QStringList>

namespace boxoffice {

struct InvariantReport
{
    QStringList problems; // empty when everything holds
    qint64 customers = 0;
    qint64 ledgerEntries = 0;
    qint64 payments = 0;
    qint64 soldSeats = 0;
    qint64 liveHolds = 0;
    bool ok() const { return problems.isEmpty(); }
};

// W5, checkable at any time: balances equal their ledgers, payments equal the prices of SOLD
// seats, no seat is sold or held twice; and for SQLite, PRAGMA integrity_check.
class InvariantChecker
{
public:
    static Result<InvariantReport> check(Database& db);
};

} // namespace boxoffice
