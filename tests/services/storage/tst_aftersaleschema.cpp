// The after-sale schema's own rules (design K1, K4, K5, R1-R3, R5), enforced by the database
// whatever a service does: one valid ticket per reservation, one check-in per ticket and per
// seat (exactly one of many concurrent scans wins), a reservation refunded at most once, fees
// within the amount, and an audit log that refuses UPDATE and DELETE. Both engines.

#include "storage/Database.h"
#include "support/TestSupport.h"

#include <QTest>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// A sold seat to hang tickets, check-ins and refunds on: customer 1 paid for two seats.
struct Sale
{
    qint64 paymentId = 0;
    qint64 scheduleId = 0;
    QList<qint64> reservations;
    QList<qint64> prices;
    QString keyId = QStringLiteral("0123456789abcdef");
};

Sale makeSale(Database& db)
{
    Sale s;
    auto conn = db.connection();
    if (!conn)
        qFatal("no connection");
    auto q = (*conn)->tryRun(
        QStringLiteral("SELECT id, schedule_id, price FROM seats ORDER BY id LIMIT 2"));
    QList<qint64> seats;
    while (q && q->next()) {
        seats << q->i64(0);
        s.scheduleId = q->i64(1);
        s.prices << q->i64(2);
    }
    q = (*conn)->tryRun(QStringLiteral("INSERT INTO payments (customer_id, amount, created_at)"
                                       " VALUES (1, ?, 0) RETURNING id"),
                        {s.prices.value(0) + s.prices.value(1)});
    if (!q || !q->next())
        qFatal("cannot pay");
    s.paymentId = q->i64(0);
    for (int i = 0; i < seats.size(); ++i) {
        auto r = (*conn)->tryRun(
            QStringLiteral("INSERT INTO reservations (seat_id, schedule_id, customer_id, price,"
                           " status, held_at, expires_at, payment_id, updated_at)"
                           " VALUES (?, ?, 1, ?, 'PAID', 0, 1, ?, 0) RETURNING id"),
            {seats.at(i), s.scheduleId, s.prices.at(i), s.paymentId});
        if (!r || !r->next())
            qFatal("cannot sell");
        s.reservations << r->i64(0);
    }
    if (!(*conn)->tryRun(QStringLiteral("INSERT INTO ticket_keys (key_id, public_key, training,"
                                        " created_at) VALUES (?, 'pub', 0, 0)"),
                         {s.keyId}))
        qFatal("cannot register a key");
    return s;
}

std::expected<Query, SqlError> insertTicket(Connection& conn, const Sale& s, qint64 reservation,
                                            int issue, const QString& code,
                                            const QString& status = QStringLiteral("VALID"))
{
    const bool revoked = status != QLatin1String("VALID");
    return conn.tryRun(
        QStringLiteral("INSERT INTO tickets (reservation_id, schedule_id, issue_number, key_id,"
                       " code, status, issued_at, revoked_at, revoked_reason)"
                       " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id"),
        {reservation, s.scheduleId, issue, s.keyId, code, status,
         revoked ? QVariant(qint64(1)) : QVariant(),
         revoked ? QVariant(QStringLiteral("REISSUED")) : QVariant()});
}

// This thread's connection to the test's database.
Connection& connectionOf(Database& db)
{
    auto conn = db.connection();
    if (!conn)
        qFatal("no connection: %s", qPrintable(conn.error().internal));
    return **conn;
}

// A fresh database (demo data, one sale) and this thread's connection to it.
struct SoldEngine
{
    TestEngine t;
    Sale s = makeSale(*t->db);
    Connection& conn = connectionOf(*t->db);
};

qint64 idOf(std::expected<Query, SqlError> q)
{
    if (!q || !q->next())
        qFatal("insert failed: %s", q ? "no row" : qPrintable(q.error().text));
    return q->i64(0);
}

} // namespace

class TestAfterSaleSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneValidTicketPerReservation();
    void ticketStatusIsConsistent();
    void ticketNeedsARegisteredKey();
    void concurrentCheckinsOneWins();
    void oneCheckinPerSeatAcrossAReissue();
    void reservationRefundedAtMostOnce();
    void refundAmountsAreChecked();
    void refundIdempotencyKeyIsPerCustomer();
    void oneLedgerEntryPerRefund();
    void auditLogIsAppendOnly();
    void ticketKeysHoldPublicKeysOnly();
};

void TestAfterSaleSchema::oneValidTicketPerReservation()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const qint64 first = idOf(insertTicket(conn, s, s.reservations[0], 1, QStringLiteral("c1")));
    // The other seat of the payment has its own.
    idOf(insertTicket(conn, s, s.reservations[1], 1, QStringLiteral("d1")));

    auto second = insertTicket(conn, s, s.reservations[0], 2, QStringLiteral("c2"));
    QVERIFY2(!second, "two valid tickets for one reservation");
    QCOMPARE(second.error().kind, SqlFailure::Unique);

    // Reissue: the old one revoked, then the next issue number is valid.
    QVERIFY(conn.tryRun(QStringLiteral("UPDATE tickets SET status = 'REVOKED', revoked_at = 5,"
                                       " revoked_reason = 'REISSUED' WHERE id = ?"),
                        {first}));
    idOf(insertTicket(conn, s, s.reservations[0], 2, QStringLiteral("c2")));
    // An issue number is used once per reservation, and a code once anywhere.
    auto sameIssue = insertTicket(conn, s, s.reservations[0], 2, QStringLiteral("c3"),
                                  QStringLiteral("REVOKED"));
    QVERIFY(!sameIssue);
    QCOMPARE(sameIssue.error().kind, SqlFailure::Unique);
    auto sameCode = insertTicket(conn, s, s.reservations[1], 7, QStringLiteral("c2"),
                                 QStringLiteral("REVOKED"));
    QVERIFY(!sameCode);
    QCOMPARE(sameCode.error().kind, SqlFailure::Unique);
    QCOMPARE(scalar(*t->db,
                    QStringLiteral("SELECT COUNT(*) FROM tickets WHERE reservation_id = ?"
                                   " AND status = 'VALID'"),
                    {s.reservations[0]})
                 .toInt(),
             1);
}

void TestAfterSaleSchema::ticketStatusIsConsistent()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const QString insert = QStringLiteral(
        "INSERT INTO tickets (reservation_id, schedule_id, issue_number, key_id, code, status,"
        " issued_at, revoked_at, revoked_reason) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)");
    struct Row
    {
        const char* status;
        QVariant revokedAt;
        QVariant reason;
        int issue;
    };
    const Row bad[] = {
        {"VALID", 5, QVariant(), 1},                            // valid yet revoked when?
        {"REVOKED", QVariant(), QStringLiteral("REFUNDED"), 1}, // revoked, never
        {"REVOKED", 5, QVariant(), 1},                          // revoked, no reason
        {"REVOKED", 5, QStringLiteral("LOST"), 1},              // an unknown reason
        {"CHECKED_IN", QVariant(), QVariant(), 1},              // check-ins live in their own table
        {"VALID", QVariant(), QVariant(), 0},                   // issue numbers start at 1
        {"VALID", QVariant(), QVariant(), 65536},               // and fit the code's two bytes
    };
    int i = 0;
    for (const Row& r : bad) {
        auto q = conn.tryRun(insert, {s.reservations[0], s.scheduleId, r.issue, s.keyId,
                                      QStringLiteral("x%1").arg(i++), QString::fromLatin1(r.status),
                                      r.revokedAt, r.reason});
        QVERIFY2(!q, r.status);
        QCOMPARE(q.error().kind, SqlFailure::Check);
    }
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM tickets")).toInt(), 0);
}

void TestAfterSaleSchema::ticketNeedsARegisteredKey()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    s.keyId = QStringLiteral("ffffffffffffffff");
    QVERIFY2(!insertTicket(conn, s, s.reservations[0], 1, QStringLiteral("c")),
             "a ticket signed by a key the database does not know");
}

