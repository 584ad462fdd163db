#include "sale/MainWindow.h"

#include "Format.h"
#include "common/MessageBox.h"
#include "common/UiLanguage.h"
#include "sale/HoldPanel.h"
#include "sale/QueuePanel.h"
#include "seatmap/SeatLegend.h"
#include "seatmap/SeatMapView.h"
#include "wallet/WalletDialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

namespace boxoffice {

namespace {

constexpr int kLiveIntervalMs = 1000;
// Other terminals' changes are looked for more often than the clock ticks: the look is one
// cheap statement, and a sale should show everywhere within a second.
constexpr int kChangeWatchMs = 250;

// The walk-up customer's details, for staff.
class NewCustomerDialog : public QDialog
{
public:
    explicit NewCustomerDialog(QWidget* parent) : QDialog(parent)
    {
        setObjectName(QStringLiteral("newCustomerDialog"));
        setWindowTitle(MainWindow::tr("New customer"));
        auto* form = new QFormLayout(this);
        name = new QLineEdit(this);
        name->setObjectName(QStringLiteral("newCustomerName"));
        phone = new QLineEdit(this);
        phone->setObjectName(QStringLiteral("newCustomerPhone"));
        phone->setPlaceholderText(QStringLiteral("010-1234-5678"));
        form->addRow(MainWindow::tr("&Name:"), name);
        form->addRow(MainWindow::tr("&Phone:"), phone);
        error = new QLabel(this);
        error->setObjectName(QStringLiteral("newCustomerError"));
        error->setStyleSheet(QStringLiteral("color: #b00020;"));
        form->addRow(error);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        form->addRow(buttons);
    }
    QLineEdit* name;
    QLineEdit* phone;
    QLabel* error;
};

} // namespace

MainWindow::MainWindow(Engine& engine, Options options, QWidget* parent)
    : QMainWindow(parent), m_engine(engine), m_options(options), m_concerts(engine.catalogue, this),
      m_schedules(engine.catalogue, this), m_seats(engine.catalogue, engine.clock, this),
      m_queue(engine.queue, engine.clock, this), m_holds(engine.reservations, engine.clock, this)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(m_options.kiosk ? tr("Box Office — Self-service") : tr("Box Office"));
    buildUi();
    buildMenus();

    if (auto r = m_concerts.reload(); !r)
        showError(r.error());
    refreshCustomerInfo();
    m_liveTimer = new QTimer(this);
    m_liveTimer->setInterval(kLiveIntervalMs);
    connect(m_liveTimer, &QTimer::timeout, this, &MainWindow::tick);
    m_liveTimer->start();
    m_changeTimer = new QTimer(this);
    m_changeTimer->setInterval(kChangeWatchMs);
    connect(m_changeTimer, &QTimer::timeout, this, &MainWindow::watchForChanges);
    m_changeTimer->start();

    connect(
        &m_queue, &QueueModel::admitted, this,
        [this](qint64 customerId, const QString& name, const QString& concert) {
            const QString text =
                tr("%1 (#%2) may now choose seats for %3.").arg(name).arg(customerId).arg(concert);
            showStatus(text, 10000);
            m_queuePanel->highlightAdmission(text);
            updateLock();
        });
    connect(&m_holds, &HoldsModel::holdsExpired, this, [this](int n) {
        m_holdPanel->setMessage(
            tr("%n hold(s) ran out of time; the seat(s) are free again.", nullptr, n), true);
        refreshSeats();
    });

    if (m_options.kiosk) {
        m_idleTimer = new QTimer(this);
        m_idleTimer->setSingleShot(true);
        m_idleTimer->setInterval(m_options.idleResetSeconds * 1000);
        connect(m_idleTimer, &QTimer::timeout, this, &MainWindow::resetToStart);
        m_idleTimer->start();
        qApp->installEventFilter(this);
    }
    updateLock();
}

MainWindow::~MainWindow()
{
    if (m_options.kiosk)
        qApp->removeEventFilter(this);
}

