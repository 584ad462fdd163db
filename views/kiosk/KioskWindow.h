#pragma once

#include "QueueModel.h"
#include "SaleSession.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace boxoffice {

class CatalogPanel;
class HoldPanel;
class KioskStartScreen;
class QueuePanel;
class SeatMapPanel;

// Self-service (--kiosk): the same SaleSession as the staff window, for a stranger. A start
// screen that asks for a member number and phone digits, then large targets, no staff
// controls, no keyboard hints, errors written big on the screen, and a reset to the start after
// idleResetSeconds without a touch.
class KioskWindow : public QWidget
{
    Q_OBJECT

public:
    struct Options
    {
        int idleResetSeconds = 90;
        // Whether a short balance may be topped up here (a demo top-up); if not, people are
        // sent to the counter.
        bool allowCharge = true;
    };

    KioskWindow(EngineHost& host, Options options, QWidget* parent = nullptr);
    ~KioskWindow() override;

    SaleSession& session() { return m_session; }
    KioskStartScreen* startScreen() const { return m_start; }
    bool isOnStartScreen() const;
    // Full screen for real: the screen's geometry exactly, with or without a window manager.
    void showOnWholeScreen();
    // Back to the start screen with nothing of the last customer left (also the idle reset).
    void resetToStart();
    // What the screen says about the database (empty while it answers).
    QString connectionProblem() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildSaleScreen();
    void showCustomer();
    void showBanner(const QString& text);
    void showConnectionProblem(const QString& problem);

    EngineHost& m_host;
    Options m_options;
    QueueModel m_queue;
    SaleSession m_session;
    QStackedWidget* m_pages = nullptr;
    KioskStartScreen* m_start = nullptr;
    QLabel* m_who = nullptr;
    QLabel* m_banner = nullptr;
    QLabel* m_problem = nullptr;
    CatalogPanel* m_catalog = nullptr;
    SeatMapPanel* m_seats = nullptr;
    QueuePanel* m_queuePanel = nullptr;
    HoldPanel* m_holdPanel = nullptr;
    ClockTimer m_idle;
    ClockTimer m_bannerTimer;
};

} // namespace boxoffice
