#pragma once

#include "QueueModel.h"
#include "SaleSession.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;

namespace boxoffice {

class CatalogPanel;
class CheckInWindow;
class PerformanceChooser;
class CustomerBar;
class CustomerPage;
class DesktopHabits;
class HoldPanel;
class QueuePanel;
class SeatMapPanel;
class StatusLine;
class TicketsPanel;
class WalletDialog;

// The box-office window: a frame of panels over one SaleSession (customer bar, concerts and
// dates, the seat map, the queue, the holds and payment, the tickets of the payment just made,
// the wallet, the customer's purchases and refunds, the door's check-in screen), with menus and
// the status line. The work is in the session and the panels; this file only puts them together.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `host` must be open.
    explicit MainWindow(EngineHost& host, QWidget* parent = nullptr);

    SaleSession& session() { return m_session; }
    QueueModel& queueBook() { return m_queue; }
    WalletDialog* walletDialog() const { return m_wallet; }
    StatusLine* statusLine() const { return m_status; }
    TicketsPanel* ticketsPanel() const { return m_tickets; }
    CustomerPage* customerPage() const { return m_customerPage; }
    // Title, recent databases, language, manual, kept settings (common/DesktopHabits.h).
    DesktopHabits* habits() const { return m_habits; }
    void openWallet();
    // Who is working here (design R5): shown in the status bar, recorded with what they do.
    void setOperatorName(const QString& name);
    // The sale customer's purchases, refunds and tickets.
    void openCustomerPage();
    // Asks which performance, then opens a check-in screen for it (a window of its own).
    PerformanceChooser* openCheckIn();

Q_SIGNALS:
    void checkInOpened(boxoffice::CheckInWindow* window);

private:
    void buildMenus();
    void about();

    EngineHost& m_host;
    QueueModel m_queue;
    SaleSession m_session;
    CustomerBar* m_customerBar = nullptr;
    CatalogPanel* m_catalog = nullptr;
    QStackedWidget* m_middle = nullptr; // the seat map, or the payment's tickets
    SeatMapPanel* m_seats = nullptr;
    QueuePanel* m_queuePanel = nullptr;
    HoldPanel* m_holdPanel = nullptr;
    WalletDialog* m_wallet = nullptr;
    StatusLine* m_status = nullptr;
    TicketsPanel* m_tickets = nullptr;
    CustomerPage* m_customerPage = nullptr;
    QLabel* m_operator = nullptr;
    DesktopHabits* m_habits = nullptr;
};

} // namespace boxoffice