void MainWindow::buildUi()
{
    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);

    // Customer bar.
    auto* bar = new QHBoxLayout;
    auto* searchLabel =
        new QLabel(m_options.kiosk ? tr("Member &number:") : tr("&Customer:"), central);
    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(m_options.kiosk ? tr("Your member number")
                                                 : tr("Number, name or phone (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    auto* find = new QPushButton(m_options.kiosk ? tr("Start") : tr("Find"), central);
    find->setObjectName(QStringLiteral("findCustomerButton"));
    m_results = new QComboBox(central);
    m_results->setObjectName(QStringLiteral("customerResults"));
    m_results->setMinimumContentsLength(24);
    m_results->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_newCustomer = new QPushButton(tr("&New customer…"), central);
    m_newCustomer->setObjectName(QStringLiteral("newCustomerButton"));
    m_customerInfo = new QLabel(central);
    m_customerInfo->setObjectName(QStringLiteral("customerInfo"));
    m_walletButton = new QPushButton(tr("&Wallet…"), central);
    m_walletButton->setObjectName(QStringLiteral("walletButton"));
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(find);
    bar->addWidget(m_results, 1);
    bar->addWidget(m_newCustomer);
    bar->addSpacing(12);
    bar->addWidget(m_customerInfo, 2);
    bar->addWidget(m_walletButton);
    outer->addLayout(bar);
    if (m_options.kiosk) {
        m_results->hide();
        m_newCustomer->hide();
    }

    auto* split = new QSplitter(Qt::Horizontal, central);
    split->setObjectName(QStringLiteral("mainSplitter"));

    // Concerts and their dates.
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* concertLabel = new QLabel(tr("C&oncerts"), left);
    m_concertList = new QListView(left);
    m_concertList->setObjectName(QStringLiteral("concertList"));
    m_concertList->setModel(&m_concerts);
    m_concertList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_concertList->setWordWrap(true);
    concertLabel->setBuddy(m_concertList);
    auto* scheduleLabel = new QLabel(tr("&Dates"), left);
    m_scheduleList = new QListView(left);
    m_scheduleList->setObjectName(QStringLiteral("scheduleList"));
    m_scheduleList->setModel(&m_schedules);
    m_scheduleList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    scheduleLabel->setBuddy(m_scheduleList);
    leftLayout->addWidget(concertLabel);
    leftLayout->addWidget(m_concertList, 1);
    leftLayout->addWidget(scheduleLabel);
    leftLayout->addWidget(m_scheduleList, 1);

    // The seat map.
    auto* centre = new QWidget(split);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    auto* seatLabel = new QLabel(tr("&Seats (arrows move, Space holds, Ctrl +/- zooms)"), centre);
    m_seatView = new SeatMapView(centre);
    m_seatView->setObjectName(QStringLiteral("seatMap"));
    m_seatView->setModel(&m_seats);
    seatLabel->setBuddy(m_seatView);
    m_seatSummary = new QLabel(centre);
    m_seatSummary->setObjectName(QStringLiteral("seatSummary"));
    centreLayout->addWidget(seatLabel);
    centreLayout->addWidget(m_seatView, 1);
    auto* legendRow = new QHBoxLayout;
    legendRow->addWidget(new SeatLegend(centre));
    legendRow->addStretch();
    legendRow->addWidget(m_seatSummary);
    centreLayout->addLayout(legendRow);

    // Queue and holds.
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_queuePanel = new QueuePanel(m_queue, m_engine.clock, right);
    m_holdPanel = new HoldPanel(m_holds, right);
    rightLayout->addWidget(m_queuePanel, 1);
    rightLayout->addWidget(m_holdPanel, 1);

    split->addWidget(left);
    split->addWidget(centre);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setStretchFactor(2, 3);
    split->setSizes({260, 640, 380});
    outer->addWidget(split, 1);
    setCentralWidget(central);

    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e9; color: #a4262c; padding: 2px 6px; }"));
    m_connectionLabel->hide();
    statusBar()->addPermanentWidget(m_connectionLabel, 1);
    m_databaseLabel = new QLabel(tr("Database: %1").arg(m_engine.db->displayName()), this);
    m_databaseLabel->setObjectName(QStringLiteral("databaseLabel"));
    statusBar()->addPermanentWidget(m_databaseLabel);

    m_wallet = new WalletDialog(m_engine.wallet, this);
    connect(m_wallet, &WalletDialog::charged, this, [this] { refreshCustomerInfo(); });

    if (m_options.kiosk) {
        QFont f = font();
        f.setPointSizeF(f.pointSizeF() * 1.5);
        setFont(f);
        m_seatView->setCellSize(56);
        m_seatView->setMinimumFitCell(56);
        for (QPushButton* b : findChildren<QPushButton*>())
            b->setMinimumHeight(48);
        m_search->setMinimumHeight(48);
        m_queuePanel->setTableVisible(false);
        m_databaseLabel->hide();
        for (QListView* list : {m_concertList, m_scheduleList}) {
            list->setSpacing(6);
            list->setWordWrap(true);
        }
        split->setSizes({340, 600, 340});
    }

    connect(m_search, &QLineEdit::returnPressed, this, &MainWindow::findCustomer);
    connect(find, &QPushButton::clicked, this, &MainWindow::findCustomer);
    connect(m_results, &QComboBox::activated, this,
            [this](int i) { selectCustomer(m_results->itemData(i).toLongLong()); });
    connect(m_newCustomer, &QPushButton::clicked, this, &MainWindow::addCustomer);
    connect(m_walletButton, &QPushButton::clicked, this, [this] { openWallet(); });
    connect(m_concertList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& i) { selectConcert(m_concerts.idAt(i.row())); });
    connect(m_scheduleList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& i) {
                const qint64 id = m_schedules.idAt(i.row());
                if (id != m_seats.scheduleId())
                    selectSchedule(id);
            });
    connect(m_seatView, &SeatMapView::seatActivated, this, &MainWindow::onSeatActivated);
    connect(m_queuePanel, &QueuePanel::joinRequested, this, &MainWindow::joinQueue);
    connect(m_holdPanel, &HoldPanel::payRequested, this, &MainWindow::pay);
    connect(m_holdPanel, &HoldPanel::releaseRequested, this, &MainWindow::release);
    resize(1280, 800);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* customer = menuBar()->addMenu(tr("&Customer"));
    QAction* find = customer->addAction(tr("&Find customer"), this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    find->setObjectName(QStringLiteral("actionFindCustomer"));
    if (!m_options.kiosk) {
        QAction* add = customer->addAction(tr("&New customer…"), this, &MainWindow::addCustomer);
        add->setShortcut(QKeySequence::New);
        add->setObjectName(QStringLiteral("actionNewCustomer"));
    }
    QAction* wallet = customer->addAction(tr("&Wallet…"), this, [this] { openWallet(); });
    wallet->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    wallet->setObjectName(QStringLiteral("actionWallet"));

    QMenu* sale = menuBar()->addMenu(tr("&Sale"));
    QAction* join = sale->addAction(tr("&Join queue"), this, &MainWindow::joinQueue);
    join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    join->setObjectName(QStringLiteral("actionJoinQueue"));
    QAction* seats =
        sale->addAction(tr("Go to &seat map"), this, [this] { m_seatView->setFocus(); });
    seats->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    QAction* payAction = sale->addAction(tr("&Pay"), this, &MainWindow::pay);
    payAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    payAction->setObjectName(QStringLiteral("actionPay"));
    sale->addSeparator();
    QAction* zoomIn = sale->addAction(tr("Zoom &in"), m_seatView, &SeatMapView::zoomIn);
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction* zoomOut = sale->addAction(tr("Zoom &out"), m_seatView, &SeatMapView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&Help and about"), this, &MainWindow::about);
    about->setShortcut(QKeySequence::HelpContents);
    about->setObjectName(QStringLiteral("actionAbout"));
    if (m_options.kiosk)
        menuBar()->hide();
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
                                .arg(m_engine.db->displayName()));
}

