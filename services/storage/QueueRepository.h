#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// One row of queue_entries, as the queue's rules need it.
struct QueueEntry
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 concertId = 0;
    qint64 seq = 0;
    QueueState state = QueueState::Waiting;
    qint64 deadlineAtMs = 0;
    qint64 paymentId = 0; // the payment that used the token up (Q7); 0: none
};

// What a WAITING entry's position and wait are computed from.
struct QueueLine
{
    qint64 headSeq = 0;     // everything up to it has left the line (admitted or evicted)
    qint64 headEvicted = 0; // evictions with seq <= headSeq
    qint64 evicted = 0;     // evictions with seq <= the entry's
    qint64 lastAdmissionAt = -1;
};

// An entry and its place in the line, read in one snapshot.
struct QueueSighting
{
    QueueEntry entry;
    QueueLine line;
};

// The waiting queue's tables: queue_entries, queues (one line per concert: its next sequence
// number and its head), queue_fenwick (evictions by sequence number, as a Fenwick tree, so a
// position is exact in O(log n) however long the line) and scheduler_runs (admission periods).
// Every method runs on the caller's connection, inside whatever transaction the caller holds.
class QueueRepository
{
public:
    // Sequence numbers are bounded by the Fenwick tree's size: a line may take 2^30 arrivals.
    static constexpr qint64 kSeqLimit = qint64(1) << 30;

    Result<std::optional<QueueEntry>> findByToken(Connection& conn, const QString& tokenHash);
    // The customer's WAITING or ACTIVE entry for the concert (the schema allows one).
    Result<std::optional<QueueEntry>> findLive(Connection& conn, qint64 customerId,
                                               qint64 concertId);
    // The entry, the head of its line and the last admission in ONE statement (one snapshot
    // without BEGIN/COMMIT: the poll's fast path). With `knownSeq` > 0 the same statement also
    // sums the evictions up to knownSeq; the caller checks that the entry's seq is knownSeq.
    // With knownSeq 0, line.evicted is left 0 for the caller to read with evictedUpTo().
    Result<std::optional<QueueSighting>> sight(Connection& conn, const QString& tokenHash,
                                               qint64 knownSeq);
    // The head of the concert's line (headSeq, headEvicted; zero when it has no line yet).
    Result<QueueLine> lineHead(Connection& conn, qint64 concertId);
    // Evictions with a seq up to `seq` in the concert's line.
    Result<qint64> evictedUpTo(Connection& conn, qint64 concertId, qint64 seq);
    // When the last admission ran; -1: never.
    Result<qint64> lastAdmissionAt(Connection& conn);

    // The concert's next sequence number, taken (its line is made on first use).
    Result<qint64> takeSeq(Connection& conn, qint64 concertId);
    // A new WAITING entry; its id. Nothing when the customer already has a live entry for the
    // concert (the schema's unique index: a concurrent enter won).
    Result<std::optional<qint64>> insertWaiting(Connection& conn, const QueueEntry& entry,
                                                const QString& tokenHash, qint64 nowMs);
    // A live entry's new token; `deadlineAtMs` moves a WAITING entry's idle deadline with it.
    Result<void> replaceToken(Connection& conn, qint64 entryId, const QString& tokenHash,
                              qint64 nowMs, std::optional<qint64> deadlineAtMs);
    // A WAITING entry was polled: its idle deadline moves.
    Result<void> touch(Connection& conn, qint64 entryId, qint64 nowMs, qint64 deadlineAtMs);

    // Expires the entry if it is still in the state it was read in, and counts a WAITING
    // entry's eviction. Conditional so that when two processes sweep at once, one evicts and
    // counts it, the other finds nothing to do. Returns whether this call expired it.
    Result<bool> expire(Connection& conn, const QueueEntry& entry, qint64 nowMs);
    // Expires every ACTIVE entry whose time has passed; how many.
    Result<int> expireOverdueActive(Connection& conn, qint64 nowMs);
    // Every live entry whose deadline has passed.
    Result<QList<QueueEntry>> overdueEntries(Connection& conn, qint64 nowMs);
    // Q7: the token is used up by the payment.
    Result<void> markUsedByPayment(Connection& conn, qint64 entryId, qint64 paymentId,
                                   qint64 nowMs);

    // The entry of the token, its row locked until the transaction ends. The row is written (to
    // itself) rather than read, so payments with one token go one at a time on every engine:
    // where writers run side by side (PostgreSQL, READ COMMITTED) a second payment waits here
    // for the first to commit and then reads everything after it, instead of seeing the seats
    // still held but the balance already spent. SQLite's write lock already excludes everyone.
    Result<std::optional<QueueEntry>> lockEntryByToken(Connection& conn, const QString& tokenHash);

    // Claims the admission period that is due at `nowMs` (the last admission at least
    // `periodMs` ago): a conditional UPDATE that exactly one of any number of processes wins
    // (the row lock makes the others re-check and find it claimed), on any engine. Whether
    // this call won.
    Result<bool> claimAdmissionPeriod(Connection& conn, qint64 nowMs, qint64 periodMs);
    // The concerts that have a line.
    Result<QList<qint64>> concertsWithLines(Connection& conn);
    // The seq up to which an admission of `count` takes the concert's WAITING entries (the
    // count-th oldest, or the newest when fewer wait); nothing when none waits.
    Result<std::optional<qint64>> admissionCutoff(Connection& conn, qint64 concertId, int count);
    // Admits every WAITING entry of the concert up to `lastSeq`; how many.
    Result<int> admitUpTo(Connection& conn, qint64 concertId, qint64 lastSeq, qint64 nowMs,
                          qint64 deadlineAtMs);
    // Everything up to `headSeq` has left the line, `headEvicted` of it by eviction.
    Result<void> setLineHead(Connection& conn, qint64 concertId, qint64 headSeq,
                             qint64 headEvicted);

private:
    Result<void> countEviction(Connection& conn, qint64 concertId, qint64 seq);
};

} // namespace boxoffice
