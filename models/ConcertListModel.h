#pragma once

#include "sales/CatalogueService.h"

#include <QAbstractListModel>

namespace boxoffice {

// The concerts on sale.
class ConcertListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, VenueRole };

    explicit ConcertListModel(CatalogueService& catalogue, QObject* parent = nullptr);

    Result<void> reload();
    qint64 idAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    CatalogueService& m_catalogue;
    QList<Concert> m_concerts;
};

} // namespace boxoffice
