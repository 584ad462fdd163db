// Migration 4 on a database that was already in use: a version-3 database holding sales is
// brought to version 4 and keeps every row, every index and (on PostgreSQL) the NOTIFY trigger,
// and the indexes still enforce. SQLite rebuilds the reservations table to change its CHECK,
// which is where rows or indexes could be lost. The same source runs on both engines.

#include "engine/Engine.h"
#include "storage/Database.h"
#include "storage/InvariantChecker.h"
#include "storage/Schema.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// A database location on the engine under test, fresh and not yet migrated.
class Scratch
{
public:
    Scratch()
    {
        if (postgresRequested()) {
            m_schema = createPostgresSchema();
            location = postgresUrlFor(m_schema);
        } else {
            location = m_dir.filePath(QStringLiteral("v3.sqlite"));
        }
    }
    ~Scratch()
    {
        if (!m_schema.isEmpty())
            dropPostgresSchema(m_schema);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

    std::shared_ptr<Database> open(bool migrate) const
    {
        DatabaseOptions o;
        o.location = location;
        o.migrate = migrate;
        auto db = Database::open(o);
        if (!db)
            qFatal("cannot open %s: %s", qPrintable(location), qPrintable(db.error().internal));
        return *db;
    }

    QString location;
    QString schema() const { return m_schema; }

private:
    QTemporaryDir m_dir;
    QString m_schema;
};

// Brings an empty database to `version` with the migrations as they are, as a program of that
// version would have left it.
void migrateTo(Database& db, int version)
{
    auto conn = db.connection();
    if (!conn)
        qFatal("no connection");
    const auto migrations = schemaMigrations(db.dialect());
    for (int i = 0; i < version; ++i) {
        for (const QString& statement : migrations[size_t(i)]) {
            if (auto r = (*conn)->runOnce(statement); !r)
                qFatal("migration %d: %s", i + 1, qPrintable(r.error().text));
        }
    }
    const QStringList mark =
        db.dialect() == Dialect::Sqlite
            ? QStringList{QStringLiteral("PRAGMA user_version = %1").arg(version)}
            : QStringList{
                  QStringLiteral("CREATE TABLE boxoffice_schema (version INTEGER NOT NULL)"),
                  QStringLiteral("INSERT INTO boxoffice_schema (version) VALUES (%1)")
                      .arg(version)};
    for (const QString& s : mark) {
        if (!(*conn)->runOnce(s))
            qFatal("cannot mark the version");
    }
}

// Each row of a statement as "a|b|c", over its first `columns` columns.
QStringList rows(Database& db, const QString& sql, int columns = 1)
{
    QStringList out;
    auto conn = db.connection();
    if (!conn)
        return out;
    auto q = (*conn)->tryRun(sql);
    if (!q)
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.error().text));
    while (q->next()) {
        QStringList cells;
        for (int i = 0; i < columns; ++i)
            cells << (q->isNull(i) ? QStringLiteral("NULL") : q->value(i).toString());
        out << cells.join(u'|');
    }
    return out;
}

const QString kReservationColumns =
    QStringLiteral("id, seat_id, schedule_id, customer_id, price, status, held_at, expires_at,"
                   " payment_id, updated_at");

QStringList indexesOfReservations(Database& db, const QString& schema)
{
    QStringList names =
        db.dialect() == Dialect::Sqlite
            ? rows(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index'"
                                      " AND tbl_name = 'reservations' AND sql IS NOT NULL"))
            : rows(db, QStringLiteral("SELECT indexname FROM pg_indexes WHERE schemaname = '%1'"
                                      " AND tablename = 'reservations'"
                                      " AND indexname <> 'reservations_pkey'")
                           .arg(schema));
    names.sort();
    return names;
}

} // namespace

class TestSchemaMigration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version3WithSalesMigratesWithoutLoss();
};

