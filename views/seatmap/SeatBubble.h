#pragma once

#include <QLabel>

namespace boxoffice {

class Clock;
class ClockTimer;

// A few words next to a seat, in place of a modal box ("This seat has already been taken."),
// gone by themselves after kShownMs of the clock it is given.
class SeatBubble : public QLabel
{
    Q_OBJECT

public:
    static constexpr qint64 kShownMs = 3500;

    explicit SeatBubble(QWidget* parent);
    void setClock(const Clock& clock);
    // Shows `text` under `seat` (above it near the bottom), inside the parent.
    void showNear(const QRect& seat, const QString& text);
    // What it says while shown.
    QString shownText() const { return isVisible() ? text() : QString(); }

private:
    ClockTimer* m_timer = nullptr;
};

} // namespace boxoffice
