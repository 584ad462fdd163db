#include "queue/QueueService.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace boxoffice {

namespace {

constexpr qint64 kIdleSlackMs = 1000;
constexpr qsizetype kKnownSeqLimit = 65536;

// TOKEN_EXPIRED; for a token that a payment used up (Q7) with that payment's id, so that a
// terminal polling it can say "used by payment N" instead of "timed out".
Error tokenExpired(const QueueEntry& e)
{
    Error err = Error::make(ErrorCode::TokenExpired);
    if (e.paymentId != 0)
        err.withExtra(QStringLiteral("paymentId"), e.paymentId);
    return err;
}

} // namespace

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

Result<QueueStatus> QueueService::statusOf(Connection& conn, const QueueEntry& e, qint64 nowMs)
{
    if (e.state != QueueState::Waiting)
        return composeStatus(e, {}, nowMs);
    // Everything up to head_seq has left the line; evictions after it are in the Fenwick tree.
    QueueLine line = BO_TRY(m_entries.lineHead(conn, e.concertId));
    line.evicted = BO_TRY(m_entries.evictedUpTo(conn, e.concertId, e.seq));
    line.lastAdmissionAt = BO_TRY(m_entries.lastAdmissionAt(conn));
    return composeStatus(e, line, nowMs);
}

QueueStatus QueueService::composeStatus(const QueueEntry& e, const QueueLine& line,
                                        qint64 nowMs) const
{
    QueueStatus s;
    s.entryId = e.id;
    s.customerId = e.customerId;
    s.concertId = e.concertId;
    s.state = e.state;
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
    if (!BO_TRY(m_customers.exists(*conn, customerId)))
        return fail(ErrorCode::UserNotFound);
    if (!BO_TRY(m_catalogue.concertExists(*conn, concertId)))
        return fail(ErrorCode::ConcertNotFound);

    QueueTicket ticket;
    ticket.token = newToken();
    const QString hash = digest(ticket.token);
    const qint64 idleDeadline = now + qint64(m_settings.idleSeconds) * 1000;

    std::optional<QueueEntry> live = BO_TRY(m_entries.findLive(*conn, customerId, concertId));
    if (live && live->deadlineAtMs <= now) {
        // Its time ran out before a sweeper noticed: it is gone, and this is a new arrival.
        BO_TRY(m_entries.expire(*conn, *live, now));
        live.reset();
    }

    qint64 entrySeq = 0;
    if (live) {
        if (live->state == QueueState::Waiting) {
            BO_CHECK(m_entries.replaceToken(*conn, live->id, hash, now, idleDeadline));
            live->deadlineAtMs = idleDeadline;
        } else {
            BO_CHECK(m_entries.replaceToken(*conn, live->id, hash, now, std::nullopt));
        }
        ticket.status = BO_TRY(statusOf(*conn, *live, now));
        ticket.created = false;
        entrySeq = live->seq;
    } else {
        QueueEntry e;
        e.customerId = customerId;
        e.concertId = concertId;
        e.seq = BO_TRY(m_entries.takeSeq(*conn, concertId));
        e.state = QueueState::Waiting;
        e.deadlineAtMs = idleDeadline;
        if (e.seq >= QueueRepository::kSeqLimit)
            return fail(
                Error::make(ErrorCode::StorageError).withInternal(QStringLiteral("queue full")));
        const auto id = BO_TRY(m_entries.insertWaiting(*conn, e, hash, now));
        if (!id) // lost the race described in enter()
            return fail(ErrorCode::StorageBusy);
        e.id = *id;
        ticket.status = BO_TRY(statusOf(*conn, e, now));
        ticket.created = true;
        entrySeq = e.seq;
    }
    BO_CHECK(tx.commit());
    rememberSeq(seqKey(hash), entrySeq); // its first poll is then one statement
    return ticket;
}

