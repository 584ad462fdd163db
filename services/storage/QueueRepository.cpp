#include "storage/QueueRepository.h"

#include "storage/StoredNames.h"

#include <limits>

namespace boxoffice {

namespace {

constexpr int kFenwickTerms = 31; // nodes on the way down from any seq below kSeqLimit

const QString kAdmissionJob = QStringLiteral("admission");

// The columns entryFrom() reads, in its order.
const QString kEntryColumns =
    QStringLiteral("id, customer_id, concert_id, seq, state, deadline_at, payment_id");

const QString kWaiting = sqlLiteral(QueueState::Waiting);
const QString kActive = sqlLiteral(QueueState::Active);
const QString kExpired = sqlLiteral(QueueState::Expired);
// The live states, spelled as the partial indexes on queue_entries spell them.
const QString kLive = QStringLiteral("(%1, %2)").arg(kWaiting, kActive);

// An entry from seven columns of a row starting at `first` (kEntryColumns, in that order).
Result<QueueEntry> entryFrom(const Query& q, int first = 0)
{
    QueueEntry e;
    e.id = q.i64(first);
    e.customerId = q.i64(first + 1);
    e.concertId = q.i64(first + 2);
    e.seq = q.i64(first + 3);
    e.state = BO_TRY(storedQueueState(q.str(first + 4)));
    e.deadlineAtMs = q.i64(first + 5);
    e.paymentId = q.i64(first + 6);
    return e;
}

Result<std::optional<QueueEntry>> entryIfAny(Query& q)
{
    if (!q.next())
        return std::optional<QueueEntry>{};
    return std::optional<QueueEntry>{BO_TRY(entryFrom(q))};
}

// The Fenwick nodes whose counts add up to the evictions with a seq up to `seq`.
QVariantList fenwickNodes(qint64 seq)
{
    QVariantList nodes;
    nodes.reserve(kFenwickTerms);
    for (qint64 i = seq; i > 0; i -= i & -i)
        nodes << i;
    return nodes;
}

// For 0..kFenwickTerms nodes, a statement `select`, then one column per node (a primary-key
// lookup of that node, `?`, in the line of `concert`, an SQL expression), then `from`.
QStringList withFenwickNodes(const QString& select, const QString& concert, const QString& from)
{
    QStringList statements;
    for (int n = 0; n <= kFenwickTerms; ++n) {
        QString nodes;
        for (int i = 0; i < n; ++i)
            nodes += QStringLiteral(", (SELECT f.cnt FROM queue_fenwick f"
                                    " WHERE f.concert_id = %1 AND f.idx = ?)")
                         .arg(concert);
        statements << select + nodes + from;
    }
    return statements;
}

// A poll in one statement: the entry (kEntryColumns), the head of its line, the last admission,
// then `terms` Fenwick nodes (none when the seq is not known).
const QString& sightSql(int terms)
{
    static const QStringList sqls = withFenwickNodes(
        QStringLiteral("SELECT e.id, e.customer_id, e.concert_id, e.seq, e.state, e.deadline_at,"
                       " e.payment_id, q.head_seq, q.head_evicted,"
                       " (SELECT last_run_at FROM scheduler_runs WHERE job = '%1')")
            .arg(kAdmissionJob),
        QStringLiteral("e.concert_id"),
        QStringLiteral(" FROM queue_entries e LEFT JOIN queues q ON q.concert_id = e.concert_id"
                       " WHERE e.token_hash = ?"));
    return sqls.at(terms);
}

} // namespace

Result<std::optional<QueueEntry>> QueueRepository::findByToken(Connection& conn,
                                                               const QString& tokenHash)
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM queue_entries WHERE token_hash = ?").arg(kEntryColumns);
    auto q = BO_TRY(conn.run(sql, {tokenHash}));
    return entryIfAny(q);
}

