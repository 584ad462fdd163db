#pragma once

#include <QWidget>

namespace boxoffice {

// The key to the seat map: one sample seat per state, with its name.
class SeatLegend : public QWidget
{
    Q_OBJECT

public:
    explicit SeatLegend(QWidget* parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;
};

} // namespace boxoffice
