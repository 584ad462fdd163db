// Database on PostgreSQL (design §2 Storage): the schema version table, migrations run once
// however many terminals start together, the RAII write transaction, the schema's own invariants,
// and connection errors that say where and why in plain words. tst_database covers SQLite.
// Each test function gets a fresh schema on the server from scripts/with-postgres.sh.

#include "storage/Database.h"
#include "storage/Schema.h"
#include "support/TestSupport.h"

#include <QTcpServer>
#include <QTest>
#include <QUrl>

#include <latch>
#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

class TestDatabasePostgres : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void schemaVersionAfterOpen();
    void tablesLiveInTheNamedSchema();
    void reopenKeepsDataAndVersion();
    void newerSchemaIsRefusedAndUntouched();
    void refusedConnectionNamesHostPortAndReason();
    void wrongPasswordNamesHostPortAndReason();
    void writeTransactionRollsBackWithoutCommit();
    void writeTransactionCommitPersists();
    void terminalsStartingTogetherMigrateAndSeedOnce();
    void dataVersionMovesWhenAnotherConnectionCommits();

private:
    std::shared_ptr<Database> open(bool migrate = true);

    QString m_schema;
    QString m_url;
};

void TestDatabasePostgres::initTestCase()
{
    // This suite is the PostgreSQL half only; without the server it must fail, never skip.
    QVERIFY2(postgresRequested(), "tst_database_postgres runs with BOXOFFICE_TEST_ENGINE=postgres");
    QVERIFY(!postgresBaseUrl().isEmpty());
}

void TestDatabasePostgres::init()
{
    m_schema = createPostgresSchema();
    m_url = postgresUrlFor(m_schema);
}

void TestDatabasePostgres::cleanup()
{
    dropPostgresSchema(m_schema);
}

std::shared_ptr<Database> TestDatabasePostgres::open(bool migrate)
{
    DatabaseOptions o;
    o.location = m_url;
    o.migrate = migrate;
    auto db = Database::open(o);
    if (!db) {
        qFatal("cannot open %s: %s %s", qPrintable(m_url), qPrintable(db.error().english),
               qPrintable(db.error().internal));
    }
    return *db;
}

void TestDatabasePostgres::schemaVersionAfterOpen()
{
    auto db = open();
    QCOMPARE(db->dialect(), Dialect::Postgres);
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM boxoffice_schema")).toInt(), 1);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT version FROM boxoffice_schema")).toInt(),
             Database::kSchemaVersion);
    QCOMPARE(int(schemaMigrations(Dialect::Postgres).size()), Database::kSchemaVersion);
}

void TestDatabasePostgres::tablesLiveInTheNamedSchema()
{
    auto db = open();
    QCOMPARE(scalar(*db, QStringLiteral("SELECT current_schema()")).toString(), m_schema);
    for (const char* table :
         {"customers", "concerts", "schedules", "seats", "reservations", "payments", "ledger",
          "queues", "queue_entries", "boxoffice_schema"}) {
        QCOMPARE(scalar(*db,
                        QStringLiteral("SELECT COUNT(*) FROM information_schema.tables"
                                       " WHERE table_schema = ? AND table_name = ?"),
                        {m_schema, QString::fromLatin1(table)})
                     .toInt(),
                 1);
    }
    // Nothing leaked into the shared public schema.
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM information_schema.tables"
                                        " WHERE table_schema = 'public'"))
                 .toInt(),
             0);
    // Where the data lives, for people: host, port and database, never the password.
    const QUrl url(m_url);
    QVERIFY2(db->displayName().contains(QStringLiteral("%1:%2").arg(url.host()).arg(url.port())),
             qPrintable(db->displayName()));
    QVERIFY2(!db->displayName().contains(QStringLiteral(":%1@").arg(url.password())),
             qPrintable(db->displayName()));
}

void TestDatabasePostgres::reopenKeepsDataAndVersion()
{
    {
        auto db = open();
        auto conn = db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->tryRun(QStringLiteral("INSERT INTO customers (name, balance, created_at)"
                                               " VALUES ('a', 7, 0)")));
    }
    auto db = open(); // migrations must not run twice nor wipe data
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT balance FROM customers WHERE name = 'a'")).toInt(),
             7);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM boxoffice_schema")).toInt(), 1);
}

void TestDatabasePostgres::newerSchemaIsRefusedAndUntouched()
{
    const int newer = Database::kSchemaVersion + 1;
    {
        auto db = open();
        auto conn = db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY_RESULT(
            (*conn)->run(QStringLiteral("UPDATE boxoffice_schema SET version = ?"), {newer}));
    }
    DatabaseOptions o;
    o.location = m_url;
    const auto refused = Database::open(o);
    QCOMPARE_ERROR(refused, ErrorCode::NewerSchema);
    QVERIFY2(refused.error().english.contains(QString::number(newer)),
             qPrintable(refused.error().english));

    auto db = open(false); // look without migrating: the version was left alone
    QCOMPARE(db->schemaVersion(), newer);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 0);
}

void TestDatabasePostgres::refusedConnectionNamesHostPortAndReason()
{
    // A port nobody listens on: take a free one and let it go again.
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    QUrl url(m_url);
    url.setPort(port);
    DatabaseOptions o;
    o.location = url.toString();
    const auto db = Database::open(o);
    QCOMPARE_ERROR(db, ErrorCode::DatabaseOpenFailed);
    const QString english = db.error().english;
    QVERIFY2(english.contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(english));
    QVERIFY2(english.contains(QLatin1String("refused")), qPrintable(english));
    QVERIFY2(!english.contains(QStringLiteral(":%1@").arg(url.password())), qPrintable(english));
    QVERIFY2(db.error().korean.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
             qPrintable(db.error().korean));
}

