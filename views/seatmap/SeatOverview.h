#pragma once

#include <QWidget>

namespace boxoffice {

class SeatMapModel;

// The whole venue at a glance, beside a large map: each section a box, labelled, its colour as
// dense as its free seats are many, the part of the map in view framed, the customer's held
// seats marked. It paints from the model's section summary (a handful of boxes, not 50,000
// seats). Clicking a section asks for it to be shown.
class SeatOverview : public QWidget
{
    Q_OBJECT

public:
    explicit SeatOverview(SeatMapModel& seats, QWidget* parent = nullptr);

    // The cells the map shows now, framed on the overview.
    void setVisibleCells(const QRect& cells);
    // Which section (index into SeatMapModel::sections()) is under a point, or -1.
    int sectionAt(const QPoint& point) const;
    QSize sizeHint() const override { return {480, 96}; }
    QSize minimumSizeHint() const override { return {160, 60}; }

Q_SIGNALS:
    void sectionChosen(const QRect& cells);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QTransform cellsToWidget() const;

    SeatMapModel& m_seats;
    QRect m_visible;
};

} // namespace boxoffice
