// The PostgreSQL benchmark. Prints one plain table on stdout; every figure stands beside a
// baseline measured in the same run, with the ratio.
//
//   scripts/with-postgres.sh build/tests/bench_postgres           full run (a few minutes)
//   scripts/with-postgres.sh build/tests/bench_postgres --quick   smoke run for CTest (seconds)
//
// It needs BOXOFFICE_TEST_POSTGRES=postgres://user:pass@host:port/db (scripts/with-postgres.sh
// starts a throwaway server and sets it). Every part runs in schemas of its own, created here and
// dropped at the end (--keep leaves them).
//
//   (a) hold transactions per second: ReservationService::hold over QPSQL with 1 and 8 threads
//       (a connection each) vs. the same statements in the same order through raw libpq
//       (PQprepare/PQexecPrepared, BEGIN ... COMMIT) with 1 and 8 connections;
//   (b) admission across four `boxoffice --serve` processes on one schema: per admission period,
//       from the claim to a client seeing its token ACTIVE over HTTP; exactly K per period;
//       baseline: the same with one process;
//   (c) live updates across processes: a hold over HTTP on one server until a listener
//       (Database::dataVersion(), LISTEN boxoffice_changes) in this process sees it; baseline:
//       a bare NOTIFY from a raw libpq connection to the same listener.
//
// Exit code 0 unless something is wrong (a failed call, a period that admits more than K). Timing
// is reported, never judged: the machines that run this are shared and noisy.

#include "demo/DemoSeeder.h"
#include "engine/Engine.h"
#include "support/PgBenchSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSocketNotifier>
#include <QSqlDriver>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <condition_variable>
#include <csignal>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <signal.h>
#include <time.h>
#include <unistd.h>

using namespace boxoffice;
using namespace boxoffice::pgbench;

namespace {

// 2026-01-01T00:00:00Z: the ManualClock of part (a), like the other benchmarks and tests.
constexpr qint64 kNowMs = 1'767'225'600'000;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr int kThreads = 8;
constexpr int kWarmHolds = 4;        // per thread, untimed: connection, prepared statements
constexpr int kHoldsPerCustomer = 4; // the default H3 limit: realistic customers
constexpr int kMinSeats = 5000;
constexpr int kServers = 4;
// QueueService's admission job in scheduler_runs (a private constant there).
const char* const kAdmissionJob = "admission";

struct Config
{
    bool quick = false;
    bool keep = false;
    int holds1 = 0; // (a) timed holds per side with one connection
    int holds8 = 0; // (a) timed holds per side with eight connections (all threads)
    int rounds = 0; // (a) service and raw alternate in rounds
    int admitK = 0; // (b) --activate-count
    int periods = 0;
    int liveHolds = 0; // (c)
    int idleWindowMs = 0;
};

QUrl g_base;
QStringList g_schemas;      // created by this run, dropped at the end
std::vector<qint64> g_pids; // servers started by this run

void out(const QString& line)
{
    std::fputs(qPrintable(line), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString pad(const QString& s, int width)
{
    return s.leftJustified(width);
}

QString rpad(const QString& s, int width)
{
    return s.rightJustified(width);
}

QString ratio(double a, double b)
{
    return fixed(a / b, 2) + QLatin1Char('x');
}

QString locationFor(const QString& schema)
{
    QUrl u = g_base;
    QUrlQuery q(u);
    q.removeAllQueryItems(QStringLiteral("schema"));
    q.addQueryItem(QStringLiteral("schema"), schema);
    u.setQuery(q);
    return u.toString(QUrl::FullyEncoded);
}

QString newSchema(RawPg& admin, const QString& suffix)
{
    const QString name =
        QStringLiteral("bench_%1_%2").arg(QCoreApplication::applicationPid()).arg(suffix);
    admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(name));
    admin.exec(QStringLiteral("CREATE SCHEMA %1").arg(name));
    g_schemas << name;
    return name;
}

// Best effort, never fatal: used on the way out, also from die().
void cleanup(bool keep)
{
    for (qint64 pid : g_pids)
        ::kill(pid_t(pid), SIGKILL);
    g_pids.clear();
    if (keep || g_schemas.isEmpty())
        return;
    QString error;
    PGconn* c = pgConnect(g_base, {}, &error);
    if (!c) {
        std::fprintf(stderr, "bench_postgres: cannot drop the schemas: %s\n", qPrintable(error));
        return;
    }
    PQclear(PQexec(c, "SET lock_timeout = 5000"));
    PQclear(PQexec(c, "SET client_min_messages = warning"));
    for (const QString& s : std::as_const(g_schemas)) {
        PGresult* r = PQexec(
            c, QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(s).toUtf8().constData());
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            std::fprintf(stderr, "bench_postgres: schema %s left behind: %s\n", qPrintable(s),
                         PQerrorMessage(c));
        PQclear(r);
    }
    PQfinish(c);
    g_schemas.clear();
}

// Runs the event loop until `done` or the timeout; false on timeout. No sleeping: it waits for
// events (a periodic timer makes sure the deadline is noticed).
bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    QTimer tick;
    tick.start(20);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// CPU time of the calling thread (the client's share of a transaction).
double threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

// CPU time of a PostgreSQL backend (the server's share), from /proc: same machine only; 0 if
// unreadable. Clock ticks, so only sums over many transactions mean anything.
double backendCpuUs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // After "pid (comm) ": state is field 3 of proc(5); utime and stime are fields 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return ticks * 1e6 / double(sysconf(_SC_CLK_TCK));
}

double backendsCpuUs(const std::vector<qint64>& pids)
{
    double sum = 0;
    for (qint64 pid : pids)
        sum += backendCpuUs(pid);
    return sum;
}

// ---------------------------------------------------------------------------------------------
// (a) Hold transactions: the service layer vs. raw libpq.

// Threads that live through every round, so that connections and prepared statements stay.
class Crew
{
public:
    explicit Crew(int n)
    {
        for (int t = 0; t < n; ++t)
            m_threads.emplace_back([this, t] { loop(t); });
    }
    ~Crew()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        for (std::thread& th : m_threads)
            th.join();
    }
    Crew(const Crew&) = delete;
    Crew& operator=(const Crew&) = delete;

    // Runs job(t) on every thread at once; returns the wall time from release to the last finish.
    double run(std::function<void(int)> job)
    {
        std::unique_lock lock(m_mutex);
        m_job = std::move(job);
        m_remaining = int(m_threads.size());
        const double start = steadyUs();
        ++m_generation;
        m_wake.notify_all();
        m_done.wait(lock, [this] { return m_remaining == 0; });
        return steadyUs() - start;
    }

private:
    void loop(int t)
    {
        int seen = 0;
        for (;;) {
            std::function<void(int)> job;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [&] { return m_stop || m_generation != seen; });
                if (m_stop)
                    return;
                seen = m_generation;
                job = m_job;
            }
            job(t);
            {
                std::lock_guard lock(m_mutex);
                if (--m_remaining == 0)
                    m_done.notify_all();
            }
        }
    }

    std::vector<std::thread> m_threads;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    std::function<void(int)> m_job;
    int m_generation = 0;
    int m_remaining = 0;
    bool m_stop = false;
};