void MainWindow::showStatus(const QString& text, int ms)
{
    statusBar()->showMessage(text, ms);
}

void MainWindow::showError(const Error& error)
{
    showStatus(errorText(error), 10000);
}

void MainWindow::findCustomer()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty())
        return;
    if (m_options.kiosk) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || !selectCustomer(id))
            showStatus(tr("No member with number \"%1\".").arg(text));
        return;
    }
    const auto found = m_engine.customers.find(text);
    if (!found) {
        showError(found.error());
        return;
    }
    m_results->clear();
    for (const Customer& c : *found)
        m_results->addItem(QStringLiteral("#%1 %2 · %3").arg(c.id).arg(c.name, c.phone), c.id);
    if (found->isEmpty()) {
        showStatus(tr("No customer matches \"%1\".").arg(text));
        return;
    }
    selectCustomer(found->first().id);
    if (found->size() > 1) {
        showStatus(
            tr("%n customer(s) match; pick one from the list.", nullptr, int(found->size())));
        m_results->setFocus();
    }
}

bool MainWindow::selectCustomer(qint64 customerId)
{
    const auto c = m_engine.customers.byId(customerId);
    if (!c)
        return false;
    m_customer = *c;
    refreshCustomerInfo();
    if (auto r = m_seats.setViewer(customerId); !r)
        showError(r.error());
    if (auto r = m_holds.setCustomer(customerId); !r)
        showError(r.error());
    m_queuePanel->follow(customerId, currentConcertId());
    updateLock();
    return true;
}

