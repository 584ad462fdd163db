#include "queue/QueueService.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <limits>

namespace boxoffice {

namespace {

// Sequence numbers are bounded by the Fenwick tree's size: a queue may take 2^30 arrivals.
constexpr qint64 kFenwickSize = qint64(1) << 30;
constexpr int kFenwickTerms = 31;

const QString kAdmissionJob = QStringLiteral("admission");
constexpr qint64 kIdleSlackMs = 1000;

QueueState stateFromText(const QString& s)
{
    if (s == QLatin1String("ACTIVE"))
        return QueueState::Active;
    if (s == QLatin1String("EXPIRED"))
        return QueueState::Expired;
    return QueueState::Waiting;
}

const QString kEntryColumns =
    QStringLiteral("id, customer_id, concert_id, seq, state, deadline_at, payment_id");

constexpr qsizetype kKnownSeqLimit = 65536;

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

// A poll in one statement (one snapshot, no BEGIN/COMMIT): the entry (kEntryColumns), the head
// of its line, the last admission, then `terms` Fenwick nodes (none when the seq is not known).
const QString& pollSql(int terms)
{
    static const QStringList sqls = withFenwickNodes(
        QStringLiteral("SELECT e.id, e.customer_id, e.concert_id, e.seq, e.state, e.deadline_at,"
                       " e.payment_id, q.head_seq, q.head_evicted,"
                       " (SELECT last_run_at FROM scheduler_runs WHERE job = 'admission')"),
        QStringLiteral("e.concert_id"),
        QStringLiteral(" FROM queue_entries e LEFT JOIN queues q ON q.concert_id = e.concert_id"
                       " WHERE e.token_hash = ?"));
    return sqls.at(terms);
}

} // namespace

// An entry from the first seven columns of a row (kEntryColumns, in that order).
QueueService::EntryRow QueueService::entryFrom(const Query& q)
{
    EntryRow e;
    e.id = q.i64(0);
    e.customerId = q.i64(1);
    e.concertId = q.i64(2);
    e.seq = q.i64(3);
    e.state = stateFromText(q.str(4));
    e.deadlineAtMs = q.i64(5);
    e.paymentId = q.i64(6);
    return e;
}

QueueService::QueueService(std::shared_ptr<Database> db, const Clock& clock,
                           const EngineSettings& settings)
    : m_db(std::move(db)), m_clock(clock), m_settings(settings)
{}

QString QueueService::digest(const QString& token)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString QueueService::newToken()
{
    // 256 bits from the operating system's generator (Q2 asks for at least 128).
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char*>(words), sizeof(words));
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<std::optional<QueueService::EntryRow>> QueueService::findByToken(Connection& conn,
                                                                        const QString& token)
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM queue_entries WHERE token_hash = ?").arg(kEntryColumns);
    auto q = BO_TRY(conn.run(sql, {digest(token)}));
    if (!q.next())
        return std::optional<EntryRow>{};
    return std::optional<EntryRow>{entryFrom(q)};
}

Result<qint64> QueueService::evictedUpTo(Connection& conn, qint64 concertId, qint64 seq)
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

Result<void> QueueService::addEvicted(Connection& conn, qint64 concertId, qint64 seq)
{
    for (qint64 i = seq; i <= kFenwickSize; i += i & -i) {
        BO_TRY(conn.run(QStringLiteral("INSERT INTO queue_fenwick (concert_id, idx, cnt)"
                                       " VALUES (?, ?, 1) ON CONFLICT (concert_id, idx)"
                                       " DO UPDATE SET cnt = queue_fenwick.cnt + 1"),
                        {concertId, i}));
    }
    return {};
}

Result<qint64> QueueService::lastAdmissionAt(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT last_run_at FROM scheduler_runs WHERE job = ?"),
                             {kAdmissionJob}));
    const qint64 last = q.next() ? q.i64(0) : qint64(-1);
    return last < 0 ? qint64(-1) : last; // the unclaimed placeholder row means "never"
}

Result<QueueStatus> QueueService::statusOf(Connection& conn, const EntryRow& e, qint64 nowMs)
{
    if (e.state != QueueState::Waiting)
        return composeStatus(e, {}, nowMs);
    // Everything up to head_seq has left the line; evictions after it are in the Fenwick tree.
    LineFacts line;
    {
        auto q = BO_TRY(conn.run(
            QStringLiteral("SELECT head_seq, head_evicted FROM queues WHERE concert_id = ?"),
            {e.concertId}));
        if (q.next()) {
            line.headSeq = q.i64(0);
            line.headEvicted = q.i64(1);
        }
    }
    line.evicted = BO_TRY(evictedUpTo(conn, e.concertId, e.seq));
    line.lastAdmissionAt = BO_TRY(lastAdmissionAt(conn));
    return composeStatus(e, line, nowMs);
}

