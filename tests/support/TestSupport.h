#pragma once

// Shared by the test executables: a fresh database (a file in a temporary folder, or a fresh
// schema on PostgreSQL), a manual clock, and helpers that get a customer through the queue by
// driving the scheduler's methods.
//
// BOXOFFICE_TEST_ENGINE=postgres (CTest sets it on the *_postgres tests) puts every TestEngine
// on the PostgreSQL server named by BOXOFFICE_TEST_POSTGRES (scripts/with-postgres.sh starts one
// and sets it). Either missing or unreachable is a fatal error, never a skipped test.

#include "demo/DemoSeeder.h"
#include "engine/Engine.h"
#include "engine/EngineHost.h"
#include "support/AsyncSupport.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <memory>

// Fails the test with the error's code and text when a Result holds an error.
#define QVERIFY_RESULT(expr)                                                                       \
    do {                                                                                           \
        const auto& bo_r_ = (expr);                                                                \
        if (!bo_r_) {                                                                              \
            QFAIL(qPrintable(QStringLiteral("%1 failed: %2 %3 %4")                                 \
                                 .arg(QStringLiteral(#expr), bo_r_.error().codeName(),             \
                                      bo_r_.error().english, bo_r_.error().internal)));            \
        }                                                                                          \
    } while (false)

// Checks that a Result failed with the given ErrorCode.
#define QCOMPARE_ERROR(expr, expectedCode)                                                         \
    do {                                                                                           \
        const auto& bo_r_ = (expr);                                                                \
        QVERIFY2(!bo_r_, "expected an error, got a value");                                        \
        QCOMPARE(boxoffice::errorCodeName(bo_r_.error().code),                                     \
                 boxoffice::errorCodeName(expectedCode));                                          \
    } while (false)

namespace boxoffice::test {

// 2026-01-01T00:00:00Z: a fixed "now" so demo schedules and expiries are reproducible.
constexpr qint64 kStartMs = 1'767'225'600'000;

// Whether this run is the PostgreSQL half of the suite.
inline bool postgresRequested()
{
    return qEnvironmentVariable("BOXOFFICE_TEST_ENGINE") == QLatin1String("postgres");
}

// The test server's URL (postgres://user:password@host:port/database); fatal when unset.
inline QString postgresBaseUrl()
{
    const QString url = qEnvironmentVariable("BOXOFFICE_TEST_POSTGRES");
    if (url.isEmpty()) {
        qFatal("BOXOFFICE_TEST_ENGINE=postgres but BOXOFFICE_TEST_POSTGRES is not set: run the "
               "tests under scripts/with-postgres.sh (scripts/test.sh does), which starts a "
               "throwaway PostgreSQL server and sets it");
    }
    return url;
}

// Runs statements on the test server over a connection of its own (not the engine's), so that
// databases and schemas can be made and dropped around a test; in `database` if given, else in
// the server's test database. Fatal when the server cannot be reached.
inline void postgresAdmin(const QStringList& statements, const QString& database = {})
{
    const QUrl url(postgresBaseUrl());
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("boxoffice-test-admin-%1").arg(counter.fetch_add(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(database.isEmpty() ? url.path().mid(1) : database);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open()) {
            qFatal("cannot connect to the test PostgreSQL server at %s:%d: %s",
                   qPrintable(url.host()), url.port(5432), qPrintable(db.lastError().text()));
        }
        QSqlQuery q(db);
        for (const QString& statement : statements) {
            if (!q.exec(statement)) {
                qFatal("test PostgreSQL server: %s failed: %s", qPrintable(statement),
                       qPrintable(q.lastError().text()));
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

inline QString randomPostgresName()
{
    return QStringLiteral("t_%1").arg(
        QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0'));
}

// This test process's own database on the test server, made at the first need. A database of
// its own, not only schemas in the shared one: LISTEN/NOTIFY channels are per database, so test
// processes running side by side heard each other's seat changes. (The throwaway server of
// scripts/with-postgres.sh goes with all of them at the end.)
inline QString processPostgresDatabase()
{
    static const QString name = [] {
        const QString n = randomPostgresName();
        postgresAdmin({QStringLiteral("CREATE DATABASE %1").arg(n)});
        return n;
    }();
    return name;
}

// A fresh, empty schema in this process's database; returns its name.
inline QString createPostgresSchema()
{
    const QString schema = randomPostgresName();
    postgresAdmin({QStringLiteral("CREATE SCHEMA %1").arg(schema)}, processPostgresDatabase());
    return schema;
}

inline void dropPostgresSchema(const QString& schema)
{
    postgresAdmin({QStringLiteral("SET lock_timeout = '30s'"),
                   QStringLiteral("SET client_min_messages = warning"),
                   QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema)},
                  processPostgresDatabase());
}

// The URL that opens the schema: BASE's server, this process's database, ?schema=NAME.
inline QString postgresUrlFor(const QString& schema)
{
    QUrl url(postgresBaseUrl());
    url.setPath(QLatin1Char('/') + processPostgresDatabase());
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("schema"));
    query.addQueryItem(QStringLiteral("schema"), schema);
    url.setQuery(query);
    return url.toString();
}

// The first column of the first row of a statement run on the calling thread's connection
// (an invalid QVariant if it cannot run or finds no row).
inline QVariant scalar(Database& db, const QString& sql, const QVariantList& args = {})
{
    auto conn = db.connection();
    if (!conn)
        return {};
    auto q = (*conn)->tryRun(sql, args);
    if (!q || !q->next())
        return {};
    return q->value(0);
}

// Makes INSERTs into `table` fail inside the engine the way a storage failure would (a trigger
// that raises; `when` is an optional condition on NEW). removeFailingInsert() undoes it.
inline bool failInserts(Connection& conn, const QString& name, const QString& table,
                        const QString& when = {})
{
    if (conn.dialect() == Dialect::Sqlite) {
        return conn
            .runOnce(
                QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2%3"
                               " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
                    .arg(name, table, when.isEmpty() ? QString() : QStringLiteral(" WHEN ") + when))
            .has_value();
    }
    return conn.runOnce(QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql"
                                       " AS $$ BEGIN RAISE EXCEPTION 'disk trouble'; END $$")
                            .arg(name))
               .has_value() &&
           conn.runOnce(
                   QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2 FOR EACH ROW%3"
                                  " EXECUTE FUNCTION %1()")
                       .arg(name, table,
                            when.isEmpty() ? QString() : QStringLiteral(" WHEN (%1)").arg(when)))
               .has_value();
}

inline bool removeFailingInsert(Connection& conn, const QString& name, const QString& table)
{
    if (conn.dialect() == Dialect::Sqlite)
        return conn.runOnce(QStringLiteral("DROP TRIGGER %1").arg(name)).has_value();
    return conn.runOnce(QStringLiteral("DROP TRIGGER %1 ON %2").arg(name, table)).has_value() &&
           conn.runOnce(QStringLiteral("DROP FUNCTION %1()").arg(name)).has_value();
}

class TestEngine
{
public:
    explicit TestEngine(EngineSettings settings = {}, bool seed = true)
        : clock(kStartMs), m_settings(settings)
    {
        if (postgresRequested()) {
            m_schema = createPostgresSchema();
            m_location = postgresUrlFor(m_schema);
        } else {
            if (!dir.isValid())
                qFatal("cannot make a temporary folder");
            m_location = dir.filePath(QStringLiteral("test.sqlite"));
        }
        DatabaseOptions options;
        options.location = m_location;
        auto e = Engine::open(options, m_settings, clock);
        if (!e) {
            qFatal("cannot open the test database %s: %s %s", qPrintable(m_location),
                   qPrintable(e.error().english), qPrintable(e.error().internal));
        }
        engine = std::move(*e);
        if (seed) {
            auto s = DemoSeeder::seedIfEmpty(*engine->db, clock);
            if (!s)
                qFatal("cannot seed: %s", qPrintable(s.error().internal));
        }
    }

    ~TestEngine()
    {
        engine.reset(); // this thread's connection goes first
        if (!m_schema.isEmpty())
            dropPostgresSchema(m_schema);
    }
    TestEngine(const TestEngine&) = delete;
    TestEngine& operator=(const TestEngine&) = delete;

    // What Database::open() was given: the SQLite file, or the PostgreSQL URL with ?schema=.
    QString location() const { return m_location; }
    bool isPostgres() const { return !m_schema.isEmpty(); }
    // The PostgreSQL schema the engine lives in (empty on SQLite).
    QString schema() const { return m_schema; }
    // The SQLite file (only meaningful on SQLite).
    QString path() const { return dir.filePath(QStringLiteral("test.sqlite")); }
    Engine& operator*() { return *engine; }
    Engine* operator->() { return engine.get(); }

    // Runs the admission that is due now, moving the clock to the next admission time first.
    int admitNow()
    {
        const auto next = engine->queue.nextAdmissionAtMs();
        if (next && *next > clock.nowMs())
            clock.setMs(*next);
        const auto n = engine->queue.activateDue(clock.nowMs());
        return n ? *n : -1;
    }

    // An ACTIVE token for the customer and concert (enters the queue, then drives admission).
    // Fatal, with the token's last state, when 1000 admissions do not admit it: a test must not
    // go on with a token that never became ACTIVE.
    QString activeToken(qint64 customerId, qint64 concertId)
    {
        const auto ticket = engine->queue.enter(customerId, concertId);
        if (!ticket)
            qFatal("enter failed: %s", qPrintable(ticket.error().english));
        if (ticket->status.state == QueueState::Active)
            return ticket->token;
        QString last = queueStateName(ticket->status.state);
        for (int i = 0; i < 1000; ++i) {
            admitNow();
            const auto s = engine->queue.poll(ticket->token);
            if (s && s->state == QueueState::Active)
                return ticket->token;
            last = s ? QStringLiteral("%1 at position %2")
                           .arg(queueStateName(s->state))
                           .arg(s->position)
                     : s.error().codeName();
        }
        qFatal("customer %lld never became ACTIVE for concert %lld in 1000 admissions; last: %s",
               customerId, concertId, qPrintable(last));
    }

    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<Engine> engine;

private:
    EngineSettings m_settings;
    QString m_location;
    QString m_schema;
};

// An EngineHost over a TestEngine (design A1 for tests): the engine's calls run on the host's
// worker thread, and both of the host's clocks are the test's ManualClock, so moving it fires
// the window's timers as well as the scheduler's. The TestEngine must outlive it.
class TestHost
{
public:
    explicit TestHost(TestEngine& engine, bool scheduler = false) : host(engine.clock, engine.clock)
    {
        const auto opened = awaited(host.adopt(*engine, scheduler));
        if (!opened)
            qFatal("the host did not open: %s", qPrintable(opened.error().english));
    }
    EngineHost* operator->() { return &host; }
    EngineHost& operator*() { return host; }

    EngineHost host;
};

} // namespace boxoffice::test