// The statements of QueueService::requireActive (findByToken) and ReservationService::hold, in
// the same order and the same transaction, prepared once per connection with libpq.
class RawHold
{
public:
    RawHold(const QUrl& url, const QString& schema) : m_db(url, schema)
    {
        // The session settings Database::configure gives every service connection.
        m_db.exec(QStringLiteral("SET lock_timeout = 5000"));
        m_db.exec(QStringLiteral("SET synchronous_commit = on"));
        m_db.exec(QStringLiteral("SET client_min_messages = warning"));
        m_db.prepare("token", "SELECT id, customer_id, concert_id, seq, state, deadline_at,"
                              " payment_id FROM queue_entries WHERE token_hash = $1");
        m_db.prepare("schedule", "SELECT concert_id, starts_at FROM schedules WHERE id = $1");
        m_db.prepare("seat", "SELECT id, price, COALESCE(label, CAST(seat_number AS TEXT))"
                             " FROM seats"
                             " WHERE schedule_id = $1 AND seat_number = $2");
        m_db.prepare("lock", "UPDATE customers SET balance = balance WHERE id = $1");
        m_db.prepare("expire", "UPDATE reservations SET status = 'EXPIRED', updated_at = $1"
                               " WHERE seat_id = $2 AND status IN ('HELD', 'PAID')"
                               " AND status = 'HELD' AND expires_at <= $3");
        m_db.prepare("live", "SELECT 1 FROM reservations WHERE seat_id = $1"
                             " AND status IN ('HELD', 'PAID')");
        m_db.prepare("count", "SELECT COUNT(*) FROM reservations"
                              " WHERE customer_id = $1 AND schedule_id = $2"
                              " AND status = 'HELD' AND expires_at > $3");
        m_db.prepare("insert", "INSERT INTO reservations (seat_id, schedule_id, customer_id,"
                               " price, status, held_at, expires_at, updated_at)"
                               " VALUES ($1, $2, $3, $4, 'HELD', $5, $6, $7) RETURNING id");
    }

    qint64 hold(const QString& token, qint64 scheduleId, int seatNumber, qint64 now,
                const EngineSettings& settings)
    {
        m_db.exec(QStringLiteral("BEGIN"));
        // The service hashes the secret on every call; so does the baseline.
        const QByteArray hash = QueueService::digest(token).toUtf8();
        qint64 customerId = 0;
        {
            const char* v[] = {hash.constData()};
            const PgResult r = m_db.run("token", 1, v);
            if (r.rows() != 1)
                abort("token not found");
            customerId = r.i64(0, 1);
            const qint64 tokenConcert = r.i64(0, 2);
            const QString state = r.str(0, 4);
            const qint64 deadline = r.i64(0, 5);
            if (state != QLatin1String("ACTIVE") || deadline <= now)
                abort("token not ACTIVE");
            m_tokenConcert = tokenConcert;
        }
        const QByteArray schedule = QByteArray::number(scheduleId);
        {
            const char* v[] = {schedule.constData()};
            const PgResult r = m_db.run("schedule", 1, v);
            if (r.rows() != 1)
                abort("schedule not found");
            if (r.i64(0, 0) != m_tokenConcert || r.i64(0, 1) <= now)
                abort("wrong concert or closed schedule");
        }
        const qint64 expiresAt = now + qint64(settings.holdSeconds) * 1000;
        const QByteArray seat = QByteArray::number(seatNumber);
        QByteArray seatId, price;
        {
            const char* v[] = {schedule.constData(), seat.constData()};
            const PgResult r = m_db.run("seat", 2, v);
            if (r.rows() != 1)
                abort("seat not found");
            seatId = QByteArray::number(r.i64(0, 0));
            price = QByteArray::number(r.i64(0, 1));
            const QString label = r.str(0, 2);
            Q_UNUSED(label);
        }
        const QByteArray customer = QByteArray::number(customerId);
        const QByteArray nowText = QByteArray::number(now);
        {
            const char* v[] = {customer.constData()};
            m_db.run("lock", 1, v);
        }
        {
            const char* v[] = {nowText.constData(), seatId.constData(), nowText.constData()};
            m_db.run("expire", 3, v);
        }
        {
            const char* v[] = {seatId.constData()};
            if (m_db.run("live", 1, v).rows() != 0)
                abort("seat already taken");
        }
        {
            const char* v[] = {customer.constData(), schedule.constData(), nowText.constData()};
            const PgResult r = m_db.run("count", 3, v);
            if (r.rows() == 1 && r.i64(0, 0) >= settings.maxHolds)
                abort("hold limit");
        }
        qint64 id = 0;
        {
            const QByteArray expires = QByteArray::number(expiresAt);
            const char* v[] = {seatId.constData(), schedule.constData(), customer.constData(),
                               price.constData(),  nowText.constData(),  expires.constData(),
                               nowText.constData()};
            const PgResult r = m_db.run("insert", 7, v);
            if (r.rows() != 1)
                abort("insert returned nothing");
            id = r.i64(0, 0);
        }
        m_db.exec(QStringLiteral("COMMIT"));
        return id;
    }

    qint64 backendPid() const { return PQbackendPID(m_db.get()); }

private:
    [[noreturn]] void abort(const char* why)
    {
        die(QStringLiteral("raw hold: %1").arg(QString::fromLatin1(why)));
    }

    RawPg m_db;
    qint64 m_tokenConcert = 0;
};

// One side of (a): a schema with a schedule of many seats and customers with ACTIVE tokens.
struct HoldSide
{
    QString schema;
    std::unique_ptr<Engine> engine; // the service side's; the raw side keeps it for setup only
    qint64 scheduleId = 0;
    QList<QString> tokens; // by customer index
    struct Times
    {
        double wallUs = 0;   // the timed holds, start to last finish
        double clientUs = 0; // CPU of the client threads during them
        double serverUs = 0; // CPU of their backends during them
    };
    Times sides[2]; // 1 connection, 8 connections
};