void MainWindow::refreshCustomerInfo()
{
    if (m_customer.id <= 0) {
        m_customerInfo->setText(tr("No customer selected"));
        m_walletButton->setEnabled(false);
        return;
    }
    if (const auto b = m_engine.wallet.balance(m_customer.id))
        m_customer.balance = *b;
    m_customerInfo->setText(tr("%1 (#%2) · %3 · balance %4")
                                .arg(m_customer.name)
                                .arg(m_customer.id)
                                .arg(m_customer.phone, Format::krw(m_customer.balance)));
    m_walletButton->setEnabled(true);
}

void MainWindow::addCustomer()
{
    if (m_options.kiosk)
        return;
    auto* dialog = new NewCustomerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto c = m_engine.customers.add(dialog->name->text(), dialog->phone->text());
        if (!c) {
            // Keep what was typed: reopen with the reason.
            auto* again = new NewCustomerDialog(this);
            again->setAttribute(Qt::WA_DeleteOnClose);
            again->name->setText(dialog->name->text());
            again->phone->setText(dialog->phone->text());
            again->error->setText(errorText(c.error()));
            connect(again, &QDialog::accepted, this, [this, again] {
                if (const auto c2 =
                        m_engine.customers.add(again->name->text(), again->phone->text())) {
                    selectCustomer(c2->id);
                    showStatus(tr("Added %1 as member #%2.").arg(c2->name).arg(c2->id));
                } else {
                    showError(c2.error());
                }
            });
            again->open();
            return;
        }
        selectCustomer(c->id);
        showStatus(tr("Added %1 as member #%2.").arg(c->name).arg(c->id));
    });
    dialog->open();
}

void MainWindow::openWallet(qint64 prefillAmount)
{
    if (m_customer.id <= 0) {
        showStatus(tr("Find or add a customer first."));
        return;
    }
    m_wallet->setCustomer(m_customer.id, m_customer.name);
    if (prefillAmount > 0)
        m_wallet->setAmount(prefillAmount);
    m_wallet->open();
}

qint64 MainWindow::currentConcertId() const
{
    return m_schedules.concertId();
}

QString MainWindow::concertTitle(qint64 concertId) const
{
    for (int r = 0; r < m_concerts.rowCount(); ++r) {
        if (m_concerts.idAt(r) == concertId)
            return m_concerts.index(r).data().toString();
    }
    return QString::number(concertId);
}

void MainWindow::selectConcert(qint64 concertId)
{
    if (auto r = m_schedules.setConcert(concertId); !r)
        showError(r.error());
    const QModelIndex current = m_concertList->currentIndex();
    if (!current.isValid() || m_concerts.idAt(current.row()) != concertId) {
        for (int r = 0; r < m_concerts.rowCount(); ++r) {
            if (m_concerts.idAt(r) == concertId)
                m_concertList->setCurrentIndex(m_concerts.index(r));
        }
    }
    selectSchedule(0);
    m_queuePanel->follow(m_customer.id, concertId);
    updateLock();
}

