#pragma once

// Small helpers for bench_postgres: fatal checks, clocks, number formatting, percentiles and a
// thin RAII layer over libpq (the raw baseline, schema setup and cleanup).

#include "core/Clock.h"
#include "core/Error.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <libpq-fe.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <utility>
#include <vector>

namespace boxoffice::pgbench {

// Run once before a fatal exit: stops the servers this run started, drops its schemas.
inline std::function<void()> onDie;
inline std::atomic<bool> g_dying{false};

// Every failure is fatal: the figures would be meaningless. Safe from any thread (worker
// threads may still be inside the database, so nothing is unwound: _Exit after cleaning up).
[[noreturn]] inline void die(const QString& what)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_postgres: FAILED: %s\n", qPrintable(what));
    std::fflush(stderr);
    if (!g_dying.exchange(true) && onDie)
        onDie();
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(1);
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

// Monotonic microseconds, for durations measured inside this process.
inline double steadyUs()
{
    return std::chrono::duration<double, std::micro>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Wall-clock microseconds since the epoch: only to compare with times the servers wrote with
// their SystemClock (same machine, same clock).
inline double wallUs()
{
    return double(boxoffice::SystemClock().nowMs()) * 1000.0;
}

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

// Nearest-rank percentile (p in 0..100) of a sample; NaN when empty.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return std::nan("");
    std::sort(v.begin(), v.end());
    const auto rank = std::max<qint64>(1, qint64(std::ceil(p / 100.0 * double(v.size()))));
    return v[size_t(std::min<qint64>(rank, qint64(v.size())) - 1)];
}

// A libpq result, cleared when it goes.
class PgResult
{
public:
    explicit PgResult(PGresult* r = nullptr) : m_r(r) {}
    PgResult(PgResult&& o) noexcept : m_r(std::exchange(o.m_r, nullptr)) {}
    PgResult& operator=(PgResult&& o) noexcept
    {
        std::swap(m_r, o.m_r);
        return *this;
    }
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    ~PgResult()
    {
        if (m_r)
            PQclear(m_r);
    }

    ExecStatusType status() const { return PQresultStatus(m_r); }
    int rows() const { return PQntuples(m_r); }
    bool isNull(int row, int col) const { return PQgetisnull(m_r, row, col) != 0; }
    qint64 i64(int row, int col) const
    {
        return std::strtoll(PQgetvalue(m_r, row, col), nullptr, 10);
    }
    QString str(int row, int col) const
    {
        return QString::fromUtf8(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
    }

private:
    PGresult* m_r;
};

// Connection parameters of a postgres:// URL (password included) for libpq, optionally with a
// search_path, as keyword/value pairs (no quoting to get wrong).
struct PgParams
{
    std::vector<QByteArray> keys;
    std::vector<QByteArray> values;

    PgParams(const QUrl& url, const QString& schema)
    {
        add("host", url.host().toUtf8());
        add("port", QByteArray::number(url.port(5432)));
        add("user", url.userName().toUtf8());
        add("password", url.password().toUtf8());
        add("dbname", url.path().mid(1).toUtf8());
        add("connect_timeout", "5");
        if (!schema.isEmpty())
            add("options", "-csearch_path=" + schema.toUtf8());
    }
    void add(const char* k, const QByteArray& v)
    {
        keys.emplace_back(k);
        values.push_back(v);
    }
    // Null-terminated arrays for PQconnectdbParams; valid while this object lives.
    std::vector<const char*> keyPtrs() const { return ptrs(keys); }
    std::vector<const char*> valuePtrs() const { return ptrs(values); }

private:
    static std::vector<const char*> ptrs(const std::vector<QByteArray>& v)
    {
        std::vector<const char*> out;
        for (const QByteArray& b : v)
            out.push_back(b.constData());
        out.push_back(nullptr);
        return out;
    }
};

// Opens a libpq connection; nullptr and the reason on failure (never dies: cleanup uses it).
inline PGconn* pgConnect(const QUrl& url, const QString& schema, QString* error)
{
    const PgParams p(url, schema);
    const auto k = p.keyPtrs();
    const auto v = p.valuePtrs();
    PGconn* c = PQconnectdbParams(k.data(), v.data(), 0);
    if (PQstatus(c) != CONNECTION_OK) {
        if (error)
            *error = QString::fromUtf8(PQerrorMessage(c)).trimmed();
        PQfinish(c);
        return nullptr;
    }
    return c;
}

// One raw libpq connection: the baseline's client, and the benchmark's own admin tool.
class RawPg
{
public:
    RawPg(const QUrl& url, const QString& schema = {})
    {
        QString error;
        m_c = pgConnect(url, schema, &error);
        if (!m_c)
            die(QStringLiteral("libpq cannot connect: %1").arg(error));
        // DROP SCHEMA ... CASCADE and friends talk a lot; keep the table readable.
        PQclear(PQexec(m_c, "SET client_min_messages = warning"));
    }
    ~RawPg() { PQfinish(m_c); }
    RawPg(const RawPg&) = delete;
    RawPg& operator=(const RawPg&) = delete;

    // A statement sent as it is (simple query protocol); fatal unless it succeeds.
    PgResult exec(const QString& sql)
    {
        PgResult r(PQexec(m_c, sql.toUtf8().constData()));
        check(r, sql.toUtf8().constData());
        return r;
    }
    void prepare(const char* name, const char* sql)
    {
        PgResult r(PQprepare(m_c, name, sql, 0, nullptr));
        check(r, sql);
    }
    // Runs a prepared statement with text parameters.
    PgResult run(const char* name, int n, const char* const* values)
    {
        PgResult r(PQexecPrepared(m_c, name, n, values, nullptr, nullptr, 0));
        check(r, name);
        return r;
    }
    QString error() const { return QString::fromUtf8(PQerrorMessage(m_c)).trimmed(); }
    PGconn* get() const { return m_c; }

private:
    void check(const PgResult& r, const char* what)
    {
        // A null result (PQresultStatus answers PGRES_FATAL_ERROR) means the connection failed.
        const ExecStatusType s = r.status();
        if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
            die(QStringLiteral("libpq: %1: %2").arg(QString::fromUtf8(what), error()));
    }

    PGconn* m_c = nullptr;
};

} // namespace boxoffice::pgbench
