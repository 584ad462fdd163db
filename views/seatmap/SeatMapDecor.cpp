#include "seatmap/SeatMapDecor.h"

#include "SeatMapModel.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>

namespace boxoffice {

namespace {

QString stageText()
{
    return QCoreApplication::translate("boxoffice::SeatMapView", "STAGE");
}

// The part of `band` on the painter's device, so a label over something wider than the view
// (a stadium's stage, a section) is centred where it can be read rather than off-screen; at
// least `minWidth` wide, kept inside the band.
QRect onScreen(const QPainter& p, const QRect& band, int minWidth)
{
    const QRect device(0, 0, p.device()->width(), p.device()->height());
    QRect seen = band.intersected(device);
    if (seen.width() < minWidth) {
        seen.setWidth(minWidth);
        if (seen.right() > band.right())
            seen.moveRight(band.right());
        if (seen.left() < band.left())
            seen.moveLeft(band.left());
    }
    return seen;
}

} // namespace

void SeatMapDecor::paintStage(QPainter& p, const QRect& grid, int top, const QPalette& palette)
{
    QFont f = p.font();
    f.setPixelSize(13);
    f.setBold(true);
    const QFontMetrics metrics(f);
    // Never narrower than its word: a narrow hall still reads STAGE whole.
    const int width = std::max(grid.width(), metrics.horizontalAdvance(stageText()) + 24);
    const QRect stage(grid.center().x() - width / 2, top, width, kStageHeight);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(palette.color(QPalette::Mid));
    p.drawRoundedRect(stage, 4, 4);
    p.setFont(f);
    p.setPen(palette.color(QPalette::BrightText));
    p.drawText(onScreen(p, stage, metrics.horizontalAdvance(stageText()) + 8), Qt::AlignCenter,
               stageText());
    p.restore();
}

void SeatMapDecor::paintSectionNames(QPainter& p, const SeatMapModel& seats, QPoint origin,
                                     int cell, const QRect& exposed, const QPalette& palette)
{
    if (seats.sections().isEmpty())
        return;
    p.save();
    QFont f = p.font();
    f.setBold(true);
    f.setPixelSize(std::clamp(cell, 12, 28));
    p.setFont(f);
    p.setPen(palette.color(QPalette::WindowText));
    for (const SeatMapModel::Section& s : seats.sections()) {
        // The band of kLabelCells rows just above the section: a gap or the map's margin.
        const QRect band(origin.x() + s.cells.x() * cell,
                         origin.y() + (s.cells.y() - kLabelCells) * cell, s.cells.width() * cell,
                         kLabelCells * cell);
        if (!band.intersects(exposed))
            continue;
        const QString name =
            QCoreApplication::translate("boxoffice::SeatMapView", "Section %1").arg(s.name);
        p.drawText(onScreen(p, band, p.fontMetrics().horizontalAdvance(name) + 8),
                   Qt::AlignHCenter | Qt::AlignBottom, name);
    }
    p.restore();
}

void SeatMapDecor::paintRowLabels(QPainter& p, const SeatMapModel& seats, QPoint origin, int cell,
                                  const QRect& exposed, const QPalette& palette)
{
    if (cell < 16 || seats.rowStarts().isEmpty())
        return; // too small to read: the section names and the overview say where one is
    p.save();
    QFont f = p.font();
    f.setPixelSize(std::max(9, cell / 2));
    p.setFont(f);
    p.setPen(palette.color(QPalette::PlaceholderText));
    for (const SeatMapModel::RowStart& r : seats.rowStarts()) {
        const QRect label(origin.x() + (r.cell.x() - kLabelCells) * cell,
                          origin.y() + r.cell.y() * cell, kLabelCells * cell - 3, cell);
        if (label.intersects(exposed))
            p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, r.label);
    }
    p.restore();
}

namespace {

QFont reasonFont(QFont f)
{
    f.setPointSizeF(f.pointSizeF() * 1.2);
    f.setBold(true);
    return f;
}

} // namespace

QRect SeatMapDecor::lockedReasonCard(const QRect& viewport, const QRect& grid,
                                     const QString& reason, const QFont& font)
{
    const QFont f = reasonFont(font);
    const int width = std::max(120, std::min(viewport.width() - 40, 520));
    const QRect text = QFontMetrics(f).boundingRect(QRect(0, 0, width - 32, 10'000),
                                                    Qt::AlignCenter | Qt::TextWordWrap, reason);
    QRect card(0, 0, std::min(width, text.width() + 32), text.height() + 24);
    constexpr int kGap = 6;
    const int above = grid.top() - viewport.top();
    const int below = viewport.bottom() - grid.bottom();
    if (above >= card.height() + 2 * kGap) {
        card.moveCenter(QPoint(viewport.center().x(), viewport.top() + above / 2));
    } else if (below >= card.height() + 2 * kGap) {
        card.moveCenter(QPoint(viewport.center().x(), grid.bottom() + below / 2));
    } else {
        card.moveTopLeft(QPoint(viewport.center().x() - card.width() / 2, viewport.top() + kGap));
    }
    return card;
}

void SeatMapDecor::paintLockedReason(QPainter& p, const QRect& viewport, const QRect& grid,
                                     const QString& reason, const QPalette& palette)
{
    if (reason.isEmpty())
        return;
    p.save();
    p.fillRect(viewport, QColor(255, 255, 255, 140));
    const QRect card = lockedReasonCard(viewport, grid, reason, p.font());
    p.setFont(reasonFont(p.font()));
    // The words sit on a card of their own, not on the seat numbers under them.
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(palette.color(QPalette::Mid));
    p.setBrush(palette.color(QPalette::ToolTipBase));
    p.drawRoundedRect(card, 8, 8);
    p.setPen(palette.color(QPalette::ToolTipText));
    p.drawText(card.adjusted(16, 12, -16, -12), Qt::AlignCenter | Qt::TextWordWrap, reason);
    p.restore();
}

} // namespace boxoffice
