#pragma once

#include <QStyledItemDelegate>

namespace boxoffice {

// Paints one seat: a shape per state plus a glyph, so states differ without relying on colour
// (available: outline; mine: filled with a check; another's: hatched with a clock; sold: dark
// with a cross). Tier tints the outline.
class SeatDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Paints a seat of a state into a rectangle (also used by the legend), from a cache.
    static void paintSeat(QPainter* painter, const QRect& rect, int state, const QString& label,
                          const QString& tier, bool current, bool focused);

private:
    static void renderSeat(QPainter* painter, const QRect& rect, int state, const QString& label,
                           const QString& tier, bool current, bool focused);
};

} // namespace boxoffice
