#include "Database.h"

#include "Schema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <unordered_map>

namespace boxoffice {

namespace {

std::atomic<quint64> g_nextDatabaseId{1};

// Each thread owns its connections; they close when the thread ends or the Database goes.
struct ThreadConnections
{
    std::unordered_map<quint64, std::unique_ptr<Connection>> byDatabase;
};
thread_local ThreadConnections t_connections;

bool isPostgresUrl(const QString& location)
{
    return location.startsWith(QLatin1String("postgres://")) ||
           location.startsWith(QLatin1String("postgresql://"));
}

SqlError classify(const QSqlError& e, Dialect dialect)
{
    SqlError out;
    out.text = e.text();
    const QString native = e.nativeErrorCode();
    if (dialect == Dialect::Sqlite) {
        const int code = native.toInt() & 0xff;
        switch (code) {
        case 5: // SQLITE_BUSY
        case 6: // SQLITE_LOCKED
            out.kind = SqlFailure::Busy;
            break;
        case 8: // SQLITE_READONLY
            out.kind = SqlFailure::ReadOnly;
            break;
        case 13: // SQLITE_FULL
            out.kind = SqlFailure::Full;
            break;
        case 11: // SQLITE_CORRUPT
            out.kind = SqlFailure::Corrupt;
            break;
        case 26: // SQLITE_NOTADB
            out.kind = SqlFailure::NotADatabase;
            break;
        case 19: // SQLITE_CONSTRAINT
            out.kind =
                out.text.contains(QLatin1String("UNIQUE")) ? SqlFailure::Unique : SqlFailure::Check;
            break;
        default:
            // The driver reports some step failures without a native code.
            if (out.text.contains(QLatin1String("UNIQUE constraint")))
                out.kind = SqlFailure::Unique;
            else if (out.text.contains(QLatin1String("CHECK constraint")))
                out.kind = SqlFailure::Check;
            else if (out.text.contains(QLatin1String("database is locked")))
                out.kind = SqlFailure::Busy;
            else if (out.text.contains(QLatin1String("not a database")))
                out.kind = SqlFailure::NotADatabase;
            else if (out.text.contains(QLatin1String("malformed")))
                out.kind = SqlFailure::Corrupt;
            else if (out.text.contains(QLatin1String("readonly")))
                out.kind = SqlFailure::ReadOnly;
            else if (out.text.contains(QLatin1String("disk is full")))
                out.kind = SqlFailure::Full;
            break;
        }
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
                 native.startsWith(QLatin1String("57P")) || e.type() == QSqlError::ConnectionError)
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
    default:
        break;
    }
    return Error::make(code).withInternal(e.text);
}

// ---- Query ----

Query& Query::operator=(Query&& o) noexcept
{
    if (this != &o) {
        if (m_q)
            m_q->finish();
        m_q = std::exchange(o.m_q, nullptr);
    }
    return *this;
}

Query::~Query()
{
    if (m_q)
        m_q->finish();
}

// ---- Connection ----

Connection::Connection(QString name, Dialect dialect) : m_name(std::move(name)), m_dialect(dialect)
{}

Connection::~Connection()
{
    qDeleteAll(m_cache);
    m_cache.clear();
    if (m_db.isValid())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::expected<Query, SqlError> Connection::tryRun(const QString& sql, const QVariantList& args)
{
    QSqlQuery*& q = m_cache[sql];
    if (!q) {
        q = new QSqlQuery(m_db);
        q->setForwardOnly(true);
        if (!q->prepare(sql)) {
            SqlError e = classify(q->lastError(), m_dialect);
            delete q;
            m_cache.remove(sql);
            return std::unexpected(e);
        }
    }
    for (int i = 0; i < args.size(); ++i)
        q->bindValue(i, args.at(i));
    if (!q->exec()) {
        SqlError e = classify(q->lastError(), m_dialect);
        q->finish();
        return std::unexpected(e);
    }
    return Query(q);
}

Result<Query> Connection::run(const QString& sql, const QVariantList& args)
{
    auto r = tryRun(sql, args);
    if (!r)
        return std::unexpected(storageError(r.error()));
    return std::move(*r);
}

std::expected<void, SqlError> Connection::runOnce(const QString& sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return std::unexpected(classify(q.lastError(), m_dialect));
    return {};
}

// ---- Database ----

Database::Database(DatabaseOptions options, Dialect dialect)
    : m_options(std::move(options)), m_dialect(dialect), m_id(g_nextDatabaseId.fetch_add(1))
{}

Database::~Database()
{
    t_connections.byDatabase.erase(m_id);
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
    const Dialect dialect = isPostgresUrl(options.location) ? Dialect::Postgres : Dialect::Sqlite;
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
    if (m_dialect != Dialect::Sqlite)
        return {};
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
    auto& slot = t_connections.byDatabase[m_id];
    if (slot)
        return slot.get();

    const QString name = QStringLiteral("boxoffice-%1-%2")
                             .arg(m_id)
                             .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
    auto conn = std::make_unique<Connection>(name, m_dialect);
    if (m_dialect == Dialect::Sqlite) {
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
        conn->handle().setConnectOptions(QStringLiteral("connect_timeout=5"));
    }
    if (!conn->handle().open()) {
        const QString reason = conn->handle().lastError().text();
        t_connections.byDatabase.erase(m_id);
        Error err =
            Error::make(ErrorCode::DatabaseOpenFailed,
                        QStringLiteral("데이터베이스를 열 수 없습니다: %1").arg(displayName()),
                        QStringLiteral("Cannot open the database: %1").arg(displayName()));
        err.internal = reason;
        return fail(err);
    }
    if (auto r = configure(*conn); !r) {
        t_connections.byDatabase.erase(m_id);
        return std::unexpected(r.error());
    }
    slot = std::move(conn);
    return t_connections.byDatabase[m_id].get();
}

int Database::schemaVersion()
{
    auto conn = connection();
    if (!conn)
        return -1;
    auto q = (*conn)->run(QStringLiteral("PRAGMA user_version"));
    if (!q || !q->next())
        return -1;
    return q->i32(0);
}

Result<qint64> Database::dataVersion()
{
    Connection* conn = BO_TRY(connection());
    auto q = BO_TRY(conn->run(QStringLiteral("PRAGMA data_version")));
    return q.next() ? q.i64(0) : qint64(0);
}

Result<void> Database::migrate(Connection& conn)
{
    const auto migrations = schemaMigrations(m_dialect);
    for (int target = 1; target <= int(migrations.size()); ++target) {
        WriteTransaction tx = BO_TRY(WriteTransaction::begin(conn));
        int current = 0;
        {
            auto q = conn.tryRun(QStringLiteral("PRAGMA user_version"));
            if (!q || !q->next()) {
                Error err = q ? Error::make(ErrorCode::StorageError) : storageError(q.error());
                if (!q && q.error().kind == SqlFailure::NotADatabase)
                    err = Error::make(ErrorCode::NotADatabase);
                return fail(err);
            }
            current = q->i32(0);
        }
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
        if (auto r = conn.runOnce(QStringLiteral("PRAGMA user_version = %1").arg(target)); !r)
            return fail(storageError(r.error()));
        BO_CHECK(tx.commit());
    }
    return {};
}

// ---- WriteTransaction ----

Result<WriteTransaction> WriteTransaction::begin(Connection& conn)
{
    const QString sql = conn.dialect() == Dialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                                          : QStringLiteral("BEGIN");
    if (auto r = conn.tryRun(sql); !r)
        return fail(storageError(r.error()));
    return WriteTransaction(&conn);
}

Result<void> WriteTransaction::commit()
{
    if (!m_conn)
        return {};
    if (auto r = m_conn->tryRun(QStringLiteral("COMMIT")); !r) {
        rollback();
        return fail(storageError(r.error()));
    }
    m_conn = nullptr;
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_conn)
        return;
    (void)m_conn->tryRun(QStringLiteral("ROLLBACK"));
    m_conn = nullptr;
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

} // namespace boxoffice
