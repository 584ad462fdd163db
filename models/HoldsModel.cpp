#include "HoldsModel.h"

#include "Format.h"

namespace boxoffice {

HoldsModel::HoldsModel(ReservationService& reservations, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_reservations(reservations), m_clock(clock)
{}

Result<void> HoldsModel::setCustomer(qint64 customerId)
{
    m_customerId = customerId;
    return reload();
}

Result<void> HoldsModel::reload()
{
    QList<Reservation> holds;
    if (m_customerId > 0) {
        auto r = m_reservations.holdsOf(m_customerId);
        if (!r)
            return std::unexpected(r.error());
        holds = *r;
    }
    beginResetModel();
    m_holds = holds;
    endResetModel();
    return {};
}

void HoldsModel::tick()
{
    const qint64 now = m_clock.nowMs();
    int expired = 0;
    for (int i = int(m_holds.size()) - 1; i >= 0; --i) {
        if (m_holds.at(i).expiresAtMs <= now) {
            beginRemoveRows({}, i, i);
            m_holds.removeAt(i);
            endRemoveRows();
            ++expired;
        }
    }
    if (!m_holds.isEmpty())
        Q_EMIT dataChanged(index(0, TimeLeftColumn),
                           index(int(m_holds.size()) - 1, TimeLeftColumn));
    if (expired > 0)
        Q_EMIT holdsExpired(expired);
}

qint64 HoldsModel::total() const
{
    qint64 sum = 0;
    for (const Reservation& r : m_holds)
        sum += r.price;
    return sum;
}

QList<qint64> HoldsModel::reservationIds() const
{
    QList<qint64> ids;
    for (const Reservation& r : m_holds)
        ids << r.id;
    return ids;
}

int HoldsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_holds.size());
}

int HoldsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HoldsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Reservation& r = m_holds.at(index.row());
    const qint64 remaining = r.expiresAtMs - m_clock.nowMs();
    if (role == ReservationIdRole)
        return r.id;
    if (role == RemainingMsRole)
        return remaining;
    if (role == Qt::TextAlignmentRole && index.column() != SeatColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeatColumn:
        return tr("Seat %1").arg(r.seatLabel);
    case PriceColumn:
        return Format::krw(r.price);
    case TimeLeftColumn:
        return Format::countdown(remaining);
    default:
        return {};
    }
}

QVariant HoldsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeatColumn:
        return tr("Seat");
    case PriceColumn:
        return tr("Price");
    case TimeLeftColumn:
        return tr("Time left");
    default:
        return {};
    }
}

} // namespace boxoffice
