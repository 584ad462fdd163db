#pragma once

#include "engine/EngineHost.h"

#include <QAbstractListModel>
#include <QPoint>
#include <QSize>

#include <memory>

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

    explicit SeatMapModel(EngineHost& host, QObject* parent = nullptr);

    // Shows a schedule's seats: the old map goes at once, the new one when read. 0 clears it.
    QFuture<Result<void>> setSchedule(qint64 scheduleId);
    // Whose holds count as "mine".
    QFuture<Result<void>> setViewer(qint64 customerId);
    // Re-reads seat states and emits dataChanged only for seats whose state changed: the view
    // keeps its selection and scroll position. Asked again while a read is out, it reads once
    // more after that one (a stadium's map is not read twice at once).
    QFuture<Result<void>> refresh();
    // Whether a hold on the map has run out since the last refresh (time alone frees seats).
    bool holdExpiredSinceRefresh() const;
    // Whether the map shown is the schedule's, read (false while the first read is out).
    bool isLoaded() const { return m_loadedSchedule == m_scheduleId; }

    qint64 scheduleId() const { return m_scheduleId; }
    qint64 viewer() const { return m_viewer; }
    // The floor plan's size in cells, and which seat (row) sits in a cell (-1: none). The view
    // paints from this index; it is built once per schedule.
    QSize gridSize() const { return m_gridSize; }
    int rowAt(int gridX, int gridY) const;
    QPoint cellOf(int row) const { return m_cells.at(row); }
    int rowOfNumber(int seatNumber) const;
    const SeatInfo& seat(int row) const { return m_seats.at(row); }
    int count(SeatState state) const;

    static QString stateName(SeatState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A read failed (the database is busy or gone); the map keeps what it showed.
    void loadFailed(const boxoffice::Error& error);

private:
    void apply(qint64 scheduleId, QList<SeatInfo> fresh);
    void layOut();

    EngineHost& m_host;
    qint64 m_scheduleId = 0;
    qint64 m_loadedSchedule = 0;
    qint64 m_viewer = 0;
    QList<SeatInfo> m_seats;
    QList<QPoint> m_cells;
    QList<int> m_rowByCell; // gridWidth * gridHeight, -1 where no seat
    QSize m_gridSize{0, 0};
    QHash<int, int> m_rowByNumber;
    quint64 m_generation = 0;
    bool m_reading = false;
    // Answered by the read after the one that is out (null: nobody asked meanwhile).
    std::shared_ptr<QPromise<Result<void>>> m_again;
};

} // namespace boxoffice
