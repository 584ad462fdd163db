#include "HoldsModel.h"

#include "AsyncLoad.h"
#include "Format.h"

#include <QColor>

namespace boxoffice {

HoldsModel::HoldsModel(EngineHost& host, QObject* parent)
    : QAbstractTableModel(parent), m_host(host), m_second(host.clock(), this),
      m_nextExpiry(host.clock(), this)
{
    m_second.setInterval(1000);
    m_nextExpiry.setSingleShot(true);
    connect(&m_second, &ClockTimer::timeout, this, &HoldsModel::tick);
    connect(&m_nextExpiry, &ClockTimer::timeout, this, &HoldsModel::tick);
}

QFuture<Result<void>> HoldsModel::setCustomer(qint64 customerId)
{
    if (customerId != m_customerId) {
        m_customerId = customerId;
        apply({});
    }
    return reload();
}

QFuture<Result<void>> HoldsModel::reload()
{
    const qint64 customerId = m_customerId;
    return loadInto(
        m_host, this, m_generation,
        [customerId](Engine& e) -> Result<QList<Reservation>> {
            if (customerId <= 0)
                return QList<Reservation>{};
            return e.reservations.holdsOf(customerId);
        },
        [this](QList<Reservation> holds) { apply(std::move(holds)); });
}

void HoldsModel::apply(QList<Reservation> holds)
{
    beginResetModel();
    m_holds = std::move(holds);
    endResetModel();
    arm();
}

void HoldsModel::arm()
{
    if (m_holds.isEmpty()) {
        m_second.stop();
        m_nextExpiry.stop();
        return;
    }
    if (!m_second.isActive())
        m_second.start();
    qint64 next = m_holds.first().expiresAtMs;
    for (const Reservation& r : m_holds)
        next = std::min(next, r.expiresAtMs);
    m_nextExpiry.startAt(next);
}

void HoldsModel::tick()
{
    const qint64 now = m_host.clock().nowMs();
    QList<Reservation> expired;
    for (int i = int(m_holds.size()) - 1; i >= 0; --i) {
        if (m_holds.at(i).expiresAtMs <= now) {
            beginRemoveRows({}, i, i);
            expired.prepend(m_holds.takeAt(i));
            endRemoveRows();
        }
    }
    if (!m_holds.isEmpty())
        Q_EMIT dataChanged(index(0, TimeLeftColumn),
                           index(int(m_holds.size()) - 1, TimeLeftColumn));
    if (!expired.isEmpty()) {
        arm();
        Q_EMIT holdsExpired(expired);
    }
    for (const Reservation& r : std::as_const(m_holds)) {
        if (r.expiresAtMs - now <= kEndingSoonMs && !m_warned.contains(r.id)) {
            m_warned.insert(r.id);
            Q_EMIT holdEndingSoon(r);
        }
    }
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
    const qint64 remaining = r.expiresAtMs - m_host.clock().nowMs();
    if (role == ReservationIdRole)
        return r.id;
    if (role == RemainingMsRole)
        return remaining;
    if (role == EndingSoonRole)
        return remaining <= kEndingSoonMs;
    if (role == Qt::ForegroundRole && index.column() == TimeLeftColumn && remaining <= kEndingSoonMs)
        return QColor(0xb0, 0x00, 0x20);
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
