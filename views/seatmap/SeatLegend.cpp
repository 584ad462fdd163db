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
    // Never narrower than its text: every state stays named.
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
}

QSize SeatLegend::minimumSizeHint() const
{
    return sizeHint();
}

QSize SeatLegend::sizeHint() const
{
    int width = 0;
    for (SeatState s : kStates)
        width +=
            kSample + kGap + fontMetrics().horizontalAdvance(SeatMapModel::stateName(s)) + kSpacing;
    return {width, std::max(kSample, fontMetrics().height()) + 6};
}

void SeatLegend::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    int x = 0;
    const int y = (height() - kSample) / 2;
    for (SeatState s : kStates) {
        SeatDelegate::paintSeat(&p, QRect(x, y, kSample, kSample), int(s), QString(),
                                QStringLiteral("R"), false, false);
        x += kSample + kGap;
        const QString text = SeatMapModel::stateName(s);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(x, 0, fontMetrics().horizontalAdvance(text) + 2, height()),
                   Qt::AlignVCenter | Qt::AlignLeft, text);
        x += fontMetrics().horizontalAdvance(text) + kSpacing;
    }
}

void SeatLegend::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace boxoffice
