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
    qint64 refunds = 0;
    qint64 refundedSeats = 0;
    qint64 validTickets = 0;
    qint64 checkIns = 0;
    bool ok() const { return problems.isEmpty(); }
};

// W5 as R4 extends it, checkable at any time: balances equal their ledgers; payments equal the
// prices of their SOLD and REFUNDED seats; each refund's items, fee and REFUND ledger entry
// agree, and the money given back plus the fees kept equal the prices of REFUNDED seats; no
// seat is sold or held twice; every SOLD seat has exactly one valid ticket and no other seat
// has one; only sold seats are checked in. And for SQLite, PRAGMA integrity_check.
class InvariantChecker
{
public:
    static Result<InvariantReport> check(Database& db);
    // The most lines one rule adds to the report; the rest are counted.
    static constexpr int kMaxLinesPerRule = 20;
};

} // namespace boxoffice