// Seat layout of each side: one thread's range for the 1-connection run, then one range per
// thread for the 8-connection run; each range starts with kWarmHolds untimed holds. Customer
// of seat index g (0-based) = g / kHoldsPerCustomer, so no customer is shared by two threads.
struct HoldPlan
{
    int per1 = 0; // timed holds of the single thread
    int per8 = 0; // timed holds of each of the 8 threads
    int range1() const { return kWarmHolds + per1; }
    int range8() const { return kWarmHolds + per8; }
    int start(int threads, int t) const { return threads == 1 ? 0 : range1() + t * range8(); }
    int seatsUsed() const { return range1() + kThreads * range8(); }
    int seats() const { return std::max(kMinSeats, seatsUsed()); }
    int customers() const { return (seatsUsed() + kHoldsPerCustomer - 1) / kHoldsPerCustomer; }
};

void setupHoldSide(HoldSide& side, RawPg& admin, const QString& suffix, const HoldPlan& plan,
                   const EngineSettings& settings, const ManualClock& clock)
{
    side.schema = newSchema(admin, suffix);
    DatabaseOptions options;
    options.location = locationFor(side.schema);
    side.engine = must(Engine::open(options, settings, clock), "Engine::open (holds)");
    const qint64 now = clock.nowMs();

    RawPg seed(g_base, side.schema);
    seed.exec(QStringLiteral("BEGIN"));
    const qint64 concertId = seed.exec(QStringLiteral("INSERT INTO concerts (title, venue)"
                                                      " VALUES ('Benchmark concert',"
                                                      " 'Benchmark arena') RETURNING id"))
                                 .i64(0, 0);
    side.scheduleId = seed.exec(QStringLiteral("INSERT INTO schedules (concert_id, starts_at,"
                                               " layout) VALUES (%1, %2, 'bench') RETURNING id")
                                    .arg(concertId)
                                    .arg(now + 30 * kDayMs))
                          .i64(0, 0);
    // Sections of 1,000 seats, rows of 50, three price tiers (like bench_engine's).
    seed.exec(QStringLiteral("INSERT INTO seats (schedule_id, seat_number, section, row_label,"
                             " tier, price)"
                             " SELECT %1, i, 'S' || ((i - 1) / 1000 + 1),"
                             " CAST(((i - 1) % 1000) / 50 + 1 AS TEXT),"
                             " CASE WHEN i <= 500 THEN 'VIP' WHEN i <= 2000 THEN 'R' ELSE 'S' END,"
                             " CASE WHEN i <= 500 THEN 150000 WHEN i <= 2000 THEN 100000"
                             " ELSE 60000 END FROM generate_series(1, %2) AS i")
                  .arg(side.scheduleId)
                  .arg(plan.seats()));
    seed.exec(QStringLiteral("INSERT INTO customers (name, phone, balance, created_at)"
                             " SELECT 'Customer ' || i, '', 0, %1"
                             " FROM generate_series(1, %2) AS i")
                  .arg(now - kDayMs)
                  .arg(plan.customers()));
    seed.exec(QStringLiteral("COMMIT"));
    seed.exec(QStringLiteral("ANALYZE"));
    const PgResult ids = seed.exec(QStringLiteral("SELECT id FROM customers ORDER BY id"));

    // ACTIVE tokens through the service's own path (an engine that does not wait for fsync,
    // for setup speed only; the measured engine keeps the default synchronous_commit = on).
    DatabaseOptions fast = options;
    fast.synchronousFull = false;
    fast.migrate = false;
    auto setup = must(Engine::open(fast, settings, clock), "Engine::open (setup)");
    for (int i = 0; i < ids.rows(); ++i)
        side.tokens
            << must(setup->queue.enter(ids.i64(i, 0), concertId), "QueueService::enter").token;
    const int admitted = must(setup->queue.activateDue(now), "QueueService::activateDue");
    if (admitted != ids.rows())
        die(QStringLiteral("admitted %1 of %2 customers").arg(admitted).arg(ids.rows()));
}