Result<std::optional<QueueEntry>> QueueRepository::findLive(Connection& conn, qint64 customerId,
                                                            qint64 concertId)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM queue_entries WHERE customer_id = ?"
                                              " AND concert_id = ? AND state IN %2")
                                   .arg(kEntryColumns, kLive);
    auto q = BO_TRY(conn.run(sql, {customerId, concertId}));
    return entryIfAny(q);
}

Result<std::optional<QueueSighting>>
QueueRepository::sight(Connection& conn, const QString& tokenHash, qint64 knownSeq)
{
    QVariantList args =
        knownSeq > 0 && knownSeq < kSeqLimit ? fenwickNodes(knownSeq) : QVariantList();
    const int terms = int(args.size());
    args << tokenHash;
    auto q = BO_TRY(conn.run(sightSql(terms), args));
    if (!q.next())
        return std::optional<QueueSighting>{};
    QueueSighting seen;
    seen.entry = BO_TRY(entryFrom(q));
    seen.line.headSeq = q.i64(7);
    seen.line.headEvicted = q.i64(8);
    seen.line.lastAdmissionAt = q.isNull(9) || q.i64(9) < 0 ? -1 : q.i64(9);
    for (int i = 0; i < terms; ++i)
        seen.line.evicted += q.i64(10 + i); // NULL, a node never counted, reads as 0
    return std::optional<QueueSighting>{seen};
}

Result<QueueLine> QueueRepository::lineHead(Connection& conn, qint64 concertId)
{
    auto q = BO_TRY(
        conn.run(QStringLiteral("SELECT head_seq, head_evicted FROM queues WHERE concert_id = ?"),
                 {concertId}));
    QueueLine line;
    if (q.next()) {
        line.headSeq = q.i64(0);
        line.headEvicted = q.i64(1);
    }
    return line;
}

Result<qint64> QueueRepository::evictedUpTo(Connection& conn, qint64 concertId, qint64 seq)
{
    // Column 0 is the concert; no row (no line at all) means no evictions.
    static const QStringList sqls =
        withFenwickNodes(QStringLiteral("SELECT q.concert_id"), QStringLiteral("q.concert_id"),
                         QStringLiteral(" FROM queues q WHERE q.concert_id = ?"));
    QVariantList args = fenwickNodes(seq);
    const int terms = int(args.size());
    if (terms == 0)
        return 0;
    if (terms > kFenwickTerms) // a seq beyond the tree: the database was not written by us
        return fail(
            Error::make(ErrorCode::StorageError).withInternal(QStringLiteral("seq %1").arg(seq)));
    args << concertId;
    auto q = BO_TRY(conn.run(sqls.at(terms), args));
    qint64 sum = 0;
    if (q.next()) {
        for (int i = 1; i <= terms; ++i)
            sum += q.i64(i); // a missing node is NULL: nothing evicted there
    }
    return sum;
}

Result<void> QueueRepository::countEviction(Connection& conn, qint64 concertId, qint64 seq)
{
    for (qint64 i = seq; i <= kSeqLimit; i += i & -i) {
        BO_CHECK(conn.execute(QStringLiteral("INSERT INTO queue_fenwick (concert_id, idx, cnt)"
                                             " VALUES (?, ?, 1) ON CONFLICT (concert_id, idx)"
                                             " DO UPDATE SET cnt = queue_fenwick.cnt + 1"),
                              {concertId, i}));
    }
    return {};
}

Result<qint64> QueueRepository::lastAdmissionAt(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT last_run_at FROM scheduler_runs WHERE job = ?"),
                             {kAdmissionJob}));
    const qint64 last = q.nextI64().value_or(-1);
    return last < 0 ? qint64(-1) : last; // the unclaimed placeholder row means "never"
}

