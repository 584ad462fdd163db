#pragma once

#include <QWidget>

class QListView;

namespace boxoffice {

class SaleSession;

// The concerts on sale and the chosen concert's dates with their seats left.
class CatalogPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CatalogPanel(SaleSession& session, QWidget* parent = nullptr);

    QListView* concertList() const { return m_concerts; }
    QListView* scheduleList() const { return m_schedules; }
    // Large, touch-friendly rows for the kiosk, none shorter than `minimumRowHeight`, their
    // words wrapped to the column.
    void setKioskStyle(int minimumRowHeight);

private:
    void showSelection();

    SaleSession& m_session;
    QListView* m_concerts;
    QListView* m_schedules;
};

} // namespace boxoffice
