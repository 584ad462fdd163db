#include "Types.h"

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

QString seatLabel(const QString& section, const QString& row, int number)
{
    if (section.isEmpty())
        return QString::number(number);
    return QStringLiteral("%1-%2-%3").arg(section, row).arg(number);
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
