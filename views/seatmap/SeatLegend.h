#pragma once

#include <QWidget>

namespace boxoffice {

// The key to the seat map: one sample seat per state, with its name. In a narrow column the
// states go on as many lines as they need, each whole: never a name cut.
class SeatLegend : public QWidget
{
    Q_OBJECT

public:
    explicit SeatLegend(QWidget* parent = nullptr);
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    // Where each state's sample and name go at `width` (the sample at the left of each).
    QList<QRect> itemRects(int width) const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    int itemWidth(int state) const;
    int lineHeight() const;
};

} // namespace boxoffice
