// The engine benchmark. Prints one plain table on stdout; every figure
// stands beside a baseline measured in the same run, with the ratio.
//
//   bench_engine            full run: queues of 1,000 / 100,000 / 1,000,000 WAITING tokens
//   bench_engine --quick    smoke run for CTest: 1,000 / 10,000 / 20,000, few iterations
//   bench_engine --dir D    put the databases under D (default: the system temporary folder)
//
// Exit code 0 unless something is wrong (a position that is not exact, a failed call). Missed
// timing targets are reported as text only: the machines that run this are shared and noisy.

#include "engine/Engine.h"
#include "support/BenchSupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::bench;

namespace {

// 2026-01-01T00:00:00Z, like the tests.
constexpr qint64 kNowMs = 1'767'225'600'000;
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr qint64 kConcertId = 1;
constexpr qint64 kScheduleId = 1;
constexpr int kAdmitK = 1000;     // (b): K
constexpr int kEvicted = 16;      // (a): evicted entries spread through each queue
constexpr int kPolledTokens = 32; // (a): tokens at the very end of each queue
constexpr int kHoldSeats = 5000;  // (c): seats of the benchmark schedule
constexpr int kHoldCustomers = 8; // (c): customers taking turns

struct Config
{
    bool quick = false;
    QList<qint64> sizes;
    int pollRounds = 0;
    int pollsPerRound = 0;  // per size and round, writes (fsync'd)
    int readsPerRound = 0;  // per size and round, read path
    int issuesPerRound = 0; // per size and round, QueueService::enter for a fresh customer
    int holdRounds = 0;
    int holdsPerRound = 0; // per side and round
    int paysPerRound = 0;  // per side and round
    QString dir;
    bool queue = true; // (a) and (b)
    bool holds = true; // (c) and (d)
};

void out(const QString& line)
{
    std::fputs(qPrintable(line), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

QString verdict(bool met)
{
    return met ? QStringLiteral("target met") : QStringLiteral("target missed");
}

QString sizeLabel(qint64 n)
{
    return grouped(n);
}

QString pad(const QString& s, int width)
{
    return s.leftJustified(width);
}

QString rpad(const QString& s, int width)
{
    return s.rightJustified(width);
}

// ---------------------------------------------------------------------------------------------
// (a), (b): a queue of n WAITING tokens in one concert.

struct QueueCase
{
    qint64 waiting = 0; // n
    qint64 total = 0;   // n + evicted entries
    QString path;
    std::unique_ptr<Engine> engine;
    QList<QString> tokens;     // the polled tokens, at the end of the queue
    QList<qint64> expectedPos; // their exact positions
    QList<qint64> evictedSeqs;
    double loadSeconds = 0;
    double pollUs = 0;
    qint64 polls = 0;
    double readUs = 0;
    qint64 reads = 0;
    double issueUs = 0;
    qint64 issues = 0;
    double admitMs = 0;
    double sweepMs = 0;
};

QList<qint64> evictedSeqsFor(qint64 total)
{
    // Spread through the queue, the last just before the polled tokens.
    QList<qint64> seqs;
    const qint64 span = total - kPolledTokens;
    for (int j = 1; j < kEvicted; ++j)
        seqs << span * j / kEvicted;
    seqs << span;
    return seqs;
}

void buildQueue(QueueCase& c, const QString& dir, const ManualClock& clock,
                const EngineSettings& settings, qint64 freshCustomers)
{
    c.total = c.waiting + kEvicted;
    c.path = QDir(dir).filePath(QStringLiteral("queue-%1.sqlite").arg(c.waiting));
    DatabaseOptions options;
    options.location = c.path;
    c.engine = must(Engine::open(options, settings, clock), "Engine::open (queue)");

    const qint64 now = clock.nowMs();
    const qint64 far = now + 30 * kDayMs;
    c.evictedSeqs = evictedSeqsFor(c.total);

    Stopwatch load;
    {
        // The bulk load: one transaction on a separate raw connection with a large page cache,
        // so the service connection keeps its own default settings for the measurement.
        RawDb raw(c.path);
        raw.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
        raw.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
        raw.exec(QStringLiteral("PRAGMA cache_size = -262144"));
        raw.exec(QStringLiteral("BEGIN IMMEDIATE"));
        raw.exec(QStringLiteral("INSERT INTO concerts (id, title, venue)"
                                " VALUES (%1, 'Benchmark concert', 'Benchmark hall')")
                     .arg(kConcertId));
        raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                " WHERE i < %1)"
                                " INSERT INTO customers (id, name, phone, balance, created_at)"
                                " SELECT i, 'Customer ' || i, '', 0, %2 FROM n")
                     .arg(c.total + freshCustomers) // the rest enter through the service
                     .arg(now - kDayMs));
        raw.exec(QStringLiteral("INSERT INTO queues (concert_id, next_seq, head_seq, head_evicted)"
                                " VALUES (%1, %2, 0, 0)")
                     .arg(kConcertId)
                     .arg(c.total + 1));
        // One entry per customer in arrival order; random 256-bit digests like the real ones.
        raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                " WHERE i < %1)"
                                " INSERT INTO queue_entries (concert_id, customer_id, seq,"
                                " token_hash, state, created_at, last_polled_at, deadline_at)"
                                " SELECT %2, i, i, lower(hex(randomblob(32))), 'WAITING',"
                                " %3 - %1 + i, %3 - %1 + i, %4 FROM n")
                     .arg(c.total)
                     .arg(kConcertId)
                     .arg(now)
                     .arg(far));
        {
            // A few idle entries: the service's own sweeper evicts them below (Fenwick rows).
            RawStmt idle(raw, "UPDATE queue_entries SET deadline_at = ?"
                              " WHERE concert_id = ? AND seq = ?");
            for (qint64 seq : c.evictedSeqs) {
                idle.bind(1, now).bind(2, kConcertId).bind(3, seq).run();
                if (sqlite3_changes(raw.get()) != 1)
                    die(QStringLiteral("no queue entry with seq %1").arg(seq));
            }
            // The polled tokens: real secrets whose digests replace the random ones.
            RawStmt token(raw, "UPDATE queue_entries SET token_hash = ?"
                               " WHERE concert_id = ? AND seq = ?");
            for (int i = 0; i < kPolledTokens; ++i) {
                const qint64 seq = c.total - kPolledTokens + 1 + i;
                const QString t = QueueService::newToken();
                const QByteArray hash = QueueService::digest(t).toUtf8();
                token.bind(1, hash).bind(2, kConcertId).bind(3, seq).run();
                if (sqlite3_changes(raw.get()) != 1)
                    die(QStringLiteral("no queue entry with seq %1").arg(seq));
                c.tokens << t;
                // Every evicted entry is ahead of it; nobody has been admitted yet.
                c.expectedPos << seq - kEvicted;
            }
        }
        raw.exec(QStringLiteral("COMMIT"));
        raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    c.loadSeconds = load.elapsedUs() / 1e6;

