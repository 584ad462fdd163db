#pragma once

#include "engine/EngineHost.h"

#include <QAbstractListModel>

namespace boxoffice {

// A concert's future performances with their available-seat counts.
class ScheduleListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { IdRole = Qt::UserRole + 1, StartsAtRole, AvailableRole, TotalRole };

    explicit ScheduleListModel(EngineHost& host, QObject* parent = nullptr);

    // Shows another concert's schedules: the old rows go at once, the new ones when read.
    QFuture<Result<void>> setConcert(qint64 concertId);
    // Re-reads the counts; emits dataChanged for the rows that changed, no reset.
    QFuture<Result<void>> refresh();
    // Re-reads only the seats left, beside any read under way (which it never replaces): for
    // the map's changes, which may come while another concert's dates are being read.
    void refreshCounts();
    qint64 concertId() const { return m_concertId; }
    qint64 idAt(int row) const;
    int rowOf(qint64 scheduleId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void apply(QList<ScheduleInfo> fresh);
    void applyCounts(const QList<ScheduleInfo>& fresh);

    EngineHost& m_host;
    qint64 m_concertId = 0;
    QList<ScheduleInfo> m_schedules;
    quint64 m_generation = 0;
    quint64 m_countsGeneration = 0;
};

} // namespace boxoffice