void checkHeld(const QString& schema, qint64 expected, const char* side)
{
    RawPg db(g_base, schema);
    const qint64 n =
        db.exec(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'HELD'"))
            .i64(0, 0);
    if (n != expected)
        die(QStringLiteral("%1 side holds %2 seats, expected %3")
                .arg(QString::fromLatin1(side))
                .arg(n)
                .arg(expected));
}

void runHolds(const Config& cfg, RawPg& admin)
{
    ManualClock clock(kNowMs);
    EngineSettings settings;
    settings.maxHolds = 1'000'000; // H3 must not stop the benchmark
    settings.activateCount = 1'000'000;
    HoldPlan plan;
    plan.per1 = cfg.holds1;
    plan.per8 = cfg.holds8 / kThreads;

    HoldSide svc, raw;
    const double setupStart = steadyUs();
    setupHoldSide(svc, admin, QStringLiteral("holds_service"), plan, settings, clock);
    setupHoldSide(raw, admin, QStringLiteral("holds_raw"), plan, settings, clock);
    out(QStringLiteral("  setup: 2 schemas, %1 seats and %2 customers with ACTIVE tokens each, in "
                       "%3 s")
            .arg(grouped(plan.seats()), grouped(plan.customers()),
                 fixed((steadyUs() - setupStart) / 1e6, 1)));
    const qint64 now = clock.nowMs();

    for (const int threads : {1, kThreads}) {
        const int per = threads == 1 ? plan.per1 : plan.per8;
        Crew serviceCrew(threads);
        Crew rawCrew(threads);
        // Each raw connection is opened and prepared here, used by its thread only.
        std::vector<std::unique_ptr<RawHold>> rawConns;
        for (int t = 0; t < threads; ++t)
            rawConns.push_back(std::make_unique<RawHold>(g_base, raw.schema));
        // CPU accounting: each client thread's own, and its backend's (from /proc).
        std::vector<double> clientCpu(size_t(threads), 0);
        std::vector<qint64> serviceBackends(size_t(threads), 0);
        std::vector<qint64> rawBackends;
        for (const auto& c : rawConns)
            rawBackends.push_back(c->backendPid());

        auto serviceJob = [&](int first, int count) {
            return [&, first, count](int t) {
                const double cpu0 = threadCpuUs();
                const int base = plan.start(threads, t);
                for (int k = first; k < first + count; ++k) {
                    const int g = base + k;
                    const auto h = svc.engine->reservations.hold(
                        svc.tokens.at(g / kHoldsPerCustomer), svc.scheduleId, g + 1);
                    if (!h)
                        die(QStringLiteral("ReservationService::hold seat %1: %2 %3")
                                .arg(g + 1)
                                .arg(h.error().codeName(), h.error().internal));
                }
                clientCpu[size_t(t)] += threadCpuUs() - cpu0;
            };
        };
        auto rawJob = [&](int first, int count) {
            return [&, first, count](int t) {
                const double cpu0 = threadCpuUs();
                const int base = plan.start(threads, t);
                for (int k = first; k < first + count; ++k) {
                    const int g = base + k;
                    rawConns[size_t(t)]->hold(raw.tokens.at(g / kHoldsPerCustomer), raw.scheduleId,
                                              g + 1, now, settings);
                }
                clientCpu[size_t(t)] += threadCpuUs() - cpu0;
            };
        };
        // Warm-up (connections, prepared statements), untimed.
        serviceCrew.run(serviceJob(0, kWarmHolds));
        rawCrew.run(rawJob(0, kWarmHolds));
        serviceCrew.run([&](int t) {
            Connection* c = must(svc.engine->db->connection(), "Database::connection");
            auto q = must(c->run(QStringLiteral("SELECT pg_backend_pid()")), "pg_backend_pid");
            serviceBackends[size_t(t)] = q.next() ? q.i64(0) : 0;
            while (q.next()) {
            }
        });
        // Rounds alternate the sides so that the machine's noise hits them alike.
        auto measure = [&](Crew& crew, const std::function<void(int)>& job,
                           const std::vector<qint64>& backends, double& wall, double& client,
                           double& server) {
            std::fill(clientCpu.begin(), clientCpu.end(), 0);
            const double server0 = backendsCpuUs(backends);
            wall += crew.run(job);
            server += backendsCpuUs(backends) - server0;
            for (double c : clientCpu)
                client += c;
        };
        double sWall = 0, sClient = 0, sServer = 0, rWall = 0, rClient = 0, rServer = 0;
        const int perRound = per / cfg.rounds;
        for (int round = 0; round < cfg.rounds; ++round) {
            const int first = kWarmHolds + round * perRound;
            const int count = round == cfg.rounds - 1 ? per - round * perRound : perRound;
            measure(serviceCrew, serviceJob(first, count), serviceBackends, sWall, sClient,
                    sServer);
            measure(rawCrew, rawJob(first, count), rawBackends, rWall, rClient, rServer);
        }
        svc.sides[threads == 1 ? 0 : 1] = {sWall, sClient, sServer};
        raw.sides[threads == 1 ? 0 : 1] = {rWall, rClient, rServer};
    }
    // Both sides hold exactly the seats they were asked for.
    checkHeld(svc.schema, plan.seatsUsed(), "service");
    checkHeld(raw.schema, plan.seatsUsed(), "raw");

    out(QString());
    out(QStringLiteral(
            "(a) Holds: ReservationService::hold over QPSQL (a connection per thread) vs. the same "
            "statements in the same\n    order through raw libpq (PQprepare/PQexecPrepared, BEGIN "
            "... COMMIT, same session settings); each side its own\n    schema with the same "
            "data: %1 seats, customers with ACTIVE tokens holding %2 seats each;\n    "
            "synchronous_commit = on (the default); the sides alternate in %3 rounds")
            .arg(grouped(plan.seats()))
            .arg(kHoldsPerCustomer)
            .arg(cfg.rounds));
    out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7")
            .arg(pad(QStringLiteral("connections"), 12), rpad(QStringLiteral("holds"), 7),
                 rpad(QStringLiteral("service tx/s"), 13), rpad(QStringLiteral("raw tx/s"), 10),
                 rpad(QStringLiteral("service/raw"), 12),
                 rpad(QStringLiteral("client CPU µs/tx"), 18),
                 rpad(QStringLiteral("server CPU µs/tx"), 18)));
    double tps[2][2] = {};
    for (int i = 0; i < 2; ++i) {
        const int holds = i == 0 ? plan.per1 : plan.per8 * kThreads;
        const HoldSide::Times& a = svc.sides[i];
        const HoldSide::Times& b = raw.sides[i];
        tps[i][0] = holds / (a.wallUs / 1e6);
        tps[i][1] = holds / (b.wallUs / 1e6);
        auto cpu = [holds](double service, double rawSide) {
            return rpad(
                QStringLiteral("%1 / %2").arg(fixed(service / holds, 0), fixed(rawSide / holds, 0)),
                18);
        };
        out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7")
                .arg(pad(QString::number(i == 0 ? 1 : kThreads), 12), rpad(grouped(holds), 7),
                     rpad(fixed(tps[i][0], 0), 13), rpad(fixed(tps[i][1], 0), 10),
                     rpad(fixed(tps[i][0] / tps[i][1], 2), 12), cpu(a.clientUs, b.clientUs),
                     cpu(a.serverUs, b.serverUs)));
    }
    out(QStringLiteral("    scaling %1 / 1 connections: service %2, raw %3")
            .arg(kThreads)
            .arg(ratio(tps[1][0], tps[0][0]), ratio(tps[1][1], tps[0][1])));
    out(QStringLiteral("    CPU per transaction, service / raw: the client threads' own, and their "
                       "PostgreSQL backends' (/proc, 10 ms ticks)"));
    // The setup engines' connections on this thread close with them.
    svc.engine.reset();
    raw.engine.reset();
}

// ---------------------------------------------------------------------------------------------
// (b), (c): boxoffice --serve processes.

struct Server
{
    std::unique_ptr<QProcess> process;
    QByteArray output;
    quint16 port = 0;
    qint64 pid = 0; // kept: QProcess forgets it once the process has finished
};

class Fleet
{
public:
    ~Fleet() { stop(); }

