// Database on SQLite: connection pragmas, migrations and schema version, the RAII write
// transaction, one connection per thread, and refusing files that are not ours. The schema's own
// constraints (design §2 Storage) are tst_storagerules, on both engines.

#include "storage/Database.h"
#include "storage/Schema.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <condition_variable>
#include <deque>
#include <functional>
#include <latch>
#include <mutex>
#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

std::shared_ptr<Database> openAt(const QString& path, int busyTimeoutMs = 5000)
{
    DatabaseOptions o;
    o.location = path;
    o.busyTimeoutMs = busyTimeoutMs;
    auto db = Database::open(o);
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.error().internal));
    return *db;
}

// A thread that runs what it is given, one call at a time, and stays alive in between: what a
// connection of a destroyed Database does depends on what its thread does next.
class Worker
{
public:
    Worker() : m_thread([this] { loop(); }) {}
    ~Worker() { stop(); }
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Runs `f` on the worker and waits until it has returned.
    void run(std::function<void()> f)
    {
        std::unique_lock lock(m_mutex);
        m_tasks.push_back(std::move(f));
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_tasks.empty() && !m_busy; });
    }
    // Lets the thread end and waits for it.
    void stop()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_changed.notify_all();
        }
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    void loop()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_changed.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
            if (m_tasks.empty())
                return;
            std::function<void()> f = std::move(m_tasks.front());
            m_tasks.pop_front();
            m_busy = true;
            lock.unlock();
            f();
            lock.lock();
            m_busy = false;
            m_changed.notify_all();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::function<void()>> m_tasks;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread;
};

// The name of the calling thread's connection to `db` after one statement on it; empty if
// either failed.
QString connectAndUse(Database& db)
{
    auto c = db.connection();
    if (!c || !(*c)->tryRun(QStringLiteral("SELECT COUNT(*) FROM customers")))
        return {};
    return (*c)->name();
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pragmasAfterOpen();
    void pragmasOnAnotherThreadsConnection();
    void synchronousNormalOnlyWhenAsked();
    void foreignKeysAreEnforced();
    void schemaVersionAfterOpen();
    void reopenKeepsDataAndVersion();
    void olderSchemaIsMigrated();
    void writeTransactionRollsBackWithoutCommit();
    void writeTransactionCommitPersists();
    void writeTransactionTakesWriteLockAtBegin();
    void randomBytesAreNotADatabase();
    void textFileIsNotADatabase();
    void newerSchemaIsRefusedAndUntouched();
    void folderPathIsRefused();
    void oneConnectionPerThread();
    void destroyedDatabaseClosesOtherThreadsConnections();

private:
    QTemporaryDir m_dir;
};

void TestDatabase::pragmasAfterOpen()
{
    auto db = openAt(m_dir.filePath(QStringLiteral("pragmas.sqlite")), 4321);
    QCOMPARE(db->dialect(), Dialect::Sqlite);
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString().toLower(),
             QStringLiteral("wal"));
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA busy_timeout")).toInt(), 4321);
}

void TestDatabase::pragmasOnAnotherThreadsConnection()
{
    // Pragmas are per connection: a worker thread's own connection must be configured too.
    auto db = openAt(m_dir.filePath(QStringLiteral("pragmas-thread.sqlite")), 2345);
    QString journal;
    int synchronous = -1, foreignKeys = -1, busy = -1;
    std::thread worker([&] {
        journal = scalar(*db, QStringLiteral("PRAGMA journal_mode")).toString().toLower();
        synchronous = scalar(*db, QStringLiteral("PRAGMA synchronous")).toInt();
        foreignKeys = scalar(*db, QStringLiteral("PRAGMA foreign_keys")).toInt();
        busy = scalar(*db, QStringLiteral("PRAGMA busy_timeout")).toInt();
    });
    worker.join();
    QCOMPARE(journal, QStringLiteral("wal"));
    QCOMPARE(synchronous, 2);
    QCOMPARE(foreignKeys, 1);
    QCOMPARE(busy, 2345);
}

void TestDatabase::synchronousNormalOnlyWhenAsked()
{
    DatabaseOptions o;
    o.location = m_dir.filePath(QStringLiteral("normal.sqlite"));
    o.synchronousFull = false;
    auto db = Database::open(o);
    QVERIFY_RESULT(db);
    QCOMPARE(scalar(**db, QStringLiteral("PRAGMA synchronous")).toInt(), 1); // NORMAL
}

void TestDatabase::foreignKeysAreEnforced()
{
    auto db = openAt(m_dir.filePath(QStringLiteral("fk.sqlite")));
    auto conn = db->connection();
    QVERIFY_RESULT(conn);
    auto r = (*conn)->tryRun(QStringLiteral("INSERT INTO schedules (concert_id, starts_at)"
                                            " VALUES (424242, 0)"));
    QVERIFY2(!r, "a schedule of a concert that does not exist was accepted");
    QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM schedules")).toInt(), 0);
}