void MainWindow::selectSchedule(qint64 scheduleId)
{
    if (auto r = m_seats.setSchedule(scheduleId); !r)
        showError(r.error());
    const int row = m_schedules.rowOf(scheduleId);
    if (row >= 0 && m_scheduleList->currentIndex().row() != row)
        m_scheduleList->setCurrentIndex(m_schedules.index(row));
    if (m_seats.rowCount() > 0)
        m_seatView->setCurrentIndex(m_seats.index(0));
    updateLock();
}

QString MainWindow::currentToken() const
{
    return m_queue.tokenFor(m_customer.id, currentConcertId());
}

void MainWindow::joinQueue()
{
    if (m_customer.id <= 0 || currentConcertId() <= 0) {
        showStatus(tr("Choose a customer and a concert first."));
        return;
    }
    const auto s = m_queue.join(m_customer.id, m_customer.name, currentConcertId(),
                                concertTitle(currentConcertId()));
    if (!s) {
        showError(s.error());
        return;
    }
    m_queuePanel->follow(m_customer.id, currentConcertId());
    if (s->state == QueueState::Waiting)
        showStatus(tr("%1 is number %2 in the queue.").arg(m_customer.name).arg(s->position));
    updateLock();
}

void MainWindow::updateLock()
{
    QString reason;
    const QueueModel::Entry* e = m_queue.find(m_customer.id, currentConcertId());
    if (m_customer.id <= 0)
        reason = m_options.kiosk ? tr("Enter your member number to start.")
                                 : tr("Find or add a customer to choose seats.");
    else if (currentConcertId() <= 0)
        reason = tr("Choose a concert.");
    else if (!e)
        reason = tr("Join the queue to choose seats (Ctrl+J).");
    else if (e->used)
        reason = tr("Paid. Join the queue again to buy more seats.");
    else if (e->expired || e->status.state == QueueState::Expired)
        reason = tr("The queue token expired. Join the queue again.");
    else if (e->status.state == QueueState::Waiting)
        reason = tr("Waiting in the queue: number %1. Seats open when admitted.")
                     .arg(e->status.position);
    else if (m_seats.scheduleId() <= 0)
        reason = tr("Choose a date.");
    m_seatView->setLockedReason(reason);
    m_seatSummary->setText(m_seats.scheduleId() > 0 ? tr("%L1 of %L2 seats available")
                                                          .arg(m_seats.count(SeatState::Available))
                                                          .arg(m_seats.rowCount())
                                                    : QString());
}

void MainWindow::onSeatActivated(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    if (!m_seatView->lockedReason().isEmpty()) {
        m_seatView->showInlineMessage(index, m_seatView->lockedReason());
        return;
    }
    const auto state = SeatState(index.data(SeatMapModel::StateRole).toInt());
    if (state == SeatState::HeldByOther || state == SeatState::Sold) {
        m_seatView->showInlineMessage(index, errorText(Error::make(ErrorCode::SeatAlreadyTaken)));
        return;
    }
    if (state == SeatState::HeldByMe) {
        for (const Reservation& r : m_holds.holds()) {
            if (r.seatId == index.data(SeatMapModel::SeatIdRole).toLongLong()) {
                release(r.id);
                return;
            }
        }
        return;
    }
    const auto held = m_engine.reservations.hold(currentToken(), m_seats.scheduleId(),
                                                 index.data(SeatMapModel::NumberRole).toInt());
    if (!held) {
        m_seatView->showInlineMessage(index, errorText(held.error()));
        refreshSeats();
        return;
    }
    m_holdPanel->setMessage(
        tr("Seat %1 held until %2.").arg(held->seatLabel, Format::dateTime(held->expiresAtMs)),
        false);
    refreshSeats();
    if (auto r = m_holds.reload(); !r)
        showError(r.error());
}

