#pragma once

#include "engine/EngineHost.h"

#include <QAbstractListModel>

namespace boxoffice {

// The concerts on sale.
class ConcertListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, VenueRole };

    explicit ConcertListModel(EngineHost& host, QObject* parent = nullptr);

    // Reads the list again; rows are only reset when the set of concerts changed.
    QFuture<Result<void>> reload();
    qint64 idAt(int row) const;
    int rowOf(qint64 concertId) const;
    // The concert's title, or its number when it is not (yet) in the list.
    QString titleOf(qint64 concertId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void apply(QList<Concert> concerts);

    EngineHost& m_host;
    QList<Concert> m_concerts;
    quint64 m_generation = 0;
};

} // namespace boxoffice
