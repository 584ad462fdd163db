#include "storage/AuditRepository.h"

#include "storage/StoredNames.h"

#include <QJsonDocument>

namespace boxoffice {

Result<qint64> AuditRepository::append(Connection& conn, const AuditEntry& e)
{
    // PostgreSQL stores the detail as JSONB (the text is cast on the way in); SQLite as text its
    // CHECK proves is JSON.
    const QString sql =
        conn.dialect() == Dialect::Postgres
            ? QStringLiteral("INSERT INTO audit_log (at, terminal, operator, action, detail)"
                             " VALUES (?, ?, ?, ?, CAST(? AS JSONB)) RETURNING id")
            : QStringLiteral("INSERT INTO audit_log (at, terminal, operator, action, detail)"
                             " VALUES (?, ?, ?, ?, ?) RETURNING id");
    const QString detail =
        QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact));
    auto q = BO_TRY(conn.run(sql, {e.atMs, e.terminal.isNull() ? QStringLiteral("") : e.terminal,
                                   e.operatorName.isNull() ? QStringLiteral("") : e.operatorName,
                                   auditActionName(e.action), detail}));
    const auto id = q.nextI64();
    if (!id)
        return fail(Error::make(ErrorCode::StorageError)
                        .withInternal(QStringLiteral("audit_log: no id returned")));
    return *id;
}

Result<QList<AuditEntry>> AuditRepository::recent(Connection& conn, int limit,
                                                  std::optional<AuditAction> action)
{
    // CAST: JSONB comes back as its text on PostgreSQL, as it went in on SQLite.
    static const QString columns =
        QStringLiteral("SELECT id, at, terminal, operator, action, CAST(detail AS TEXT)"
                       " FROM audit_log");
    auto q = action
                 ? BO_TRY(conn.run(columns + QStringLiteral(" WHERE action = ?"
                                                            " ORDER BY id DESC LIMIT ?"),
                                   {auditActionName(*action), limit}))
                 : BO_TRY(conn.run(columns + QStringLiteral(" ORDER BY id DESC LIMIT ?"), {limit}));
    QList<AuditEntry> out;
    while (q.next()) {
        AuditEntry e;
        e.id = q.i64(0);
        e.atMs = q.i64(1);
        e.terminal = q.str(2);
        e.operatorName = q.str(3);
        e.action = BO_TRY(storedAuditAction(q.str(4)));
        e.detail = QJsonDocument::fromJson(q.str(5).toUtf8()).object();
        out << e;
    }
    return out;
}

} // namespace boxoffice