void MainWindow::release(qint64 reservationId)
{
    if (auto r = m_engine.reservations.release(currentToken(), reservationId); !r)
        m_holdPanel->setMessage(errorText(r.error()), true);
    else
        m_holdPanel->setMessage(tr("Seat released."), false);
    refreshSeats();
    if (auto r = m_holds.reload(); !r)
        showError(r.error());
}

void MainWindow::pay()
{
    const QList<qint64> ids = m_holds.reservationIds();
    if (ids.isEmpty()) {
        m_holdPanel->setMessage(tr("Hold at least one seat first."), true);
        return;
    }
    const auto paid = m_engine.payments.pay(currentToken(), ids);
    if (!paid) {
        const Error& e = paid.error();
        if (e.code == ErrorCode::InsufficientBalance) {
            const qint64 shortfall = e.extra.value(QStringLiteral("shortfall")).toInteger();
            m_holdPanel->setMessage(errorText(e), true);
            const auto answer = MessageBox::question(
                this, tr("Insufficient balance"),
                tr("The balance is %1 short. Charge the wallet now?").arg(Format::krw(shortfall)),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            if (answer == QMessageBox::Yes)
                openWallet(shortfall);
            return;
        }
        m_holdPanel->setMessage(errorText(e), true);
        refreshSeats();
        if (auto r = m_holds.reload(); !r)
            showError(r.error());
        return;
    }
    m_queue.markUsed(m_customer.id, currentConcertId());
    m_holdPanel->setMessage(
        tr("Paid %1. Payment number %2.").arg(Format::krw(paid->amount)).arg(paid->id), false);
    showStatus(
        tr("Payment %1 complete: %n seat(s) sold.", nullptr, int(paid->reservationIds.size()))
            .arg(paid->id));
    refreshSeats();
    if (auto r = m_holds.reload(); !r)
        showError(r.error());
    refreshCustomerInfo();
    updateLock();
}

void MainWindow::refreshSeats()
{
    // A concert added at another terminal joins the list; the selection stays where it was.
    if (const auto list = m_engine.catalogue.concerts();
        list && list->size() != m_concerts.rowCount()) {
        const qint64 current = currentConcertId();
        if (auto r = m_concerts.reload(); !r)
            showError(r.error());
        for (int r = 0; r < m_concerts.rowCount(); ++r) {
            if (m_concerts.idAt(r) == current) {
                const QSignalBlocker block(m_concertList->selectionModel());
                m_concertList->setCurrentIndex(m_concerts.index(r));
            }
        }
    }
    if (auto r = m_seats.refresh(); !r)
        showError(r.error());
    if (auto r = m_schedules.refresh(); !r)
        showError(r.error());
    updateLock();
}

void MainWindow::tick()
{
    m_queue.pollAll();
    m_holds.tick();
    watchForChanges();
    m_queuePanel->refresh();
    updateLock();
}

void MainWindow::watchForChanges()
{
    // Another terminal's commit, or a hold running out, changes the map; nothing else does.
    const auto version = m_engine.db->dataVersion();
    // The database's own trouble is said plainly, and the next tick tries again.
    if (!version) {
        m_connectionLabel->setText(errorText(version.error()));
        m_connectionLabel->show();
    } else if (m_connectionLabel->isVisible()) {
        m_connectionLabel->hide();
        showStatus(tr("The database is back."));
    }
    const bool changed = version && *version != m_dataVersion;
    if (version)
        m_dataVersion = *version;
    if (changed || m_seats.holdExpiredSinceRefresh())
        refreshSeats();
}

void MainWindow::resetToStart()
{
    m_customer = Customer{};
    m_search->clear();
    m_results->clear();
    m_seats.setViewer(0);
    m_holds.setCustomer(0);
    m_concertList->clearSelection();
    m_schedules.setConcert(0);
    m_seats.setSchedule(0);
    m_holdPanel->setMessage(QString(), false);
    m_queuePanel->follow(0, 0);
    m_wallet->hide();
    refreshCustomerInfo();
    updateLock();
    m_search->setFocus();
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (m_idleTimer) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::TouchBegin:
        case QEvent::Wheel:
            m_idleTimer->start();
            break;
        default:
            break;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

} // namespace boxoffice
