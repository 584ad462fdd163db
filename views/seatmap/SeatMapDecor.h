#pragma once

#include <QPalette>
#include <QPoint>
#include <QRect>
#include <QString>

class QPainter;

namespace boxoffice {

class SeatMapModel;

// What a seat map paints besides the seats: the stage, section names over their sections, row
// labels along the rows, and the reason the map is locked on a background of its own, so none
// of it is cut or drawn over seat numbers.
class SeatMapDecor
{
public:
    static constexpr int kStageHeight = 22;
    // Cells kept free above and left of a venue's seats for section names and row labels.
    static constexpr int kLabelCells = 2;

    // The stage bar centred over `grid` (the seats' pixel rectangle), `top` pixels down.
    static void paintStage(QPainter& p, const QRect& grid, int top, const QPalette& palette);
    static void paintSectionNames(QPainter& p, const SeatMapModel& seats, QPoint origin, int cell,
                                  const QRect& exposed, const QPalette& palette);
    static void paintRowLabels(QPainter& p, const SeatMapModel& seats, QPoint origin, int cell,
                               const QRect& exposed, const QPalette& palette);
    // Where the locked map's reason goes: in the free space above `grid` (the seats and the
    // stage bar over them), else below it, and only when neither
    // holds it (a venue zoomed to fill the view) at the top, over a veiled map.
    static QRect lockedReasonCard(const QRect& viewport, const QRect& grid, const QString& reason,
                                  const QFont& font);
    static void paintLockedReason(QPainter& p, const QRect& viewport, const QRect& grid,
                                  const QString& reason, const QPalette& palette);
};

} // namespace boxoffice
