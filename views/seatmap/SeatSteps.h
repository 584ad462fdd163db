#pragma once

#include <QAbstractItemView>
#include <QPoint>

namespace boxoffice {

// Where a cursor key moves on a seat plan, as (dx, dy) in cells: arrows one cell, Page Up/Down
// `page` rows. Home and End go to the first and last seat instead (no step: a null point).
inline QPoint seatStep(QAbstractItemView::CursorAction action, int page)
{
    switch (action) {
    case QAbstractItemView::MoveLeft:
    case QAbstractItemView::MovePrevious:
        return {-1, 0};
    case QAbstractItemView::MoveRight:
    case QAbstractItemView::MoveNext:
        return {1, 0};
    case QAbstractItemView::MoveUp:
        return {0, -1};
    case QAbstractItemView::MoveDown:
        return {0, 1};
    case QAbstractItemView::MovePageUp:
        return {0, -page};
    case QAbstractItemView::MovePageDown:
        return {0, page};
    case QAbstractItemView::MoveHome:
    case QAbstractItemView::MoveEnd:
        break;
    }
    return {};
}

} // namespace boxoffice