    void start(int n, const QString& location, int activateCount)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        servers.resize(size_t(n));
        for (Server& s : servers) {
            s.process = std::make_unique<QProcess>();
            s.process->setProcessEnvironment(env);
            s.process->setProcessChannelMode(QProcess::MergedChannels);
            QObject::connect(s.process.get(), &QProcess::readyRead, s.process.get(),
                             [&s] { s.output += s.process->readAll(); });
            s.process->start(QStringLiteral(BOXOFFICE_BIN),
                             {QStringLiteral("--serve"), QStringLiteral("--database"), location,
                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--activate-every"), QStringLiteral("1"),
                              QStringLiteral("--activate-count"), QString::number(activateCount)});
            if (!s.process->waitForStarted(10000))
                die(QStringLiteral("cannot start %1: %2")
                        .arg(QStringLiteral(BOXOFFICE_BIN), s.process->errorString()));
            s.pid = s.process->processId();
            g_pids.push_back(s.pid);
        }
        static const QRegularExpression line(
            QStringLiteral("boxoffice: serving .* on http://127\\.0\\.0\\.1:(\\d+)"));
        const bool up = waitUntil(
            [&] {
                bool all = true;
                for (Server& s : servers) {
                    if (s.process->state() == QProcess::NotRunning)
                        die(QStringLiteral("a server exited at start:\n%1")
                                .arg(QString::fromUtf8(s.output)));
                    const auto m = line.match(QString::fromUtf8(s.output));
                    if (m.hasMatch())
                        s.port = quint16(m.captured(1).toUInt());
                    all = all && s.port != 0;
                }
                return all;
            },
            60000);
        if (!up)
            die(QStringLiteral("the servers did not start within 60 s:\n%1").arg(outputs()));
    }

    void stop()
    {
        for (Server& s : servers) {
            if (s.process && s.process->state() != QProcess::NotRunning) {
                s.process->terminate();
                if (!s.process->waitForFinished(10000)) {
                    s.process->kill();
                    s.process->waitForFinished(5000);
                }
            }
            std::erase(g_pids, s.pid);
        }
        servers.clear();
    }

    // Nobody crashed along the way.
    void checkRunning() const
    {
        for (const Server& s : servers) {
            if (s.process->state() != QProcess::Running)
                die(QStringLiteral("a server stopped:\n%1").arg(QString::fromUtf8(s.output)));
        }
    }

    QString outputs() const
    {
        QString all;
        for (const Server& s : servers)
            all += QString::fromUtf8(s.output);
        return all;
    }

    QNetworkRequest request(size_t server, const QString& path, const QString& token = {}) const
    {
        QNetworkRequest req(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(servers.at(server).port).arg(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Accept-Language", "en");
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return req;
    }

    std::vector<Server> servers;
};

struct Answer
{
    int status = 0;
    QJsonObject body;
};

Answer answerOf(QNetworkReply* r)
{
    Answer a;
    a.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = QJsonDocument::fromJson(r->readAll()).object();
    return a;
}

QString describe(const Answer& a)
{
    return QStringLiteral("HTTP %1 %2")
        .arg(a.status)
        .arg(QString::fromUtf8(QJsonDocument(a.body).toJson(QJsonDocument::Compact)));
}

struct AdmissionResult
{
    int servers = 0;
    int periods = 0;
    std::vector<double> claimToSeenMs; // per period
    std::vector<double> dueToSeenMs;   // per period after the first
    std::vector<double> latenessMs;    // claim time minus due time, per period after the first
    std::vector<double> pollMs;        // every poll's round trip (the detection resolution)
    double enterMs = 0;                // entering everyone over HTTP
};

// A fresh schema with the demo data (concerts 1..3, customers 1..100) plus customers up to
// `customers`, and the admission gate closed: no process can claim a period until it opens.
QString setupAdmissionSchema(RawPg& admin, const QString& suffix, int customers)
{
    const QString schema = newSchema(admin, suffix);
    SystemClock clock; // the servers' clock: the demo dates must lie in their future
    DatabaseOptions options;
    options.location = locationFor(schema);
    {
        auto db = must(Database::open(options), "Database::open (admission)");
        must(DemoSeeder::seedIfEmpty(*db, clock), "DemoSeeder::seedIfEmpty");
    }
    RawPg db(g_base, schema);
    const qint64 have = db.exec(QStringLiteral("SELECT COUNT(*) FROM customers")).i64(0, 0);
    if (customers > have)
        db.exec(QStringLiteral("INSERT INTO customers (name, phone, balance, created_at)"
                               " SELECT 'Bench ' || i, '', 0, %1 FROM generate_series(1, %2) i")
                    .arg(clock.nowMs())
                    .arg(customers - have));
    // The gate: a claim needs last_run_at <= now - period; a day ahead, nobody's is.
    db.exec(QStringLiteral("INSERT INTO scheduler_runs (job, last_run_at) VALUES ('%1', %2)"
                           " ON CONFLICT (job) DO UPDATE SET last_run_at = EXCLUDED.last_run_at")
                .arg(QString::fromLatin1(kAdmissionJob))
                .arg(clock.nowMs() + kDayMs));
    db.exec(QStringLiteral("ANALYZE"));
    return schema;
}

// Enters `customers` customers into concert 1 over HTTP, spread over the servers, 16 requests in
// flight. Returns the tokens in queue order (by seq).
QList<QString> enterAll(QNetworkAccessManager& nam, const Fleet& fleet, const QString& schema,
                        int customers, double* ms)
{
    RawPg db(g_base, schema);
    const PgResult ids =
        db.exec(QStringLiteral("SELECT id FROM customers ORDER BY id LIMIT %1").arg(customers));
    if (ids.rows() != customers)
        die(QStringLiteral("only %1 customers").arg(ids.rows()));
    QList<QString> tokens(customers);
    int next = 0, inFlight = 0, done = 0;
    std::function<void()> launch = [&] {
        while (inFlight < 16 && next < customers) {
            const int i = next++;
            QNetworkReply* r = nam.post(
                fleet.request(size_t(i) % fleet.servers.size(),
                              QStringLiteral("/api/v1/queue/tokens")),
                QStringLiteral(R"({"userId":%1,"concertId":1})").arg(ids.i64(i, 0)).toUtf8());
            ++inFlight;
            QObject::connect(r, &QNetworkReply::finished, r, [&, r, i] {
                const Answer a = answerOf(r);
                r->deleteLater();
                if (a.status != 201)
                    die(QStringLiteral("entering the queue: %1").arg(describe(a)));
                tokens[i] = a.body.value(QStringLiteral("token")).toString();
                --inFlight;
                ++done;
                launch();
            });
        }
    };
    const double start = steadyUs();
    launch();
    if (!waitUntil([&] { return done == customers; }, 120000))
        die(QStringLiteral("entering %1 customers took more than 120 s").arg(customers));
    *ms = (steadyUs() - start) / 1000.0;

    // Queue order is commit order; the database says it.
    QHash<QString, QString> byDigest;
    for (const QString& t : std::as_const(tokens))
        byDigest.insert(QueueService::digest(t), t);
    const PgResult rows = db.exec(QStringLiteral("SELECT token_hash, state FROM queue_entries"
                                                 " WHERE concert_id = 1 ORDER BY seq"));
    QList<QString> ordered;
    for (int i = 0; i < rows.rows(); ++i) {
        if (rows.str(i, 1) != QLatin1String("WAITING"))
            die(QStringLiteral("a token was admitted while the gate was closed"));
        const auto it = byDigest.constFind(rows.str(i, 0));
        if (it == byDigest.constEnd())
            die(QStringLiteral("a queue entry nobody entered"));
        ordered << *it;
    }
    if (ordered.size() != customers)
        die(QStringLiteral("%1 queue entries for %2 customers").arg(ordered.size()).arg(customers));
    return ordered;
}

AdmissionResult runAdmission(const Config& cfg, RawPg& admin, Fleet& fleet, int servers,
                             QNetworkAccessManager& nam, QString* schemaOut,
                             QList<QString>* tokensOut)
{
    const int k = cfg.admitK;
    const int customers = k * cfg.periods;
    const QString schema = setupAdmissionSchema(admin, QStringLiteral("admission_%1").arg(servers),
                                                std::max(customers, 100));
    fleet.start(servers, locationFor(schema), k);

    AdmissionResult res;
    res.servers = servers;
    res.periods = cfg.periods;
    const QList<QString> tokens = enterAll(nam, fleet, schema, customers, &res.enterMs);

    // Open the gate: the next timer to fire in any process claims the first period.
    RawPg db(g_base, schema);
    db.exec(QStringLiteral("UPDATE scheduler_runs SET last_run_at = %1 WHERE job = '%2'")
                .arg(qint64(wallUs() / 1000) - 1000)
                .arg(QString::fromLatin1(kAdmissionJob)));

    // Period i admits tokens [i*K, (i+1)*K); its first is the probe, polled over HTTP (one
    // request at a time, round-robin over the servers) until it answers ACTIVE.
    std::vector<double> seenWallUs(size_t(cfg.periods), 0);
    int period = 0;
    size_t rr = 0;
    std::function<void()> poll = [&] {
        const double sent = steadyUs();
        QNetworkReply* r = nam.get(fleet.request(rr++ % fleet.servers.size(),
                                                 QStringLiteral("/api/v1/queue/tokens/current"),
                                                 tokens.at(period * k)));
        QObject::connect(r, &QNetworkReply::finished, r, [&, r, sent] {
            const double at = wallUs();
            res.pollMs.push_back((steadyUs() - sent) / 1000.0);
            const Answer a = answerOf(r);
            r->deleteLater();
            if (a.status != 200)
                die(QStringLiteral("poll: %1").arg(describe(a)));
            if (a.body.value(QStringLiteral("status")).toString() == QLatin1String("ACTIVE")) {
                seenWallUs[size_t(period)] = at;
                ++period;
            }
            if (period < cfg.periods)
                poll();
        });
    };
    poll();
    if (!waitUntil([&] { return period == cfg.periods; }, (cfg.periods + 30) * 1000))
        die(QStringLiteral("%1 of %2 periods seen within %3 s")
                .arg(period)
                .arg(cfg.periods)
                .arg(cfg.periods + 30));
    fleet.checkRunning();

    // K per period, across all the processes: the admissions, grouped by their claim time.
    const PgResult groups = db.exec(QStringLiteral(
        "SELECT activated_at, COUNT(*) FROM queue_entries WHERE concert_id = 1"
        " AND activated_at IS NOT NULL GROUP BY activated_at ORDER BY activated_at"));
    std::vector<qint64> claims;
    for (int i = 0; i < groups.rows(); ++i) {
        const qint64 n = groups.i64(i, 1);
        if (n > k)
            die(QStringLiteral("the period claimed at %1 admitted %2 tokens, more than K = %3")
                    .arg(groups.i64(i, 0))
                    .arg(n)
                    .arg(k));
        if (n != k)
            die(QStringLiteral("the period claimed at %1 admitted %2 tokens, expected K = %3")
                    .arg(groups.i64(i, 0))
                    .arg(n)
                    .arg(k));
        if (!claims.empty() && groups.i64(i, 0) - claims.back() < 1000)
            die(QStringLiteral("two admissions %1 ms apart, less than one period")
                    .arg(groups.i64(i, 0) - claims.back()));
        claims.push_back(groups.i64(i, 0));
    }
    if (int(claims.size()) != cfg.periods)
        die(QStringLiteral("%1 admissions for %2 periods").arg(claims.size()).arg(cfg.periods));
    for (int i = 0; i < cfg.periods; ++i) {
        const double seenMs = seenWallUs[size_t(i)] / 1000.0;
        res.claimToSeenMs.push_back(seenMs - double(claims[size_t(i)]));
        if (i > 0) {
            const double due = double(claims[size_t(i) - 1] + 1000);
            res.dueToSeenMs.push_back(seenMs - due);
            res.latenessMs.push_back(double(claims[size_t(i)]) - due);
        }
    }
    *schemaOut = schema;
    *tokensOut = tokens;
    return res;
}

struct LiveResult
{
    std::vector<double> sendToSeenMs;
    std::vector<double> answerToSeenMs;
};

struct Note
{
    double us = 0;
    QString payload;
};

// (c): the listener is a Database of its own on the schema of the four servers.
void runLive(const Config& cfg, Fleet& fleet, const QString& schema, const QList<QString>& tokens,
             QNetworkAccessManager& nam, LiveResult& service, LiveResult& baseline,
             double* idlePerSecond, qint64* versionDelta)
{
    DatabaseOptions options;
    options.location = locationFor(schema);
    options.migrate = false;
    auto listener = must(Database::open(options), "Database::open (listener)");
    const qint64 version0 = must(listener->dataVersion(), "Database::dataVersion"); // LISTENs
    Connection* conn = must(listener->connection(), "Database::connection");
    std::vector<Note> notes;
    QObject::connect(
        conn->handle().driver(), &QSqlDriver::notification, conn->handle().driver(),
        [&notes](const QString&, QSqlDriver::NotificationSource, const QVariant& payload) {
            notes.push_back({steadyUs(), payload.toString()});
        });
    // What the terminal does when woken: look again (here: the live holds).
    auto reload = [&] {
        auto q = must(conn->run(QStringLiteral("SELECT COUNT(*) FROM reservations"
                                               " WHERE status = 'HELD'")),
                      "reload");
        const qint64 n = q.next() ? q.i64(0) : qint64(-1);
        // Read to the end. QPSQL runs forward-only queries in single-row mode; left half read
        // (Query's finish() does not drain it), the connection parses nothing more, so the
        // notifications that arrive behind the pending result stall until its next query.
        while (q.next()) {
        }
        return n;
    };

    // Background: with nothing happening, how often is the listener woken?
    {
        const size_t n0 = notes.size();
        waitUntil([] { return false; }, cfg.idleWindowMs);
        *idlePerSecond = double(notes.size() - n0) * 1000.0 / cfg.idleWindowMs;
    }

    RawPg admin(g_base, schema);
    QList<qint64> schedules;
    {
        const PgResult r = admin.exec(QStringLiteral("SELECT id FROM schedules WHERE concert_id = 1"
                                                     " ORDER BY starts_at, id"));
        for (int i = 0; i < r.rows(); ++i)
            schedules << r.i64(i, 0);
    }
    const qint64 held0 = reload();
    if (cfg.liveHolds > tokens.size() || cfg.liveHolds > schedules.size() * 50)
        die(QStringLiteral("not enough customers or seats for %1 holds").arg(cfg.liveHolds));

    // The baseline's sender: a raw connection whose NOTIFY is sent without blocking the loop.
    RawPg sender(g_base);
    QSocketNotifier senderReady(PQsocket(sender.get()), QSocketNotifier::Read);
    bool senderBusy = false;
    double senderDoneUs = 0;
    QObject::connect(&senderReady, &QSocketNotifier::activated, &senderReady, [&] {
        if (!PQconsumeInput(sender.get()))
            die(QStringLiteral("NOTIFY: %1").arg(sender.error()));
        while (senderBusy && !PQisBusy(sender.get())) {
            PGresult* r = PQgetResult(sender.get());
            if (!r) {
                senderBusy = false;
                senderDoneUs = steadyUs();
                break;
            }
            const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
            PQclear(r);
            if (!ok)
                die(QStringLiteral("NOTIFY: %1").arg(sender.error()));
        }
    });

    for (int j = 0; j < cfg.liveHolds; ++j) {
        // A hold over HTTP on server 1 (customer j, a seat of their own).
        {
            size_t checked = notes.size();
            double seen = -1, answered = -1;
            const double sent = steadyUs();
            QNetworkReply* r =
                nam.post(fleet.request(0, QStringLiteral("/api/v1/reservations"), tokens.at(j)),
                         QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                             .arg(schedules.at(j / 50))
                             .arg(j % 50 + 1)
                             .toUtf8());
            QObject::connect(r, &QNetworkReply::finished, r, [&, r] {
                answered = steadyUs();
                const Answer a = answerOf(r);
                r->deleteLater();
                if (a.status != 201)
                    die(QStringLiteral("hold over HTTP: %1").arg(describe(a)));
            });
            const bool ok = waitUntil(
                [&] {
                    // Every wake-up reloads; a wake-up from something else (another
                    // process's sweeper) finds nothing new and waits for the next.
                    while (seen < 0 && checked < notes.size()) {
                        ++checked;
                        if (reload() == held0 + j + 1)
                            seen = steadyUs();
                    }
                    return seen >= 0 && answered >= 0;
                },
                10000);
            if (!ok)
                die(QStringLiteral("hold %1: the listener did not see it within 10 s (%2 "
                                   "notifications, %3 live holds, answered: %4)")
                        .arg(j + 1)
                        .arg(notes.size())
                        .arg(reload())
                        .arg(answered >= 0 ? QStringLiteral("yes") : QStringLiteral("no")));
            service.sendToSeenMs.push_back((seen - sent) / 1000.0);
            service.answerToSeenMs.push_back((seen - answered) / 1000.0);
        }
        // The floor: a bare NOTIFY committed by another connection.
        {
            size_t checked = notes.size();
            double seen = -1;
            const QString tag = QStringLiteral("bench-%1").arg(j);
            const QByteArray sql =
                QStringLiteral("NOTIFY boxoffice_changes, '%1'").arg(tag).toUtf8();
            const double sent = steadyUs();
            if (!PQsendQuery(sender.get(), sql.constData()))
                die(QStringLiteral("NOTIFY: %1").arg(sender.error()));
            senderBusy = true;
            const bool ok = waitUntil(
                [&] {
                    while (seen < 0 && checked < notes.size()) {
                        ++checked;
                        if (notes[checked - 1].payload == tag) {
                            reload(); // the same look as above, so both sides pay for it
                            seen = steadyUs();
                        }
                    }
                    return seen >= 0 && !senderBusy;
                },
                10000);
            if (!ok)
                die(QStringLiteral("NOTIFY %1: the listener saw nothing within 10 s").arg(j + 1));
            baseline.sendToSeenMs.push_back((seen - sent) / 1000.0);
            baseline.answerToSeenMs.push_back((seen - senderDoneUs) / 1000.0);
        }
    }
    fleet.checkRunning();
    *versionDelta = must(listener->dataVersion(), "Database::dataVersion") - version0;
    if (*versionDelta < qint64(notes.size()))
        die(QStringLiteral("dataVersion() moved by %1 for %2 notifications")
                .arg(*versionDelta)
                .arg(notes.size()));
}

QString ms(double v)
{
    return fixed(v, 1);
}

void printAdmission(const Config& cfg, const AdmissionResult& base, const AdmissionResult& four)
{
    out(QString());
    out(QStringLiteral(
            "(b) Admission across processes: `boxoffice --serve --activate-every 1 "
            "--activate-count %1` on one schema;\n    %2 customers entered over HTTP while "
            "admission was held back, then %3 periods; per period: claim = the\n    winner's "
            "activated_at (its clock), seen = a client polling the period's first token over "
            "HTTP (one poll\n    at a time, round-robin over the servers) gets ACTIVE; due = "
            "previous claim + 1 s; ms, p50 / p99")
            .arg(cfg.admitK)
            .arg(grouped(qint64(cfg.admitK) * cfg.periods))
            .arg(cfg.periods));
    out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7")
            .arg(pad(QStringLiteral("processes"), 14), rpad(QStringLiteral("periods"), 8),
                 rpad(QStringLiteral("admitted each"), 14), rpad(QStringLiteral("claim->seen"), 14),
                 rpad(QStringLiteral("due->seen"), 14), rpad(QStringLiteral("claim lateness"), 15),
                 rpad(QStringLiteral("poll RTT"), 12)));
    auto row = [&](const AdmissionResult& r, const QString& label) {
        auto pair = [](const std::vector<double>& v, int width) {
            return rpad(ms(percentile(v, 50)) + QStringLiteral(" / ") + ms(percentile(v, 99)),
                        width);
        };
        out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7")
                .arg(pad(label, 14), rpad(QString::number(r.periods), 8),
                     rpad(QStringLiteral("%1 (= K)").arg(cfg.admitK), 14),
                     pair(r.claimToSeenMs, 14), pair(r.dueToSeenMs, 14), pair(r.latenessMs, 15),
                     pair(r.pollMs, 12)));
    };
    row(base, QStringLiteral("1 (baseline)"));
    row(four, QString::number(four.servers));
    out(QStringLiteral("    ratio %1/1: claim->seen p50 %2, p99 %3; due->seen p50 %4, p99 %5")
            .arg(four.servers)
            .arg(ratio(percentile(four.claimToSeenMs, 50), percentile(base.claimToSeenMs, 50)),
                 ratio(percentile(four.claimToSeenMs, 99), percentile(base.claimToSeenMs, 99)),
                 ratio(percentile(four.dueToSeenMs, 50), percentile(base.dueToSeenMs, 50)),
                 ratio(percentile(four.dueToSeenMs, 99), percentile(base.dueToSeenMs, 99))));
    out(QStringLiteral("    K-per-period check: every one of the %1 periods admitted exactly K = "
                       "%2 across %3 processes (never %4), at least 1 s apart   ok")
            .arg(cfg.periods)
            .arg(cfg.admitK)
            .arg(four.servers)
            .arg(cfg.admitK * four.servers));
    out(QStringLiteral("    (entering %1 customers over HTTP, 16 in flight: %2 ms with 1 process, "
                       "%3 ms with %4)")
            .arg(grouped(qint64(cfg.admitK) * cfg.periods), fixed(base.enterMs, 0),
                 fixed(four.enterMs, 0))
            .arg(four.servers));
}

