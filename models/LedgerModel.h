#pragma once

#include "wallet/WalletService.h"

#include <QAbstractTableModel>

namespace boxoffice {

// A customer's wallet history, newest first (W6).
class LedgerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, KindColumn, AmountColumn, BalanceColumn, ColumnCount };
    enum Role { AmountRole = Qt::UserRole + 1, KindRole };

    explicit LedgerModel(WalletService& wallet, QObject* parent = nullptr);

    Result<void> setCustomer(qint64 customerId);
    Result<void> reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString kindName(LedgerKind kind);

private:
    WalletService& m_wallet;
    qint64 m_customerId = 0;
    QList<LedgerEntry> m_entries;
};

} // namespace boxoffice
