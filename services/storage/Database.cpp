#include "storage/Database.h"

#include "storage/Schema.h"
#include "storage/SqliteSetup.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace boxoffice {

namespace {

std::atomic<quint64> g_nextDatabaseId{1};
// Starting points of PostgreSQL notification counters (Database::dataVersion()).
std::atomic<qint64> g_listenEpoch{1};

// How connections live and die. A QSqlDatabase may only be used, closed and removed on the
// thread that opened it, so each thread keeps its own connections (t_connections) and only that
// thread ever closes them: when one is lost, when its thread ends (the thread_local goes), and
// when its Database is destroyed. ~Database closes its own thread's connection at once; for
// other threads' connections it can only leave word here, and each of those threads closes and
// removes its connections of destroyed Databases at its next Database::connection() call (of
// any Database), or when it ends, whichever comes first.
class ConnectionRegistry
{
public:
    // Never destroyed: threads that end after main() returns still report their connections.
    static ConnectionRegistry& instance()
    {
        static auto* registry = new ConnectionRegistry;
        return *registry;
    }

    void opened(quint64 database)
    {
        const std::lock_guard lock(m_mutex);
        ++m_open[database];
    }
    void closedOne(quint64 database)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_open.find(database);
        if (it != m_open.end() && --it->second == 0) {
            m_open.erase(it);
            m_destroyed.erase(database);
        }
    }
    // The Database is gone: any thread that still has a connection to it closes it.
    void destroyed(quint64 database)
    {
        const std::lock_guard lock(m_mutex);
        if (m_open.contains(database)) {
            m_destroyed.insert(database);
            m_generation.fetch_add(1, std::memory_order_release);
        }
    }
    // Changes whenever a Database with connections on other threads is destroyed: a thread
    // that has seen this number since it last looked has nothing to close.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    bool isDestroyed(quint64 database)
    {
        const std::lock_guard lock(m_mutex);
        return m_destroyed.contains(database);
    }

private:
    std::mutex m_mutex;
    std::unordered_map<quint64, int> m_open; // connections per Database, on all threads
    std::unordered_set<quint64> m_destroyed; // destroyed Databases that still have some
    std::atomic<quint64> m_generation{0};
};

// One thread's connections, by Database.
class ThreadConnections
{
public:
    ThreadConnections() = default;
    ThreadConnections(const ThreadConnections&) = delete;
    ThreadConnections& operator=(const ThreadConnections&) = delete;
    ~ThreadConnections()
    {
        while (!m_byDatabase.empty())
            close(m_byDatabase.begin()->first);
    }

    Connection* find(quint64 database)
    {
        const auto it = m_byDatabase.find(database);
        return it == m_byDatabase.end() ? nullptr : it->second.get();
    }
    Connection* keep(quint64 database, std::unique_ptr<Connection> conn)
    {
        Connection* raw = conn.get();
        m_byDatabase[database] = std::move(conn);
        ConnectionRegistry::instance().opened(database);
        return raw;
    }
    void close(quint64 database)
    {
        const auto it = m_byDatabase.find(database);
        if (it == m_byDatabase.end())
            return;
        {
            const std::unique_ptr<Connection> conn = std::move(it->second);
            m_byDatabase.erase(it);
        } // ~Connection closes and removes it, here on its own thread
        ConnectionRegistry::instance().closedOne(database);
    }
    // Closes this thread's connections of Databases destroyed since it last looked.
    void closeDestroyed()
    {
        ConnectionRegistry& registry = ConnectionRegistry::instance();
        const quint64 generation = registry.generation();
        if (generation == m_seenGeneration)
            return;
        m_seenGeneration = generation;
        std::vector<quint64> gone;
        for (const auto& [database, conn] : m_byDatabase) {
            if (registry.isDestroyed(database))
                gone.push_back(database);
        }
        for (quint64 database : gone)
            close(database);
    }

private:
    std::unordered_map<quint64, std::unique_ptr<Connection>> m_byDatabase;
    quint64 m_seenGeneration = 0;
};
thread_local ThreadConnections t_connections;

} // namespace

bool isPostgresLocation(const QString& location)
{
    return location.startsWith(QLatin1String("postgres://")) ||
           location.startsWith(QLatin1String("postgresql://"));
}

