#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <QJsonObject>

#include <optional>

namespace boxoffice {

// One row of the audit log (design R5).
struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString terminal;
    QString operatorName; // empty: the customer's own action
    AuditAction action = AuditAction::Charge;
    QJsonObject detail;
};

// The audit_log table: appended to, never changed (the schema refuses UPDATE and DELETE with a
// trigger on both engines). Every method runs on the caller's connection, inside whatever
// transaction the caller holds, so that a row is written with the action it records or not at
// all.
class AuditRepository
{
public:
    // Appends `e` (its id is ignored); the new row's id.
    Result<qint64> append(Connection& conn, const AuditEntry& e);
    // The newest rows first, at most `limit`, of one action if given.
    Result<QList<AuditEntry>> recent(Connection& conn, int limit,
                                     std::optional<AuditAction> action = std::nullopt);
};

} // namespace boxoffice
