#pragma once

#include "ConcertListModel.h"
#include "HoldsModel.h"
#include "QueueModel.h"
#include "ScheduleListModel.h"
#include "SeatMapModel.h"
#include "engine/Engine.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace boxoffice {

class HoldPanel;
class QueuePanel;
class SeatMapView;
class WalletDialog;

// The box-office window: customer bar, concerts and dates, the seat map, the queue panel, the
// hold-and-payment panel and the wallet. In kiosk mode: full screen, member number only, large
// targets, no staff controls, and an idle reset.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        bool kiosk = false;
        int idleResetSeconds = 90;
    };

    MainWindow(Engine& engine, Options options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // One pass of the live loop (what the one-second timer runs): polls queue tokens, counts
    // holds down, and picks up other terminals' changes. Tests call it after moving the clock.
    void tick();
    // Refreshes the map if another terminal changed something (or a hold ran out); says so
    // plainly when the database cannot be reached.
    void watchForChanges();
    // Selects a customer by number (as the customer bar does).
    bool selectCustomer(qint64 customerId);
    qint64 currentCustomerId() const { return m_customer.id; }
    void selectConcert(qint64 concertId);
    void selectSchedule(qint64 scheduleId);
    // Back to the start screen (kiosk idle reset; also Esc in kiosk mode).
    void resetToStart();
    bool isKiosk() const { return m_options.kiosk; }
    WalletDialog* walletDialog() const { return m_wallet; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildUi();
    void buildMenus();
    void findCustomer();
    void addCustomer();
    void openWallet(qint64 prefillAmount = 0);
    void joinQueue();
    void onSeatActivated(const QModelIndex& index);
    void pay();
    void release(qint64 reservationId);
    void refreshCustomerInfo();
    void updateLock();
    void refreshSeats();
    void showStatus(const QString& text, int ms = 6000);
    void showError(const Error& error);
    QString currentToken() const;
    qint64 currentConcertId() const;
    QString concertTitle(qint64 concertId) const;
    void about();

    Engine& m_engine;
    Options m_options;
    Customer m_customer;
    ConcertListModel m_concerts;
    ScheduleListModel m_schedules;
    SeatMapModel m_seats;
    QueueModel m_queue;
    HoldsModel m_holds;
    qint64 m_dataVersion = -1;

    QLineEdit* m_search = nullptr;
    QComboBox* m_results = nullptr;
    QPushButton* m_newCustomer = nullptr;
    QLabel* m_customerInfo = nullptr;
    QPushButton* m_walletButton = nullptr;
    QListView* m_concertList = nullptr;
    QListView* m_scheduleList = nullptr;
    SeatMapView* m_seatView = nullptr;
    QLabel* m_seatSummary = nullptr;
    QueuePanel* m_queuePanel = nullptr;
    HoldPanel* m_holdPanel = nullptr;
    WalletDialog* m_wallet = nullptr;
    QLabel* m_databaseLabel = nullptr;
    QLabel* m_connectionLabel = nullptr;
    QTimer* m_liveTimer = nullptr;
    QTimer* m_changeTimer = nullptr;
    QTimer* m_idleTimer = nullptr;
};

} // namespace boxoffice