namespace {

SqlFailure sqliteFailure(int extendedCode, const QString& text)
{
    switch (extendedCode & 0xff) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return SqlFailure::Busy;
    case 8: // SQLITE_READONLY
        return SqlFailure::ReadOnly;
    case 13: // SQLITE_FULL
        return SqlFailure::Full;
    case 11: // SQLITE_CORRUPT
        return SqlFailure::Corrupt;
    case 26: // SQLITE_NOTADB
        return SqlFailure::NotADatabase;
    case 19: // SQLITE_CONSTRAINT
        return text.contains(QLatin1String("UNIQUE")) ? SqlFailure::Unique : SqlFailure::Check;
    default:
        break;
    }
    // The Qt driver reports some step failures without a native code.
    if (text.contains(QLatin1String("UNIQUE constraint")))
        return SqlFailure::Unique;
    if (text.contains(QLatin1String("CHECK constraint")))
        return SqlFailure::Check;
    if (text.contains(QLatin1String("database is locked")))
        return SqlFailure::Busy;
    if (text.contains(QLatin1String("not a database")))
        return SqlFailure::NotADatabase;
    if (text.contains(QLatin1String("malformed")))
        return SqlFailure::Corrupt;
    if (text.contains(QLatin1String("readonly")))
        return SqlFailure::ReadOnly;
    if (text.contains(QLatin1String("disk is full")))
        return SqlFailure::Full;
    return SqlFailure::Other;
}

SqlError classify(const QSqlError& e, Dialect dialect)
{
    SqlError out;
    out.text = e.text();
    const QString native = e.nativeErrorCode();
    if (dialect == Dialect::Sqlite) {
        out.kind = sqliteFailure(native.toInt(), out.text);
    } else {
        if (native == QLatin1String("23505"))
            out.kind = SqlFailure::Unique;
        else if (native.startsWith(QLatin1String("23")))
            out.kind = SqlFailure::Check;
        else if (native == QLatin1String("40001") || native == QLatin1String("40P01") ||
                 native == QLatin1String("55P03"))
            out.kind = SqlFailure::Busy;
        else if (native == QLatin1String("25006"))
            out.kind = SqlFailure::ReadOnly;
        else if (native == QLatin1String("53100"))
            out.kind = SqlFailure::Full;
        else if (native.startsWith(QLatin1String("08")) ||
                 native.startsWith(QLatin1String("57P")) ||
                 e.type() == QSqlError::ConnectionError ||
                 out.text.contains(QLatin1String("server closed the connection")) ||
                 out.text.contains(QLatin1String("no connection to the server")) ||
                 out.text.contains(QLatin1String("connection to server")) ||
                 out.text.contains(QLatin1String("terminating connection")))
            out.kind = SqlFailure::Lost;
    }
    return out;
}

} // namespace

Error storageError(const SqlError& e)
{
    ErrorCode code = ErrorCode::StorageError;
    switch (e.kind) {
    case SqlFailure::Busy:
        code = ErrorCode::StorageBusy;
        break;
    case SqlFailure::ReadOnly:
        code = ErrorCode::StorageReadOnly;
        break;
    case SqlFailure::Full:
        code = ErrorCode::StorageFull;
        break;
    case SqlFailure::Corrupt:
        code = ErrorCode::StorageCorrupt;
        break;
    case SqlFailure::NotADatabase:
        code = ErrorCode::NotADatabase;
        break;
    case SqlFailure::Lost:
        code = ErrorCode::StorageUnavailable;
        break;
    default:
        break;
    }
    return Error::make(code).withInternal(e.text);
}

// ---- Query ----

Query& Query::operator=(Query&& o) noexcept
{
    if (this != &o) {
        release();
        m_q = std::exchange(o.m_q, nullptr);
        m_stmt = std::exchange(o.m_stmt, nullptr);
        m_state = o.m_state;
        m_changes = o.m_changes;
        m_drain = o.m_drain;
    }
    return *this;
}

Query::~Query()
{
    release();
}

void Query::release()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        m_stmt = nullptr;
        return;
    }
    if (!m_q)
        return;
    if (m_drain && m_q->isActive()) {
        while (m_q->next()) {
        }
    }
    m_q->finish();
    m_q = nullptr;
}

bool Query::next()
{
    if (!m_stmt)
        return m_q && m_q->next();
    switch (m_state) {
    case State::Pending:
        m_state = State::OnRow;
        return true;
    case State::Done:
        return false;
    case State::OnRow:
        break;
    }
    if (sqlite3_step(m_stmt) == SQLITE_ROW)
        return true;
    m_state = State::Done;
    return false;
}