    // The real eviction path writes the Fenwick rows.
    const int evicted = must(c.engine->queue.expireDue(now), "QueueService::expireDue");
    if (evicted != kEvicted)
        die(QStringLiteral("expireDue evicted %1 entries, expected %2").arg(evicted).arg(kEvicted));
}

void checkPosition(const QueueCase& c, int i, const QueueStatus& s, QueueState state,
                   qint64 expected, const char* where)
{
    if (s.state != state || s.position != expected) {
        die(QStringLiteral("%1: queue of %2, token %3 (seq %4): state %5 position %6, expected %7 "
                           "position %8")
                .arg(QString::fromLatin1(where), grouped(c.waiting))
                .arg(i)
                .arg(c.total - kPolledTokens + 1 + i)
                .arg(queueStateName(s.state))
                .arg(s.position)
                .arg(queueStateName(state))
                .arg(expected));
    }
}

qint64 pollOnce(QueueCase& c, int i, const char* where)
{
    Stopwatch sw;
    const auto s = c.engine->queue.poll(c.tokens.at(i));
    const double us = sw.elapsedUs();
    if (!s)
        die(QStringLiteral("%1: poll failed: %2 %3")
                .arg(QString::fromLatin1(where), s.error().codeName(), s.error().internal));
    const qint64 expected = c.expectedPos.at(i);
    checkPosition(c, i, *s, expected > 0 ? QueueState::Waiting : QueueState::Active, expected,
                  where);
    c.pollUs += us;
    ++c.polls;
    return s->position;
}

void issueOnce(QueueCase& c)
{
    // A fresh customer (no entry yet) joins the back of the line: a write transaction that
    // takes the next sequence number and computes the new entry's exact position.
    const qint64 customerId = c.total + 1 + c.issues;
    Stopwatch sw;
    const auto t = c.engine->queue.enter(customerId, kConcertId);
    const double us = sw.elapsedUs();
    if (!t)
        die(QStringLiteral("enter failed: %1 %2").arg(t.error().codeName(), t.error().internal));
    // Nobody has been admitted yet; every evicted entry is ahead of it.
    const qint64 expected = c.total + 1 + c.issues - kEvicted;
    if (!t->created || t->status.state != QueueState::Waiting || t->status.position != expected)
        die(QStringLiteral("enter: queue of %1, customer %2: created %3 state %4 position %5, "
                           "expected a new WAITING entry at position %6")
                .arg(grouped(c.waiting))
                .arg(customerId)
                .arg(t->created)
                .arg(queueStateName(t->status.state))
                .arg(t->status.position)
                .arg(expected));
    c.issueUs += us;
    ++c.issues;
}

void readOnce(QueueCase& c, int i)
{
    // The read path: requireActive on a WAITING token computes the same exact position
    // (TOKEN_NOT_ACTIVE carries it) without a write transaction or an fsync.
    Stopwatch sw;
    const auto r = c.engine->queue.requireActive(c.tokens.at(i));
    const double us = sw.elapsedUs();
    if (r || r.error().code != ErrorCode::TokenNotActive)
        die(QStringLiteral("requireActive on a WAITING token did not answer TOKEN_NOT_ACTIVE"));
    const qint64 pos = r.error().extra.value(QStringLiteral("position")).toInteger(-1);
    if (pos != c.expectedPos.at(i)) {
        die(QStringLiteral("read path: queue of %1, token %2: position %3, expected %4")
                .arg(grouped(c.waiting))
                .arg(i)
                .arg(pos)
                .arg(c.expectedPos.at(i)));
    }
    c.readUs += us;
    ++c.reads;
}

