#pragma once

#include "engine/EngineHost.h"

#include <QAbstractTableModel>

namespace boxoffice {

// A customer's wallet history, newest first (W6).
class LedgerModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { WhenColumn, KindColumn, AmountColumn, BalanceColumn, ColumnCount };
    enum Role { AmountRole = Qt::UserRole + 1, KindRole };

    explicit LedgerModel(EngineHost& host, QObject* parent = nullptr);

    QFuture<Result<void>> setCustomer(qint64 customerId);
    QFuture<Result<void>> reload();
    qint64 customerId() const { return m_customerId; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString kindName(LedgerKind kind);

private:
    EngineHost& m_host;
    qint64 m_customerId = 0;
    QList<LedgerEntry> m_entries;
    quint64 m_generation = 0;
};

} // namespace boxoffice