std::optional<qint64> Query::nextI64()
{
    if (!next())
        return std::nullopt;
    return i64(0);
}

QVariant Query::value(int i) const
{
    if (!m_stmt)
        return m_q->value(i);
    switch (sqlite3_column_type(m_stmt, i)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, i)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, i));
    case SQLITE_TEXT:
        return QVariant(str(i));
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char*>(sqlite3_column_blob(m_stmt, i)),
                                   sqlite3_column_bytes(m_stmt, i)));
    default:
        return QVariant();
    }
}

qint64 Query::i64(int i) const
{
    if (!m_stmt)
        return m_q->value(i).toLongLong();
    if (sqlite3_column_type(m_stmt, i) == SQLITE_TEXT)
        return str(i).toLongLong();
    return sqlite3_column_int64(m_stmt, i);
}

QString Query::str(int i) const
{
    if (!m_stmt)
        return m_q->value(i).toString();
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, i)) : QString();
}

bool Query::isNull(int i) const
{
    if (!m_stmt)
        return m_q->value(i).isNull();
    return sqlite3_column_type(m_stmt, i) == SQLITE_NULL;
}

int Query::rowsAffected() const
{
    return m_stmt ? m_changes : m_q->numRowsAffected();
}

// ---- Connection ----

Connection::Connection(QString name, Dialect dialect) : m_name(std::move(name)), m_dialect(dialect)
{}

