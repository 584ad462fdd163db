#include "LedgerModel.h"

#include "Format.h"

namespace boxoffice {

LedgerModel::LedgerModel(WalletService& wallet, QObject* parent)
    : QAbstractTableModel(parent), m_wallet(wallet)
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

Result<void> LedgerModel::setCustomer(qint64 customerId)
{
    m_customerId = customerId;
    return reload();
}

Result<void> LedgerModel::reload()
{
    QList<LedgerEntry> entries;
    if (m_customerId > 0) {
        auto r = m_wallet.history(m_customerId);
        if (!r)
            return std::unexpected(r.error());
        entries = *r;
    }
    beginResetModel();
    m_entries = entries;
    endResetModel();
    return {};
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