void TestAfterSaleSchema::concurrentCheckinsOneWins()
{
    // Many doors scan the same ticket at the same moment, each on its own connection: the
    // unique constraint lets exactly one insert through.
    SoldEngine f;
    TestEngine& t = f.t;
    const Sale& s = f.s;
    const qint64 ticket = idOf(insertTicket(f.conn, s, s.reservations[0], 1, QStringLiteral("c")));
    constexpr int kDoors = 8;
    std::atomic<int> ok{0};
    std::atomic<int> unique{0};
    std::atomic<int> other{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> doors;
    for (int d = 0; d < kDoors; ++d) {
        doors.emplace_back([&, d] {
            auto conn = t->db->connection();
            if (!conn) {
                ++other;
                return;
            }
            while (!go.load())
                std::this_thread::yield();
            auto r = (*conn)->tryRun(
                QStringLiteral("INSERT INTO checkins (ticket_id, reservation_id, schedule_id,"
                               " checked_in_at, terminal, operator) VALUES (?, ?, ?, ?, ?, 'op')"),
                {ticket, s.reservations[0], s.scheduleId, kStartMs + d,
                 QStringLiteral("door-%1").arg(d)});
            if (r)
                ++ok;
            else if (r.error().kind == SqlFailure::Unique)
                ++unique;
            else
                ++other;
        });
    }
    go = true;
    for (auto& d : doors)
        d.join();
    QCOMPARE(ok.load(), 1);
    QCOMPARE(unique.load(), kDoors - 1);
    QCOMPARE(other.load(), 0);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM checkins")).toInt(), 1);
}

void TestAfterSaleSchema::oneCheckinPerSeatAcrossAReissue()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const qint64 first = idOf(insertTicket(conn, s, s.reservations[0], 1, QStringLiteral("c1")));
    const QString checkin = QStringLiteral(
        "INSERT INTO checkins (ticket_id, reservation_id, schedule_id, checked_in_at)"
        " VALUES (?, ?, ?, 0)");
    QVERIFY(conn.tryRun(checkin, {first, s.reservations[0], s.scheduleId}));
    QVERIFY(conn.tryRun(QStringLiteral("UPDATE tickets SET status = 'REVOKED', revoked_at = 5,"
                                       " revoked_reason = 'REISSUED' WHERE id = ?"),
                        {first}));
    const qint64 second = idOf(insertTicket(conn, s, s.reservations[0], 2, QStringLiteral("c2")));
    // The seat's holder is already inside: the reissued code does not let a second person in.
    auto again = conn.tryRun(checkin, {second, s.reservations[0], s.scheduleId});
    QVERIFY(!again);
    QCOMPARE(again.error().kind, SqlFailure::Unique);
}

void TestAfterSaleSchema::reservationRefundedAtMostOnce()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const QString refund = QStringLiteral(
        "INSERT INTO refunds (payment_id, customer_id, amount, fee, fee_percent, refunded_at)"
        " VALUES (?, 1, ?, 0, 0, 0) RETURNING id");
    const qint64 r1 = idOf(conn.tryRun(refund, {s.paymentId, s.prices[0]}));
    const qint64 r2 = idOf(conn.tryRun(refund, {s.paymentId, s.prices[0]}));
    const QString item = QStringLiteral(
        "INSERT INTO refund_items (reservation_id, refund_id, amount, fee) VALUES (?, ?, ?, 0)");
    QVERIFY(conn.tryRun(item, {s.reservations[0], r1, s.prices[0]}));
    auto twice = conn.tryRun(item, {s.reservations[0], r2, s.prices[0]});
    QVERIFY2(!twice, "one reservation in two refunds");
    QCOMPARE(twice.error().kind, SqlFailure::Unique);
    QVERIFY(conn.tryRun(item, {s.reservations[1], r2, s.prices[1]}));
    // A refund item must name a real reservation and refund.
    QVERIFY(!conn.tryRun(item, {424242, r1, 1000}));
    QVERIFY(!conn.tryRun(item, {s.reservations[1], 424242, 1000}));
}