Connection::~Connection()
{
    // Statements go before Qt closes the connection they were prepared on.
    for (sqlite3_stmt* st : std::as_const(m_statements))
        sqlite3_finalize(st);
    m_statements.clear();
    qDeleteAll(m_cache);
    m_cache.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::expected<Query, SqlError> Connection::runSqlite(const QString& sql, SqlArgs args)
{
    auto failure = [this](int rc) {
        SqlError e;
        e.text = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
        e.kind = sqliteFailure(rc, e.text);
        return std::unexpected(e);
    };
    sqlite3_stmt*& st = m_statements[sql];
    if (!st) {
        const QByteArray utf8 = sql.toUtf8();
        const int rc = sqlite3_prepare_v3(m_sqlite, utf8.constData(), int(utf8.size()),
                                          SQLITE_PREPARE_PERSISTENT, &st, nullptr);
        if (rc != SQLITE_OK) {
            m_statements.remove(sql);
            return failure(rc);
        }
    }
    for (int i = 0; i < args.size(); ++i) {
        const QVariant& v = args.at(i);
        // As Qt's driver does: an empty variant and a null string are SQL NULL.
        const bool null = v.isNull() || (v.typeId() == QMetaType::QString && v.toString().isNull());
        switch (null ? QMetaType::UnknownType : v.typeId()) {
        case QMetaType::UnknownType:
            sqlite3_bind_null(st, i + 1);
            break;
        case QMetaType::QString: {
            const QByteArray utf8 = v.toString().toUtf8();
            sqlite3_bind_text(st, i + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QByteArray: {
            const QByteArray bytes = v.toByteArray();
            sqlite3_bind_blob(st, i + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::Double:
        case QMetaType::Float:
            sqlite3_bind_double(st, i + 1, v.toDouble());
            break;
        default:
            sqlite3_bind_int64(st, i + 1, v.toLongLong());
            break;
        }
    }
    const int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return Query(st, true, 0);
    if (rc == SQLITE_DONE)
        return Query(st, false, sqlite3_changes(m_sqlite));
    auto e = failure(sqlite3_extended_errcode(m_sqlite));
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return e;
}

std::expected<Query, SqlError> Connection::tryRun(const QString& sql, SqlArgs args)
{
    if (m_dialect == Dialect::Sqlite) {
        if (!m_sqlite) {
            const QVariant handle = m_db.driver()->handle();
            if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
                m_sqlite = *static_cast<sqlite3* const*>(handle.constData());
        }
        if (m_sqlite)
            return runSqlite(sql, args);
    }
    QSqlQuery*& q = m_cache[sql];
    if (!q) {
        q = new QSqlQuery(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            SqlError e = classify(q->lastError(), m_dialect);
            delete q;
            m_cache.remove(sql);
            m_lost = m_lost || e.kind == SqlFailure::Lost;
            return std::unexpected(e);
        }
    }
    for (int i = 0; i < args.size(); ++i)
        q->bindValue(i, args.at(i));
    if (!q->exec()) {
        SqlError e = classify(q->lastError(), m_dialect);
        q->finish();
        m_lost = m_lost || e.kind == SqlFailure::Lost;
        return std::unexpected(e);
    }
    return Query(q, m_dialect == Dialect::Postgres);
}

Result<Query> Connection::run(const QString& sql, SqlArgs args)
{
    auto r = tryRun(sql, args);
    if (!r)
        return std::unexpected(storageError(r.error()));
    return std::move(*r);
}

Result<void> Connection::execute(const QString& sql, SqlArgs args)
{
    BO_TRY(run(sql, args));
    return {};
}

Result<std::optional<qint64>> Connection::insertReturningId(const QString& sql, SqlArgs args)
{
    auto q = tryRun(sql, args);
    if (!q) {
        if (q.error().kind == SqlFailure::Unique)
            return std::optional<qint64>{};
        return fail(storageError(q.error()));
    }
    if (!q->next())
        return fail(Error::make(ErrorCode::StorageError)
                        .withInternal(QStringLiteral("no id returned: %1").arg(sql)));
    return std::optional<qint64>{q->i64(0)};
}

Result<void> Connection::serialize(int key)
{
    if (m_dialect == Dialect::Sqlite)
        return {};
    BO_TRY(run(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {key}));
    return {};
}

std::expected<void, SqlError> Connection::runControl(const QString& sql)
{
    if (m_dialect == Dialect::Sqlite) {
        auto r = tryRun(sql);
        if (!r)
            return std::unexpected(r.error());
        return {};
    }
    // PostgreSQL cannot PREPARE transaction control; it is sent as it is.
    return runOnce(sql);
}

std::expected<void, SqlError> Connection::runOnce(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        SqlError e = classify(q.lastError(), m_dialect);
        m_lost = m_lost || e.kind == SqlFailure::Lost;
        return std::unexpected(e);
    }
    return {};
}

// ---- Database ----

Error Database::postgresConnectError(const QString& driverText, bool wasConnected) const
{
    const QUrl url(m_options.location);
    const QString where = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(5432));
    QString ko = QStringLiteral("서버에 연결할 수 없습니다");
    QString en = QStringLiteral("the server cannot be reached");
    const QString t = driverText.toLower();
    if (t.contains(QLatin1String("connection refused"))) {
        ko = QStringLiteral("연결이 거부되었습니다 (서버가 실행 중인지, 포트가 맞는지 확인하세요)");
        en =
            QStringLiteral("the connection was refused (is the server running, and on that port?)");
    } else if (t.contains(QLatin1String("password authentication failed")) ||
               t.contains(QLatin1String("no password supplied"))) {
        ko = QStringLiteral("사용자 이름 또는 비밀번호가 거부되었습니다");
        en = QStringLiteral("the user name or password was refused");
    } else if (t.contains(QLatin1String("does not exist"))) {
        ko = QStringLiteral("데이터베이스 또는 사용자 '%1'이(가) 없습니다").arg(url.path().mid(1));
        en = QStringLiteral("the database or user '%1' does not exist").arg(url.path().mid(1));
    } else if (t.contains(QLatin1String("timeout")) || t.contains(QLatin1String("timed out"))) {
        ko = QStringLiteral("5초 안에 응답이 없습니다");
        en = QStringLiteral("no answer within 5 seconds");
    } else if (t.contains(QLatin1String("could not translate host name"))) {
        ko = QStringLiteral("호스트 이름을 찾을 수 없습니다");
        en = QStringLiteral("the host name cannot be resolved");
    } else if (t.contains(QLatin1String("too many"))) {
        ko = QStringLiteral("서버의 연결 수가 가득 찼습니다");
        en = QStringLiteral("the server has no connections left");
    }
    // Once the database has been open, losing it is a passing condition (503, retry), not a
    // configuration mistake.
    return Error::make(wasConnected ? ErrorCode::StorageUnavailable : ErrorCode::DatabaseOpenFailed,
                       QStringLiteral("PostgreSQL %1에 연결할 수 없습니다: %2").arg(where, ko),
                       QStringLiteral("Cannot connect to PostgreSQL at %1: %2").arg(where, en));
}

Result<int> Database::readSchemaVersion(Connection& conn)
{
    if (m_dialect == Dialect::Sqlite) {
        auto q = conn.tryRun(QStringLiteral("PRAGMA user_version"));
        if (!q || !q->next()) {
            if (!q && q.error().kind == SqlFailure::NotADatabase)
                return fail(ErrorCode::NotADatabase);
            return fail(q ? Error::make(ErrorCode::StorageError) : storageError(q.error()));
        }
        return q->i32(0);
    }
    if (auto r = conn.runOnce(QStringLiteral("CREATE TABLE IF NOT EXISTS boxoffice_schema"
                                             " (version INTEGER NOT NULL)"));
        !r)
        return fail(storageError(r.error()));
    auto q =
        BO_TRY(conn.run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM boxoffice_schema")));
    return q.next() ? q.i32(0) : 0;
}

Result<void> Database::writeSchemaVersion(Connection& conn, int version)
{
    if (m_dialect == Dialect::Sqlite) {
        if (auto r = conn.runOnce(QStringLiteral("PRAGMA user_version = %1").arg(version)); !r)
            return fail(storageError(r.error()));
        return {};
    }
    BO_TRY(conn.run(QStringLiteral("DELETE FROM boxoffice_schema")));
    BO_TRY(
        conn.run(QStringLiteral("INSERT INTO boxoffice_schema (version) VALUES (?)"), {version}));
    return {};
}

Database::Database(DatabaseOptions options, Dialect dialect)
    : m_options(std::move(options)), m_dialect(dialect), m_id(g_nextDatabaseId.fetch_add(1))
{}

Database::~Database()
{
    t_connections.close(m_id);
    ConnectionRegistry::instance().destroyed(m_id);
}

QString Database::displayName() const
{
    if (m_dialect == Dialect::Postgres) {
        const QUrl url(m_options.location);
        return QStringLiteral("postgres://%1@%2:%3%4")
            .arg(url.userName(), url.host())
            .arg(url.port(5432))
            .arg(url.path());
    }
    return QDir::toNativeSeparators(QFileInfo(m_options.location).absoluteFilePath());
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseOptions& options)
{
    const Dialect dialect =
        isPostgresLocation(options.location) ? Dialect::Postgres : Dialect::Sqlite;
    if (dialect == Dialect::Sqlite) {
        if (options.location.isEmpty())
            return fail(Error::make(ErrorCode::DatabaseOpenFailed));
        const QFileInfo info(options.location);
        if (info.isDir()) {
            return fail(Error::make(
                ErrorCode::DatabaseOpenFailed,
                QStringLiteral("데이터베이스 경로가 폴더입니다: %1").arg(info.absoluteFilePath()),
                QStringLiteral("The database path is a folder: %1").arg(info.absoluteFilePath())));
        }
        QDir().mkpath(info.absolutePath());
    }
    std::shared_ptr<Database> db(new Database(options, dialect));
    Connection* conn = BO_TRY(db->connection());
    if (options.migrate)
        BO_CHECK(db->migrate(*conn));
    return db;
}

Result<void> Database::configure(Connection& conn)
{
    if (m_dialect == Dialect::Postgres) {
        // Times are integers already; the lock timeout plays SQLite's busy timeout.
        const QStringList settings = {
            QStringLiteral("SET lock_timeout = %1").arg(m_options.busyTimeoutMs),
            QStringLiteral("SET synchronous_commit = %1")
                .arg(m_options.synchronousFull ? QStringLiteral("on") : QStringLiteral("off")),
            QStringLiteral("SET client_min_messages = warning"),
        };
        for (const QString& statement : settings) {
            if (auto r = conn.runOnce(statement); !r)
                return fail(storageError(r.error()));
        }
        return {};
    }
    const QStringList pragmas = {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(m_options.busyTimeoutMs),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA synchronous = %1")
            .arg(m_options.synchronousFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL")),
    };
    for (const QString& p : pragmas) {
        if (auto r = conn.runOnce(p); !r)
            return fail(storageError(r.error()));
    }
    // Reading the header is what tells a database from any other file.
    QSqlQuery q(conn.handle());
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()) {
        SqlError e = classify(q.lastError(), m_dialect);
        Error err = storageError(e);
        if (e.kind == SqlFailure::NotADatabase || e.kind == SqlFailure::Corrupt) {
            err = Error::make(
                ErrorCode::NotADatabase,
                QStringLiteral("Box Office 데이터베이스 파일이 아니거나 손상되었습니다: %1")
                    .arg(displayName()),
                QStringLiteral("Not a Box Office database, or a damaged one: %1")
                    .arg(displayName()));
            err.internal = e.text;
        }
        return fail(err);
    }
    return {};
}

Result<Connection*> Database::connection()
{
    t_connections.closeDestroyed();
    if (Connection* conn = t_connections.find(m_id)) {
        if (!conn->isLost())
            return conn;
        // The server dropped it (a restart, the network): the operation that noticed failed
        // cleanly, and this next one gets a new connection.
        t_connections.close(m_id);
    }

    const QString name = QStringLiteral("boxoffice-%1-%2")
                             .arg(m_id)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
    auto conn = std::make_unique<Connection>(name, m_dialect);
    if (m_dialect == Dialect::Sqlite) {
        if (!setUpSqliteOnce()) {
            static std::once_flag warned;
            std::call_once(warned, [] {
                qWarning("SQLite was started before Box Office could set it up: its own mutexes"
                         " are in use (slower when several threads read at once)");
            });
        }
        conn->handle() = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        conn->handle().setDatabaseName(m_options.location);
    } else {
        const QUrl url(m_options.location);
        conn->handle() = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        conn->handle().setHostName(url.host());
        conn->handle().setPort(url.port(5432));
        conn->handle().setUserName(url.userName());
        conn->handle().setPassword(url.password());
        conn->handle().setDatabaseName(url.path().mid(1));
        // A server that stops answering must fail in bounded time, not when TCP gives up:
        // the connect waits 5 s at most, an idle connection is probed after 5 s and given up
        // after 3 unanswered probes 2 s apart, and sent data unacknowledged for 10 s fails.
        QString connectOptions =
            QStringLiteral("connect_timeout=5;keepalives=1;keepalives_idle=5;"
                           "keepalives_interval=2;keepalives_count=3;tcp_user_timeout=10000");
        // ?schema=NAME keeps a database's tables in one schema (tests use one per run).
        const QString schema = QUrlQuery(url).queryItemValue(QStringLiteral("schema"));
        if (!schema.isEmpty())
            connectOptions += QStringLiteral(";options='-csearch_path=%1'").arg(schema);
        conn->handle().setConnectOptions(connectOptions);
    }
    // On the failures below nothing is kept: `conn` closes and removes its QSqlDatabase as it goes.
    if (!conn->handle().open()) {
        const QString reason = conn->handle().lastError().text();
        Error err =
            m_dialect == Dialect::Postgres
                ? postgresConnectError(reason, m_opened)
                : Error::make(
                      ErrorCode::DatabaseOpenFailed,
                      QStringLiteral("데이터베이스를 열 수 없습니다: %1").arg(displayName()),
                      QStringLiteral("Cannot open the database: %1").arg(displayName()));
        err.internal = reason;
        return fail(err);
    }
    if (auto r = configure(*conn); !r)
        return std::unexpected(r.error());
    m_opened = true;
    return t_connections.keep(m_id, std::move(conn));
}

int Database::schemaVersion()
{
    auto conn = connection();
    if (!conn)
        return -1;
    const auto v = readSchemaVersion(**conn);
    return v ? *v : -1;
}

Result<QStringList> Database::integrityProblems()
{
    QStringList problems;
    if (m_dialect != Dialect::Sqlite)
        return problems;
    Connection* conn = BO_TRY(connection());
    auto q = BO_TRY(conn->run(QStringLiteral("PRAGMA integrity_check")));
    while (q.next()) {
        if (q.str(0) != QLatin1String("ok"))
            problems << q.str(0);
    }
    return problems;
}

Result<QList<std::pair<qint64, qint64>>> Database::seatVersions()
{
    Connection* conn = BO_TRY(connection());
    auto q = BO_TRY(conn->run(QStringLiteral("SELECT schedule_id, version FROM seat_versions")));
    QList<std::pair<qint64, qint64>> out;
    while (q.next())
        out.append({q.i64(0), q.i64(1)});
    return out;
}

Result<qint64> Database::dataVersion()
{
    Connection* conn = BO_TRY(connection());
    if (m_dialect == Dialect::Sqlite) {
        auto q = BO_TRY(conn->run(QStringLiteral("PRAGMA data_version")));
        return q.next() ? q.i64(0) : qint64(0);
    }
    // A listening connection hears nothing when the server has gone away: a trivial statement
    // notices (and marks the connection lost, so the next call connects again).
    BO_TRY(conn->run(QStringLiteral("SELECT 1")));
    // PostgreSQL tells: a trigger NOTIFYs on every change to reservations, and this thread's
    // connection LISTENs (the notifications arrive through its event loop).
    if (!conn->listening) {
        QSqlDriver* driver = conn->handle().driver();
        if (!driver->subscribeToNotification(QStringLiteral("boxoffice_changes")))
            return fail(Error::make(ErrorCode::StorageError)
                            .withInternal(QStringLiteral("cannot LISTEN boxoffice_changes")));
        QObject::connect(driver, &QSqlDriver::notification, driver,
                         [counter = conn->notifications] { counter->fetch_add(1); });
        conn->listening = true;
        // A new connection (after a lost one) starts from a number no earlier one gave out:
        // what was missed while it was gone counts as a change.
        conn->notifications->store(g_listenEpoch.fetch_add(1) << 32);
    }
    return conn->notifications->load();
}

SeatChanges& committedSeatChanges()
{
    static SeatChanges changes;
    return changes;
}

void Connection::noteSeatChange(qint64 scheduleId)
{
    if (!m_inWrite) {
        committedSeatChanges().bump(scheduleId);
        return;
    }
    if (!m_seatChanges.contains(scheduleId))
        m_seatChanges.append(scheduleId);
}

Result<void> Database::migrate(Connection& conn)
{
    const auto migrations = schemaMigrations(m_dialect);
    for (int target = 1; target <= int(migrations.size()); ++target) {
        WriteTransaction tx = BO_TRY(WriteTransaction::begin(conn));
        // Several terminals starting at once: one migrates, the others wait and see it done.
        BO_CHECK(conn.serialize(712001));
        const int current = BO_TRY(readSchemaVersion(conn));
        if (current > int(migrations.size())) {
            return fail(Error::make(
                ErrorCode::NewerSchema,
                QStringLiteral(
                    "더 새로운 버전(스키마 %1)의 Box Office가 만든 데이터베이스입니다. 이 "
                    "프로그램은 스키마 %2까지 지원합니다: %3")
                    .arg(current)
                    .arg(migrations.size())
                    .arg(displayName()),
                QStringLiteral("The database was made by a newer Box Office (schema %1); this "
                               "version reads schema %2 at most: %3")
                    .arg(current)
                    .arg(migrations.size())
                    .arg(displayName())));
        }
        if (current >= target)
            continue;
        for (const QString& statement : migrations[target - 1]) {
            if (auto r = conn.runOnce(statement); !r)
                return fail(storageError(r.error()));
        }
        BO_CHECK(writeSchemaVersion(conn, target));
        BO_CHECK(tx.commit());
    }
    return {};
}

// ---- ReadTransaction ----

Result<ReadTransaction> ReadTransaction::begin(Connection& conn)
{
    const QString sql = conn.dialect() == Dialect::Sqlite
                            ? QStringLiteral("BEGIN")
                            : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    if (auto r = conn.runControl(sql); !r)
        return fail(storageError(r.error()));
    return ReadTransaction(&conn);
}

ReadTransaction::~ReadTransaction()
{
    if (m_conn)
        (void)m_conn->runControl(QStringLiteral("COMMIT"));
}

// ---- WriteTransaction ----

Result<WriteTransaction> WriteTransaction::begin(Connection& conn)
{
    const QString sql = conn.dialect() == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                          : QStringLiteral("BEGIN");
    if (auto r = conn.runControl(sql); !r)
        return fail(storageError(r.error()));
    conn.m_inWrite = true;
    conn.m_seatChanges.clear();
    return WriteTransaction(&conn);
}

Result<void> WriteTransaction::commit()
{
    if (!m_conn)
        return {};
    if (auto r = m_conn->runControl(QStringLiteral("COMMIT")); !r) {
        rollback();
        return fail(storageError(r.error()));
    }
    Connection* conn = std::exchange(m_conn, nullptr);
    conn->m_inWrite = false;
    for (const qint64 schedule : std::exchange(conn->m_seatChanges, {}))
        committedSeatChanges().bump(schedule);
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_conn)
        return;
    (void)m_conn->runControl(QStringLiteral("ROLLBACK"));
    m_conn->m_inWrite = false;
    m_conn->m_seatChanges.clear();
    m_conn = nullptr;
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

} // namespace boxoffice
