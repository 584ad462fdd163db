// The schema's own rules (design §2 Storage), enforced by the database itself whatever the
// services do: one live reservation per seat, no negative balance, one live queue entry per
// customer and concert. The same source runs on SQLite and, as tst_storagerules_postgres, on
// PostgreSQL.

#include "storage/Database.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

class TestStorageRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLiveReservationPerSeat();
    void balanceCannotGoNegative();
    void oneLiveQueueEntryPerCustomerAndConcert();
};

void TestStorageRules::oneLiveReservationPerSeat()
{
    TestEngine t;
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    const qint64 seatId =
        scalar(*t->db, QStringLiteral("SELECT id FROM seats ORDER BY id LIMIT 1")).toLongLong();
    const qint64 scheduleId =
        scalar(*t->db, QStringLiteral("SELECT schedule_id FROM seats WHERE id = ?"), {seatId})
            .toLongLong();
    QVERIFY(seatId > 0 && scheduleId > 0);
    const QString insert = QStringLiteral(
        "INSERT INTO reservations (seat_id, schedule_id, customer_id, price, status, held_at,"
        " expires_at, updated_at) VALUES (?, ?, ?, 1000, ?, 0, 1, 0)");
    // Expired ones do not count: any number may exist beside a live one.
    QVERIFY((*conn)->tryRun(insert, {seatId, scheduleId, 1, QStringLiteral("EXPIRED")}));
    QVERIFY((*conn)->tryRun(insert, {seatId, scheduleId, 2, QStringLiteral("EXPIRED")}));
    QVERIFY((*conn)->tryRun(insert, {seatId, scheduleId, 1, QStringLiteral("HELD")}));

    auto held = (*conn)->tryRun(insert, {seatId, scheduleId, 2, QStringLiteral("HELD")});
    QVERIFY2(!held, "two live holds for one seat");
    QCOMPARE(held.error().kind, SqlFailure::Unique);
    auto paid = (*conn)->tryRun(insert, {seatId, scheduleId, 2, QStringLiteral("PAID")});
    QVERIFY2(!paid, "a hold and a sale for one seat");
    QCOMPARE(paid.error().kind, SqlFailure::Unique);
    QCOMPARE(scalar(*t->db,
                    QStringLiteral("SELECT COUNT(*) FROM reservations WHERE seat_id = ?"
                                   " AND status IN ('HELD', 'PAID')"),
                    {seatId})
                 .toInt(),
             1);
}

void TestStorageRules::balanceCannotGoNegative()
{
    TestEngine t;
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    auto r = (*conn)->tryRun(QStringLiteral("UPDATE customers SET balance = -1 WHERE id = 1"));
    QVERIFY2(!r, "a negative balance was stored");
    QCOMPARE(r.error().kind, SqlFailure::Check);
    QCOMPARE(errorCodeName(storageError(r.error()).code), errorCodeName(ErrorCode::StorageError));
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT balance FROM customers WHERE id = 1")).toInt(),
             0);
}

void TestStorageRules::oneLiveQueueEntryPerCustomerAndConcert()
{
    TestEngine t;
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    const QString insert = QStringLiteral(
        "INSERT INTO queue_entries (concert_id, customer_id, seq, token_hash, state, created_at,"
        " last_polled_at, deadline_at) VALUES (?, ?, ?, ?, ?, 0, 0, 1)");
    QVERIFY((*conn)->tryRun(insert, {1, 5, 1, QStringLiteral("h1"), QStringLiteral("EXPIRED")}));
    QVERIFY((*conn)->tryRun(insert, {1, 5, 2, QStringLiteral("h2"), QStringLiteral("WAITING")}));
    // The same customer in another concert's queue is fine.
    QVERIFY((*conn)->tryRun(insert, {2, 5, 1, QStringLiteral("h3"), QStringLiteral("ACTIVE")}));

    for (const QString& state : {QStringLiteral("WAITING"), QStringLiteral("ACTIVE")}) {
        auto r = (*conn)->tryRun(insert, {1, 5, 3, QStringLiteral("h4"), state});
        QVERIFY2(!r, qPrintable(QStringLiteral("a second live entry (%1) was stored").arg(state)));
        QCOMPARE(r.error().kind, SqlFailure::Unique);
    }
}

QTEST_GUILESS_MAIN(TestStorageRules)
#include "tst_storagerules.moc"
