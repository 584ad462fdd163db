#pragma once

#include <QWidget>

class QLabel;

namespace boxoffice {

class SaleSession;
class SeatMapView;

// The seat map of the chosen date with its legend and counts; seats stay locked, with the
// reason over the map, until the customer may choose.
class SeatMapPanel : public QWidget
{
    Q_OBJECT

public:
    SeatMapPanel(SaleSession& session, bool kiosk, QWidget* parent = nullptr);

    SeatMapView* view() const { return m_view; }

private:
    void updateLock();
    void updateSummary();
    void startAtFirstFreeSeat();

    SaleSession& m_session;
    bool m_kiosk;
    SeatMapView* m_view;
    QLabel* m_summary;
};

} // namespace boxoffice
