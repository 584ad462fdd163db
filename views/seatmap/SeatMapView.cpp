#include "seatmap/SeatMapView.h"

#include "SeatMapModel.h"
#include "seatmap/SeatBubble.h"
#include "seatmap/SeatDelegate.h"
#include "seatmap/SeatMapAccessible.h"
#include "seatmap/SeatMapDecor.h"
#include "seatmap/SeatZoom.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

namespace boxoffice {

namespace {
constexpr int kMargin = 16;
// Venues larger than this many cells open at a readable zoom and scroll; smaller halls are fitted.
constexpr qsizetype kVenueCells = 2000;
} // namespace

SeatMapView::SeatMapView(QWidget* parent) : QAbstractItemView(parent)
{
    setItemDelegate(new SeatDelegate(this));
    setSelectionMode(SingleSelection);
    setSelectionBehavior(SelectItems);
    setEditTriggers(NoEditTriggers);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);

    m_bubble = new SeatBubble(viewport());
    installSeatMapAccessibility();
    setAccessibleName(tr("Seat map"));
    setAccessibleDescription(tr("Arrow keys move between seats; Space holds or releases one."));
}

void SeatMapView::setModel(QAbstractItemModel* model)
{
    if (this->model()) {
        disconnect(this->model(), &QAbstractItemModel::modelReset, this, nullptr);
    }
    QAbstractItemView::setModel(model);
    m_seats = qobject_cast<SeatMapModel*>(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            if (auto* a =
                    dynamic_cast<SeatMapAccessible*>(QAccessible::queryAccessibleInterface(this)))
                a->reset();
            takeGrid();
            fitSmallHall();
            updateGeometries();
            viewport()->update();
        });
    }
    takeGrid();
    updateGeometries();
}

void SeatMapView::takeGrid()
{
    const QSize grid = m_seats ? m_seats->gridSize() : QSize();
    m_gridWidth = grid.width();
    m_gridHeight = grid.height();
}

void SeatMapView::fitSmallHall()
{
    // A small hall is shown as large as the view allows (within reason); a large venue keeps
    // the zoom the user chose and scrolls.
    if (m_gridWidth <= 0 || m_gridHeight <= 0)
        return;
    if (qsizetype(m_gridWidth) * m_gridHeight > kVenueCells) {
        // A venue: start small enough to see a section, large enough to read seat numbers.
        setCellSize(std::max(m_venueCell, m_minFitCell));
        return;
    }
    const QMargins m = contentMargins();
    const int fit = std::min((viewport()->width() - m.left() - m.right()) / m_gridWidth,
                             (viewport()->height() - m.top() - m.bottom()) / m_gridHeight);
    setCellSize(std::max(SeatZoom::atMost(std::clamp(fit, m_minFitCell, 64)), m_minFitCell));
}

QMargins SeatMapView::contentMargins() const
{
    // Room for the stage above everything, and for a venue's section names and row labels.
    const int labels =
        m_seats && !m_seats->sections().isEmpty() ? SeatMapDecor::kLabelCells * m_cell : 0;
    return {kMargin + labels, kMargin / 2 + SeatMapDecor::kStageHeight + 6 + labels, kMargin,
            kMargin};
}

QSize SeatMapView::contentSize() const
{
    const QMargins m = contentMargins();
    return {m_gridWidth * m_cell + m.left() + m.right(),
            m_gridHeight * m_cell + m.top() + m.bottom()};
}

QPoint SeatMapView::origin() const
{
    // Centre a small hall; a large one starts at the margin and scrolls.
    const QSize content = contentSize();
    const QMargins m = contentMargins();
    const int x = std::max(0, (viewport()->width() - content.width()) / 2) + m.left();
    const int y = std::max(0, (viewport()->height() - content.height()) / 2) + m.top();
    return {x - horizontalOffset(), y - verticalOffset()};
}

QRect SeatMapView::visualRect(const QModelIndex& index) const
{
    if (!index.isValid())
        return {};
    const QPoint c = cellOf(index);
    const QPoint o = origin();
    return {o.x() + c.x() * m_cell, o.y() + c.y() * m_cell, m_cell, m_cell};
}

void SeatMapView::scrollTo(const QModelIndex& index, ScrollHint hint)
{
    const QRect r = visualRect(index);
    const QRect area = viewport()->rect();
    if (hint == EnsureVisible && area.contains(r))
        return;
    if (r.left() < area.left() || hint == PositionAtCenter)
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + r.left() - area.left() -
                                        (hint == PositionAtCenter ? area.width() / 2 : kMargin));
    else if (r.right() > area.right())
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + r.right() - area.right() +
                                        kMargin);
    if (r.top() < area.top() || hint == PositionAtCenter)
        verticalScrollBar()->setValue(verticalScrollBar()->value() + r.top() - area.top() -
                                      (hint == PositionAtCenter ? area.height() / 2 : kMargin));
    else if (r.bottom() > area.bottom())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + r.bottom() - area.bottom() +
                                      kMargin);
    viewport()->update();
}

