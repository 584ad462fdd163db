#pragma once

#include "core/Error.h"
#include "core/Types.h"

namespace boxoffice {

// How the repositories put an enum into a statement: as an SQL string literal ('HELD') made from
// the one spelling in core/Types.cpp. A literal rather than a bound parameter because SQLite uses
// a partial index only when the query repeats the index's WHERE terms word for word, and because
// the statements are built once and cached by their text.
QString sqlLiteral(QueueState s);
QString sqlLiteral(ReservationStatus s);
QString sqlLiteral(LedgerKind k);
QString sqlLiteral(TicketStatus s);
QString sqlLiteral(TicketRevocation r);

// How the repositories read an enum back from a row. A text that spells no value (a newer
// program's state, or damage) is a storage error rather than a guess.
Result<QueueState> storedQueueState(QStringView text);
Result<ReservationStatus> storedReservationStatus(QStringView text);
Result<LedgerKind> storedLedgerKind(QStringView text);
Result<TicketStatus> storedTicketStatus(QStringView text);
Result<TicketRevocation> storedTicketRevocation(QStringView text);
Result<AuditAction> storedAuditAction(QStringView text);

} // namespace boxoffice