bool runQueueBenchmarks(const Config& cfg)
{
    ManualClock clock(kNowMs);
    EngineSettings settings;
    settings.activateCount = kAdmitK;

    std::vector<QueueCase> cases(cfg.sizes.size());
    for (int i = 0; i < int(cases.size()); ++i) {
        cases[i].waiting = cfg.sizes.at(i);
        buildQueue(cases[i], cfg.dir, clock, settings, qint64(cfg.pollRounds) * cfg.issuesPerRound);
        out(QStringLiteral("  setup: queue of %1 WAITING + %2 evicted loaded in %3 s (%4 MB)")
                .arg(grouped(cases[i].waiting))
                .arg(kEvicted)
                .arg(fixed(cases[i].loadSeconds, 1))
                .arg(QFileInfo(cases[i].path).size() / (1024 * 1024)));
    }

    // Warm-up: every token once, positions checked, not timed.
    for (QueueCase& c : cases) {
        for (int i = 0; i < kPolledTokens; ++i)
            pollOnce(c, i, "warm-up poll");
        c.pollUs = 0;
        c.polls = 0;
    }
    // Rounds interleave the sizes so that the machine's noise hits them alike.
    for (int round = 0; round < cfg.pollRounds; ++round) {
        for (QueueCase& c : cases) {
            for (int k = 0; k < cfg.pollsPerRound; ++k)
                pollOnce(c, k % kPolledTokens, "poll");
        }
        for (QueueCase& c : cases) {
            for (int k = 0; k < cfg.readsPerRound; ++k)
                readOnce(c, k % kPolledTokens);
        }
        for (QueueCase& c : cases) {
            for (int k = 0; k < cfg.issuesPerRound; ++k)
                issueOnce(c);
        }
    }

    const QueueCase& small = cases.front();
    const QueueCase& big = cases.back();
    out(QString());
    out(QStringLiteral("(a) Queue poll: QueueService::poll on the last %1 WAITING tokens of the "
                       "queue, %2 evicted entries in the\n    Fenwick table; the clock stands "
                       "still, so every poll takes the read path (no idle deadline to move);\n"
                       "    every position checked exact; read = requireActive on the same tokens "
                       "(the same position, no write);\n    ratios against the first row")
            .arg(kPolledTokens)
            .arg(kEvicted));
    out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7")
            .arg(pad(QStringLiteral("WAITING tokens"), 16),
                 rpad(QStringLiteral("last position"), 14), pad(QStringLiteral("  exact"), 8),
                 rpad(QStringLiteral("polls"), 7), rpad(QStringLiteral("µs/poll"), 10),
                 rpad(QStringLiteral("ratio"), 8), rpad(QStringLiteral("read µs"), 9))
            .append(QStringLiteral("  %1").arg(rpad(QStringLiteral("ratio"), 8))));
    for (const QueueCase& c : cases) {
        const double mean = c.pollUs / double(c.polls);
        const double read = c.readUs / double(c.reads);
        out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7  %8")
                .arg(pad(sizeLabel(c.waiting), 16), rpad(grouped(c.expectedPos.back()), 14),
                     pad(QStringLiteral("  yes"), 8), rpad(grouped(c.polls), 7),
                     rpad(fixed(mean, 1), 10),
                     rpad(fixed(mean / (small.pollUs / small.polls), 2) + QLatin1Char('x'), 8),
                     rpad(fixed(read, 1), 9))
                .arg(rpad(fixed(read / (small.readUs / small.reads), 2) + QLatin1Char('x'), 8)));
    }
    const double pollRatio = (big.pollUs / big.polls) / (small.pollUs / small.polls);
    const double readRatio = (big.readUs / big.reads) / (small.readUs / small.reads);
    out(QStringLiteral("    poll@%1 / poll@%2 = %3x   (target <= 3x)   %4")
            .arg(grouped(big.waiting), grouped(small.waiting), fixed(pollRatio, 2),
                 verdict(pollRatio <= 3.0)));
    out(QStringLiteral("    read path (requireActive on a WAITING token: same position, no write, "
                       "no fsync): %1 / %2 = %3x")
            .arg(grouped(big.waiting), grouped(small.waiting), fixed(readRatio, 2)));

    out(QString());
    out(QStringLiteral(
        "(a') Queue issue: QueueService::enter for a customer with no entry (a write "
        "transaction, fsync'd: next sequence\n    number, new token, exact position "
        "of the new entry checked); rounds interleaved with the polls above; "
        "ratios\n    against the first row"));
    out(QStringLiteral("    %1 %2 %3 %4")
            .arg(pad(QStringLiteral("WAITING tokens"), 16), rpad(QStringLiteral("issues"), 7),
                 rpad(QStringLiteral("µs/issue"), 10), rpad(QStringLiteral("ratio"), 8)));
    for (const QueueCase& c : cases) {
        const double mean = c.issueUs / double(c.issues);
        out(QStringLiteral("    %1 %2 %3 %4")
                .arg(pad(sizeLabel(c.waiting), 16), rpad(grouped(c.issues), 7),
                     rpad(fixed(mean, 1), 10),
                     rpad(fixed(mean / (small.issueUs / small.issues), 2) + QLatin1Char('x'), 8)));
    }
    out(QStringLiteral("    issue@%1 / issue@%2 = %3x")
            .arg(grouped(big.waiting), grouped(small.waiting),
                 fixed((big.issueUs / big.issues) / (small.issueUs / small.issues), 2)));

    // (b) Admission of K from each queue; the smallest queue is the baseline.
    for (QueueCase& c : cases) {
        {
            // The sweeper's pass when nothing is due (the Scheduler runs it every few seconds).
            Stopwatch sw;
            const int n = must(c.engine->queue.expireDue(clock.nowMs()), "expireDue");
            c.sweepMs = sw.elapsedUs() / 1000.0;
            if (n != 0)
                die(QStringLiteral("expireDue expired %1 entries, expected none").arg(n));
        }
        Stopwatch sw;
        const int admitted = must(c.engine->queue.activateDue(clock.nowMs()), "activateDue");
        c.admitMs = sw.elapsedUs() / 1000.0;
        if (admitted != kAdmitK)
            die(QStringLiteral("activateDue admitted %1 from the queue of %2, expected %3")
                    .arg(admitted)
                    .arg(grouped(c.waiting))
                    .arg(kAdmitK));
        // Everyone behind moved up by exactly K.
        for (int i = 0; i < kPolledTokens; ++i)
            c.expectedPos[i] = std::max<qint64>(0, c.expectedPos[i] - kAdmitK);
        for (int i = 0; i < kPolledTokens; ++i)
            pollOnce(c, i, "poll after admission");
    }
    out(QString());
    out(QStringLiteral(
            "(b) Admission: QueueService::activateDue admitting K = %1 (one "
            "transaction), positions re-checked after it;\n    sweep = QueueService::expireDue "
            "with nothing due (the Scheduler's periodic pass); ratios against the "
            "first row")
            .arg(grouped(kAdmitK)));
    out(QStringLiteral("    %1 %2 %3 %4 %5 %6")
            .arg(pad(QStringLiteral("WAITING tokens"), 16), rpad(QStringLiteral("admitted"), 9),
                 rpad(QStringLiteral("admit ms"), 10), rpad(QStringLiteral("ratio"), 8),
                 rpad(QStringLiteral("sweep ms"), 10), rpad(QStringLiteral("ratio"), 8)));
    for (const QueueCase& c : cases) {
        out(QStringLiteral("    %1 %2 %3 %4 %5 %6")
                .arg(pad(sizeLabel(c.waiting), 16), rpad(grouped(kAdmitK), 9),
                     rpad(fixed(c.admitMs, 2), 10),
                     rpad(fixed(c.admitMs / small.admitMs, 2) + QLatin1Char('x'), 8),
                     rpad(fixed(c.sweepMs, 2), 10),
                     rpad(fixed(c.sweepMs / small.sweepMs, 2) + QLatin1Char('x'), 8)));
    }
    out(QStringLiteral("    admission@%1 / admission@%2 = %3x")
            .arg(grouped(big.waiting), grouped(small.waiting),
                 fixed(big.admitMs / small.admitMs, 2)));
    return pollRatio <= 3.0;
}

