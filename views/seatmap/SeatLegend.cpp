#include "seatmap/SeatLegend.h"

#include "SeatMapModel.h"
#include "seatmap/SeatDelegate.h"

#include <QEvent>
#include <QPainter>

namespace boxoffice {

namespace {
constexpr SeatState kStates[] = {SeatState::Available, SeatState::HeldByMe, SeatState::HeldByOther,
                                 SeatState::Sold};
constexpr int kSample = 22;
constexpr int kGap = 8;
constexpr int kSpacing = 18;
} // namespace

SeatLegend::SeatLegend(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("seatLegend"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

int SeatLegend::itemWidth(int state) const
{
    return kSample + kGap +
           fontMetrics().horizontalAdvance(SeatMapModel::stateName(kStates[state])) + 2;
}

int SeatLegend::lineHeight() const
{
    return std::max(kSample, fontMetrics().height()) + 6;
}

QList<QRect> SeatLegend::itemRects(int width) const
{
    QList<QRect> rects;
    int x = 0;
    int y = 0;
    for (int i = 0; i < int(std::size(kStates)); ++i) {
        const int w = itemWidth(i);
        if (x > 0 && x + w > width) {
            x = 0;
            y += lineHeight();
        }
        rects.append(QRect(x, y, w, lineHeight()));
        x += w + kSpacing;
    }
    return rects;
}

QSize SeatLegend::minimumSizeHint() const
{
    // The widest state alone on its line: narrower would cut its name.
    int widest = 0;
    for (int i = 0; i < int(std::size(kStates)); ++i)
        widest = std::max(widest, itemWidth(i));
    return {widest, lineHeight()};
}

QSize SeatLegend::sizeHint() const
{
    const QRect last = itemRects(QWIDGETSIZE_MAX).constLast();
    return {last.right() + 1, lineHeight()};
}

int SeatLegend::heightForWidth(int width) const
{
    return itemRects(width).constLast().bottom() + 1;
}

void SeatLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QList<QRect> rects = itemRects(width());
    for (int i = 0; i < rects.size(); ++i) {
        const QRect r = rects[i];
        SeatDelegate::paintSeat(&p,
                                QRect(r.x(), r.y() + (r.height() - kSample) / 2, kSample, kSample),
                                int(kStates[i]), QString(), QStringLiteral("R"), false, false);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(r.adjusted(kSample + kGap, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   SeatMapModel::stateName(kStates[i]));
    }
}

void SeatLegend::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace boxoffice