QueueStatus QueueService::composeStatus(const EntryRow& e, const LineFacts& line,
                                        qint64 nowMs) const
{
    QueueStatus s;
    s.entryId = e.id;
    s.customerId = e.customerId;
    s.concertId = e.concertId;
    s.state = e.state;
    s.usedByPayment = e.paymentId != 0;
    if (e.state == QueueState::Active) {
        s.expiresAtMs = e.deadlineAtMs;
        return s;
    }
    if (e.state != QueueState::Waiting)
        return s;
    s.position = std::max<qint64>(1, e.seq - line.headSeq - (line.evicted - line.headEvicted));
    const qint64 periodMs = qint64(m_settings.activateEverySeconds) * 1000;
    // Before the first admission ever, one is due at once (as nextAdmissionAtMs() says).
    const qint64 nextAt = line.lastAdmissionAt < 0 ? nowMs : line.lastAdmissionAt + periodMs;
    const qint64 untilNextMs = std::max<qint64>(0, nextAt - nowMs);
    const qint64 k = std::max(1, m_settings.activateCount);
    const qint64 rounds = (s.position + k - 1) / k;
    s.estimatedWaitSeconds =
        (untilNextMs + 999) / 1000 + (rounds - 1) * m_settings.activateEverySeconds;
    return s;
}

Result<void> QueueService::evict(Connection& conn, const EntryRow& e, qint64 nowMs)
{
    // Conditional on the state it was read in: when two processes sweep at once, one evicts
    // and counts it in the Fenwick tree, the other finds nothing to do.
    auto q = BO_TRY(conn.run(QStringLiteral("UPDATE queue_entries SET state = 'EXPIRED',"
                                            " expired_at = ? WHERE id = ? AND state = ?"),
                             {nowMs, e.id, queueStateName(e.state)}));
    if (e.state == QueueState::Waiting && q.rowsAffected() == 1)
        BO_CHECK(addEvicted(conn, e.concertId, e.seq));
    return {};
}

Result<QueueTicket> QueueService::enter(qint64 customerId, qint64 concertId)
{
    // Two terminals entering the same customer at once: the schema lets one entry live; the
    // loser's transaction sees the winner's entry on its second try and answers with it (Q1).
    for (int attempt = 0;; ++attempt) {
        auto ticket = enterOnce(customerId, concertId);
        if (ticket || ticket.error().code != ErrorCode::StorageBusy || attempt == 2)
            return ticket;
    }
}