QModelIndex SeatMapView::indexAt(const QPoint& point) const
{
    if (!model() || m_cell <= 0)
        return {};
    const QPoint o = origin();
    const int dx = point.x() - o.x();
    const int dy = point.y() - o.y();
    if (dx < 0 || dy < 0)
        return {};
    const int row = rowAtCell(dx / m_cell, dy / m_cell);
    return row >= 0 ? model()->index(row, 0) : QModelIndex();
}

void SeatMapView::setCellSize(int pixels)
{
    pixels = std::clamp(pixels, SeatZoom::kMin, SeatZoom::kMax);
    if (pixels == m_cell)
        return;
    m_cell = pixels;
    updateGeometries();
    if (currentIndex().isValid())
        scrollTo(currentIndex());
    viewport()->update();
    Q_EMIT zoomChanged(m_cell);
    Q_EMIT viewChanged();
}

void SeatMapView::zoomIn()
{
    setCellSize(SeatZoom::above(m_cell));
    m_venueCell = m_cell;
}

void SeatMapView::zoomOut()
{
    setCellSize(SeatZoom::below(m_cell));
    m_venueCell = m_cell;
}

QRect SeatMapView::visibleCells() const
{
    if (m_gridWidth <= 0 || m_gridHeight <= 0)
        return {};
    const QPoint o = origin();
    const QRect cells(
        QPoint(-o.x() / m_cell, -o.y() / m_cell),
        QPoint((viewport()->width() - o.x()) / m_cell, (viewport()->height() - o.y()) / m_cell));
    return cells.intersected(QRect(0, 0, m_gridWidth, m_gridHeight));
}

void SeatMapView::showCells(const QRect& cells)
{
    if (cells.isEmpty())
        return;
    const QMargins m = contentMargins();
    const int fit = std::min((viewport()->width() - m.left() - m.right()) / cells.width(),
                             (viewport()->height() - m.top() - m.bottom()) / cells.height());
    setCellSize(SeatZoom::atMost(fit));
    // Its name and row labels come into view with it.
    const int labels = SeatMapDecor::kLabelCells * m_cell;
    horizontalScrollBar()->setValue(cells.x() * m_cell + m.left() - labels - kMargin);
    verticalScrollBar()->setValue(cells.y() * m_cell + m.top() - labels - kMargin);
    Q_EMIT viewChanged();
}

void SeatMapView::goToRow(int row)
{
    if (!model() || row < 0 || row >= model()->rowCount())
        return;
    setCellSize(std::max(m_cell, 24)); // large enough to read the seat's number
    const QModelIndex i = model()->index(row, 0);
    setCurrentIndex(i);
    scrollTo(i, PositionAtCenter);
    setFocus();
}

void SeatMapView::scrollContentsBy(int dx, int dy)
{
    QAbstractItemView::scrollContentsBy(dx, dy);
    Q_EMIT viewChanged();
}

void SeatMapView::showInlineMessage(const QModelIndex& index, const QString& text)
{
    m_bubble->showNear(visualRect(index), text);
}

void SeatMapView::setLockedReason(const QString& reason)
{
    m_lockedReason = reason;
    viewport()->update();
}

QModelIndex SeatMapView::moveCursor(CursorAction action, Qt::KeyboardModifiers)
{
    if (!model() || model()->rowCount() == 0)
        return {};
    QModelIndex current = currentIndex();
    if (!current.isValid())
        return model()->index(0, 0);
    const QPoint c = cellOf(current);
    const int page = std::max(1, viewport()->height() / m_cell - 1);
    if (action == MoveHome || action == MoveEnd)
        return model()->index(action == MoveHome ? 0 : model()->rowCount() - 1, 0);
    const QPoint step = stepFor(action, page);
    const int row = m_seats->rowFrom(c, step.x(), step.y());
    return row >= 0 ? model()->index(row, 0) : current;
}

void SeatMapView::setSelection(const QRect& rect, QItemSelectionModel::SelectionFlags flags)
{
    const QModelIndex i = indexAt(rect.topLeft());
    if (i.isValid())
        selectionModel()->select(i, flags);
}

QRegion SeatMapView::visualRegionForSelection(const QItemSelection& selection) const
{
    QRegion region;
    for (const QItemSelectionRange& range : selection) {
        for (int r = range.top(); r <= range.bottom(); ++r)
            region += visualRect(model()->index(r, 0));
    }
    return region;
}

