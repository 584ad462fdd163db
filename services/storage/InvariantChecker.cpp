#include "storage/InvariantChecker.h"

#include "storage/StoredNames.h"

namespace boxoffice {

// The checks read across the table families at once, so they are written here rather than in
// one repository; the state words still come from their one spelling.
Result<InvariantReport> InvariantChecker::check(Database& db)
{
    const QString held = sqlLiteral(ReservationStatus::Held);
    const QString paid = sqlLiteral(ReservationStatus::Paid);
    const QString payment = sqlLiteral(LedgerKind::Payment);
    Connection* conn = BO_TRY(db.connection());
    InvariantReport report;
    // The engine's own consistency check (SQLite's integrity_check; nothing on PostgreSQL,
    // which keeps its pages consistent itself).
    const QStringList engineProblems = BO_TRY(db.integrityProblems());
    for (const QString& p : engineProblems)
        report.problems << QStringLiteral("integrity_check: %1").arg(p);
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral("SELECT c.id, c.balance, COALESCE(SUM(l.amount), 0) FROM customers c"
                           " LEFT JOIN ledger l ON l.customer_id = c.id GROUP BY c.id, c.balance"
                           " HAVING c.balance <> COALESCE(SUM(l.amount), 0) OR c.balance < 0")));
        while (q.next()) {
            report.problems << QStringLiteral("customer %1: balance %2 but ledger sums to %3")
                                   .arg(q.i64(0))
                                   .arg(q.i64(1))
                                   .arg(q.i64(2));
        }
    }
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral("SELECT p.id, p.amount, COALESCE(SUM(r.price), 0) FROM payments p"
                           " LEFT JOIN reservations r ON r.payment_id = p.id AND r.status = %1"
                           " GROUP BY p.id, p.amount HAVING p.amount <> COALESCE(SUM(r.price), 0)")
                .arg(paid)));
        while (q.next()) {
            report.problems << QStringLiteral("payment %1: amount %2 but its sold seats cost %3")
                                   .arg(q.i64(0))
                                   .arg(q.i64(1))
                                   .arg(q.i64(2));
        }
    }
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral(
                "SELECT (SELECT COALESCE(SUM(amount), 0) FROM payments),"
                " (SELECT COALESCE(SUM(price), 0) FROM reservations WHERE status = %1),"
                " (SELECT COUNT(*) FROM reservations WHERE status = %1 AND payment_id IS NULL),"
                " (SELECT COALESCE(-SUM(amount), 0) FROM ledger WHERE kind = %2)")
                .arg(paid, payment)));
        if (q.next()) {
            if (q.i64(0) != q.i64(1))
                report.problems << QStringLiteral("payments total %1 but sold seats total %2")
                                       .arg(q.i64(0))
                                       .arg(q.i64(1));
            if (q.i64(2) != 0)
                report.problems << QStringLiteral("%1 sold seats have no payment").arg(q.i64(2));
            if (q.i64(0) != q.i64(3))
                report.problems << QStringLiteral("payments total %1 but the ledger's payments %2")
                                       .arg(q.i64(0))
                                       .arg(q.i64(3));
        }
    }
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral("SELECT seat_id, COUNT(*) FROM reservations WHERE status IN (%1, %2)"
                           " GROUP BY seat_id HAVING COUNT(*) > 1")
                .arg(held, paid)));
        while (q.next()) {
            report.problems
                << QStringLiteral("seat %1 is held or sold %2 times").arg(q.i64(0)).arg(q.i64(1));
        }
    }
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral("SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM ledger),"
                           " (SELECT COUNT(*) FROM payments),"
                           " (SELECT COUNT(*) FROM reservations WHERE status = %1),"
                           " (SELECT COUNT(*) FROM reservations WHERE status = %2)")
                .arg(paid, held)));
        if (q.next()) {
            report.customers = q.i64(0);
            report.ledgerEntries = q.i64(1);
            report.payments = q.i64(2);
            report.soldSeats = q.i64(3);
            report.liveHolds = q.i64(4);
        }
    }
    return report;
}

} // namespace boxoffice