void TestAfterSaleSchema::refundAmountsAreChecked()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const QString refund = QStringLiteral(
        "INSERT INTO refunds (payment_id, customer_id, amount, fee, fee_percent, refunded_at)"
        " VALUES (?, 1, ?, ?, ?, 0)");
    struct Row
    {
        qint64 amount;
        qint64 fee;
        int percent;
    };
    for (const Row& r : {Row{0, 0, 0}, Row{1000, -1, 0}, Row{1000, 1001, 100}, Row{1000, 0, 101},
                         Row{1000, 0, -1}}) {
        auto q = conn.tryRun(refund, {s.paymentId, r.amount, r.fee, r.percent});
        QVERIFY(!q);
        QCOMPARE(q.error().kind, SqlFailure::Check);
    }
    QVERIFY(conn.tryRun(refund, {s.paymentId, 1000, 1000, 100})); // a 100% fee is allowed
    const qint64 id = scalar(*t->db, QStringLiteral("SELECT MAX(id) FROM refunds")).toLongLong();
    auto item = conn.tryRun(QStringLiteral("INSERT INTO refund_items (reservation_id,"
                                           " refund_id, amount, fee) VALUES (?, ?, 10, 11)"),
                            {s.reservations[0], id});
    QVERIFY(!item);
    QCOMPARE(item.error().kind, SqlFailure::Check);
}

void TestAfterSaleSchema::refundIdempotencyKeyIsPerCustomer()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const QString refund =
        QStringLiteral("INSERT INTO refunds (payment_id, customer_id, amount, fee, fee_percent,"
                       " idempotency_key, refunded_at) VALUES (?, ?, 1000, 0, 0, ?, 0)");
    QVERIFY(conn.tryRun(refund, {s.paymentId, 1, QStringLiteral("k")}));
    auto again = conn.tryRun(refund, {s.paymentId, 1, QStringLiteral("k")});
    QVERIFY(!again);
    QCOMPARE(again.error().kind, SqlFailure::Unique);
    QVERIFY(conn.tryRun(refund, {s.paymentId, 2, QStringLiteral("k")})); // another customer
    QVERIFY(conn.tryRun(refund, {s.paymentId, 1, QVariant()}));          // no key: no rule
    QVERIFY(conn.tryRun(refund, {s.paymentId, 1, QVariant()}));
}

void TestAfterSaleSchema::oneLedgerEntryPerRefund()
{
    SoldEngine f;
    auto& [t, s, conn] = f;
    const qint64 refund = idOf(conn.tryRun(
        QStringLiteral("INSERT INTO refunds (payment_id, customer_id, amount, fee, fee_percent,"
                       " refunded_at, operator) VALUES (?, 1, 1000, 100, 10, 0, 'kim')"
                       " RETURNING id"),
        {s.paymentId}));
    const QString entry =
        QStringLiteral("INSERT INTO ledger (customer_id, kind, amount, balance_after, refund_id,"
                       " at, operator) VALUES (1, 'REFUND', 900, 900, ?, 0, 'kim')");
    QVERIFY(conn.tryRun(entry, {refund}));
    auto twice = conn.tryRun(entry, {refund});
    QVERIFY2(!twice, "a refund paid out twice");
    QCOMPARE(twice.error().kind, SqlFailure::Unique);
    QVERIFY(!conn.tryRun(entry, {424242})); // a refund that does not exist
    // Who took it is summable per operator (design S1's cash-up).
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT SUM(amount) FROM ledger WHERE kind = 'REFUND'"
                                           " AND operator = 'kim'"))
                 .toInt(),
             900);
    QCOMPARE(
        scalar(*t->db, QStringLiteral("SELECT operator FROM payments WHERE id = ?"), {s.paymentId})
            .toString(),
        QString()); // existing rows: the customer's own
}

