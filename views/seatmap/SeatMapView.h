#pragma once

#include "SeatMapModel.h"
#include "seatmap/SeatBubble.h"
#include "seatmap/SeatZoom.h"

#include <QAbstractItemView>
#include <QScrollBar>

namespace boxoffice {

class Clock;

// Paints a SeatMapModel on its grid, only the cells in view (50,000 seats cost what the screen
// shows). Arrow keys move, Space/Enter or a click activates, Ctrl+wheel and Ctrl +/- zoom.
class SeatMapView : public QAbstractItemView
{
    Q_OBJECT

public:
    explicit SeatMapView(QWidget* parent = nullptr);

    // A SeatMapModel: the view paints from its grid index.
    void setModel(QAbstractItemModel* model) override;
    // The clock that times inline messages (the window's clock; set before showing any).
    void setClock(const Clock& clock) { m_bubble->setClock(clock); }
    QRect visualRect(const QModelIndex& index) const override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint& point) const override;

    int cellSize() const { return m_cell; }
    void setCellSize(int pixels);
    // The smallest cell a small hall is fitted to (kiosks ask for large touch targets).
    void setMinimumFitCell(int pixels) { m_minFitCell = pixels; }
    void zoomIn();
    void zoomOut();
    // The seat size a venue (a map that scrolls) opens at: the last one zoomed to, so that the
    // next date, or the next start (WindowSettings), shows seats as the person left them.
    int venueCellSize() const { return m_venueCell; }
    void setVenueCellSize(int pixels) { m_venueCell = SeatZoom::clamped(pixels); }
    // The cells of the plan in view now.
    QRect visibleCells() const;
    // Zooms and scrolls so that `cells` (a section, say) fills the view.
    void showCells(const QRect& cells);
    // Makes the seat of `row` current, readable and centred, with the focus.
    void goToRow(int row);
    // Says something next to a seat, in place, for a few seconds (no modal box).
    void showInlineMessage(const QModelIndex& index, const QString& text);
    QString inlineMessage() const { return m_bubble->shownText(); }
    // Why seats cannot be chosen right now (empty: they can).
    void setLockedReason(const QString& reason);
    QString lockedReason() const { return m_lockedReason; }
    // Where the reason's card is drawn (empty when not locked); tests check it leaves the
    // seats' numbers readable.
    QRect lockedReasonRect() const;

Q_SIGNALS:
    void seatActivated(const QModelIndex& index);
    void zoomChanged(int cellSize);
    // What is in view changed (scrolled, zoomed, resized).
    void viewChanged();

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override { return horizontalScrollBar()->value(); }
    int verticalOffset() const override { return verticalScrollBar()->value(); }
    bool isIndexHidden(const QModelIndex&) const override { return false; }
    void setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags flags) override;
    QRegion visualRegionForSelection(const QItemSelection& selection) const override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;
    void dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                     const QList<int>& roles = {}) override;

private:
    QPoint cellOf(const QModelIndex& index) const
    {
        return m_seats ? m_seats->cellOf(index.row()) : QPoint();
    }
    int rowAtCell(int x, int y) const { return m_seats ? m_seats->rowAt(x, y) : -1; }
    void takeGrid();
    void fitSmallHall();
    QPoint origin() const;
    // Where a cursor key moves on the plan, as (dx, dy) in cells: arrows one cell, Page Up/Down
    // `page` rows; Home and End go to the first and last seat instead (a null step).
    static QPoint stepFor(CursorAction action, int page);
    QRect seatArea() const;
    QMargins contentMargins() const;
    QSize contentSize() const;

    SeatMapModel* m_seats = nullptr;
    int m_cell = 36;
    int m_minFitCell = 24;
    int m_venueCell = 24;
    int m_gridWidth = 0;
    int m_gridHeight = 0;
    SeatBubble* m_bubble = nullptr;
    QString m_lockedReason;
};

} // namespace boxoffice
