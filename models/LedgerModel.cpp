#include "LedgerModel.h"

#include "AsyncLoad.h"
#include "Format.h"

namespace boxoffice {

LedgerModel::LedgerModel(EngineHost& host, QObject* parent)
    : QAbstractTableModel(parent), m_host(host)
{}

QString LedgerModel::kindName(LedgerKind kind)
{
    switch (kind) {
    case LedgerKind::Charge:
        return tr("Charge");
    case LedgerKind::Payment:
        return tr("Payment");
    case LedgerKind::Refund:
        break;
    }
    return tr("Refund");
}

QFuture<Result<void>> LedgerModel::setCustomer(qint64 customerId)
{
    if (customerId != m_customerId) {
        beginResetModel();
        m_customerId = customerId;
        m_entries.clear();
        endResetModel();
    }
    return reload();
}

QFuture<Result<void>> LedgerModel::reload()
{
    const qint64 customerId = m_customerId;
    return loadInto(
        m_host, this, m_generation,
        [customerId](Engine& e) -> Result<QList<LedgerEntry>> {
            if (customerId <= 0)
                return QList<LedgerEntry>{};
            return e.wallet.history(customerId);
        },
        [this](QList<LedgerEntry> entries) {
            beginResetModel();
            m_entries = std::move(entries);
            endResetModel();
        });
}

int LedgerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LedgerModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LedgerModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LedgerEntry& e = m_entries.at(index.row());
    if (role == AmountRole)
        return e.amount;
    if (role == KindRole)
        return int(e.kind);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= AmountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                              : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case WhenColumn:
        return Format::dateTime(e.atMs);
    case KindColumn:
        return kindName(e.kind);
    case AmountColumn:
        return (e.amount > 0 ? QStringLiteral("+") : QString()) + Format::krw(e.amount);
    case BalanceColumn:
        return Format::krw(e.balanceAfter);
    default:
        return {};
    }
}

QVariant LedgerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WhenColumn:
        return tr("When");
    case KindColumn:
        return tr("Kind");
    case AmountColumn:
        return tr("Amount");
    case BalanceColumn:
        return tr("Balance after");
    default:
        return {};
    }
}

} // namespace boxoffice
