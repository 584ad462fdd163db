#pragma once

#include "QueueModel.h"
#include "SaleSession.h"

#include <QMainWindow>

namespace boxoffice {

class CatalogPanel;
class CustomerBar;
class DesktopHabits;
class HoldPanel;
class QueuePanel;
class SeatMapPanel;
class StatusLine;
class WalletDialog;

// The box-office window: a frame of panels over one SaleSession (customer bar, concerts and
// dates, the seat map, the queue, the holds and payment, the wallet), with menus and the status
// line. The work is in the session and the panels; this file only puts them together.
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
    // Title, recent databases, language, manual, kept settings (common/DesktopHabits.h).
    DesktopHabits* habits() const { return m_habits; }
    void openWallet();

private:
    void buildMenus();
    void about();

    EngineHost& m_host;
    QueueModel m_queue;
    SaleSession m_session;
    CustomerBar* m_customerBar = nullptr;
    CatalogPanel* m_catalog = nullptr;
    SeatMapPanel* m_seats = nullptr;
    QueuePanel* m_queuePanel = nullptr;
    HoldPanel* m_holdPanel = nullptr;
    WalletDialog* m_wallet = nullptr;
    StatusLine* m_status = nullptr;
    DesktopHabits* m_habits = nullptr;
};

} // namespace boxoffice