Result<QueueTicket> QueueService::enterOnce(qint64 customerId, qint64 concertId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    {
        auto q =
            BO_TRY(conn->run(QStringLiteral("SELECT 1 FROM customers WHERE id = ?"), {customerId}));
        if (!q.next())
            return fail(ErrorCode::UserNotFound);
    }
    {
        auto q =
            BO_TRY(conn->run(QStringLiteral("SELECT 1 FROM concerts WHERE id = ?"), {concertId}));
        if (!q.next())
            return fail(ErrorCode::ConcertNotFound);
    }

    QueueTicket ticket;
    ticket.token = newToken();
    const QString hash = digest(ticket.token);
    const qint64 idleDeadline = now + qint64(m_settings.idleSeconds) * 1000;

    std::optional<EntryRow> live;
    {
        auto q = BO_TRY(
            conn->run(QStringLiteral("SELECT %1 FROM queue_entries WHERE customer_id = ?"
                                     " AND concert_id = ? AND state IN ('WAITING', 'ACTIVE')")
                          .arg(kEntryColumns),
                      {customerId, concertId}));
        if (q.next()) {
            live = entryFrom(q);
        }
    }
    if (live && live->deadlineAtMs <= now) {
        // Its time ran out before a sweeper noticed: it is gone, and this is a new arrival.
        BO_CHECK(evict(*conn, *live, now));
        live.reset();
    }

    qint64 entrySeq = 0;
    if (live) {
        if (live->state == QueueState::Waiting) {
            BO_TRY(conn->run(QStringLiteral("UPDATE queue_entries SET token_hash = ?,"
                                            " last_polled_at = ?, deadline_at = ? WHERE id = ?"),
                             {hash, now, idleDeadline, live->id}));
            live->deadlineAtMs = idleDeadline;
        } else {
            BO_TRY(conn->run(QStringLiteral("UPDATE queue_entries SET token_hash = ?,"
                                            " last_polled_at = ? WHERE id = ?"),
                             {hash, now, live->id}));
        }
        ticket.status = BO_TRY(statusOf(*conn, *live, now));
        ticket.created = false;
        entrySeq = live->seq;
    } else {
        BO_TRY(conn->run(QStringLiteral("INSERT INTO queues (concert_id) VALUES (?)"
                                        " ON CONFLICT (concert_id) DO NOTHING"),
                         {concertId}));
        qint64 seq = 0;
        {
            auto q = BO_TRY(conn->run(
                QStringLiteral("UPDATE queues SET next_seq = next_seq + 1 WHERE concert_id = ?"
                               " RETURNING next_seq - 1"),
                {concertId}));
            if (!q.next())
                return fail(ErrorCode::StorageError);
            seq = q.i64(0);
        }
        if (seq >= kFenwickSize)
            return fail(
                Error::make(ErrorCode::StorageError).withInternal(QStringLiteral("queue full")));
        EntryRow e;
        e.customerId = customerId;
        e.concertId = concertId;
        e.seq = seq;
        e.state = QueueState::Waiting;
        e.deadlineAtMs = idleDeadline;
        {
            auto q = conn->tryRun(
                QStringLiteral(
                    "INSERT INTO queue_entries (concert_id, customer_id, seq, token_hash,"
                    " state, created_at, last_polled_at, deadline_at)"
                    " VALUES (?, ?, ?, ?, 'WAITING', ?, ?, ?) RETURNING id"),
                {concertId, customerId, seq, hash, now, now, idleDeadline});
            if (!q) {
                if (q.error().kind == SqlFailure::Unique) // lost the race described in enter()
                    return fail(Error::make(ErrorCode::StorageBusy).withInternal(q.error().text));
                return fail(storageError(q.error()));
            }
            if (!q->next())
                return fail(ErrorCode::StorageError);
            e.id = q->i64(0);
        }
        ticket.status = BO_TRY(statusOf(*conn, e, now));
        ticket.created = true;
        entrySeq = e.seq;
    }
    BO_CHECK(tx.commit());
    rememberSeq(seqKey(hash), entrySeq); // its first poll is then one statement
    return ticket;
}

Result<std::optional<QueueService::Sighting>> QueueService::readEntry(Connection& conn,
                                                                      const QString& hash)
{
    const quint64 key = seqKey(hash);
    const auto lineFrom = [](const Query& q) {
        LineFacts line;
        line.headSeq = q.i64(7);
        line.headEvicted = q.i64(8);
        line.lastAdmissionAt = q.isNull(9) || q.i64(9) < 0 ? -1 : q.i64(9);
        return line;
    };
    if (const auto seq = knownSeq(key); seq && *seq > 0 && *seq < kFenwickSize) {
        // Everything in one statement: the Fenwick nodes of the evictions up to seq are known.
        QVariantList args = fenwickNodes(*seq);
        const int terms = int(args.size());
        args << hash;
        auto q = BO_TRY(conn.run(pollSql(terms), args));
        if (!q.next())
            return std::optional<Sighting>{};
        Sighting seen{entryFrom(q), lineFrom(q)};
        if (seen.entry.seq == *seq) {
            for (int i = 0; i < terms; ++i)
                seen.line.evicted += q.i64(10 + i); // NULL, a node never counted, reads as 0
            return std::optional<Sighting>{seen};
        }
        // Another token under the same 64 bits: read it the long way below.
    }
    // The entry, the head of its line and the last admission in one statement, then the
    // evictions before it, in one snapshot.
    ReadTransaction read = BO_TRY(ReadTransaction::begin(conn));
    Sighting seen;
    {
        auto q = BO_TRY(conn.run(pollSql(0), {hash}));
        if (!q.next())
            return std::optional<Sighting>{};
        seen = {entryFrom(q), lineFrom(q)};
    }
    if (seen.entry.state == QueueState::Waiting)
        seen.line.evicted = BO_TRY(evictedUpTo(conn, seen.entry.concertId, seen.entry.seq));
    rememberSeq(key, seen.entry.seq);
    return std::optional<Sighting>{seen};
}

