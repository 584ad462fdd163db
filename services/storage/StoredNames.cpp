#include "storage/StoredNames.h"

namespace boxoffice {

namespace {

QString quoted(const QString& name)
{
    return QLatin1Char('\'') + name + QLatin1Char('\'');
}

template <typename E> Result<E> known(std::optional<E> value, QStringView text)
{
    if (value)
        return *value;
    return fail(Error::make(ErrorCode::StorageError)
                    .withInternal(QStringLiteral("unknown stored name '%1'").arg(text)));
}

} // namespace

QString sqlLiteral(QueueState s)
{
    return quoted(queueStateName(s));
}

QString sqlLiteral(ReservationStatus s)
{
    return quoted(reservationStatusName(s));
}

QString sqlLiteral(LedgerKind k)
{
    return quoted(ledgerKindName(k));
}

QString sqlLiteral(TicketStatus s)
{
    return quoted(ticketStatusName(s));
}

QString sqlLiteral(TicketRevocation r)
{
    return quoted(ticketRevocationName(r));
}

Result<QueueState> storedQueueState(QStringView text)
{
    return known(queueStateFromName(text), text);
}

Result<ReservationStatus> storedReservationStatus(QStringView text)
{
    return known(reservationStatusFromName(text), text);
}

Result<LedgerKind> storedLedgerKind(QStringView text)
{
    return known(ledgerKindFromName(text), text);
}

Result<TicketStatus> storedTicketStatus(QStringView text)
{
    return known(ticketStatusFromName(text), text);
}

Result<TicketRevocation> storedTicketRevocation(QStringView text)
{
    return known(ticketRevocationFromName(text), text);
}

Result<AuditAction> storedAuditAction(QStringView text)
{
    return known(auditActionFromName(text), text);
}

} // namespace boxoffice
