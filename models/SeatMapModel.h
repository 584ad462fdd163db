#pragma once

#include "engine/EngineHost.h"

#include <QAbstractListModel>
#include <QPoint>
#include <QRect>
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
    // Shows seats free at once (a hold that ran out here), before the next read confirms it.
    void showFree(const QList<qint64>& seatIds);
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
    // The next seat from `cell` going (dx, dy): steps over aisles and gaps (a single row or
    // column at a time; a page jump lands only on a seat), -1 at the edge of the plan.
    int rowFrom(QPoint cell, int dx, int dy) const;
    // The seat a ticket would name ("H-25-65", "7"), case and spaces aside; -1 if none.
    int rowOfLabel(const QString& label) const;

    // A venue's summary, for an overview that paints a handful of boxes, not 50,000 seats:
    // each section's cells and how many of its seats are free or held for the viewer.
    struct Section
    {
        QString name;
        QRect cells;
        int total = 0;
        int available = 0;
        int heldByMe = 0;
    };
    const QList<Section>& sections() const { return m_sections; }
    // Where each row of each section starts, and its label ("25"), for labels along the rows.
    struct RowStart
    {
        QPoint cell;
        QString label;
    };
    const QList<RowStart>& rowStarts() const { return m_rowStarts; }
    const SeatInfo& seat(int row) const { return m_seats.at(row); }
    int count(SeatState state) const;

    static QString stateName(SeatState state);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // A read failed (the database is busy or gone); the map keeps what it showed.
    void loadFailed(const boxoffice::Error& error);
    // The sections' counts changed (after a read, or a hold that ran out here).
    void summaryChanged();

private:
    void apply(qint64 scheduleId, QList<SeatInfo> fresh);
    void layOut();
    void count();

    EngineHost& m_host;
    qint64 m_scheduleId = 0;
    qint64 m_loadedSchedule = 0;
    qint64 m_viewer = 0;
    QList<SeatInfo> m_seats;
    QList<QPoint> m_cells;
    QList<int> m_rowByCell; // gridWidth * gridHeight, -1 where no seat
    QSize m_gridSize{0, 0};
    QHash<int, int> m_rowByNumber;
    QHash<QString, int> m_rowByLabel;
    QList<Section> m_sections;
    QList<int> m_sectionOfRow;
    QList<RowStart> m_rowStarts;
    quint64 m_generation = 0;
    bool m_reading = false;
    // Answered by the read after the one that is out (null: nobody asked meanwhile).
    std::shared_ptr<QPromise<Result<void>>> m_again;
};

} // namespace boxoffice