Result<qint64> QueueRepository::takeSeq(Connection& conn, qint64 concertId)
{
    BO_CHECK(conn.execute(QStringLiteral("INSERT INTO queues (concert_id) VALUES (?)"
                                         " ON CONFLICT (concert_id) DO NOTHING"),
                          {concertId}));
    auto q = BO_TRY(
        conn.run(QStringLiteral("UPDATE queues SET next_seq = next_seq + 1 WHERE concert_id = ?"
                                " RETURNING next_seq - 1"),
                 {concertId}));
    const auto seq = q.nextI64();
    if (!seq)
        return fail(ErrorCode::StorageError);
    return *seq;
}

Result<std::optional<qint64>> QueueRepository::insertWaiting(Connection& conn,
                                                             const QueueEntry& entry,
                                                             const QString& tokenHash, qint64 nowMs)
{
    static const QString sql =
        QStringLiteral("INSERT INTO queue_entries (concert_id, customer_id, seq, token_hash,"
                       " state, created_at, last_polled_at, deadline_at)"
                       " VALUES (?, ?, ?, ?, %1, ?, ?, ?) RETURNING id")
            .arg(kWaiting);
    return conn.insertReturningId(sql, {entry.concertId, entry.customerId, entry.seq, tokenHash,
                                        nowMs, nowMs, entry.deadlineAtMs});
}

Result<void> QueueRepository::replaceToken(Connection& conn, qint64 entryId,
                                           const QString& tokenHash, qint64 nowMs,
                                           std::optional<qint64> deadlineAtMs)
{
    if (deadlineAtMs)
        return conn.execute(QStringLiteral("UPDATE queue_entries SET token_hash = ?,"
                                           " last_polled_at = ?, deadline_at = ? WHERE id = ?"),
                            {tokenHash, nowMs, *deadlineAtMs, entryId});
    return conn.execute(QStringLiteral("UPDATE queue_entries SET token_hash = ?,"
                                       " last_polled_at = ? WHERE id = ?"),
                        {tokenHash, nowMs, entryId});
}

Result<void> QueueRepository::touch(Connection& conn, qint64 entryId, qint64 nowMs,
                                    qint64 deadlineAtMs)
{
    return conn.execute(QStringLiteral("UPDATE queue_entries SET last_polled_at = ?,"
                                       " deadline_at = ? WHERE id = ?"),
                        {nowMs, deadlineAtMs, entryId});
}

Result<bool> QueueRepository::expire(Connection& conn, const QueueEntry& entry, qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE queue_entries SET state = %1,"
                                              " expired_at = ? WHERE id = ? AND state = ?")
                                   .arg(kExpired);
    auto q = BO_TRY(conn.run(sql, {nowMs, entry.id, queueStateName(entry.state)}));
    const bool expired = q.rowsAffected() == 1;
    q = Query(nullptr);
    if (expired && entry.state == QueueState::Waiting)
        BO_CHECK(countEviction(conn, entry.concertId, entry.seq));
    return expired;
}

Result<int> QueueRepository::expireOverdueActive(Connection& conn, qint64 nowMs)
{
    // The redundant `state IN (...)` term matches the partial index queue_entries_deadline
    // (SQLite only uses a partial index whose WHERE appears in the query); without it this is a
    // full scan of queue_entries on every sweep and admission.
    static const QString sql = QStringLiteral("UPDATE queue_entries SET state = %1,"
                                              " expired_at = ? WHERE state IN %2 AND state = %3"
                                              " AND deadline_at <= ?")
                                   .arg(kExpired, kLive, kActive);
    auto q = BO_TRY(conn.run(sql, {nowMs, nowMs}));
    return q.rowsAffected();
}

Result<QList<QueueEntry>> QueueRepository::overdueEntries(Connection& conn, qint64 nowMs)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM queue_entries"
                                              " WHERE state IN %2 AND deadline_at <= ?")
                                   .arg(kEntryColumns, kLive);
    auto q = BO_TRY(conn.run(sql, {nowMs}));
    QList<QueueEntry> out;
    while (q.next())
        out << BO_TRY(entryFrom(q));
    return out;
}