Result<QueueStatus> QueueService::poll(const QString& token)
{
    if (token.isEmpty())
        return fail(ErrorCode::TokenMissing);
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    const qint64 idleMs = qint64(m_settings.idleSeconds) * 1000;
    // Most polls only read. A poll stores its idle deadline with kIdleSlackMs to spare, so the
    // next second of polls finds it still far enough away and writes nothing; eviction is
    // never early and at most kIdleSlackMs plus a sweep late (Q6 allows two seconds).
    {
        const auto seen = BO_TRY(readEntry(*conn, digest(token)));
        if (!seen)
            return fail(ErrorCode::TokenInvalid);
        const EntryRow& e = seen->entry;
        if (e.state == QueueState::Expired)
            return fail(ErrorCode::TokenExpired);
        const bool stillFresh = e.deadlineAtMs > now &&
                                (e.state == QueueState::Active || e.deadlineAtMs >= now + idleMs);
        if (stillFresh)
            return composeStatus(e, seen->line, now);
    }
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    auto found = BO_TRY(findByToken(*conn, token));
    if (!found)
        return fail(ErrorCode::TokenInvalid);
    EntryRow e = *found;
    if (e.state == QueueState::Expired)
        return fail(ErrorCode::TokenExpired);
    if (e.deadlineAtMs <= now) {
        BO_CHECK(evict(*conn, e, now));
        BO_CHECK(tx.commit());
        return fail(ErrorCode::TokenExpired);
    }
    if (e.state == QueueState::Waiting) {
        e.deadlineAtMs = now + idleMs + kIdleSlackMs;
        BO_TRY(conn->run(QStringLiteral("UPDATE queue_entries SET last_polled_at = ?,"
                                        " deadline_at = ? WHERE id = ?"),
                         {now, e.deadlineAtMs, e.id}));
    }
    QueueStatus s = BO_TRY(statusOf(*conn, e, now));
    BO_CHECK(tx.commit());
    return s;
}

quint64 QueueService::seqKey(const QString& hash)
{
    return QStringView(hash).left(16).toULongLong(nullptr, 16);
}

std::optional<qint64> QueueService::knownSeq(quint64 key) const
{
    QMutexLocker lock(&m_knownMutex);
    const auto it = m_knownSeq.constFind(key);
    return it == m_knownSeq.cend() ? std::nullopt : std::optional<qint64>(*it);
}

void QueueService::rememberSeq(quint64 key, qint64 seq)
{
    QMutexLocker lock(&m_knownMutex);
    if (m_knownSeq.size() >= kKnownSeqLimit)
        m_knownSeq.clear();
    m_knownSeq.insert(key, seq);
}

Result<TokenPass> QueueService::requireActive(const QString& token, std::optional<qint64> concertId)
{
    Connection* conn = BO_TRY(m_db->connection());
    return requireActive(*conn, token, concertId, m_clock.nowMs());
}

Result<TokenPass> QueueService::requireActive(Connection& conn, const QString& token,
                                              std::optional<qint64> concertId, qint64 nowMs)
{
    if (token.isEmpty())
        return fail(ErrorCode::TokenMissing);
    auto found = BO_TRY(findByToken(conn, token));
    if (!found)
        return fail(ErrorCode::TokenInvalid);
    const EntryRow& e = *found;
    if (e.state == QueueState::Expired || e.deadlineAtMs <= nowMs)
        return fail(ErrorCode::TokenExpired);
    if (concertId && *concertId != e.concertId)
        return fail(ErrorCode::TokenWrongConcert);
    if (e.state != QueueState::Active) {
        const QueueStatus s = BO_TRY(statusOf(conn, e, nowMs));
        return fail(Error::make(ErrorCode::TokenNotActive)
                        .withExtra(QStringLiteral("position"), s.position)
                        .withExtra(QStringLiteral("estimatedWaitSeconds"), s.estimatedWaitSeconds));
    }
    return TokenPass{e.id, e.customerId, e.concertId};
}