void SeatMapView::paintEvent(QPaintEvent* event)
{
    QPainter p(viewport());
    p.fillRect(event->rect(), palette().base());
    if (!model() || m_gridWidth <= 0 || m_gridHeight <= 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("Choose a concert and a date."));
        return;
    }
    const QPoint o = origin();
    const QMargins m = contentMargins();
    SeatMapDecor::paintStage(p, QRect(o, QSize(m_gridWidth * m_cell, m_gridHeight * m_cell)),
                             o.y() - m.top() + kMargin / 2, palette());
    // Only the cells that intersect the exposed area are visited.
    const QRect exposed = event->rect();
    const int x0 = std::max(0, (exposed.left() - o.x()) / m_cell);
    const int y0 = std::max(0, (exposed.top() - o.y()) / m_cell);
    const int x1 = std::min(m_gridWidth - 1, (exposed.right() - o.x()) / m_cell);
    const int y1 = std::min(m_gridHeight - 1, (exposed.bottom() - o.y()) / m_cell);
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QModelIndex current = currentIndex();
    const QModelIndexList selected =
        selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const int row = m_seats->rowAt(x, y);
            if (row < 0)
                continue;
            const QModelIndex i = model()->index(row, 0);
            option.rect = QRect(o.x() + x * m_cell, o.y() + y * m_cell, m_cell, m_cell);
            option.state = QStyle::State_Enabled;
            if (!selected.isEmpty() && selected.contains(i))
                option.state |= QStyle::State_Selected;
            if (i == current && hasFocus())
                option.state |= QStyle::State_HasFocus;
            itemDelegate()->paint(&p, option, i);
        }
    }
    SeatMapDecor::paintSectionNames(p, *m_seats, o, m_cell, exposed, palette());
    SeatMapDecor::paintRowLabels(p, *m_seats, o, m_cell, exposed, palette());
    SeatMapDecor::paintLockedReason(p, viewport()->rect(), seatArea(), m_lockedReason, palette());
}

QRect SeatMapView::seatArea() const
{
    // The seats and, above them, the stage bar (paintEvent draws it there).
    const QPoint o = origin();
    const int stageTop = o.y() - contentMargins().top() + kMargin / 2;
    return QRect(QPoint(o.x(), stageTop),
                 QPoint(o.x() + m_gridWidth * m_cell - 1, o.y() + m_gridHeight * m_cell - 1));
}

QRect SeatMapView::lockedReasonRect() const
{
    if (m_lockedReason.isEmpty())
        return {};
    return SeatMapDecor::lockedReasonCard(viewport()->rect(), seatArea(), m_lockedReason, font());
}

void SeatMapView::resizeEvent(QResizeEvent* event)
{
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
}

void SeatMapView::updateGeometries()
{
    const QSize content = contentSize();
    horizontalScrollBar()->setRange(0, std::max(0, content.width() - viewport()->width()));
    verticalScrollBar()->setRange(0, std::max(0, content.height() - viewport()->height()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    verticalScrollBar()->setPageStep(viewport()->height());
    horizontalScrollBar()->setSingleStep(m_cell);
    verticalScrollBar()->setSingleStep(m_cell);
    QAbstractItemView::updateGeometries();
    Q_EMIT viewChanged();
}

void SeatMapView::dataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                              const QList<int>& roles)
{
    // Repaint only the seats that changed; selection and scroll position stay as they are.
    for (int r = topLeft.row(); r <= bottomRight.row(); ++r)
        viewport()->update(visualRect(model()->index(r, 0)));
    QAbstractItemView::dataChanged(topLeft, bottomRight, roles);
}

void SeatMapView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractItemView::wheelEvent(event);
}

void SeatMapView::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    const bool ctrl = event->modifiers().testFlag(Qt::ControlModifier);
    if (ctrl && (key == Qt::Key_Plus || key == Qt::Key_Equal))
        zoomIn();
    else if (ctrl && key == Qt::Key_Minus)
        zoomOut();
    else if ((key == Qt::Key_Space || key == Qt::Key_Return || key == Qt::Key_Enter) &&
             currentIndex().isValid())
        Q_EMIT seatActivated(currentIndex());
    else
        QAbstractItemView::keyPressEvent(event);
}

void SeatMapView::currentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    QAbstractItemView::currentChanged(current, previous);
    SeatMapAccessible::announceCurrent(this, current);
}

void SeatMapView::mouseReleaseEvent(QMouseEvent* event)
{
    QAbstractItemView::mouseReleaseEvent(event);
    const QModelIndex i = indexAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && i.isValid())
        Q_EMIT seatActivated(i);
}

} // namespace boxoffice