void printLive(const Config& cfg, const LiveResult& service, const LiveResult& baseline,
               double idlePerSecond, qint64 versionDelta)
{
    out(QString());
    out(QStringLiteral(
            "(c) Live updates across processes (%1 servers running): a hold over HTTP on server "
            "1 until a listener in this\n    process (its own Database, dataVersion() = LISTEN "
            "boxoffice_changes, woken through the Qt event loop) reloads\n    and sees it; "
            "baseline: a bare NOTIFY committed by a raw libpq connection, same listener, same "
            "reload.\n    The commit lies between send and answer, so commit->seen lies between "
            "the two columns; ms, p50 / p99")
            .arg(kServers));
    out(QStringLiteral("    %1 %2 %3 %4")
            .arg(pad(QStringLiteral("change"), 24), rpad(QStringLiteral("n"), 4),
                 rpad(QStringLiteral("send->seen"), 16), rpad(QStringLiteral("answer->seen"), 16)));
    auto row = [&](const LiveResult& r, const QString& label) {
        auto pair = [](const std::vector<double>& v) {
            return rpad(fixed(percentile(v, 50), 2) + QStringLiteral(" / ") +
                            fixed(percentile(v, 99), 2),
                        16);
        };
        out(QStringLiteral("    %1 %2 %3 %4")
                .arg(pad(label, 24), rpad(QString::number(r.sendToSeenMs.size()), 4),
                     pair(r.sendToSeenMs), pair(r.answerToSeenMs)));
    };
    row(service, QStringLiteral("hold over HTTP"));
    row(baseline, QStringLiteral("bare NOTIFY (baseline)"));
    out(QStringLiteral("    ratio hold/NOTIFY send->seen: p50 %1, p99 %2")
            .arg(ratio(percentile(service.sendToSeenMs, 50), percentile(baseline.sendToSeenMs, 50)),
                 ratio(percentile(service.sendToSeenMs, 99),
                       percentile(baseline.sendToSeenMs, 99))));
    out(QStringLiteral("    listener woken %1 times/s with nothing happening (%2 s window); "
                       "dataVersion() moved by %3 in all")
            .arg(fixed(idlePerSecond, 1), fixed(cfg.idleWindowMs / 1000.0, 0))
            .arg(versionDelta));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Config cfg;
    QStringList parts = {QStringLiteral("holds"), QStringLiteral("admission")};
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--quick")) {
            cfg.quick = true;
        } else if (args[i] == QLatin1String("--keep")) {
            cfg.keep = true;
        } else if (args[i] == QLatin1String("--only") && i + 1 < args.size() &&
                   (args[i + 1] == QLatin1String("holds") ||
                    args[i + 1] == QLatin1String("admission"))) {
            parts = {args[++i]};
        } else {
            std::fprintf(stderr, "usage: bench_postgres [--quick] [--keep] [--only "
                                 "holds|admission]\n"
                                 "  needs BOXOFFICE_TEST_POSTGRES=postgres://user:pass@host:port/db"
                                 " (scripts/with-postgres.sh sets it)\n");
            return 2;
        }
    }
    const QString url = qEnvironmentVariable("BOXOFFICE_TEST_POSTGRES");
    if (url.isEmpty()) {
        std::fprintf(stderr,
                     "bench_postgres: FAILED: BOXOFFICE_TEST_POSTGRES is not set. It needs a "
                     "PostgreSQL server: run it as\n  scripts/with-postgres.sh %s%s\n(which "
                     "starts a throwaway server and sets "
                     "BOXOFFICE_TEST_POSTGRES=postgres://user:pass@host:port/db)\n",
                     argv[0], cfg.quick ? " --quick" : "");
        return 1;
    }
    g_base = QUrl(url);
    if (!g_base.isValid() || (g_base.scheme() != QLatin1String("postgres") &&
                              g_base.scheme() != QLatin1String("postgresql"))) {
        std::fprintf(stderr,
                     "bench_postgres: FAILED: BOXOFFICE_TEST_POSTGRES is not a postgres:// URL\n");
        return 1;
    }
    if (cfg.quick) {
        cfg.holds1 = 200;
        cfg.holds8 = 800;
        cfg.rounds = 2;
        cfg.admitK = 5;
        cfg.periods = 3;
        cfg.liveHolds = 5;
        cfg.idleWindowMs = 1000;
    } else {
        cfg.holds1 = 1000;
        cfg.holds8 = 4000;
        cfg.rounds = 5;
        cfg.admitK = 20;
        cfg.periods = 40;
        cfg.liveHolds = 50;
        cfg.idleWindowMs = 3000;
    }
    onDie = [&cfg] { cleanup(cfg.keep); };

    QString serverVersion;
    {
        RawPg admin(g_base);
        serverVersion = admin.exec(QStringLiteral("SHOW server_version")).str(0, 0);
    }
    out(QStringLiteral("Box Office PostgreSQL benchmark (%1 run)   Qt %2, PostgreSQL %3 at "
                       "%4:%5, libpq %6, %7 cores")
            .arg(cfg.quick ? QStringLiteral("quick") : QStringLiteral("full"),
                 QString::fromLatin1(qVersion()), serverVersion, g_base.host())
            .arg(g_base.port(5432))
            .arg(PQlibVersion())
            .arg(std::thread::hardware_concurrency()));
    out(QStringLiteral("Every figure stands beside a baseline measured in this run, with the "
                       "ratio."));
    out(QString());

    {
        RawPg admin(g_base);
        if (parts.contains(QLatin1String("holds")))
            runHolds(cfg, admin);

        if (parts.contains(QLatin1String("admission"))) {
            QNetworkAccessManager nam;
            AdmissionResult base, four;
            QString schema;
            QList<QString> tokens;
            {
                Fleet one;
                base = runAdmission(cfg, admin, one, 1, nam, &schema, &tokens);
                one.checkRunning();
            }
            nam.clearConnectionCache();
            Fleet fleet;
            four = runAdmission(cfg, admin, fleet, kServers, nam, &schema, &tokens);
            printAdmission(cfg, base, four);

            LiveResult service, baseline;
            double idle = 0;
            qint64 versionDelta = 0;
            runLive(cfg, fleet, schema, tokens, nam, service, baseline, &idle, &versionDelta);
            printLive(cfg, service, baseline, idle, versionDelta);
            fleet.stop();
        }
    }
    cleanup(cfg.keep);
    out(QString());
    out(QStringLiteral("All calls succeeded; every admission period admitted exactly K."));
    return 0;
}
