#include "storage/InvariantChecker.h"

#include "storage/StoredNames.h"

#include <functional>

namespace boxoffice {

namespace {

// Adds one line per row of `sql` (at most kMaxLinesPerRule, then how many more).
Result<void> eachRow(Connection& conn, const QString& sql, QStringList& problems,
                     const std::function<QString(const Query&)>& line)
{
    auto q = BO_TRY(conn.run(sql));
    int rows = 0;
    while (q.next()) {
        if (++rows <= InvariantChecker::kMaxLinesPerRule)
            problems << line(q);
    }
    if (rows > InvariantChecker::kMaxLinesPerRule)
        problems << QStringLiteral("... and %1 more like it")
                        .arg(rows - InvariantChecker::kMaxLinesPerRule);
    return {};
}

} // namespace

// The checks read across the table families at once, so they are written here rather than in
// one repository; the state words still come from their one spelling.
Result<InvariantReport> InvariantChecker::check(Database& db)
{
    const QString held = sqlLiteral(ReservationStatus::Held);
    const QString paid = sqlLiteral(ReservationStatus::Paid);
    const QString refunded = sqlLiteral(ReservationStatus::Refunded);
    const QString payment = sqlLiteral(LedgerKind::Payment);
    const QString refund = sqlLiteral(LedgerKind::Refund);
    const QString valid = sqlLiteral(TicketStatus::Valid);
    Connection* conn = BO_TRY(db.connection());
    // A database from before schema 4 (read without migrating) has no refunds or tickets: W5
    // as part one wrote it is all there is to check.
    const bool afterSale = db.schemaVersion() >= 4;
    InvariantReport report;
    QStringList& problems = report.problems;
    // The engine's own consistency check (SQLite's integrity_check; nothing on PostgreSQL,
    // which keeps its pages consistent itself).
    const QStringList engineProblems = BO_TRY(db.integrityProblems());
    for (const QString& p : engineProblems)
        problems << QStringLiteral("integrity_check: %1").arg(p);
    // One snapshot for every rule, so that a terminal writing meanwhile cannot make the
    // numbers of one rule disagree with another's.
    ReadTransaction tx = BO_TRY(ReadTransaction::begin(*conn));

    BO_CHECK(eachRow(
        *conn,
        QStringLiteral("SELECT c.id, c.balance, COALESCE(SUM(l.amount), 0) FROM customers c"
                       " LEFT JOIN ledger l ON l.customer_id = c.id GROUP BY c.id, c.balance"
                       " HAVING c.balance <> COALESCE(SUM(l.amount), 0) OR c.balance < 0"),
        problems, [](const Query& q) {
            return QStringLiteral("customer %1: balance %2 but ledger sums to %3")
                .arg(q.i64(0))
                .arg(q.i64(1))
                .arg(q.i64(2));
        }));
    // A payment stays what it was when seats of it are refunded: its amount is the prices of
    // the seats it sold, refunded since or not.
    BO_CHECK(eachRow(
        *conn,
        QStringLiteral("SELECT p.id, p.amount, COALESCE(SUM(r.price), 0) FROM payments p"
                       " LEFT JOIN reservations r ON r.payment_id = p.id AND r.status IN (%1, %2)"
                       " GROUP BY p.id, p.amount HAVING p.amount <> COALESCE(SUM(r.price), 0)")
            .arg(paid, refunded),
        problems, [](const Query& q) {
            return QStringLiteral("payment %1: amount %2 but its sold and refunded seats cost %3")
                .arg(q.i64(0))
                .arg(q.i64(1))
                .arg(q.i64(2));
        }));
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral(
                "SELECT (SELECT COALESCE(SUM(amount), 0) FROM payments),"
                " (SELECT COALESCE(SUM(price), 0) FROM reservations WHERE status IN (%1, %3)),"
                " (SELECT COUNT(*) FROM reservations WHERE status IN (%1, %3)"
                "  AND payment_id IS NULL),"
                " (SELECT COALESCE(-SUM(amount), 0) FROM ledger WHERE kind = %2)")
                .arg(paid, payment, refunded)));
        if (q.next()) {
            if (q.i64(0) != q.i64(1))
                problems << QStringLiteral("payments total %1 but sold and refunded seats total %2")
                                .arg(q.i64(0))
                                .arg(q.i64(1));
            if (q.i64(2) != 0)
                problems << QStringLiteral("%1 sold seats have no payment").arg(q.i64(2));
            if (q.i64(0) != q.i64(3))
                problems << QStringLiteral("payments total %1 but the ledger's payments %2")
                                .arg(q.i64(0))
                                .arg(q.i64(3));
        }
    }
    BO_CHECK(eachRow(
        *conn,
        QStringLiteral("SELECT seat_id, COUNT(*) FROM reservations WHERE status IN (%1, %2)"
                       " GROUP BY seat_id HAVING COUNT(*) > 1")
            .arg(held, paid),
        problems, [](const Query& q) {
            return QStringLiteral("seat %1 is held or sold %2 times").arg(q.i64(0)).arg(q.i64(1));
        }));
    {
        auto q = BO_TRY(conn->run(
            QStringLiteral("SELECT (SELECT COUNT(*) FROM customers), (SELECT COUNT(*) FROM ledger),"
                           " (SELECT COUNT(*) FROM payments),"
                           " (SELECT COUNT(*) FROM reservations WHERE status = %1),"
                           " (SELECT COUNT(*) FROM reservations WHERE status = %2),"
                           " (SELECT COUNT(*) FROM reservations WHERE status = %3)")
                .arg(paid, held, refunded)));
        if (q.next()) {
            report.customers = q.i64(0);
            report.ledgerEntries = q.i64(1);
            report.payments = q.i64(2);
            report.soldSeats = q.i64(3);
            report.liveHolds = q.i64(4);
            report.refundedSeats = q.i64(5);
        }
    }
    if (!afterSale)
        return report;

    {
        auto q = BO_TRY(conn->run(
            QStringLiteral(
                "SELECT (SELECT COALESCE(SUM(price), 0) FROM reservations WHERE status = %1),"
                " (SELECT COALESCE(SUM(amount), 0) FROM ledger WHERE kind = %2),"
                " (SELECT COALESCE(SUM(fee), 0) FROM refunds),"
                " (SELECT COUNT(*) FROM ledger WHERE kind = %2 AND refund_id IS NULL),"
                " (SELECT COUNT(*) FROM refunds),"
                " (SELECT COUNT(*) FROM tickets WHERE status = %3),"
                " (SELECT COUNT(*) FROM checkins)")
                .arg(refunded, refund, valid)));
        if (q.next()) {
            if (q.i64(1) + q.i64(2) != q.i64(0))
                problems << QStringLiteral("refunds gave back %1 and kept %2 in fees, but the"
                                           " refunded seats cost %3")
                                .arg(q.i64(1))
                                .arg(q.i64(2))
                                .arg(q.i64(0));
            if (q.i64(3) != 0)
                problems << QStringLiteral("%1 REFUND ledger entries name no refund").arg(q.i64(3));
            report.refunds = q.i64(4);
            report.validTickets = q.i64(5);
            report.checkIns = q.i64(6);
        }
    }
    // Each refund: its items add up to it, and the wallet got exactly amount − fee, once.
    BO_CHECK(eachRow(
        *conn,
        QStringLiteral("SELECT f.id, f.amount, f.fee, COALESCE(SUM(i.amount), 0),"
                       " COALESCE(SUM(i.fee), 0),"
                       " (SELECT COUNT(*) FROM ledger l WHERE l.refund_id = f.id AND l.kind = %1),"
                       " (SELECT COALESCE(SUM(l.amount), 0) FROM ledger l"
                       "  WHERE l.refund_id = f.id AND l.kind = %1)"
                       " FROM refunds f LEFT JOIN refund_items i ON i.refund_id = f.id"
                       " GROUP BY f.id, f.amount, f.fee"
                       " HAVING f.amount <> COALESCE(SUM(i.amount), 0)"
                       " OR f.fee <> COALESCE(SUM(i.fee), 0)"
                       " OR (SELECT COUNT(*) FROM ledger l WHERE l.refund_id = f.id"
                       "  AND l.kind = %1) <> 1"
                       " OR (SELECT COALESCE(SUM(l.amount), 0) FROM ledger l"
                       "  WHERE l.refund_id = f.id AND l.kind = %1) <> f.amount - f.fee")
            .arg(refund),
        problems, [](const Query& q) {
            return QStringLiteral("refund %1: amount %2, fee %3, but its seats add up to %4 and"
                                  " fees %5, and %6 REFUND entries gave back %7")
                .arg(q.i64(0))
                .arg(q.i64(1))
                .arg(q.i64(2))
                .arg(q.i64(3))
                .arg(q.i64(4))
                .arg(q.i64(5))
                .arg(q.i64(6));
        }));
    BO_CHECK(eachRow(*conn,
                     QStringLiteral("SELECT i.reservation_id, i.refund_id FROM refund_items i"
                                    " JOIN reservations r ON r.id = i.reservation_id"
                                    " WHERE r.status <> %1 OR r.price <> i.amount")
                         .arg(refunded),
                     problems, [](const Query& q) {
                         return QStringLiteral("reservation %1: in refund %2 but not refunded, or"
                                               " refunded for another price")
                             .arg(q.i64(0))
                             .arg(q.i64(1));
                     }));
    BO_CHECK(eachRow(
        *conn,
        QStringLiteral("SELECT r.id FROM reservations r WHERE r.status = %1 AND NOT"
                       " EXISTS (SELECT 1 FROM refund_items i"
                       " WHERE i.reservation_id = r.id)")
            .arg(refunded),
        problems, [](const Query& q) {
            return QStringLiteral("reservation %1: refunded without a refund").arg(q.i64(0));
        }));
    BO_CHECK(eachRow(
        *conn,
        QStringLiteral("SELECT r.id, COUNT(t.id) FROM reservations r LEFT JOIN tickets t"
                       " ON t.reservation_id = r.id AND t.status = %1 WHERE r.status = %2"
                       " GROUP BY r.id HAVING COUNT(t.id) <> 1")
            .arg(valid, paid),
        problems, [](const Query& q) {
            return QStringLiteral("reservation %1: sold with %2 valid tickets (one expected)")
                .arg(q.i64(0))
                .arg(q.i64(1));
        }));
    BO_CHECK(eachRow(*conn,
                     QStringLiteral("SELECT t.id, r.id, r.status FROM tickets t"
                                    " JOIN reservations r ON r.id = t.reservation_id"
                                    " WHERE t.status = %1 AND r.status <> %2")
                         .arg(valid, paid),
                     problems, [](const Query& q) {
                         return QStringLiteral("ticket %1 is valid but reservation %2 is %3")
                             .arg(q.i64(0))
                             .arg(q.i64(1))
                             .arg(q.str(2));
                     }));
    BO_CHECK(eachRow(*conn,
                     QStringLiteral("SELECT ch.id, r.id, r.status FROM checkins ch"
                                    " JOIN reservations r ON r.id = ch.reservation_id"
                                    " WHERE r.status <> %1")
                         .arg(paid),
                     problems, [](const Query& q) {
                         return QStringLiteral("check-in %1 let in reservation %2, which is %3")
                             .arg(q.i64(0))
                             .arg(q.i64(1))
                             .arg(q.str(2));
                     }));
    return report;
}

} // namespace boxoffice