Result<std::optional<QueueSighting>> QueueService::readEntry(Connection& conn, const QString& hash)
{
    const quint64 key = seqKey(hash);
    if (const auto seq = knownSeq(key); seq && *seq > 0 && *seq < QueueRepository::kSeqLimit) {
        // Everything in one statement: the Fenwick nodes of the evictions up to seq are known.
        auto seen = BO_TRY(m_entries.sight(conn, hash, *seq));
        if (!seen || seen->entry.seq == *seq)
            return seen;
        // Another token under the same 64 bits: read it the long way below.
    }
    // The entry, the head of its line and the last admission in one statement, then the
    // evictions before it, in one snapshot.
    ReadTransaction read = BO_TRY(ReadTransaction::begin(conn));
    auto seen = BO_TRY(m_entries.sight(conn, hash, 0));
    if (!seen)
        return seen;
    if (seen->entry.state == QueueState::Waiting)
        seen->line.evicted =
            BO_TRY(m_entries.evictedUpTo(conn, seen->entry.concertId, seen->entry.seq));
    rememberSeq(key, seen->entry.seq);
    return seen;
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
        const QueueEntry& e = seen->entry;
        if (e.state == QueueState::Expired)
            return fail(tokenExpired(e));
        const bool stillFresh = e.deadlineAtMs > now &&
                                (e.state == QueueState::Active || e.deadlineAtMs >= now + idleMs);
        if (stillFresh)
            return composeStatus(e, seen->line, now);
    }
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    auto found = BO_TRY(m_entries.findByToken(*conn, digest(token)));
    if (!found)
        return fail(ErrorCode::TokenInvalid);
    QueueEntry e = *found;
    if (e.state == QueueState::Expired)
        return fail(tokenExpired(e));
    if (e.deadlineAtMs <= now) {
        BO_TRY(m_entries.expire(*conn, e, now));
        BO_CHECK(tx.commit());
        return fail(ErrorCode::TokenExpired);
    }
    if (e.state == QueueState::Waiting) {
        e.deadlineAtMs = now + idleMs + kIdleSlackMs;
        BO_CHECK(m_entries.touch(*conn, e.id, now, e.deadlineAtMs));
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
    auto found = BO_TRY(m_entries.findByToken(conn, digest(token)));
    if (!found)
        return fail(ErrorCode::TokenInvalid);
    const QueueEntry& e = *found;
    if (e.state == QueueState::Expired || e.deadlineAtMs <= nowMs)
        return fail(tokenExpired(e));
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
    const int expired = BO_TRY(m_entries.expireOverdueActive(conn, nowMs));
    // What is left overdue is WAITING: evicted one by one, each counted in the Fenwick tree.
    const QList<QueueEntry> idle = BO_TRY(m_entries.overdueEntries(conn, nowMs));
    for (const QueueEntry& e : idle)
        BO_TRY(m_entries.expire(conn, e, nowMs));
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
    const qint64 last = BO_TRY(m_entries.lastAdmissionAt(*conn));
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
    if (!BO_TRY(m_entries.claimAdmissionPeriod(*conn, nowMs, periodMs)))
        return 0; // another process, or an earlier call, admitted this period already

    // Nobody idle is admitted: evictions first.
    BO_TRY(expireIn(*conn, nowMs));

    const QList<qint64> concerts = BO_TRY(m_entries.concertsWithLines(*conn));
    const qint64 activeDeadline = nowMs + qint64(m_settings.activeSeconds) * 1000;
    int admitted = 0;
    for (qint64 concertId : concerts) {
        // The K-th oldest WAITING entry; everything WAITING up to it is admitted.
        const auto lastSeq =
            BO_TRY(m_entries.admissionCutoff(*conn, concertId, m_settings.activateCount));
        if (!lastSeq)
            continue;
        admitted += BO_TRY(m_entries.admitUpTo(*conn, concertId, *lastSeq, nowMs, activeDeadline));
        const qint64 evicted = BO_TRY(m_entries.evictedUpTo(*conn, concertId, *lastSeq));
        BO_CHECK(m_entries.setLineHead(*conn, concertId, *lastSeq, evicted));
    }
    BO_CHECK(tx.commit());
    return admitted;
}

} // namespace boxoffice
