#pragma once

#include "core/Error.h"
#include "storage/SeatChanges.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace boxoffice {

enum class Dialect { Sqlite, Postgres };

// Whether a --database value names a PostgreSQL server rather than a SQLite file.
bool isPostgresLocation(const QString& location);

// What went wrong with a statement, classified so callers can react (a unique violation is a
// taken seat, a busy database is worth a retry) without looking at SQL text.
enum class SqlFailure { Busy, Unique, Check, ReadOnly, Full, Corrupt, NotADatabase, Lost, Other };

struct SqlError
{
    SqlFailure kind = SqlFailure::Other;
    QString text; // driver text, for the log only
};

// Maps a storage failure to a user-facing error (never the SQL text).
Error storageError(const SqlError& e);

// The values for a statement's positional `?` placeholders: a braced list or a QVariantList,
// borrowed for the duration of the call (a braced list lives until the end of the statement
// that calls run(), and binding happens inside run()). No list is allocated per statement.
// Only ever a parameter: a stored SqlArgs made from a braced list would point at nothing.
class SqlArgs
{
public:
    SqlArgs() = default;
    SqlArgs(std::initializer_list<QVariant> values) // NOLINT: implicit, as a QVariantList was
        : m_data(std::data(values)), m_size(qsizetype(values.size()))
    {}
    SqlArgs(const QVariantList& values) // NOLINT: implicit
        : m_data(values.constData()), m_size(values.size())
    {}
    qsizetype size() const { return m_size; }
    const QVariant& at(qsizetype i) const { return m_data[i]; }

private:
    const QVariant* m_data = nullptr;
    qsizetype m_size = 0;
};

// A cursor over one executed statement; resets the statement when it goes out of scope so
// that no read transaction stays open behind the caller's back.
class Query
{
public:
    // drain: read what is left before letting go (PostgreSQL's single-row mode otherwise keeps
    // the connection busy, and notifications queue up behind the unread rows).
    explicit Query(QSqlQuery* q, bool drain = false) : m_q(q), m_drain(drain) {}
    // A SQLite statement already stepped once: `hasRow` if that step gave a row.
    Query(sqlite3_stmt* stmt, bool hasRow, int changes)
        : m_stmt(stmt), m_state(hasRow ? State::Pending : State::Done), m_changes(changes)
    {}
    Query(Query&& o) noexcept
        : m_q(std::exchange(o.m_q, nullptr)), m_stmt(std::exchange(o.m_stmt, nullptr)),
          m_state(o.m_state), m_changes(o.m_changes), m_drain(o.m_drain)
    {}
    Query& operator=(Query&& o) noexcept;
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;
    ~Query();

    bool next();
    // The first column of the next row; nothing when there is no next row.
    std::optional<qint64> nextI64();
    QVariant value(int i) const;
    qint64 i64(int i) const;
    int i32(int i) const { return int(i64(i)); }
    QString str(int i) const;
    bool isNull(int i) const;
    int rowsAffected() const;

private:
    enum class State { Pending, OnRow, Done };
    void release();
    QSqlQuery* m_q = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    State m_state = State::Done;
    int m_changes = 0;
    bool m_drain = false;
};

// One thread's connection with its prepared-statement cache. Obtained from
// Database::connection(); never shared between threads.
class Connection
{
public:
    Connection(QString name, Dialect dialect);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs a (cached, prepared) statement with positional `?` arguments.
    std::expected<Query, SqlError> tryRun(const QString& sql, SqlArgs args = {});
    // Same, with storage failures turned into user-facing errors.
    Result<Query> run(const QString& sql, SqlArgs args = {});
    // Same, for a statement whose rows (if any) nobody reads.
    Result<void> execute(const QString& sql, SqlArgs args = {});
    // Runs an INSERT ... RETURNING id: the new row's id, or nothing when a unique index refused
    // the row (for callers to whom that means "another writer got there first").
    Result<std::optional<qint64>> insertReturningId(const QString& sql, SqlArgs args = {});
    // Runs one statement that is not worth caching (DDL, pragmas).
    std::expected<void, SqlError> runOnce(const QString& sql);
    // Inside a write transaction: waits until no other transaction holds `key` (PostgreSQL's
    // transaction-scoped advisory lock). SQLite's write lock already excludes everyone.
    Result<void> serialize(int key);
    // BEGIN / COMMIT / ROLLBACK: cached on SQLite, sent unprepared on PostgreSQL.
    std::expected<void, SqlError> runControl(const QString& sql);

    // A write of this transaction changed the seats of `scheduleId`: committedSeatChanges()
    // learns it when the transaction commits (at once, outside a WriteTransaction).
    void noteSeatChange(qint64 scheduleId);

