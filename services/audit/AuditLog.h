#pragma once

#include "audit/Actor.h"
#include "core/Clock.h"
#include "storage/AuditRepository.h"

namespace boxoffice {

// The audit log (design R5): one row per staff action, with when, which terminal, who, what
// and a JSON detail. Services append inside the transaction of the action itself, so the row
// exists exactly when the action does; the schema keeps the rows from being changed.
class AuditLog
{
public:
    // `terminal`: this program instance's name (TerminalIdentity), on every row it writes.
    AuditLog(std::shared_ptr<Database> db, const Clock& clock, QString terminal);

    const QString& terminal() const { return m_terminal; }

    // Appends a row for `by`'s action inside the caller's transaction; its id.
    Result<qint64> append(Connection& conn, const Actor& by, AuditAction action,
                          const QJsonObject& detail, qint64 nowMs);
    // The same for an action with nothing else to write (a queue pause, a training reset): the
    // row in a transaction of its own.
    Result<qint64> record(const Actor& by, AuditAction action, const QJsonObject& detail);
    // The newest rows first, at most `limit`, of one action if given.
    Result<QList<AuditEntry>> recent(int limit = 100,
                                     std::optional<AuditAction> action = std::nullopt);

private:
    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    const QString m_terminal;
    AuditRepository m_rows;
};

} // namespace boxoffice