void TestDatabasePostgres::wrongPasswordNamesHostPortAndReason()
{
    QUrl url(m_url);
    url.setPassword(QStringLiteral("not-the-password"));
    DatabaseOptions o;
    o.location = url.toString();
    const auto db = Database::open(o);
    QCOMPARE_ERROR(db, ErrorCode::DatabaseOpenFailed);
    const QString english = db.error().english;
    QVERIFY2(english.contains(QStringLiteral("%1:%2").arg(url.host()).arg(url.port())),
             qPrintable(english));
    QVERIFY2(english.contains(QLatin1String("password")), qPrintable(english));
    QVERIFY2(!english.contains(QLatin1String("not-the-password")), qPrintable(english));
}

void TestDatabasePostgres::writeTransactionRollsBackWithoutCommit()
{
    auto db = open();
    auto conn = db->connection();
    QVERIFY_RESULT(conn);
    {
        auto tx = WriteTransaction::begin(**conn);
        QVERIFY_RESULT(tx);
        QVERIFY_RESULT((*conn)->run(QStringLiteral("INSERT INTO customers (name, created_at)"
                                                   " VALUES ('gone', 0)")));
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 1);
    } // destroyed without commit()
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 0);
    // No transaction was left open: a new one begins and commits.
    auto tx = WriteTransaction::begin(**conn);
    QVERIFY_RESULT(tx);
    QVERIFY_RESULT((*conn)->run(QStringLiteral("INSERT INTO customers (name, created_at)"
                                               " VALUES ('kept', 0)")));
    QVERIFY_RESULT(tx->commit());
    QCOMPARE(scalar(*db, QStringLiteral("SELECT name FROM customers")).toString(),
             QStringLiteral("kept"));
}

void TestDatabasePostgres::writeTransactionCommitPersists()
{
    auto db = open();
    auto conn = db->connection();
    QVERIFY_RESULT(conn);
    int seenBeforeCommit = -1;
    {
        auto tx = WriteTransaction::begin(**conn);
        QVERIFY_RESULT(tx);
        QVERIFY_RESULT((*conn)->run(QStringLiteral("INSERT INTO customers (name, created_at)"
                                                   " VALUES ('kept', 0)")));
        // Another connection does not see it until the commit.
        std::thread other([&] {
            seenBeforeCommit =
                scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt();
        });
        other.join();
        QVERIFY_RESULT(tx->commit());
    }
    QCOMPARE(seenBeforeCommit, 0);
    int seen = -1;
    std::thread other(
        [&] { seen = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(); });
    other.join();
    QCOMPARE(seen, 1);
}

void TestDatabasePostgres::terminalsStartingTogetherMigrateAndSeedOnce()
{
    // Several terminals open one fresh schema at the same moment: one migrates and seeds, the
    // others wait for it and find the work done (a second migration would fail on CREATE TABLE).
    constexpr int kTerminals = 6;
    std::latch start(kTerminals);
    std::vector<QString> errors(kTerminals);
    std::vector<std::thread> threads;
    for (int i = 0; i < kTerminals; ++i) {
        threads.emplace_back([&, i] {
            DatabaseOptions o;
            o.location = m_url;
            start.arrive_and_wait();
            auto db = Database::open(o);
            if (!db) {
                errors[i] = db.error().english + QLatin1Char(' ') + db.error().internal;
                return;
            }
            ManualClock clock;
            auto seeded = DemoSeeder::seedIfEmpty(**db, clock);
            if (!seeded)
                errors[i] = seeded.error().english + QLatin1Char(' ') + seeded.error().internal;
            else if ((*db)->schemaVersion() != Database::kSchemaVersion)
                errors[i] = QStringLiteral("schema version %1").arg((*db)->schemaVersion());
        });
    }
    for (std::thread& t : threads)
        t.join();
    for (int i = 0; i < kTerminals; ++i)
        QVERIFY2(errors[i].isEmpty(),
                 qPrintable(QStringLiteral("terminal %1: %2").arg(i).arg(errors[i])));

    auto db = open();
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM boxoffice_schema")).toInt(), 1);
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM concerts")).toInt(), 3);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 100);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT MIN(id) FROM concerts")).toInt(), 1);
    QCOMPARE(
        scalar(*db, QStringLiteral("SELECT COUNT(*) FROM pg_trigger WHERE tgname ="
                                   " 'reservations_notify' AND tgrelid = 'reservations'::regclass"))
            .toInt(),
        1);
}

void TestDatabasePostgres::dataVersionMovesWhenAnotherConnectionCommits()
{
    // Terminals notice each other's changes: LISTEN/NOTIFY behind Database::dataVersion().
    auto db = open();
    ManualClock clock;
    QVERIFY_RESULT(DemoSeeder::seedIfEmpty(*db, clock));
    const auto before = db->dataVersion();
    QVERIFY_RESULT(before);
    QString error;
    std::thread other([&] {
        auto conn = db->connection();
        if (!conn) {
            error = conn.error().internal;
            return;
        }
        auto r = (*conn)->tryRun(
            QStringLiteral("INSERT INTO reservations (seat_id, schedule_id, customer_id, price,"
                           " status, held_at, expires_at, updated_at) SELECT id, schedule_id, 1,"
                           " price, 'HELD', 0, 1, 0 FROM seats ORDER BY id LIMIT 1"));
        if (!r)
            error = r.error().text;
    });
    other.join();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(db->dataVersion().value_or(*before) != *before, 10000);
}

QTEST_GUILESS_MAIN(TestDatabasePostgres)
#include "tst_database_postgres.moc"