void TestDatabase::schemaVersionAfterOpen()
{
    auto db = openAt(m_dir.filePath(QStringLiteral("version.sqlite")));
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(scalar(*db, QStringLiteral("PRAGMA user_version")).toInt(), Database::kSchemaVersion);
    // The migration created the tables the services use.
    for (const char* table : {"customers", "concerts", "schedules", "seats", "reservations",
                              "payments", "ledger", "queues", "queue_entries"}) {
        QCOMPARE(scalar(*db,
                        QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                                       " AND name = ?"),
                        {QString::fromLatin1(table)})
                     .toInt(),
                 1);
    }
}

void TestDatabase::reopenKeepsDataAndVersion()
{
    const QString path = m_dir.filePath(QStringLiteral("reopen.sqlite"));
    {
        auto db = openAt(path);
        auto conn = db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->tryRun(QStringLiteral("INSERT INTO customers (name, balance, created_at)"
                                               " VALUES ('a', 7, 0)")));
    }
    auto db = openAt(path); // migrations must not run twice nor wipe data
    QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
    QCOMPARE(scalar(*db, QStringLiteral("SELECT balance FROM customers WHERE name = 'a'")).toInt(),
             7);
}

void TestDatabase::olderSchemaIsMigrated()
{
    // A database left at every earlier version is brought up to the current one.
    const auto migrations = schemaMigrations(Dialect::Sqlite);
    QCOMPARE(int(migrations.size()), Database::kSchemaVersion);
    for (int version = 0; version < Database::kSchemaVersion; ++version) {
        const QString path = m_dir.filePath(QStringLiteral("old-%1.sqlite").arg(version));
        {
            DatabaseOptions o;
            o.location = path;
            o.migrate = false;
            auto db = Database::open(o);
            QVERIFY_RESULT(db);
            auto conn = (*db)->connection();
            QVERIFY_RESULT(conn);
            for (int i = 0; i < version; ++i) {
                for (const QString& statement : migrations[i])
                    QVERIFY((*conn)->runOnce(statement));
            }
            QVERIFY((*conn)->runOnce(QStringLiteral("PRAGMA user_version = %1").arg(version)));
            QCOMPARE((*db)->schemaVersion(), version);
        }
        auto db = openAt(path);
        QCOMPARE(db->schemaVersion(), Database::kSchemaVersion);
        // Usable: the demo data goes in and reads back.
        ManualClock clock;
        auto seeded = DemoSeeder::seedIfEmpty(*db, clock);
        QVERIFY_RESULT(seeded);
        QVERIFY(*seeded);
        QCOMPARE(scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 100);
    }
}

void TestDatabase::writeTransactionRollsBackWithoutCommit()
{
    auto db = openAt(m_dir.filePath(QStringLiteral("rollback.sqlite")));
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
    // And the connection is usable again: no transaction was left open.
    auto tx = WriteTransaction::begin(**conn);
    QVERIFY_RESULT(tx);
}

void TestDatabase::writeTransactionCommitPersists()
{
    const QString path = m_dir.filePath(QStringLiteral("commit.sqlite"));
    auto db = openAt(path);
    auto conn = db->connection();
    QVERIFY_RESULT(conn);
    {
        auto tx = WriteTransaction::begin(**conn);
        QVERIFY_RESULT(tx);
        QVERIFY_RESULT((*conn)->run(QStringLiteral("INSERT INTO customers (name, created_at)"
                                                   " VALUES ('kept', 0)")));
        QVERIFY_RESULT(tx->commit());
    }
    // Seen from another connection (another thread), so it is really committed.
    int seen = -1;
    std::thread other(
        [&] { seen = scalar(*db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(); });
    other.join();
    QCOMPARE(seen, 1);
}

void TestDatabase::writeTransactionTakesWriteLockAtBegin()
{
    // BEGIN IMMEDIATE: a second writer cannot even begin while the first holds the lock, so the
    // busy timeout applies at the start rather than a read-then-write failing half way.
    auto db = openAt(m_dir.filePath(QStringLiteral("immediate.sqlite")), 50);
    auto conn = db->connection();
    QVERIFY_RESULT(conn);
    auto tx = WriteTransaction::begin(**conn);
    QVERIFY_RESULT(tx);
    bool otherBegan = true;
    ErrorCode otherCode = ErrorCode::BadRequest;
    std::thread other([&] {
        auto c = db->connection();
        if (!c)
            return;
        auto t = WriteTransaction::begin(**c);
        otherBegan = bool(t);
        if (!t)
            otherCode = t.error().code;
    });
    other.join();
    QVERIFY2(!otherBegan, "a second write transaction began while the first held the lock");
    QCOMPARE(errorCodeName(otherCode), errorCodeName(ErrorCode::StorageBusy));
    tx->rollback();
}

void TestDatabase::randomBytesAreNotADatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("random.bin"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray bytes(8192, '\0');
        for (char& c : bytes)
            c = char(QRandomGenerator::global()->bounded(256));
        bytes[0] = 'X'; // never the SQLite magic header by chance
        QCOMPARE(f.write(bytes), qint64(bytes.size()));
    }
    DatabaseOptions o;
    o.location = path;
    const auto db = Database::open(o);
    QCOMPARE_ERROR(db, ErrorCode::NotADatabase);
    QVERIFY(!db.error().english.isEmpty());
}

