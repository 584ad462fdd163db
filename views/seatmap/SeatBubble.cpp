#include "seatmap/SeatBubble.h"

#include "core/Clock.h"

namespace boxoffice {

SeatBubble::SeatBubble(QWidget* parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("seatInlineMessage"));
    setStyleSheet(
        QStringLiteral("QLabel { background: #fff4ce; color: #5c3c00; border: 1px solid #c79a00;"
                       " border-radius: 4px; padding: 4px 8px; }"));
    setWordWrap(false);
    hide();
}

void SeatBubble::setClock(const Clock& clock)
{
    delete m_timer;
    m_timer = new ClockTimer(clock, this);
    m_timer->setSingleShot(true);
    connect(m_timer, &ClockTimer::timeout, this, &QLabel::hide);
}

void SeatBubble::showNear(const QRect& seat, const QString& text)
{
    setText(text);
    adjustSize();
    const QWidget* area = parentWidget();
    QPoint at = seat.isValid() ? QPoint(seat.center().x() - width() / 2, seat.bottom() + 4)
                               : QPoint(16, 16);
    at.setX(std::clamp(at.x(), 0, std::max(0, area->width() - width())));
    if (at.y() + height() > area->height())
        at.setY(std::max(0, seat.top() - height() - 4));
    move(at);
    show();
    raise();
    if (m_timer)
        m_timer->start(kShownMs);
}

} // namespace boxoffice