Result<void> QueueRepository::markUsedByPayment(Connection& conn, qint64 entryId, qint64 paymentId,
                                                qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE queue_entries SET state = %1,"
                                              " expired_at = ?, payment_id = ? WHERE id = ?")
                                   .arg(kExpired);
    return conn.execute(sql, {nowMs, paymentId, entryId});
}

Result<std::optional<QueueEntry>> QueueRepository::lockEntryByToken(Connection& conn,
                                                                    const QString& tokenHash)
{
    static const QString sql = QStringLiteral("UPDATE queue_entries SET token_hash = token_hash"
                                              " WHERE token_hash = ? RETURNING %1")
                                   .arg(kEntryColumns);
    auto q = BO_TRY(conn.run(sql, {tokenHash}));
    return entryIfAny(q);
}

Result<bool> QueueRepository::claimAdmissionPeriod(Connection& conn, qint64 nowMs, qint64 periodMs)
{
    // The job's row exists before anyone claims it, so that every claimant updates one row;
    // its placeholder time is long enough ago for any period.
    BO_CHECK(conn.execute(QStringLiteral("INSERT INTO scheduler_runs (job, last_run_at)"
                                         " VALUES (?, ?) ON CONFLICT (job) DO NOTHING"),
                          {kAdmissionJob, std::numeric_limits<qint64>::min() / 2}));
    auto claim = BO_TRY(conn.run(QStringLiteral("UPDATE scheduler_runs SET last_run_at = ?"
                                                " WHERE job = ? AND last_run_at <= ?"),
                                 {nowMs, kAdmissionJob, nowMs - periodMs}));
    return claim.rowsAffected() == 1;
}

Result<QList<qint64>> QueueRepository::concertsWithLines(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT concert_id FROM queues")));
    QList<qint64> concerts;
    while (q.next())
        concerts << q.i64(0);
    return concerts;
}

Result<std::optional<qint64>> QueueRepository::admissionCutoff(Connection& conn, qint64 concertId,
                                                               int count)
{
    {
        static const QString sql = QStringLiteral("SELECT seq FROM queue_entries"
                                                  " WHERE concert_id = ? AND state = %1"
                                                  " ORDER BY seq LIMIT 1 OFFSET ?")
                                       .arg(kWaiting);
        auto q = BO_TRY(conn.run(sql, {concertId, std::max(1, count) - 1}));
        if (const auto seq = q.nextI64())
            return seq;
    }
    static const QString sql = QStringLiteral("SELECT MAX(seq) FROM queue_entries"
                                              " WHERE concert_id = ? AND state = %1")
                                   .arg(kWaiting);
    auto q = BO_TRY(conn.run(sql, {concertId}));
    if (q.next() && !q.isNull(0))
        return std::optional<qint64>{q.i64(0)};
    return std::optional<qint64>{};
}

Result<int> QueueRepository::admitUpTo(Connection& conn, qint64 concertId, qint64 lastSeq,
                                       qint64 nowMs, qint64 deadlineAtMs)
{
    static const QString sql = QStringLiteral("UPDATE queue_entries SET state = %1,"
                                              " activated_at = ?, deadline_at = ?"
                                              " WHERE concert_id = ? AND state = %2 AND seq <= ?")
                                   .arg(kActive, kWaiting);
    auto q = BO_TRY(conn.run(sql, {nowMs, deadlineAtMs, concertId, lastSeq}));
    return q.rowsAffected();
}

Result<void> QueueRepository::setLineHead(Connection& conn, qint64 concertId, qint64 headSeq,
                                          qint64 headEvicted)
{
    return conn.execute(QStringLiteral("UPDATE queues SET head_seq = ?, head_evicted = ?"
                                       " WHERE concert_id = ?"),
                        {headSeq, headEvicted, concertId});
}

} // namespace boxoffice
