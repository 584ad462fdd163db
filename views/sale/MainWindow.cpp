#include "sale/MainWindow.h"

#include "common/Columns.h"
#include "common/DesktopHabits.h"
#include "common/MessageBox.h"
#include "common/StatusLine.h"
#include "customers/CustomerPage.h"
#include "door/CheckInWindow.h"
#include "door/PerformanceChooser.h"
#include "sale/CatalogPanel.h"
#include "sale/CustomerBar.h"
#include "sale/HoldPanel.h"
#include "sale/QueuePanel.h"
#include "sale/SeatMapPanel.h"
#include "seatmap/SeatMapView.h"
#include "tickets/TicketsPanel.h"
#include "wallet/WalletDialog.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace boxoffice {

MainWindow::MainWindow(EngineHost& host, QWidget* parent)
    : QMainWindow(parent), m_host(host), m_queue(host, this), m_session(host, m_queue, this)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Box Office"));

    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    m_customerBar = new CustomerBar(m_session, central);
    outer->addWidget(m_customerBar);

    auto* split = new QSplitter(Qt::Horizontal, central);
    split->setObjectName(QStringLiteral("mainSplitter"));
    m_catalog = new CatalogPanel(m_session, split);
    // The middle shows the seat map, and after a payment its tickets in the map's place (the
    // map is locked then: the token is used), until "Done" or the next customer; no dialog
    // stands in the way of the next sale.
    m_middle = new QStackedWidget(split);
    m_middle->setObjectName(QStringLiteral("middleStack"));
    m_seats = new SeatMapPanel(m_session, false, m_middle);
    m_tickets = new TicketsPanel(m_session.paidTickets(), m_middle);
    m_tickets->setClosable(true);
    m_middle->addWidget(m_seats);
    m_middle->addWidget(m_tickets);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_queuePanel = new QueuePanel(m_session, right);
    m_holdPanel = new HoldPanel(m_session, right);
    rightLayout->addWidget(m_queuePanel, 1);
    rightLayout->addWidget(m_holdPanel, 1);
    split->addWidget(m_catalog);
    split->addWidget(m_middle);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 3);
    split->setSizes({260, 640, 380});
    // The columns keep their widths whatever their texts say (a long concert title, a longer
    // message): only resizing the window or dragging a handle moves them.
    keepColumnWidths(split);
    outer->addWidget(split, 1);
    setCentralWidget(central);

    m_status = new StatusLine(statusBar(), host, this);
    m_operator = new QLabel(this);
    m_operator->setObjectName(QStringLiteral("operatorLabel"));
    statusBar()->addPermanentWidget(m_operator);
    m_wallet = new WalletDialog(m_session, this);
    m_customerPage = new CustomerPage(m_session, this);

    connect(&m_session, &SaleSession::paid, this,
            [this] { m_middle->setCurrentWidget(m_tickets); });
    connect(m_tickets, &TicketsPanel::closed, this,
            [this] { m_middle->setCurrentWidget(m_seats); });
    connect(&m_session, &SaleSession::customerChanged, this, [this] {
        if (m_session.paidTickets().paymentId() == 0)
            m_middle->setCurrentWidget(m_seats);
    });
    connect(m_tickets, &TicketsPanel::statusMessage, m_status,
            [this](const QString& text) { m_status->showMessage(text); });
    connect(m_customerBar, &CustomerBar::message, m_status,
            [this](const QString& text) { m_status->showMessage(text); });
    connect(m_customerBar, &CustomerBar::walletRequested, this, &MainWindow::openWallet);
    connect(&m_session, &SaleSession::statusMessage, m_status,
            [this](const QString& text) { m_status->showMessage(text, 10'000); });
    buildMenus();
    m_habits = new DesktopHabits(*this, host.databaseName(), tr("Counter"));
    resize(1280, 800);
    m_session.loadConcerts().then(this, [this](Result<void> r) {
        if (!r)
            m_status->showError(r.error());
    });
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* customer = menuBar()->addMenu(tr("&Customer"));
    QAction* find =
        customer->addAction(tr("&Find customer"), m_customerBar, &CustomerBar::focusSearch);
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("actionFindCustomer"));
    QAction* add =
        customer->addAction(tr("&New customer…"), m_customerBar, &CustomerBar::addCustomer);
    add->setShortcut(QKeySequence::New);
    add->setObjectName(QStringLiteral("actionNewCustomer"));
    QAction* wallet = customer->addAction(tr("&Wallet…"), this, &MainWindow::openWallet);
    wallet->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    wallet->setObjectName(QStringLiteral("actionWallet"));
    QAction* purchases =
        customer->addAction(tr("&Purchases and refunds…"), this, &MainWindow::openCustomerPage);
    purchases->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    purchases->setObjectName(QStringLiteral("actionPurchases"));

    QMenu* sale = menuBar()->addMenu(tr("&Sale"));
    QAction* join = sale->addAction(tr("&Join queue"), &m_session, &SaleSession::join);
    join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    join->setObjectName(QStringLiteral("actionJoinQueue"));
    QAction* seats =
        sale->addAction(tr("Go to &seat map"), this, [this] { m_seats->view()->setFocus(); });
    seats->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    QAction* pay = sale->addAction(tr("&Pay"), &m_session, &SaleSession::pay);
    pay->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    pay->setObjectName(QStringLiteral("actionPay"));
    QAction* chargePay =
        sale->addAction(tr("C&harge and pay"), m_holdPanel, &HoldPanel::triggerChargeAndPay);
    chargePay->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    chargePay->setObjectName(QStringLiteral("actionChargeAndPay"));
    sale->addSeparator();
    QAction* zoomIn = sale->addAction(tr("Zoom &in"), m_seats->view(), &SeatMapView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = sale->addAction(tr("Zoom &out"), m_seats->view(), &SeatMapView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);

    QMenu* door = menuBar()->addMenu(tr("&Door"));
    QAction* checkIn = door->addAction(tr("&Check-in screen…"), this, &MainWindow::openCheckIn);
    checkIn->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    checkIn->setObjectName(QStringLiteral("actionCheckIn"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&Help and about"), this, &MainWindow::about);
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::openWallet()
{
    if (!m_session.hasCustomer()) {
        m_status->showMessage(tr("Find or add a customer first."));
        return;
    }
    m_wallet->showCustomer();
    m_wallet->open();
}

void MainWindow::setOperatorName(const QString& name)
{
    m_session.setOperatorName(name);
    m_operator->setText(name.isEmpty() ? QString() : tr("Signed in: %1").arg(name));
}

void MainWindow::openCustomerPage()
{
    if (!m_session.hasCustomer()) {
        m_status->showMessage(tr("Find or add a customer first."));
        return;
    }
    m_customerPage->showCustomer();
    m_customerPage->show();
    m_customerPage->raise();
}

PerformanceChooser* MainWindow::openCheckIn()
{
    // The sale's concert and date are the first answer; the door may be for another.
    auto* chooser =
        new PerformanceChooser(m_host, m_session.concertId(), m_session.scheduleId(), this);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QDialog::accepted, this, [this, chooser] {
        auto* door = new CheckInWindow(m_host, chooser->scheduleId(), m_session.actor(), this);
        door->show();
        Q_EMIT checkInOpened(door);
    });
    chooser->open();
    return chooser;
}

void MainWindow::about()
{
    MessageBox::information(this, tr("About Box Office"),
                            tr("Box Office sells concert seats.\n\n"
                               "1. Find the customer (Ctrl+F) or add one (Ctrl+N).\n"
                               "2. Choose a concert and join its queue (Ctrl+J).\n"
                               "3. When admitted, choose a date and seats (arrows, Space).\n"
                               "4. Charge the wallet if needed (Ctrl+B) and pay (Ctrl+P).\n\n"
                               "Database: %1")
                                .arg(m_host.databaseName()));
}

} // namespace boxoffice