void TestAfterSaleSchema::auditLogIsAppendOnly()
{
    TestEngine t;
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    const QString append = QStringLiteral(
        "INSERT INTO audit_log (at, terminal, operator, action, detail) VALUES (?, ?, ?, ?, ?)");
    QVERIFY((*conn)->tryRun(append, {kStartMs, QStringLiteral("box-1"), QStringLiteral("김민지"),
                                     QStringLiteral("REFUND"),
                                     QStringLiteral(R"({"refundId":1,"amount":15000})")}));
    QVERIFY(
        (*conn)->tryRun(append, {kStartMs + 1, QStringLiteral("door-2"), QStringLiteral("lee"),
                                 QStringLiteral("CHECKIN"), QStringLiteral(R"({"ticketId":7})")}));
    // The detail is JSON, and an action is named.
    QVERIFY(!(*conn)->tryRun(append, {kStartMs, QStringLiteral("t"), QStringLiteral("o"),
                                      QStringLiteral("REFUND"), QStringLiteral("{not json")}));
    QVERIFY(!(*conn)->tryRun(append, {kStartMs, QStringLiteral("t"), QStringLiteral("o"), QString(),
                                      QStringLiteral("{}")}));

    const QString before = QStringLiteral("SELECT COUNT(*), MIN(operator), MAX(at) FROM audit_log");
    const auto snapshot = [&] {
        auto q = (*conn)->tryRun(before);
        return q && q->next() ? QStringLiteral("%1 %2 %3").arg(q->str(0), q->str(1), q->str(2))
                              : QString();
    };
    const QString was = snapshot();
    QStringList refused = {
        QStringLiteral("UPDATE audit_log SET operator = 'someone else'"),
        QStringLiteral("UPDATE audit_log SET at = at + 1 WHERE action = 'REFUND'"),
        QStringLiteral("DELETE FROM audit_log WHERE action = 'CHECKIN'"),
        QStringLiteral("DELETE FROM audit_log"),
    };
    if (t.isPostgres())
        refused << QStringLiteral("TRUNCATE audit_log");
    for (const QString& sql : refused) {
        auto r = (*conn)->runOnce(sql);
        QVERIFY2(!r, qPrintable(sql));
        QVERIFY2(r.error().text.contains(QLatin1String("append-only")), qPrintable(r.error().text));
    }
    // Inside a transaction too: the refusal is the database's, not the connection's mood.
    {
        auto tx = WriteTransaction::begin(**conn);
        QVERIFY_RESULT(tx);
        QVERIFY(!(*conn)->tryRun(QStringLiteral("DELETE FROM audit_log")));
    }
    QCOMPARE(snapshot(), was);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM audit_log")).toInt(), 2);
}

void TestAfterSaleSchema::ticketKeysHoldPublicKeysOnly()
{
    // A copy of the database reveals no private key: there is no column to hold one.
    TestEngine t(EngineSettings{}, false);
    QStringList columns;
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    auto q =
        t.isPostgres()
            ? (*conn)->tryRun(QStringLiteral("SELECT column_name FROM information_schema.columns"
                                             " WHERE table_schema = ? AND table_name ="
                                             " 'ticket_keys' ORDER BY ordinal_position"),
                              {t.schema()})
            : (*conn)->tryRun(QStringLiteral("SELECT name FROM pragma_table_info('ticket_keys')"
                                             " ORDER BY cid"));
    QVERIFY(q);
    while (q->next())
        columns << q->str(0);
    QCOMPARE(columns, (QStringList{QStringLiteral("key_id"), QStringLiteral("public_key"),
                                   QStringLiteral("training"), QStringLiteral("terminal"),
                                   QStringLiteral("created_at"), QStringLiteral("revoked_at")}));
}

QTEST_GUILESS_MAIN(TestAfterSaleSchema)
#include "tst_aftersaleschema.moc"