Result<int> QueueService::expireIn(Connection& conn, qint64 nowMs)
{
    int expired = 0;
    {
        // The redundant `state IN (...)` term matches the partial index queue_entries_deadline
        // (SQLite only uses a partial index whose WHERE appears in the query); without it this
        // is a full scan of queue_entries on every sweep and admission.
        auto q = BO_TRY(conn.run(QStringLiteral("UPDATE queue_entries SET state = 'EXPIRED',"
                                                " expired_at = ? WHERE state IN ('WAITING',"
                                                " 'ACTIVE') AND state = 'ACTIVE'"
                                                " AND deadline_at <= ?"),
                                 {nowMs, nowMs}));
        expired += q.rowsAffected();
    }
    QList<EntryRow> idle;
    {
        auto q = BO_TRY(conn.run(QStringLiteral("SELECT id, concert_id, seq FROM queue_entries"
                                                " WHERE state IN ('WAITING', 'ACTIVE')"
                                                " AND deadline_at <= ?"),
                                 {nowMs}));
        while (q.next()) {
            EntryRow e;
            e.id = q.i64(0);
            e.concertId = q.i64(1);
            e.seq = q.i64(2);
            e.state = QueueState::Waiting;
            idle << e;
        }
    }
    for (const EntryRow& e : idle)
        BO_CHECK(evict(conn, e, nowMs));
    return expired + int(idle.size());
}

Result<int> QueueService::expireDue(qint64 nowMs)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const int n = BO_TRY(expireIn(*conn, nowMs));
    BO_CHECK(tx.commit());
    return n;
}

Result<qint64> QueueService::nextAdmissionAtMs()
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 last = BO_TRY(lastAdmissionAt(*conn));
    const qint64 now = m_clock.nowMs();
    if (last < 0)
        return now;
    return last + qint64(m_settings.activateEverySeconds) * 1000;
}

Result<int> QueueService::activateDue(qint64 nowMs)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 periodMs = qint64(m_settings.activateEverySeconds) * 1000;
    // Claim the period: a conditional UPDATE that exactly one of any number of processes wins
    // (the row lock makes the others re-check and find it claimed), on any engine.
    BO_TRY(conn->run(QStringLiteral("INSERT INTO scheduler_runs (job, last_run_at) VALUES (?, ?)"
                                    " ON CONFLICT (job) DO NOTHING"),
                     {kAdmissionJob, std::numeric_limits<qint64>::min() / 2}));
    {
        auto claim = BO_TRY(conn->run(QStringLiteral("UPDATE scheduler_runs SET last_run_at = ?"
                                                     " WHERE job = ? AND last_run_at <= ?"),
                                      {nowMs, kAdmissionJob, nowMs - periodMs}));
        if (claim.rowsAffected() != 1)
            return 0; // another process, or an earlier call, admitted this period already
    }

    // Nobody idle is admitted: evictions first.
    BO_TRY(expireIn(*conn, nowMs));

    QList<qint64> concerts;
    {
        auto q = BO_TRY(conn->run(QStringLiteral("SELECT concert_id FROM queues")));
        while (q.next())
            concerts << q.i64(0);
    }
    const qint64 activeDeadline = nowMs + qint64(m_settings.activeSeconds) * 1000;
    int admitted = 0;
    for (qint64 concertId : concerts) {
        // The K-th oldest WAITING entry; everything WAITING up to it is admitted.
        qint64 lastSeq = -1;
        {
            auto q = BO_TRY(conn->run(QStringLiteral("SELECT seq FROM queue_entries"
                                                     " WHERE concert_id = ? AND state = 'WAITING'"
                                                     " ORDER BY seq LIMIT 1 OFFSET ?"),
                                      {concertId, std::max(1, m_settings.activateCount) - 1}));
            if (q.next())
                lastSeq = q.i64(0);
        }
        if (lastSeq < 0) {
            auto q = BO_TRY(conn->run(QStringLiteral("SELECT MAX(seq) FROM queue_entries"
                                                     " WHERE concert_id = ? AND state = 'WAITING'"),
                                      {concertId}));
            if (q.next() && !q.isNull(0))
                lastSeq = q.i64(0);
        }
        if (lastSeq < 0)
            continue;
        {
            auto q = BO_TRY(conn->run(QStringLiteral("UPDATE queue_entries SET state = 'ACTIVE',"
                                                     " activated_at = ?, deadline_at = ?"
                                                     " WHERE concert_id = ? AND state = 'WAITING'"
                                                     " AND seq <= ?"),
                                      {nowMs, activeDeadline, concertId, lastSeq}));
            admitted += q.rowsAffected();
        }
        const qint64 evicted = BO_TRY(evictedUpTo(*conn, concertId, lastSeq));
        BO_TRY(conn->run(QStringLiteral("UPDATE queues SET head_seq = ?, head_evicted = ?"
                                        " WHERE concert_id = ?"),
                         {lastSeq, evicted, concertId}));
    }
    BO_CHECK(tx.commit());
    return admitted;
}

} // namespace boxoffice
