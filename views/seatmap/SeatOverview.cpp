#include "seatmap/SeatOverview.h"

#include "SeatMapModel.h"

#include <QMouseEvent>
#include <QPainter>

namespace boxoffice {

SeatOverview::SeatOverview(SeatMapModel& seats, QWidget* parent) : QWidget(parent), m_seats(seats)
{
    setObjectName(QStringLiteral("seatOverview"));
    setAccessibleName(tr("Venue overview"));
    setAccessibleDescription(tr("Every section with how many seats are free; click a section to"
                                " show it on the map."));
    setCursor(Qt::PointingHandCursor);
    connect(&seats, &SeatMapModel::summaryChanged, this, qOverload<>(&QWidget::update));
    connect(&seats, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
}

void SeatOverview::setVisibleCells(const QRect& cells)
{
    if (cells == m_visible)
        return;
    m_visible = cells;
    update();
}

QTransform SeatOverview::cellsToWidget() const
{
    const QSize grid = m_seats.gridSize();
    if (grid.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(6, 6, -6, -6);
    const qreal scale = std::min(area.width() / grid.width(), area.height() / grid.height());
    const qreal dx = area.x() + (area.width() - grid.width() * scale) / 2;
    const qreal dy = area.y() + (area.height() - grid.height() * scale) / 2;
    return QTransform(scale, 0, 0, scale, dx, dy);
}

int SeatOverview::sectionAt(const QPoint& point) const
{
    const QTransform t = cellsToWidget();
    const auto& sections = m_seats.sections();
    for (int i = 0; i < sections.size(); ++i) {
        if (t.mapRect(QRectF(sections.at(i).cells)).contains(point))
            return i;
    }
    return -1;
}

void SeatOverview::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const QTransform t = cellsToWidget();
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = font();
    f.setBold(true);
    p.setFont(f);
    for (const SeatMapModel::Section& s : m_seats.sections()) {
        const QRectF box = t.mapRect(QRectF(s.cells));
        // The freer the section, the stronger its green; a sold-out one is grey.
        const qreal free = s.total > 0 ? qreal(s.available) / s.total : 0;
        QColor fill = free > 0 ? QColor(0x1e, 0x8c, 0x5a) : QColor(0x9e, 0x9e, 0x9e);
        fill.setAlphaF(free > 0 ? 0.2 + 0.8 * free : 0.6);
        p.setPen(QPen(palette().color(QPalette::Mid), 1));
        p.setBrush(fill);
        p.drawRect(box);
        if (s.heldByMe > 0) {
            // The customer's own seats stand out at any size.
            p.setBrush(QColor(0xf5, 0x9e, 0x0b));
            p.setPen(QPen(Qt::black, 1));
            p.drawEllipse(box.topRight() + QPointF(-8, 8), 5, 5);
        }
        p.setPen(free > 0.5 ? Qt::white : palette().color(QPalette::WindowText));
        p.drawText(box, Qt::AlignCenter, s.name);
    }
    if (!m_visible.isEmpty()) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.drawRect(t.mapRect(QRectF(m_visible)));
    }
}

void SeatOverview::mouseReleaseEvent(QMouseEvent* event)
{
    const int at = sectionAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && at >= 0)
        Q_EMIT sectionChosen(m_seats.sections().at(at).cells);
}

} // namespace boxoffice