// ---------------------------------------------------------------------------------------------
// (c): hold transactions, service layer vs. the same SQL on the raw sqlite3 C API.

// The statements of QueueService::requireActive/findByToken and ReservationService::hold, in the
// same order, prepared once.
class RawHold
{
public:
    explicit RawHold(RawDb& db)
        : m_begin(db, "BEGIN IMMEDIATE"),
          m_token(db, "SELECT id, customer_id, concert_id, seq, state, deadline_at, payment_id"
                      " FROM queue_entries WHERE token_hash = ?"),
          m_schedule(db, "SELECT concert_id, starts_at FROM schedules WHERE id = ?"),
          m_seat(db, "SELECT id, price, COALESCE(label, CAST(seat_number AS TEXT))"
                     " FROM seats WHERE schedule_id = ? AND seat_number = ?"),
          m_lockCustomer(db, "UPDATE customers SET balance = balance WHERE id = ?"),
          m_expire(db, "UPDATE reservations SET status = 'EXPIRED', updated_at = ?"
                       " WHERE seat_id = ? AND status IN ('HELD', 'PAID')"
                       " AND status = 'HELD' AND expires_at <= ?"),
          m_live(db, "SELECT 1 FROM reservations WHERE seat_id = ?"
                     " AND status IN ('HELD', 'PAID')"),
          m_count(db, "SELECT COUNT(*) FROM reservations"
                      " WHERE customer_id = ? AND schedule_id = ?"
                      " AND status = 'HELD' AND expires_at > ?"),
          m_insert(db, "INSERT INTO reservations (seat_id, schedule_id, customer_id, price,"
                       " status, held_at, expires_at, updated_at)"
                       " VALUES (?, ?, ?, ?, 'HELD', ?, ?, ?) RETURNING id"),
          m_commit(db, "COMMIT"), m_rollback(db, "ROLLBACK")
    {}

    qint64 hold(const QString& token, qint64 scheduleId, int seatNumber, qint64 now,
                const EngineSettings& settings)
    {
        m_begin.run();
        // The service hashes the secret on every call; so does the baseline.
        const QByteArray hash =
            QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
        m_token.bind(1, hash);
        if (!m_token.step())
            return abort("token not found");
        const qint64 customerId = m_token.i64(1);
        const qint64 tokenConcert = m_token.i64(2);
        const QString state = m_token.str(4);
        const qint64 deadline = m_token.i64(5);
        m_token.reset();
        if (state != QLatin1String("ACTIVE") || deadline <= now)
            return abort("token not ACTIVE");

        m_schedule.bind(1, scheduleId);
        if (!m_schedule.step())
            return abort("schedule not found");
        const qint64 concertId = m_schedule.i64(0);
        const qint64 startsAt = m_schedule.i64(1);
        m_schedule.reset();
        if (concertId != tokenConcert || startsAt <= now)
            return abort("wrong concert or closed schedule");

        const qint64 expiresAt = now + qint64(settings.holdSeconds) * 1000;
        m_seat.bind(1, scheduleId).bind(2, seatNumber);
        if (!m_seat.step())
            return abort("seat not found");
        const qint64 seatId = m_seat.i64(0);
        const qint64 price = m_seat.i64(1);
        const QString label = m_seat.str(2);
        m_seat.reset();
        Q_UNUSED(label);

        m_lockCustomer.bind(1, customerId).run();

        m_expire.bind(1, now).bind(2, seatId).bind(3, now).run();

        m_live.bind(1, seatId);
        const bool taken = m_live.step();
        m_live.reset();
        if (taken)
            return abort("seat already taken");

        m_count.bind(1, customerId).bind(2, scheduleId).bind(3, now);
        const qint64 held = m_count.step() ? m_count.i64(0) : 0;
        m_count.reset();
        if (held >= settings.maxHolds)
            return abort("hold limit");

        m_insert.bind(1, seatId)
            .bind(2, scheduleId)
            .bind(3, customerId)
            .bind(4, price)
            .bind(5, now)
            .bind(6, expiresAt)
            .bind(7, now);
        if (!m_insert.step())
            return abort("insert returned nothing");
        const qint64 id = m_insert.i64(0);
        m_insert.reset();
        m_commit.run();
        return id;
    }

private:
    qint64 abort(const char* why)
    {
        m_rollback.run();
        die(QStringLiteral("raw hold: %1").arg(QString::fromLatin1(why)));
    }

    RawStmt m_begin, m_token, m_schedule, m_seat, m_lockCustomer, m_expire, m_live, m_count,
        m_insert, m_commit, m_rollback;
};

struct HoldResult
{
    qint64 serviceHolds = 0;
    double serviceUs = 0;
    qint64 rawHolds = 0;
    double rawUs = 0;
};

