#include "audit/AuditLog.h"

namespace boxoffice {

AuditLog::AuditLog(std::shared_ptr<Database> db, const Clock& clock, QString terminal)
    : m_db(std::move(db)), m_clock(clock), m_terminal(std::move(terminal))
{}

Result<qint64> AuditLog::append(Connection& conn, const Actor& by, AuditAction action,
                                const QJsonObject& detail, qint64 nowMs)
{
    AuditEntry e;
    e.atMs = nowMs;
    e.terminal = m_terminal;
    e.operatorName = by.operatorName;
    e.action = action;
    e.detail = detail;
    return m_rows.append(conn, e);
}

Result<qint64> AuditLog::record(const Actor& by, AuditAction action, const QJsonObject& detail)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 id = BO_TRY(append(*conn, by, action, detail, m_clock.nowMs()));
    BO_CHECK(tx.commit());
    return id;
}

Result<QList<AuditEntry>> AuditLog::recent(int limit, std::optional<AuditAction> action)
{
    Connection* conn = BO_TRY(m_db->connection());
    return m_rows.recent(*conn, limit, action);
}

} // namespace boxoffice