    // PostgreSQL LISTEN state for Database::dataVersion().
    bool listening = false;
    std::shared_ptr<std::atomic<qint64>> notifications = std::make_shared<std::atomic<qint64>>(0);

    Dialect dialect() const { return m_dialect; }
    // The server dropped this connection; Database::connection() replaces it.
    bool isLost() const { return m_lost; }
    QSqlDatabase& handle() { return m_db; }
    const QString& name() const { return m_name; }

private:
    QString m_name;
    Dialect m_dialect;
    QSqlDatabase m_db;
    std::expected<Query, SqlError> runSqlite(const QString& sql, SqlArgs args);

    friend class WriteTransaction;
    bool m_inWrite = false;
    QList<qint64> m_seatChanges; // noted in the open write transaction

    QHash<QString, QSqlQuery*> m_cache;
    // SQLite: statements run on the QSQLITE connection's own handle. Qt opened it and set its
    // pragmas; skipping QSqlQuery and QVariant per statement is what keeps the services close
    // to the raw C API (bench_engine measures the two side by side).
    sqlite3* m_sqlite = nullptr;
    QHash<QString, sqlite3_stmt*> m_statements;
    bool m_lost = false;
};

struct DatabaseOptions
{
    QString location;            // a file path, ":memory:"-like paths are not supported
    bool synchronousFull = true; // FULL (default) or NORMAL, for benchmarks only
    int busyTimeoutMs = 5000;
    bool migrate = true;
};

// The storage: opens per-thread connections, applies pragmas and migrations, knows the dialect.
class Database : public std::enable_shared_from_this<Database>
{
public:
    static constexpr int kSchemaVersion = 5;

    static Result<std::shared_ptr<Database>> open(const DatabaseOptions& options);
    ~Database();

    // The calling thread's connection, opened on first use. It lives until it is lost, its
    // thread ends or this Database is destroyed; other threads' connections to a destroyed
    // Database are closed by those threads at their next connection() call (Database.cpp).
    Result<Connection*> connection();

    Dialect dialect() const { return m_dialect; }
    const DatabaseOptions& options() const { return m_options; }
    // Where the data lives, for people (never includes a password).
    QString displayName() const;
    int schemaVersion();
    // What the engine's own consistency check finds wrong (empty: nothing).
    Result<QStringList> integrityProblems();
    // A number that changes when another connection commits (SQLite's PRAGMA data_version):
    // a cheap way for a terminal to notice other terminals' writes without reloading.
    Result<qint64> dataVersion();
    // SQLite: each performance's seat version (bumped by a trigger on every change to its
    // reservations), for a reader that saw dataVersion() move to learn which ones moved.
    Result<QList<std::pair<qint64, qint64>>> seatVersions();

private:
    Database(DatabaseOptions options, Dialect dialect);
    Result<void> migrate(Connection& conn);
    Result<void> configure(Connection& conn);
    Result<int> readSchemaVersion(Connection& conn);
    Result<void> writeSchemaVersion(Connection& conn, int version);
    Error postgresConnectError(const QString& driverText, bool wasConnected) const;

    DatabaseOptions m_options;
    Dialect m_dialect;
    quint64 m_id;
    std::atomic<bool> m_opened = false;
};

// RAII read transaction: one consistent snapshot for several statements (a deferred BEGIN on
// SQLite; REPEATABLE READ, READ ONLY on PostgreSQL). Ends when it goes out of scope.
class ReadTransaction
{
public:
    static Result<ReadTransaction> begin(Connection& conn);
    ReadTransaction(ReadTransaction&& o) noexcept : m_conn(std::exchange(o.m_conn, nullptr)) {}
    ReadTransaction& operator=(ReadTransaction&&) = delete;
    ReadTransaction(const ReadTransaction&) = delete;
    ~ReadTransaction();

private:
    explicit ReadTransaction(Connection* conn) : m_conn(conn) {}
    Connection* m_conn;
};

// RAII write transaction: BEGIN IMMEDIATE on SQLite (takes the write lock up front, so the busy
// timeout applies), BEGIN on PostgreSQL. Rolls back unless commit() succeeded.
class WriteTransaction
{
public:
    static Result<WriteTransaction> begin(Connection& conn);
    WriteTransaction(WriteTransaction&& o) noexcept : m_conn(std::exchange(o.m_conn, nullptr)) {}
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    WriteTransaction(const WriteTransaction&) = delete;
    ~WriteTransaction();

    Result<void> commit();
    void rollback();

private:
    explicit WriteTransaction(Connection* conn) : m_conn(conn) {}
    Connection* m_conn;
};

} // namespace boxoffice