void TestSchemaMigration::version3WithSalesMigratesWithoutLoss()
{
    Scratch scratch;
    QStringList before;
    QStringList counts;
    const QString countsSql = QStringLiteral(
        "SELECT (SELECT COUNT(*) FROM customers), (SELECT SUM(balance) FROM customers),"
        " (SELECT COUNT(*) FROM seats), (SELECT COUNT(*) FROM payments),"
        " (SELECT SUM(amount) FROM payments), (SELECT COUNT(*) FROM ledger),"
        " (SELECT SUM(amount) FROM ledger), (SELECT COUNT(*) FROM queue_entries)");
    qint64 soldSeat = 0;
    qint64 freeSeat = 0;
    {
        auto db = scratch.open(false);
        migrateTo(*db, 3);
        QCOMPARE(db->schemaVersion(), 3);
        ManualClock clock(kStartMs);
        QVERIFY_RESULT(DemoSeeder::seedIfEmpty(*db, clock));
        auto conn = db->connection();
        QVERIFY_RESULT(conn);
        const QStringList seats = rows(
            *db, QStringLiteral("SELECT id, schedule_id, price FROM seats ORDER BY id LIMIT 6"), 3);
        QCOMPARE(seats.size(), 6);
        const auto seat = [&](int i, int field) { return seats.at(i).split(u'|').at(field); };
        soldSeat = seat(0, 0).toLongLong();
        freeSeat = seat(5, 0).toLongLong();
        const qint64 paid = seat(0, 2).toLongLong() + seat(1, 2).toLongLong();
        // A customer who charged, paid for two seats, holds one, and let two holds lapse (one
        // of them on a seat that is sold now): every status and the live-seat index in use.
        QVERIFY((*conn)->tryRun(QStringLiteral("UPDATE customers SET balance = ? WHERE id = 1"),
                                {500000 - paid}));
        QVERIFY((*conn)->tryRun(QStringLiteral("INSERT INTO payments (customer_id, amount,"
                                               " idempotency_key, created_at)"
                                               " VALUES (1, ?, 'k1', ?)"),
                                {paid, kStartMs}));
        QVERIFY((*conn)->tryRun(
            QStringLiteral("INSERT INTO ledger (customer_id, kind, amount, balance_after, at,"
                           " idempotency_key) VALUES (1, 'CHARGE', 500000, 500000, ?, 'c1')"),
            {kStartMs}));
        QVERIFY((*conn)->tryRun(QStringLiteral("INSERT INTO ledger (customer_id, kind, amount,"
                                               " balance_after, payment_id, at)"
                                               " VALUES (1, 'PAYMENT', ?, ?, 1, ?)"),
                                {-paid, 500000 - paid, kStartMs}));
        const QString insert = QStringLiteral(
            "INSERT INTO reservations (seat_id, schedule_id, customer_id, price, status, held_at,"
            " expires_at, payment_id, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)");
        const auto add = [&](int i, const char* status, QVariant payment) {
            return (*conn)
                ->tryRun(insert, {seat(i, 0).toLongLong(), seat(i, 1).toLongLong(),
                                  seat(i, 2).toLongLong(), QString::fromLatin1(status),
                                  kStartMs + i, kStartMs + 300000 + i, payment, kStartMs + 7 * i})
                .has_value();
        };
        QVERIFY(add(0, "EXPIRED", QVariant())); // lapsed, then sold below
        QVERIFY(add(0, "PAID", 1));
        QVERIFY(add(1, "PAID", 1));
        QVERIFY(add(2, "HELD", QVariant()));
        QVERIFY(add(3, "EXPIRED", QVariant()));
        const auto v3 = InvariantChecker::check(*db);
        QVERIFY_RESULT(v3);
        QVERIFY2(v3->ok(), qPrintable(v3->problems.join(u'\n')));
        before = rows(
            *db, QStringLiteral("SELECT %1 FROM reservations ORDER BY id").arg(kReservationColumns),
            10);
        counts = rows(*db, countsSql, 8);
        QCOMPARE(before.size(), 5);
    }

    auto db = scratch.open(true);
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(db->schemaVersion(), 5); // and on through migration 5
    // Every row as it was, ids included (tickets and refunds will point at them).
    QCOMPARE(
        rows(*db,
             QStringLiteral("SELECT %1 FROM reservations ORDER BY id").arg(kReservationColumns),
             10),
        before);
    QCOMPARE(rows(*db, countsSql, 8), counts);
    {
        // R4: every sold seat has its ticket, and seats sold before tickets existed have none
        // until the program issues them (it does when it opens the engine, openEngine()).
        const auto before = InvariantChecker::check(*db);
        QVERIFY_RESULT(before);
        QCOMPARE(before->problems.size(), 2);
        QVERIFY2(before->problems.join(u'\n').count(QStringLiteral("0 valid tickets")) == 2,
                 qPrintable(before->problems.join(u'\n')));
        ManualClock clock(kStartMs);
        Engine engine(db, EngineSettings{}, clock);
        const auto issued = engine.tickets.issueMissing();
        QVERIFY_RESULT(issued);
        QCOMPARE(*issued, 2);
    }
    const auto report = InvariantChecker::check(*db);
    QVERIFY_RESULT(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(u'\n')));
    QCOMPARE(report->soldSeats, 2);
    QCOMPARE(report->liveHolds, 1);
    QCOMPARE(report->validTickets, 2);

    // Every index is back under its name.
    QCOMPARE(indexesOfReservations(*db, scratch.schema()),
             (QStringList{QStringLiteral("reservations_customer"),
                          QStringLiteral("reservations_hold_expiry"),
                          QStringLiteral("reservations_live_seat"),
                          QStringLiteral("reservations_payment"),
                          QStringLiteral("reservations_schedule")}));
    if (db->dialect() == Dialect::Postgres) {
        // Other terminals still hear about every change to reservations.
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM pg_trigger"
                                            " WHERE tgrelid = 'reservations'::regclass"
                                            " AND tgname = 'reservations_notify'"))
                     .toInt(),
                 1);
    } else {
        QCOMPARE(scalar(*db, QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        QVERIFY(rows(*db, QStringLiteral("PRAGMA foreign_key_check")).isEmpty());
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                            " WHERE name = 'reservations_v4'"))
                     .toInt(),
                 0);
    }

    // And they enforce: the sold seat takes no hold, the free one does; statuses are checked,
    // REFUNDED is one of them, and a refunded seat is free again.
    auto conn = db->connection();
    QVERIFY_RESULT(conn);
    const qint64 schedule =
        scalar(*db, QStringLiteral("SELECT schedule_id FROM seats WHERE id = ?"), {soldSeat})
            .toLongLong();
    const QString hold = QStringLiteral(
        "INSERT INTO reservations (seat_id, schedule_id, customer_id, price, status, held_at,"
        " expires_at, updated_at) VALUES (?, ?, 2, 1000, ?, 0, 1, 0)");
    auto taken = (*conn)->tryRun(hold, {soldSeat, schedule, QStringLiteral("HELD")});
    QVERIFY2(!taken, "a hold on a sold seat after the migration");
    QCOMPARE(taken.error().kind, SqlFailure::Unique);
    auto bogus = (*conn)->tryRun(hold, {freeSeat, schedule, QStringLiteral("BOGUS")});
    QVERIFY2(!bogus, "an unknown status after the migration");
    QCOMPARE(bogus.error().kind, SqlFailure::Check);
    auto orphan = (*conn)->tryRun(hold, {424242, schedule, QStringLiteral("HELD")});
    QVERIFY2(!orphan, "a reservation of a seat that does not exist");
    QVERIFY((*conn)->tryRun(
        QStringLiteral("UPDATE reservations SET status = 'REFUNDED' WHERE seat_id = ?"
                       " AND status = 'PAID'"),
        {soldSeat}));
    QVERIFY((*conn)->tryRun(hold, {soldSeat, schedule, QStringLiteral("HELD")}));
    auto twice = (*conn)->tryRun(hold, {soldSeat, schedule, QStringLiteral("HELD")});
    QVERIFY(!twice);
    QCOMPARE(twice.error().kind, SqlFailure::Unique);
    // New rows continue the ids, never reuse them.
    QVERIFY(scalar(*db, QStringLiteral("SELECT MAX(id) FROM reservations")).toLongLong() > 5);
}

QTEST_GUILESS_MAIN(TestSchemaMigration)
#include "tst_schemamigration.moc"