// Setup shared by the hold and payment benchmarks, on the service's file: the pragmas, an open
// write transaction, the benchmark concert and its schedule (the caller adds seats and commits).
void beginBenchConcert(RawDb& raw, qint64 now)
{
    raw.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    raw.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    raw.exec(QStringLiteral("BEGIN IMMEDIATE"));
    raw.exec(QStringLiteral("INSERT INTO concerts (id, title, venue)"
                            " VALUES (%1, 'Benchmark concert', 'Benchmark arena')")
                 .arg(kConcertId));
    raw.exec(QStringLiteral("INSERT INTO schedules (id, concert_id, starts_at, layout)"
                            " VALUES (%1, %2, %3, 'bench')")
                 .arg(kScheduleId)
                 .arg(kConcertId)
                 .arg(now + 30 * kDayMs));
}

// The raw side's own copy of the service's database, schema and data alike.
void copyDatabase(const QString& from, const QString& to)
{
    QFile::remove(to);
    RawDb raw(from);
    raw.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    raw.exec(QStringLiteral("VACUUM INTO '%1'")
                 .arg(QString(to).replace(QLatin1Char('\''), QStringLiteral("''"))));
}

// The same pragmas as the service's connection (Database::open), and WAL.
void setUpRawCopy(RawDb& raw, bool synchronousFull)
{
    raw.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    raw.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    raw.exec(QStringLiteral("PRAGMA synchronous = %1")
                 .arg(synchronousFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL")));
    if (raw.text(QStringLiteral("PRAGMA journal_mode = WAL")).toLower() != QLatin1String("wal"))
        die(QStringLiteral("the raw copy is not in WAL mode"));
}

HoldResult runHolds(const Config& cfg, bool synchronousFull)
{
    const QString mode = synchronousFull ? QStringLiteral("full") : QStringLiteral("normal");
    const QString servicePath = QDir(cfg.dir).filePath(QStringLiteral("holds-%1.sqlite").arg(mode));
    const QString rawPath = QDir(cfg.dir).filePath(QStringLiteral("holds-%1-raw.sqlite").arg(mode));

    ManualClock clock(kNowMs);
    EngineSettings settings;
    settings.maxHolds = 1'000'000; // H3 must not stop the benchmark
    settings.activateCount = 64;
    DatabaseOptions options;
    options.location = servicePath;
    options.synchronousFull = synchronousFull;
    auto engine = must(Engine::open(options, settings, clock), "Engine::open (holds)");
    const qint64 now = clock.nowMs();

    {
        RawDb raw(servicePath);
        beginBenchConcert(raw, now);
        // Sections of 1,000 seats, rows of 50, three price tiers.
        raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                " WHERE i < %1)"
                                " INSERT INTO seats (schedule_id, seat_number, section, row_label,"
                                " tier, price)"
                                " SELECT %2, i, char(65 + (i - 1) / 1000),"
                                " ((i - 1) % 1000) / 50 + 1,"
                                " CASE WHEN i <= 500 THEN 'VIP' WHEN i <= 2000 THEN 'R' ELSE 'S'"
                                " END,"
                                " CASE WHEN i <= 500 THEN 150000 WHEN i <= 2000 THEN 100000"
                                " ELSE 60000 END FROM n")
                     .arg(kHoldSeats)
                     .arg(kScheduleId));
        for (int i = 1; i <= kHoldCustomers; ++i) {
            raw.exec(QStringLiteral("INSERT INTO customers (id, name, phone, balance, created_at)"
                                    " VALUES (%1, 'Customer %1', '', 0, %2)")
                         .arg(i)
                         .arg(now - kDayMs));
        }
        raw.exec(QStringLiteral("COMMIT"));
    }
    // ACTIVE tokens through the service's own path.
    QList<QString> tokens;
    for (int i = 1; i <= kHoldCustomers; ++i)
        tokens << must(engine->queue.enter(i, kConcertId), "QueueService::enter").token;
    const int admitted = must(engine->queue.activateDue(now), "QueueService::activateDue");
    if (admitted != kHoldCustomers)
        die(QStringLiteral("admitted %1 of %2 customers").arg(admitted).arg(kHoldCustomers));

    // The raw side gets a copy of the same schema and data, tokens included.
    copyDatabase(servicePath, rawPath);
    RawDb raw(rawPath);
    setUpRawCopy(raw, synchronousFull);
    RawHold rawHold(raw);

    HoldResult r;
    int seat = 0;
    for (int round = 0; round < cfg.holdRounds; ++round) {
        const int first = seat;
        {
            Stopwatch sw;
            for (int k = 0; k < cfg.holdsPerRound; ++k) {
                const int s = first + k;
                const auto h =
                    engine->reservations.hold(tokens.at(s % kHoldCustomers), kScheduleId, s + 1);
                if (!h)
                    die(QStringLiteral("ReservationService::hold seat %1: %2 %3")
                            .arg(s + 1)
                            .arg(h.error().codeName(), h.error().internal));
            }
            r.serviceUs += sw.elapsedUs();
            r.serviceHolds += cfg.holdsPerRound;
        }
        {
            Stopwatch sw;
            for (int k = 0; k < cfg.holdsPerRound; ++k) {
                const int s = first + k;
                rawHold.hold(tokens.at(s % kHoldCustomers), kScheduleId, s + 1, now, settings);
            }
            r.rawUs += sw.elapsedUs();
            r.rawHolds += cfg.holdsPerRound;
        }
        seat += cfg.holdsPerRound;
    }

    // Both sides hold exactly the seats they were asked for.
    const auto check = [&](RawDb& db, const char* side) {
        const qint64 n =
            db.text(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'HELD'"))
                .toLongLong();
        if (n != seat)
            die(QStringLiteral("%1 side holds %2 seats, expected %3")
                    .arg(QString::fromLatin1(side))
                    .arg(n)
                    .arg(seat));
    };
    {
        RawDb serviceView(servicePath);
        check(serviceView, "service");
    }
    check(raw, "raw");
    return r;
}

// ---------------------------------------------------------------------------------------------
// (d): pay transactions, service layer vs. the same SQL on the raw sqlite3 C API.

// The statements PaymentService::payOnce runs for a first payment of one HELD reservation with
// an idempotency key (and QueueService::requireActive/findByToken inside it), in the same order,
// prepared once.
class RawPay
{
public:
    static constexpr int kStatements = 12; // BEGIN and COMMIT included

    explicit RawPay(RawDb& db)
        : m_begin(db, "BEGIN IMMEDIATE"),
          m_lockToken(db, "UPDATE queue_entries SET token_hash = token_hash WHERE token_hash = ?"
                          " RETURNING id, customer_id, concert_id, payment_id"),
          m_idempotent(db, "SELECT id FROM payments WHERE customer_id = ? AND idempotency_key = ?"),
          m_token(db, "SELECT id, customer_id, concert_id, seq, state, deadline_at, payment_id"
                      " FROM queue_entries WHERE token_hash = ?"),
          m_reservation(db, "SELECT r.customer_id, sc.concert_id, r.price, r.expires_at,"
                            " r.payment_id, r.status FROM reservations r JOIN schedules sc"
                            " ON sc.id = r.schedule_id WHERE r.id = ?"),
          m_balance(db, "SELECT balance FROM customers WHERE id = ?"),
          m_payment(db, "INSERT INTO payments (customer_id, amount, idempotency_key,"
                        " queue_entry_id, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
          m_paid(db, "UPDATE reservations SET status = 'PAID', payment_id = ?, updated_at = ?"
                     " WHERE id = ? AND status = 'HELD' AND expires_at > ?"),
          m_debit(db, "UPDATE customers SET balance = balance - ? WHERE id = ? AND balance >= ?"
                      " RETURNING balance"),
          m_ledger(db, "INSERT INTO ledger (customer_id, kind, amount, balance_after, payment_id,"
                       " at) VALUES (?, 'PAYMENT', ?, ?, ?, ?)"),
          m_useToken(db, "UPDATE queue_entries SET state = 'EXPIRED', expired_at = ?,"
                         " payment_id = ? WHERE id = ?"),
          m_commit(db, "COMMIT"), m_rollback(db, "ROLLBACK"), m_db(&db)
    {}

    qint64 pay(const QString& token, qint64 reservationId, const QString& idempotencyKey,
               qint64 now)
    {
        m_begin.run();
        const QByteArray hash =
            QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
        m_lockToken.bind(1, hash);
        if (!m_lockToken.step())
            return abort("token not found");
        const qint64 entryId = m_lockToken.i64(0);
        const qint64 customerId = m_lockToken.i64(1);
        const qint64 concertId = m_lockToken.i64(2);
        const qint64 entryPayment = m_lockToken.i64(3);
        m_lockToken.reset();

        const QByteArray key = idempotencyKey.toUtf8();
        m_idempotent.bind(1, customerId).bind(2, key);
        const bool replay = m_idempotent.step();
        m_idempotent.reset();
        if (replay || entryPayment != 0)
            return abort("already paid");

        m_token.bind(1, hash);
        if (!m_token.step())
            return abort("token not found");
        const QString state = m_token.str(4);
        const qint64 deadline = m_token.i64(5);
        m_token.reset();
        if (state != QLatin1String("ACTIVE") || deadline <= now)
            return abort("token not ACTIVE");

        m_reservation.bind(1, reservationId);
        if (!m_reservation.step())
            return abort("reservation not found");
        const qint64 owner = m_reservation.i64(0);
        const qint64 resConcert = m_reservation.i64(1);
        const qint64 price = m_reservation.i64(2);
        const qint64 expiresAt = m_reservation.i64(3);
        const QString status = m_reservation.str(5);
        m_reservation.reset();
        if (owner != customerId || resConcert != concertId || status != QLatin1String("HELD") ||
            expiresAt <= now)
            return abort("reservation not payable");

        m_balance.bind(1, customerId);
        if (!m_balance.step())
            return abort("no balance");
        const qint64 balance = m_balance.i64(0);
        m_balance.reset();
        if (balance < price)
            return abort("insufficient balance");

        m_payment.bind(1, customerId).bind(2, price).bind(3, key).bind(4, entryId).bind(5, now);
        if (!m_payment.step())
            return abort("payment insert returned nothing");
        const qint64 paymentId = m_payment.i64(0);
        m_payment.reset();

        m_paid.bind(1, paymentId).bind(2, now).bind(3, reservationId).bind(4, now).run();
        if (sqlite3_changes(m_db->get()) != 1)
            return abort("reservation not claimed");

        m_debit.bind(1, price).bind(2, customerId).bind(3, price);
        if (!m_debit.step())
            return abort("balance moved");
        const qint64 after = m_debit.i64(0);
        m_debit.reset();

        m_ledger.bind(1, customerId).bind(2, -price).bind(3, after).bind(4, paymentId).bind(5, now);
        m_ledger.run();
        m_useToken.bind(1, now).bind(2, paymentId).bind(3, entryId).run();
        m_commit.run();
        return paymentId;
    }

private:
    qint64 abort(const char* why)
    {
        m_rollback.run();
        die(QStringLiteral("raw pay: %1").arg(QString::fromLatin1(why)));
    }

    RawStmt m_begin, m_lockToken, m_idempotent, m_token, m_reservation, m_balance, m_payment,
        m_paid, m_debit, m_ledger, m_useToken, m_commit, m_rollback;
    RawDb* m_db;
};

struct PayResult
{
    qint64 servicePays = 0;
    double serviceUs = 0;
    qint64 rawPays = 0;
    double rawUs = 0;
};

constexpr qint64 kPayPrice = 60000;
constexpr qint64 kPayBalance = 1'000'000;

PayResult runPays(const Config& cfg, bool synchronousFull)
{
    const QString mode = synchronousFull ? QStringLiteral("full") : QStringLiteral("normal");
    const QString servicePath = QDir(cfg.dir).filePath(QStringLiteral("pays-%1.sqlite").arg(mode));
    const QString rawPath = QDir(cfg.dir).filePath(QStringLiteral("pays-%1-raw.sqlite").arg(mode));
    const int n = cfg.holdRounds * cfg.paysPerRound; // payments per side

    ManualClock clock(kNowMs);
    EngineSettings settings;
    DatabaseOptions options;
    options.location = servicePath;
    options.synchronousFull = synchronousFull;
    auto engine = must(Engine::open(options, settings, clock), "Engine::open (pays)");
    const qint64 now = clock.nowMs();

    // Setup, not timed: customer i has an ACTIVE token for the concert, enough balance and one
    // HELD reservation (id i, seat i); every payment uses up its own token.
    QList<QString> tokens;
    {
        RawDb raw(servicePath);
        beginBenchConcert(raw, now);
        raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                " WHERE i < %1)"
                                " INSERT INTO seats (id, schedule_id, seat_number, section,"
                                " row_label, tier, price)"
                                " SELECT i, %2, i, char(65 + (i - 1) / 1000),"
                                " ((i - 1) % 1000) / 50 + 1, 'S', %3 FROM n")
                     .arg(n)
                     .arg(kScheduleId)
                     .arg(kPayPrice));
        raw.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                " WHERE i < %1)"
                                " INSERT INTO customers (id, name, phone, balance, created_at)"
                                " SELECT i, 'Customer ' || i, '', %2, %3 FROM n")
                     .arg(n)
                     .arg(kPayBalance)
                     .arg(now - kDayMs));
        raw.exec(QStringLiteral("INSERT INTO queues (concert_id, next_seq, head_seq, head_evicted)"
                                " VALUES (%1, %2, %3, 0)")
                     .arg(kConcertId)
                     .arg(n + 1)
                     .arg(n));
        RawStmt entry(raw, "INSERT INTO queue_entries (id, concert_id, customer_id, seq,"
                           " token_hash, state, created_at, last_polled_at, activated_at,"
                           " deadline_at) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)");
        RawStmt hold(raw, "INSERT INTO reservations (id, seat_id, schedule_id, customer_id,"
                          " price, status, held_at, expires_at, updated_at)"
                          " VALUES (?, ?, ?, ?, ?, 'HELD', ?, ?, ?)");
        for (int i = 1; i <= n; ++i) {
            const QString t = QueueService::newToken();
            const QByteArray hash = QueueService::digest(t).toUtf8();
            tokens << t;
            entry.bind(1, i)
                .bind(2, kConcertId)
                .bind(3, i)
                .bind(4, i)
                .bind(5, hash)
                .bind(6, now - 60'000)
                .bind(7, now)
                .bind(8, now)
                .bind(9, now + kDayMs)
                .run();
            hold.bind(1, i)
                .bind(2, i)
                .bind(3, kScheduleId)
                .bind(4, i)
                .bind(5, kPayPrice)
                .bind(6, now)
                .bind(7, now + kDayMs)
                .bind(8, now)
                .run();
        }
        raw.exec(QStringLiteral("COMMIT"));
        raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    copyDatabase(servicePath, rawPath);
    RawDb raw(rawPath);
    setUpRawCopy(raw, synchronousFull);
    RawPay rawPay(raw);

    const auto key = [](int i) { return QStringLiteral("bench-pay-%1").arg(i); };
    PayResult r;
    int next = 0;
    for (int round = 0; round < cfg.holdRounds; ++round) {
        const int first = next;
        {
            Stopwatch sw;
            for (int k = 0; k < cfg.paysPerRound; ++k) {
                const int i = first + k + 1;
                const auto p = engine->payments.pay(tokens.at(i - 1), {qint64(i)}, key(i));
                if (!p)
                    die(QStringLiteral("PaymentService::pay reservation %1: %2 %3")
                            .arg(i)
                            .arg(p.error().codeName(), p.error().internal));
                if (p->replayed || p->amount != kPayPrice ||
                    p->balanceAfter != kPayBalance - kPayPrice)
                    die(QStringLiteral("PaymentService::pay reservation %1: wrong answer").arg(i));
            }
            r.serviceUs += sw.elapsedUs();
            r.servicePays += cfg.paysPerRound;
        }
        {
            Stopwatch sw;
            for (int k = 0; k < cfg.paysPerRound; ++k) {
                const int i = first + k + 1;
                rawPay.pay(tokens.at(i - 1), i, key(i), now);
            }
            r.rawUs += sw.elapsedUs();
            r.rawPays += cfg.paysPerRound;
        }
        next += cfg.paysPerRound;
    }

    // Both sides end in the same state: every reservation paid once, every balance debited
    // once, one ledger row and one used-up token per payment.
    const auto check = [&](RawDb& db, const char* side) {
        const QString got = db.text(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM reservations WHERE status = 'PAID'"
            " AND payment_id IS NOT NULL) || ' ' || (SELECT COUNT(*) FROM payments) || ' ' ||"
            " (SELECT COUNT(*) FROM ledger WHERE kind = 'PAYMENT') || ' ' ||"
            " (SELECT COUNT(*) FROM queue_entries WHERE state = 'EXPIRED'"
            " AND payment_id IS NOT NULL) || ' ' || (SELECT SUM(balance) FROM customers)"));
        const QString want = QStringLiteral("%1 %1 %1 %1 %2")
                                 .arg(next)
                                 .arg(qint64(n) * kPayBalance - qint64(next) * kPayPrice);
        if (got != want)
            die(QStringLiteral("%1 side after the payments: paid/payments/ledger/used/balance "
                               "= %2, expected %3")
                    .arg(QString::fromLatin1(side), got, want));
    };
    {
        RawDb serviceView(servicePath);
        check(serviceView, "service");
    }
    check(raw, "raw");
    return r;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    Config cfg;
    QString dirArg;
    bool keep = false;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--quick")) {
            cfg.quick = true;
        } else if (args[i] == QLatin1String("--dir") && i + 1 < args.size()) {
            dirArg = args[++i];
        } else if (args[i] == QLatin1String("--keep")) {
            keep = true;
        } else if (args[i] == QLatin1String("--only") && i + 1 < args.size() &&
                   (args[i + 1] == QLatin1String("queue") ||
                    args[i + 1] == QLatin1String("holds"))) {
            cfg.queue = args[++i] == QLatin1String("queue");
            cfg.holds = !cfg.queue;
        } else {
            std::fprintf(stderr, "usage: bench_engine [--quick] [--dir PATH] [--keep] "
                                 "[--only queue|holds]\n");
            return 2;
        }
    }
    if (cfg.quick) {
        cfg.sizes = {1'000, 10'000, 20'000};
        cfg.pollRounds = 4;
        cfg.pollsPerRound = 50;
        cfg.readsPerRound = 500;
        cfg.issuesPerRound = 10;
        cfg.holdRounds = 4;
        cfg.holdsPerRound = 50;
        cfg.paysPerRound = 50;
    } else {
        cfg.sizes = {1'000, 100'000, 1'000'000};
        cfg.pollRounds = 10;
        cfg.pollsPerRound = 250;
        cfg.readsPerRound = 2000;
        cfg.issuesPerRound = 30;
        cfg.holdRounds = 10;
        cfg.holdsPerRound = 250;
        cfg.paysPerRound = 250;
    }
    if (!dirArg.isEmpty() && !QDir().mkpath(dirArg))
        die(QStringLiteral("cannot make %1").arg(dirArg));
    QTemporaryDir dir(dirArg.isEmpty()
                          ? QDir::tempPath() + QStringLiteral("/boxoffice-bench-XXXXXX")
                          : QDir(dirArg).filePath(QStringLiteral("boxoffice-bench-XXXXXX")));
    if (!dir.isValid())
        die(QStringLiteral("cannot make a temporary folder"));
    dir.setAutoRemove(!keep);
    cfg.dir = dir.path();
    if (!keep)
        onDie = [&dir] { dir.remove(); };

    out(QStringLiteral("Box Office engine benchmark (%1 run)   Qt %2, SQLite %3, databases in %4")
            .arg(cfg.quick ? QStringLiteral("quick") : QStringLiteral("full"),
                 QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion()),
                 cfg.dir));
    out(QStringLiteral("Every timing is the mean over the iterations shown; ratios compare with "
                       "the baseline measured in this run."));
    out(QString());

    if (cfg.queue)
        runQueueBenchmarks(cfg);
    if (!cfg.holds) {
        out(QString());
        out(QStringLiteral("All positions exact; all calls succeeded."));
        return 0;
    }

    out(QString());
    out(QStringLiteral(
            "(c) Holds: ReservationService::hold vs. the same SQL on the raw sqlite3 C "
            "API (prepared once, same pragmas,\n    a copy of the same data; both sides hash the "
            "token); %1 seats, %2 customers with ACTIVE tokens taking turns")
            .arg(grouped(kHoldSeats))
            .arg(kHoldCustomers));
    // Per statement overhead: (service µs/tx - raw µs/tx) / statements per transaction.
    constexpr int kHoldStatements = 10; // BEGIN and COMMIT included
    const auto header = [](const QString& what) {
        out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7 %8  %9")
                .arg(pad(QStringLiteral("synchronous"), 16), rpad(what, 7),
                     rpad(QStringLiteral("service tx/s"), 13), rpad(QStringLiteral("raw tx/s"), 10),
                     rpad(QStringLiteral("service/raw"), 12), rpad(QStringLiteral("svc µs/tx"), 10),
                     rpad(QStringLiteral("raw µs/tx"), 10),
                     rpad(QStringLiteral("µs/stmt over raw"), 17),
                     QStringLiteral("(target >= 0.8)")));
    };
    const auto row = [](bool full, qint64 count, double serviceUs, double rawUs, int statements) {
        const double serviceTps = count / (serviceUs / 1e6);
        const double rawTps = count / (rawUs / 1e6);
        const double ratio = serviceTps / rawTps;
        const double svcPer = serviceUs / count, rawPer = rawUs / count;
        out(QStringLiteral("    %1 %2 %3 %4 %5 %6 %7 %8  %9")
                .arg(pad(full ? QStringLiteral("FULL (default)") : QStringLiteral("NORMAL"), 16),
                     rpad(grouped(count), 7), rpad(fixed(serviceTps, 0), 13),
                     rpad(fixed(rawTps, 0), 10), rpad(fixed(ratio, 2), 12),
                     rpad(fixed(svcPer, 1), 10), rpad(fixed(rawPer, 1), 10),
                     rpad(fixed((svcPer - rawPer) / statements, 1), 17), verdict(ratio >= 0.8)));
    };
    header(QStringLiteral("holds"));
    for (const bool full : {true, false}) {
        const HoldResult h = runHolds(cfg, full);
        row(full, h.serviceHolds, h.serviceUs, h.rawUs, kHoldStatements);
    }
    out(QStringLiteral("    (%1 statements per hold; µs/stmt over raw = (service µs/tx - raw "
                       "µs/tx) / %1: QVariant arguments, the statement cache and Result wrapping)")
            .arg(kHoldStatements));

    out(QString());
    out(QStringLiteral(
        "(d) Payments: PaymentService::pay (one HELD reservation, with an idempotency key) vs. "
        "the same statements of\n    PaymentService::payOnce on the raw sqlite3 C API "
        "(prepared once, same order, same pragmas, a copy of the same data);\n    every "
        "payment has its own customer, ACTIVE token and hold, set up before the timing; "
        "end states checked equal"));
    header(QStringLiteral("pays"));
    for (const bool full : {true, false}) {
        const PayResult p = runPays(cfg, full);
        if (p.servicePays != p.rawPays)
            die(QStringLiteral("pay counts differ"));
        row(full, p.servicePays, p.serviceUs, p.rawUs, RawPay::kStatements);
    }
    out(QStringLiteral("    (%1 statements per payment)").arg(RawPay::kStatements));
    out(QString());
    out(QStringLiteral("All positions exact; all calls succeeded."));
    return 0;
}
