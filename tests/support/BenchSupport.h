#pragma once

// Small helpers for bench_engine: a monotonic stopwatch, fatal checks, number formatting and a
// thin RAII layer over the sqlite3 C API (the raw baseline and the bulk loader).

#include "core/Error.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>

namespace boxoffice::bench {

// Run before a fatal exit (removes the benchmark's databases unless asked to keep them).
inline std::function<void()> onDie;

// Every failure in the benchmark is fatal: the figures would be meaningless.
[[noreturn]] inline void die(const QString& what)
{
    std::fflush(stdout);
    if (onDie)
        onDie();
    std::fprintf(stderr, "bench_engine: FAILED: %s\n", qPrintable(what));
    std::exit(1);
}

template <typename T> T must(Result<T> r, const char* what)
{
    if (!r) {
        die(QStringLiteral("%1: %2 %3 %4")
                .arg(QString::fromLatin1(what), r.error().codeName(), r.error().english,
                     r.error().internal));
    }
    if constexpr (!std::is_void_v<T>)
        return std::move(*r);
}

// A benchmark may read a monotonic clock; the services still run on a ManualClock.
class Stopwatch
{
public:
    Stopwatch() : m_start(std::chrono::steady_clock::now()) {}
    double elapsedUs() const
    {
        return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - m_start)
            .count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// 1234567 -> "1,234,567"
inline QString grouped(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (int i = int(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

inline QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

// One raw sqlite3 connection.
class RawDb
{
public:
    explicit RawDb(const QString& path)
    {
        const QByteArray p = path.toUtf8();
        if (sqlite3_open_v2(p.constData(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) != SQLITE_OK)
            die(QStringLiteral("sqlite3_open_v2(%1): %2").arg(path, error()));
    }
    ~RawDb() { sqlite3_close_v2(m_db); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void exec(const QString& sql)
    {
        char* err = nullptr;
        if (sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err) != SQLITE_OK) {
            const QString text = QString::fromUtf8(err ? err : "?");
            sqlite3_free(err);
            die(QStringLiteral("%1: %2").arg(sql, text));
        }
    }
    // A one-row, one-column text answer (pragmas).
    QString text(const QString& sql);

    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }
    sqlite3* get() const { return m_db; }

private:
    sqlite3* m_db = nullptr;
};

// A statement prepared once and reused (bind, step, reset).
class RawStmt
{
public:
    RawStmt(RawDb& db, const char* sql) : m_db(&db), m_sql(sql)
    {
        if (sqlite3_prepare_v3(db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_s, nullptr) !=
            SQLITE_OK)
            die(QStringLiteral("prepare %1: %2").arg(QString::fromUtf8(sql), db.error()));
    }
    ~RawStmt() { sqlite3_finalize(m_s); }
    RawStmt(const RawStmt&) = delete;
    RawStmt& operator=(const RawStmt&) = delete;

    RawStmt& bind(int i, qint64 v)
    {
        sqlite3_bind_int64(m_s, i, v);
        return *this;
    }
    // The bytes must outlive the step (SQLITE_STATIC, no copy).
    RawStmt& bind(int i, const QByteArray& utf8)
    {
        sqlite3_bind_text(m_s, i, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
        return *this;
    }
    // SQLITE_ROW -> true, SQLITE_DONE -> false, anything else is fatal.
    bool step()
    {
        const int rc = sqlite3_step(m_s);
        if (rc == SQLITE_ROW)
            return true;
        if (rc == SQLITE_DONE)
            return false;
        die(QStringLiteral("step %1: %2").arg(QString::fromUtf8(m_sql), m_db->error()));
    }
    void reset() { sqlite3_reset(m_s); }
    // Runs a statement that returns no row of interest, then resets it.
    void run()
    {
        step();
        reset();
    }

    qint64 i64(int col) const { return sqlite3_column_int64(m_s, col); }
    QString str(int col) const
    {
        return QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(m_s, col)),
                                 sqlite3_column_bytes(m_s, col));
    }

private:
    RawDb* m_db;
    const char* m_sql;
    sqlite3_stmt* m_s = nullptr;
};

inline QString RawDb::text(const QString& sql)
{
    const QByteArray s = sql.toUtf8();
    RawStmt st(*this, s.constData());
    QString out;
    if (st.step())
        out = st.str(0);
    st.reset();
    return out;
}

} // namespace boxoffice::bench
