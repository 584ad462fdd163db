#include "core/Types.h"

namespace boxoffice {

QString queueStateName(QueueState s)
{
    switch (s) {
    case QueueState::Waiting:
        return QStringLiteral("WAITING");
    case QueueState::Active:
        return QStringLiteral("ACTIVE");
    case QueueState::Expired:
        break;
    }
    return QStringLiteral("EXPIRED");
}

QString reservationStatusName(ReservationStatus s)
{
    switch (s) {
    case ReservationStatus::Held:
        return QStringLiteral("HELD");
    case ReservationStatus::Paid:
        return QStringLiteral("PAID");
    case ReservationStatus::Expired:
        break;
    }
    return QStringLiteral("EXPIRED");
}

QString ledgerKindName(LedgerKind k)
{
    switch (k) {
    case LedgerKind::Charge:
        return QStringLiteral("CHARGE");
    case LedgerKind::Payment:
        return QStringLiteral("PAYMENT");
    case LedgerKind::Refund:
        break;
    }
    return QStringLiteral("REFUND");
}

} // namespace boxoffice
