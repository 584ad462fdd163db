#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace boxoffice {

class SaleSession;
class SeatMapView;
class SeatOverview;

// The seat map of the chosen date with its legend and counts; seats stay locked, with the
// reason over the map, until the customer may choose. A venue in sections also gets an overview
// beside the map (click a section to go there) and a "go to seat" field that takes a ticket's
// seat label ("H-25-65").
class SeatMapPanel : public QWidget
{
    Q_OBJECT

public:
    SeatMapPanel(SaleSession& session, bool kiosk, QWidget* parent = nullptr);

    SeatMapView* view() const { return m_view; }
    SeatOverview* overview() const { return m_overview; }
    // Shows the seat a label names, or says there is none.
    void goToSeat(const QString& label);

private:
    void updateLock();
    void updateSummary();
    void startAtFirstFreeSeat();

    SaleSession& m_session;
    bool m_kiosk;
    void showVenueTools();

    SeatMapView* m_view;
    SeatOverview* m_overview;
    QLineEdit* m_goTo;
    QLabel* m_goToProblem;
    QLabel* m_summary;
};

} // namespace boxoffice
