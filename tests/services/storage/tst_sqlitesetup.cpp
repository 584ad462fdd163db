// SQLite's process-wide set-up (storage/SqliteSetup.h), in a process of its own so that nothing
// has initialised SQLite before the first test: its mutexes are ours (glibc's adaptive kind,
// which spins a little before it sleeps) and behave as SQLite's contract says, memory
// statistics are off, and threads reading and writing one database at once with them lose
// nothing.

#include "storage/Database.h"
#include "storage/SqliteSetup.h"
#include "support/TestSupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <pthread.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace boxoffice;

namespace {

// The mutex type glibc records in a pthread mutex (its kind, without the flag bits).
int kindOf(sqlite3_mutex* m)
{
    return reinterpret_cast<pthread_mutex_t*>(m)->__data.__kind & 0x7f;
}

// Whether another thread could take `m` now.
bool freeForOthers(sqlite3_mutex* m)
{
    bool taken = false;
    std::thread([&] {
        taken = sqlite3_mutex_try(m) == SQLITE_OK;
        if (taken)
            sqlite3_mutex_leave(m);
    }).join();
    return taken;
}

std::shared_ptr<Database> openAt(const QString& path)
{
    DatabaseOptions o;
    o.location = path;
    auto db = Database::open(o);
    if (!db)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.error().internal));
    return *db;
}

} // namespace

class TestSqliteSetup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void appliesBeforeSqliteStarts();
    void theDatabaseOpensWithIt();
    void fastAndStaticMutexesSpinBeforeTheySleep();
    void aRecursiveMutexIsRecursive();
    void aMutexExcludesOtherThreads();
    void staticMutexesAreTheSameEachTime();
    void memoryIsNotCounted();
    void threadsReadingWhileOneWritesLoseNothing();
};

// Before each test, as the program does before its first connection: the first call (before
// the first test, or the one test asked for) applies the set-up, the later ones report it.
void TestSqliteSetup::init()
{
    QVERIFY(setUpSqliteOnce());
}

void TestSqliteSetup::appliesBeforeSqliteStarts()
{
    QVERIFY(setUpSqliteOnce()); // once: a later call reports the first
}

void TestSqliteSetup::theDatabaseOpensWithIt()
{
    QTemporaryDir dir;
    auto db = openAt(dir.filePath(QStringLiteral("setup.db")));
    Connection* conn = *db->connection();
    auto q = conn->run(QStringLiteral("SELECT 40 + 2"));
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toLongLong(), 42);
}

void TestSqliteSetup::fastAndStaticMutexesSpinBeforeTheySleep()
{
    sqlite3_mutex* fast = sqlite3_mutex_alloc(SQLITE_MUTEX_FAST);
    QVERIFY(fast);
    QCOMPARE(kindOf(fast), int(PTHREAD_MUTEX_ADAPTIVE_NP));
    sqlite3_mutex_free(fast);
    for (int id = SQLITE_MUTEX_STATIC_MAIN; id <= SQLITE_MUTEX_STATIC_VFS3; ++id)
        QCOMPARE(kindOf(sqlite3_mutex_alloc(id)), int(PTHREAD_MUTEX_ADAPTIVE_NP));
}

void TestSqliteSetup::aRecursiveMutexIsRecursive()
{
    sqlite3_mutex* m = sqlite3_mutex_alloc(SQLITE_MUTEX_RECURSIVE);
    QVERIFY(m);
    QCOMPARE(kindOf(m), int(PTHREAD_MUTEX_RECURSIVE));
    sqlite3_mutex_enter(m);
    QCOMPARE(sqlite3_mutex_try(m), SQLITE_OK); // the same thread again
    sqlite3_mutex_leave(m);
    QVERIFY(!freeForOthers(m)); // still held once
    sqlite3_mutex_leave(m);
    QVERIFY(freeForOthers(m));
    sqlite3_mutex_free(m);
}

void TestSqliteSetup::aMutexExcludesOtherThreads()
{
    sqlite3_mutex* m = sqlite3_mutex_alloc(SQLITE_MUTEX_FAST);
    QVERIFY(freeForOthers(m));
    sqlite3_mutex_enter(m);
    QVERIFY(!freeForOthers(m));
    sqlite3_mutex_leave(m);
    QVERIFY(freeForOthers(m));

    // Eight threads adding to one counter under it: every addition counts.
    long counter = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 20'000; ++i) {
                sqlite3_mutex_enter(m);
                counter = counter + 1;
                sqlite3_mutex_leave(m);
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(counter, 8L * 20'000);
    sqlite3_mutex_free(m);
}

void TestSqliteSetup::staticMutexesAreTheSameEachTime()
{
    QCOMPARE(sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_VFS1),
             sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_VFS1));
    QVERIFY(sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_VFS1) !=
            sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_VFS2));
    QCOMPARE(sqlite3_mutex_alloc(SQLITE_MUTEX_STATIC_VFS3 + 1), nullptr); // no such mutex
}

// With statistics on, SQLite counts every allocation under one global mutex and this is the
// bytes it holds (a database is open: well above zero).
void TestSqliteSetup::memoryIsNotCounted()
{
    QTemporaryDir dir;
    auto db = openAt(dir.filePath(QStringLiteral("memory.db")));
    Connection* conn = *db->connection();
    QVERIFY(conn->run(QStringLiteral("SELECT count(*) FROM sqlite_master")));
    QCOMPARE(sqlite3_memory_used(), sqlite3_int64(0));
}

// Two readers and a writer on one file, each on its own connection, through the mutexes above:
// the readers never see the count go back, and the writer's every increment is there at the
// end. (A smoke test of the set-up under real threads: the files' locks would keep the counts
// right even with broken mutexes; aMutexExcludesOtherThreads is the test of exclusion.)
void TestSqliteSetup::threadsReadingWhileOneWritesLoseNothing()
{
    QTemporaryDir dir;
    auto db = openAt(dir.filePath(QStringLiteral("threads.db")));
    {
        Connection* conn = *db->connection();
        QVERIFY(conn->runOnce(QStringLiteral("CREATE TABLE counter (n INTEGER NOT NULL)")));
        QVERIFY(conn->runOnce(QStringLiteral("INSERT INTO counter VALUES (0)")));
    }
    constexpr int kWrites = 300;
    std::atomic<bool> writing{true};
    std::atomic<int> backwards{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 2; ++r) {
        readers.emplace_back([&] {
            qint64 last = -1;
            auto conn = db->connection();
            while (failures.load() == 0 && (writing.load() || last < kWrites)) {
                auto q = (*conn)->run(QStringLiteral("SELECT n FROM counter"));
                if (!q || !q->next()) {
                    failures.fetch_add(1);
                    return;
                }
                const qint64 n = q->value(0).toLongLong();
                if (n < last)
                    backwards.fetch_add(1);
                last = n;
            }
        });
    }
    std::thread writer([&] {
        auto conn = db->connection();
        for (int i = 0; i < kWrites; ++i) {
            auto tx = WriteTransaction::begin(**conn);
            if (!tx || !(*conn)->run(QStringLiteral("UPDATE counter SET n = n + 1")) ||
                !tx->commit())
                failures.fetch_add(1);
        }
        writing.store(false);
    });
    writer.join();
    for (std::thread& t : readers)
        t.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(backwards.load(), 0);
    auto q = (*db->connection())->run(QStringLiteral("SELECT n FROM counter"));
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toLongLong(), qint64(kWrites));
}

QTEST_GUILESS_MAIN(TestSqliteSetup)
#include "tst_sqlitesetup.moc"
