#include "kiosk/KioskWindow.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "common/Columns.h"
#include "common/ConnectionWatch.h"
#include "kiosk/KioskStartScreen.h"
#include "kiosk/KioskStyle.h"
#include "sale/CatalogPanel.h"
#include "sale/HoldPanel.h"
#include "sale/QueuePanel.h"
#include "sale/SeatMapPanel.h"

#include <QAccessible>
#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace boxoffice {

namespace {
constexpr qint64 kBannerMs = 10'000;
constexpr int kTarget = 48; // the smallest thing a finger must hit, in pixels
} // namespace

KioskWindow::KioskWindow(EngineHost& host, Options options, QWidget* parent)
    : QWidget(parent), m_host(host), m_options(options), m_queue(host, this),
      m_session(host, m_queue, this), m_idle(host.uiClock(), this),
      m_bannerTimer(host.uiClock(), this)
{
    setObjectName(QStringLiteral("kioskWindow"));
    // The kiosk is its own process: its style is the application's.
    if (!dynamic_cast<KioskStyle*>(QApplication::style()))
        QApplication::setStyle(new KioskStyle);
    setWindowTitle(tr("Box Office — Self-service"));
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    setFont(f);

    auto* layout = new QVBoxLayout(this);
    // There is no status bar to hide in: a database that does not answer is said big, over
    // whichever screen is up, until it answers again.
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("kioskConnectionProblem"));
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignCenter);
    QFont problemFont = m_problem->font();
    problemFont.setPointSizeF(problemFont.pointSizeF() * 1.3);
    problemFont.setBold(true);
    m_problem->setFont(problemFont);
    m_problem->setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e9; color: #a4262c; padding: 12px; }"));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto* watch = new ConnectionWatch(host, this);
    connect(watch, &ConnectionWatch::problemChanged, this, &KioskWindow::showConnectionProblem);
    showConnectionProblem(watch->problem());
    m_pages = new QStackedWidget(this);
    m_start = new KioskStartScreen(m_session, m_pages);
    m_pages->addWidget(m_start);
    m_pages->addWidget(buildSaleScreen());
    layout->addWidget(m_pages);

    connect(m_start, &KioskStartScreen::started, this, [this] {
        m_pages->setCurrentIndex(1);
        showCustomer();
    });
    connect(&m_session, &SaleSession::customerChanged, this, &KioskWindow::showCustomer);
    connect(&m_session, &SaleSession::balanceChanged, this, &KioskWindow::showCustomer);
    connect(&m_session, &SaleSession::statusMessage, this, &KioskWindow::showBanner);
    m_bannerTimer.setSingleShot(true);
    connect(&m_bannerTimer, &ClockTimer::timeout, m_banner, &QLabel::clear);

    m_idle.setSingleShot(true);
    m_idle.setInterval(qint64(m_options.idleResetSeconds) * 1000);
    connect(&m_idle, &ClockTimer::timeout, this, &KioskWindow::resetToStart);
    m_idle.start();
    qApp->installEventFilter(this);
    m_session.loadConcerts();
    m_start->clear();
}

KioskWindow::~KioskWindow()
{
    qApp->removeEventFilter(this);
}

