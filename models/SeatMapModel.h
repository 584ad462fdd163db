#pragma once

#include "sales/CatalogueService.h"

#include <QAbstractListModel>
#include <QPoint>
#include <QSize>

namespace boxoffice {

// The seats of one schedule as a flat list laid out on a grid (like Tiled's tileset model):
// each seat knows its cell. States are as seen by the current customer.
class SeatMapModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        LabelRole = Qt::UserRole + 1,
        StateRole, // int(SeatState)
        PriceRole,
        TierRole,
        HeldByMeRole,
        HoldExpiresRole,
        NumberRole,
        SectionRole,
        RowRole,
        GridXRole,
        GridYRole,
        SeatIdRole,
    };

    SeatMapModel(CatalogueService& catalogue, const Clock& clock, QObject* parent = nullptr);

    // Loads a schedule's seats (a reset). 0 clears the map.
    Result<void> setSchedule(qint64 scheduleId);
    // Whose holds count as "mine".
    Result<void> setViewer(qint64 customerId);
    // Re-reads seat states and emits dataChanged only for seats whose state changed: the view
    // keeps its selection and scroll position.
    Result<void> refresh();
    // Whether a hold on the map has run out since the last refresh (time alone frees seats).
    bool holdExpiredSinceRefresh() const;

    qint64 scheduleId() const { return m_scheduleId; }
    QSize gridSize() const { return m_gridSize; }
    int rowOfNumber(int seatNumber) const;
    int rowAt(int gridX, int gridY) const;
    const SeatInfo& seat(int row) const { return m_seats.at(row); }
    int count(SeatState state) const;

    static QString stateName(SeatState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void layOut();

    CatalogueService& m_catalogue;
    const Clock& m_clock;
    qint64 m_scheduleId = 0;
    qint64 m_viewer = 0;
    QList<SeatInfo> m_seats;
    QList<QPoint> m_cells;
    QHash<quint64, int> m_rowByCell;
    QSize m_gridSize;
};

} // namespace boxoffice
