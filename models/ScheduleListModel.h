#pragma once

#include "sales/CatalogueService.h"

#include <QAbstractListModel>

namespace boxoffice {

// A concert's future performances with their available-seat counts.
class ScheduleListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, StartsAtRole, AvailableRole, TotalRole };

    explicit ScheduleListModel(CatalogueService& catalogue, QObject* parent = nullptr);

    // Loads another concert's schedules (a reset).
    Result<void> setConcert(qint64 concertId);
    // Re-reads the counts; emits dataChanged for the rows that changed, no reset.
    Result<void> refresh();
    qint64 concertId() const { return m_concertId; }
    qint64 idAt(int row) const;
    int rowOf(qint64 scheduleId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    CatalogueService& m_catalogue;
    qint64 m_concertId = 0;
    QList<ScheduleInfo> m_schedules;
};

} // namespace boxoffice