QWidget* KioskWindow::buildSaleScreen()
{
    auto* page = new QWidget(m_pages);
    auto* layout = new QVBoxLayout(page);
    auto* top = new QHBoxLayout;
    m_who = new QLabel(page);
    m_who->setObjectName(QStringLiteral("kioskCustomer"));
    auto* finish = new QPushButton(tr("Finish"), page);
    finish->setObjectName(QStringLiteral("kioskFinishButton"));
    top->addWidget(m_who, 1);
    top->addWidget(finish);
    describe(finish, tr("Finish"), tr("Ends your visit and returns to the start screen."));
    describe(m_who, tr("Customer"), tr("Who is buying, and their balance."));
    layout->addLayout(top);
    m_banner = new QLabel(page);
    m_banner->setObjectName(QStringLiteral("kioskBanner"));
    m_banner->setWordWrap(true);
    QFont big = m_banner->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_banner->setFont(big);
    // Room for two lines whether or not something is said: the screen under it stays put as
    // news comes and goes.
    m_banner->setMinimumHeight(2 * QFontMetrics(big).lineSpacing());
    m_banner->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addWidget(m_banner);

    auto* split = new QSplitter(Qt::Horizontal, page);
    m_catalog = new CatalogPanel(m_session, split);
    m_catalog->setKioskStyle(kTarget);
    m_seats = new SeatMapPanel(m_session, true, split);
    auto* right = new QWidget(split);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_queuePanel = new QueuePanel(m_session, right);
    m_queuePanel->setTableVisible(false);
    m_queuePanel->setNamesMasked(true);
    m_queuePanel->setAnnouncementVisible(false);
    m_holdPanel = new HoldPanel(m_session, right);
    m_holdPanel->setChargingAllowed(m_options.allowCharge);
    m_holdPanel->setDemoTopUp(true);
    m_holdPanel->setKioskStyle(kTarget);
    // The queue's few lines as tall as they are; the held seats and the sale's words get the
    // rest of the column (a 1280x800 screen has no height to spare).
    rightLayout->addWidget(m_queuePanel, 0);
    rightLayout->addWidget(m_holdPanel, 1);
    split->addWidget(m_catalog);
    split->addWidget(m_seats);
    split->addWidget(right);
    // The map as wide as 48-pixel seats of a 50-seat hall need on a 1280-wide screen; the
    // sale's column wider than the list of concerts, whose names wrap.
    split->setSizes({300, 600, 380});
    split->setChildrenCollapsible(false);
    keepColumnWidths(split); // a kiosk never reflows as it is used
    layout->addWidget(split, 1);
    for (QPushButton* b : page->findChildren<QPushButton*>())
        b->setMinimumHeight(kTarget);
    connect(finish, &QPushButton::clicked, this, &KioskWindow::resetToStart);
    return page;
}

void KioskWindow::showOnWholeScreen()
{
    // Without a window manager a full-screen request alone leaves the window its own size:
    // it takes the screen's geometry itself, frameless, and follows the screen if it changes.
    setWindowFlag(Qt::FramelessWindowHint);
    if (QScreen* s = screen()) {
        setGeometry(s->geometry());
        connect(s, &QScreen::geometryChanged, this, [this](const QRect& g) { setGeometry(g); });
    }
    showFullScreen();
}

bool KioskWindow::isOnStartScreen() const
{
    return m_pages->currentIndex() == 0;
}

void KioskWindow::showCustomer()
{
    const Customer& c = m_session.customer();
    // A passer-by may read the screen: the name half hidden, never the phone.
    m_who->setText(c.id > 0 ? tr("%1 · balance %2").arg(maskedName(c.name), Format::krw(c.balance))
                            : QString());
}

void KioskWindow::showConnectionProblem(const QString& problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (!problem.isEmpty()) {
        QAccessibleEvent alert(m_problem, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

QString KioskWindow::connectionProblem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

void KioskWindow::showBanner(const QString& text)
{
    // The session's lines name people in full, for staff; a passer-by may read this screen.
    const QString name = m_session.customer().name;
    m_banner->setText(name.isEmpty() ? text : QString(text).replace(name, maskedName(name)));
    m_bannerTimer.start(kBannerMs);
}

void KioskWindow::resetToStart()
{
    // The next stranger inherits nothing of the last one, not even news of their place in a
    // queue; and a kiosk does not hold a place for someone who has walked away.
    m_queue.forget(m_session.customer().id);
    m_session.reset();
    m_banner->clear();
    m_pages->setCurrentIndex(0);
    m_start->clear();
    m_idle.start();
}

bool KioskWindow::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::TouchBegin:
    case QEvent::Wheel:
        m_idle.start();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace boxoffice
