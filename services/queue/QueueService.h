#pragma once

#include "core/Clock.h"
#include "core/EngineSettings.h"
#include "core/Types.h"
#include "storage/CatalogueRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/Database.h"
#include "storage/QueueRepository.h"

#include <QHash>
#include <QMutex>

#include <optional>

namespace boxoffice {

// The waiting queue of design Q1–Q8: tokens, FIFO positions, admission and expiry.
class QueueService
{
public:
    QueueService(std::shared_ptr<Database> db, const Clock& clock, const EngineSettings& settings);

    // Q1: enters the concert's queue, or answers the customer's live entry with a fresh token.
    Result<QueueTicket> enter(qint64 customerId, qint64 concertId);
    // Q5: the poll. Refreshes the idle deadline of a WAITING token; refuses EXPIRED ones with
    // TOKEN_EXPIRED, which carries extra["paymentId"] when a payment used the token up (Q7), so
    // that "used by that payment" can be told from "timed out".
    Result<QueueStatus> poll(const QString& token);
    // Q8: checks that a token is ACTIVE (and, if given, for this concert). Read-only.
    Result<TokenPass> requireActive(const QString& token, std::optional<qint64> concertId = {});
    // The same inside the caller's transaction.
    Result<TokenPass> requireActive(Connection& conn, const QString& token,
                                    std::optional<qint64> concertId, qint64 nowMs);

    // Q4: if an admission is due at `nowMs`, admits the oldest K WAITING of each concert.
    // Safe to call from several processes: one admission per period. Returns how many.
    Result<int> activateDue(qint64 nowMs);
    // Q6: expires ACTIVE tokens past their time and evicts idle WAITING ones. Returns how many.
    Result<int> expireDue(qint64 nowMs);
    // When the next admission is due (for arming a timer).
    Result<qint64> nextAdmissionAtMs();

    // The digest stored for a token (Q2).
    static QString digest(const QString& token);
    static QString newToken();

private:
    Result<QueueTicket> enterOnce(qint64 customerId, qint64 concertId);
    Result<QueueStatus> statusOf(Connection& conn, const QueueEntry& e, qint64 nowMs);
    QueueStatus composeStatus(const QueueEntry& e, const QueueLine& line, qint64 nowMs) const;
    Result<int> expireIn(Connection& conn, qint64 nowMs);
    // An entry and its place in the line, read in one snapshot; nothing if no entry has `hash`.
    Result<std::optional<QueueSighting>> readEntry(Connection& conn, const QString& hash);
    static quint64 seqKey(const QString& hash);
    std::optional<qint64> knownSeq(quint64 key) const;
    void rememberSeq(quint64 key, qint64 seq);

    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    const EngineSettings& m_settings;
    QueueRepository m_entries;
    CustomerRepository m_customers;
    CatalogueRepository m_catalogue;
    // The seq of recently seen tokens, by the first 64 bits of their digest. An entry's seq never
    // changes, so a poll that knows it reads everything in one statement (readEntry()). Bounded:
    // emptied when full.
    mutable QMutex m_knownMutex;
    QHash<quint64, qint64> m_knownSeq;
};

} // namespace boxoffice