void TestDatabase::textFileIsNotADatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Text));
        f.write("These are my concert notes, not a database.\n");
    }
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    DatabaseOptions o;
    o.location = path;
    QCOMPARE_ERROR(Database::open(o), ErrorCode::NotADatabase);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before); // the user's file was not touched
}

void TestDatabase::newerSchemaIsRefusedAndUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
    const int newer = Database::kSchemaVersion + 1;
    {
        auto db = openAt(path);
        auto conn = db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->runOnce(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
    }
    DatabaseOptions o;
    o.location = path;
    QCOMPARE_ERROR(Database::open(o), ErrorCode::NewerSchema);

    o.migrate = false; // look without migrating: the version was left alone
    auto db = Database::open(o);
    QVERIFY_RESULT(db);
    QCOMPARE((*db)->schemaVersion(), newer);
}

void TestDatabase::folderPathIsRefused()
{
    DatabaseOptions o;
    o.location = m_dir.path();
    QCOMPARE_ERROR(Database::open(o), ErrorCode::DatabaseOpenFailed);
}

void TestDatabase::oneConnectionPerThread()
{
    auto db = openAt(m_dir.filePath(QStringLiteral("threads.sqlite")));
    auto mine = db->connection();
    QVERIFY_RESULT(mine);
    auto again = db->connection();
    QVERIFY_RESULT(again);
    QCOMPARE(*again, *mine); // the same thread keeps its connection

    QString names[2];
    bool distinctFromMain[2] = {false, false};
    std::thread workers[2];
    std::latch bothConnected(2); // both threads alive at once, each with its connection
    for (int i = 0; i < 2; ++i) {
        workers[i] = std::thread([&, i] {
            auto c = db->connection();
            bothConnected.arrive_and_wait();
            if (!c)
                return;
            names[i] = (*c)->name();
            distinctFromMain[i] = *c != *mine;
            auto q = (*c)->tryRun(QStringLiteral("SELECT COUNT(*) FROM customers"));
            if (!q)
                names[i].clear();
        });
    }
    for (auto& w : workers)
        w.join();
    QVERIFY(!names[0].isEmpty());
    QVERIFY(!names[1].isEmpty());
    QVERIFY(distinctFromMain[0] && distinctFromMain[1]);
    QVERIFY(names[0] != names[1]);
    QVERIFY(names[0] != (*mine)->name());
    QVERIFY(names[1] != (*mine)->name());
}

void TestDatabase::destroyedDatabaseClosesOtherThreadsConnections()
{
    auto gone = openAt(m_dir.filePath(QStringLiteral("gone.sqlite")));
    auto other = openAt(m_dir.filePath(QStringLiteral("other.sqlite")));
    auto ending = openAt(m_dir.filePath(QStringLiteral("ending.sqlite")));
    const QString mainName = connectAndUse(*gone);
    QVERIFY(!mainName.isEmpty());

    Worker keepsWorking, ends;
    QString workerName, endingName;
    keepsWorking.run([&] { workerName = connectAndUse(*gone); });
    ends.run([&] { endingName = connectAndUse(*ending); });
    QVERIFY(!workerName.isEmpty());
    QVERIFY(!endingName.isEmpty());
    QVERIFY(QSqlDatabase::connectionNames().contains(workerName));
    QVERIFY(QSqlDatabase::connectionNames().contains(endingName));

    // The destroying thread closes its own connection at once; another thread's connection
    // can only be closed by that thread, which has not run since.
    gone.reset();
    ending.reset();
    QVERIFY(!QSqlDatabase::connectionNames().contains(mainName));
    QVERIFY(QSqlDatabase::connectionNames().contains(workerName));
    QVERIFY(QSqlDatabase::connectionNames().contains(endingName));

    // The worker's next use of any Database closes it; its connection to that Database stays.
    QString otherName;
    keepsWorking.run([&] { otherName = connectAndUse(*other); });
    QVERIFY(!otherName.isEmpty());
    QVERIFY(!QSqlDatabase::connectionNames().contains(workerName));
    QVERIFY(QSqlDatabase::connectionNames().contains(otherName));

    // A thread that ends closes everything it had, destroyed Database or not.
    ends.stop();
    QVERIFY(!QSqlDatabase::connectionNames().contains(endingName));
    keepsWorking.stop();
    QVERIFY(!QSqlDatabase::connectionNames().contains(otherName));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
