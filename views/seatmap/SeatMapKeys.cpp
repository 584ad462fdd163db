// SeatMapView's cursor keys, apart from the view's painting and geometry.

#include "seatmap/SeatMapView.h"

namespace boxoffice {

QPoint SeatMapView::stepFor(CursorAction action, int page)
{
    switch (action) {
    case MoveLeft:
    case MovePrevious:
        return {-1, 0};
    case MoveRight:
    case MoveNext:
        return {1, 0};
    case MoveUp:
        return {0, -1};
    case MoveDown:
        return {0, 1};
    case MovePageUp:
        return {0, -page};
    case MovePageDown:
        return {0, page};
    case MoveHome:
    case MoveEnd:
        break;
    }
    return {};
}

} // namespace boxoffice
