#include "PurchasesModel.h"

#include "AsyncLoad.h"
#include "Format.h"

namespace boxoffice {

PurchasesModel::PurchasesModel(EngineHost& host, QObject* parent)
    : QAbstractTableModel(parent), m_host(host)
{}

QFuture<Result<void>> PurchasesModel::setCustomer(qint64 customerId)
{
    if (customerId != m_customerId) {
        m_customerId = customerId;
        apply({});
    }
    return reload();
}

QFuture<Result<void>> PurchasesModel::reload()
{
    const qint64 customerId = m_customerId;
    return loadInto(
        m_host, this, m_generation,
        [customerId](Engine& e) -> Result<CustomerHistory> {
            if (customerId <= 0)
                return CustomerHistory{};
            return e.purchases.of(customerId);
        },
        [this](CustomerHistory h) { apply(std::move(h)); });
}

void PurchasesModel::apply(CustomerHistory history)
{
    beginResetModel();
    m_history = std::move(history);
    // A choice survives a reload only as far as its seats can still be refunded.
    QSet<qint64> still;
    for (const Purchase& p : m_history.purchases) {
        if (m_chosen.contains(p.reservationId) && isRefundable(p))
            still << p.reservationId;
    }
    const bool changed = still != m_chosen;
    m_chosen = still;
    if (m_chosen.isEmpty())
        m_chosenPayment = 0;
    endResetModel();
    if (changed)
        Q_EMIT choiceChanged();
}

void PurchasesModel::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

bool PurchasesModel::isRefundable(const Purchase& p) const
{
    return p.status == ReservationStatus::Paid && p.checkedInAtMs == 0 &&
           m_host.clock().nowMs() < p.startsAtMs;
}

QList<qint64> PurchasesModel::chosen() const
{
    QList<qint64> ids;
    for (const Purchase& p : m_history.purchases) {
        if (m_chosen.contains(p.reservationId))
            ids << p.reservationId;
    }
    return ids;
}

void PurchasesModel::choose(int row, bool on)
{
    if (row < 0 || row >= m_history.purchases.size())
        return;
    const Purchase& p = m_history.purchases.at(row);
    if (on && !isRefundable(p))
        return;
    if (on && m_chosenPayment != 0 && m_chosenPayment != p.paymentId) {
        m_chosen.clear(); // one refund is one payment's seats
        Q_EMIT dataChanged(index(0, PaymentColumn), index(rowCount() - 1, PaymentColumn),
                           {Qt::CheckStateRole});
    }
    if (on)
        m_chosen.insert(p.reservationId);
    else
        m_chosen.remove(p.reservationId);
    m_chosenPayment = m_chosen.isEmpty() ? 0 : p.paymentId;
    Q_EMIT dataChanged(index(row, PaymentColumn), index(row, PaymentColumn), {Qt::CheckStateRole});
    Q_EMIT choiceChanged();
}

void PurchasesModel::clearChoice()
{
    if (m_chosen.isEmpty())
        return;
    m_chosen.clear();
    m_chosenPayment = 0;
    Q_EMIT dataChanged(index(0, PaymentColumn), index(rowCount() - 1, PaymentColumn),
                       {Qt::CheckStateRole});
    Q_EMIT choiceChanged();
}

QFuture<Result<RefundQuote>> PurchasesModel::quote()
{
    const QList<qint64> ids = chosen();
    return m_host.call([ids](Engine& e) { return e.refunds.quote(ids); });
}

QFuture<Result<Refund>> PurchasesModel::refundChosen()
{
    const QList<qint64> ids = chosen();
    if (ids.isEmpty() || m_busy)
        return {};
    setBusy(true);
    const Actor by = m_actor;
    return m_host.call([ids, by](Engine& e) { return e.refunds.refund(ids, {}, by); })
        .then(this, [this](Result<Refund> r) {
            setBusy(false);
            if (r)
                clearChoice();
            reload();
            return r;
        });
}

QString PurchasesModel::statusText(const Purchase& p)
{
    if (p.status == ReservationStatus::Refunded)
        return tr("Refunded %1").arg(Format::dateTime(p.refundedAtMs));
    if (p.checkedInAtMs != 0)
        return tr("Checked in %1").arg(Format::dateTime(p.checkedInAtMs));
    return tr("Paid");
}

int PurchasesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_history.purchases.size());
}

int PurchasesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PurchasesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Purchase& p = m_history.purchases.at(index.row());
    switch (role) {
    case ReservationIdRole:
        return p.reservationId;
    case PaymentIdRole:
        return p.paymentId;
    case RefundableRole:
        return isRefundable(p);
    case Qt::CheckStateRole:
        if (index.column() == PaymentColumn && isRefundable(p))
            return m_chosen.contains(p.reservationId) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == PriceColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                             : QVariant();
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case PaymentColumn:
            return tr("No. %1").arg(p.paymentId);
        case ConcertColumn:
            return p.concertTitle;
        case DateColumn:
            return Format::dateTime(p.startsAtMs);
        case SeatColumn:
            return p.seatLabel;
        case PriceColumn:
            return Format::krw(p.price);
        case StatusColumn:
            return statusText(p);
        case ColumnCount:
            break;
        }
        return {};
    default:
        return {};
    }
}

bool PurchasesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != PaymentColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (!isRefundable(m_history.purchases.at(index.row())))
        return false;
    choose(index.row(), Qt::CheckState(value.toInt()) == Qt::Checked);
    return true;
}

Qt::ItemFlags PurchasesModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == PaymentColumn &&
        isRefundable(m_history.purchases.at(index.row())))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant PurchasesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case PaymentColumn:
        return tr("Payment");
    case ConcertColumn:
        return tr("Concert");
    case DateColumn:
        return tr("Date");
    case SeatColumn:
        return tr("Seat");
    case PriceColumn:
        return tr("Price");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace boxoffice
