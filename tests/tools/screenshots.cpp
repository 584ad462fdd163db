// Drives the real windows through what the README's manual shows and saves each step as
// docs/<what>-<lang>.png (scripts/screenshots.sh runs it under Xvfb for each language): the sale
// at the window, the wallet, the stadium and the kiosk. The windows are driven as a person would
// (typing, clicks on lists and seats, keys), so a step that stops working fails here. Not a
// test: it prints every file it wrote and exits 1 naming the step that did not come out.

#include "support/WidgetSupport.h"

#include "common/StatusLine.h"
#include "common/UiLanguage.h"
#include "door/CheckInWindow.h"
#include "kiosk/KioskStartScreen.h"
#include "kiosk/KioskWindow.h"
#include "sale/MainWindow.h"
#include "sale/SeatMapPanel.h"
#include "seatmap/SeatMapView.h"
#include "seatmap/SeatOverview.h"
#include "tickets/TicketsPanel.h"
#include "wallet/WalletDialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdlib>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// The widest a picture is kept: a manual is read on a laptop, and wider files only weigh more.
constexpr int kMaxWidth = 1280;

[[noreturn]] void giveUp(const QString& step)
{
    QTextStream(stderr) << "boxoffice_screenshots: " << step << '\n';
    std::exit(1);
}

void must(bool ok, const char* step)
{
    if (!ok)
        giveUp(QString::fromLatin1(step));
}

// Under QT_SCALE_FACTOR (high-DPI) only the main window mid-sale is kept, named for its scale
// (mainwindow-200.png at 2, every logical pixel 2×2 in the PNG, not scaled down), to see that
// text, icons and the seat map scale. On a small screen (a third argument, "kiosk-1280") only
// the kiosk mid-sale is kept, as kiosk-1280-<lang>.png, at the screen's own size.
class Shots
{
public:
    Shots(const QDir& out, QString lang, bool smallScreen)
        : m_out(out), m_lang(std::move(lang)), m_smallScreen(smallScreen)
    {}

    bool scaled() const { return percent() != 100; }

    void save(QWidget* widget, const QString& what)
    {
        if (scaled() && what != QLatin1String("mainwindow"))
            return;
        if (m_smallScreen && what != QLatin1String("kiosk-seats"))
            return;
        QApplication::processEvents();
        QPixmap picture = widget->grab();
        if (!scaled() && picture.width() > kMaxWidth)
            picture = picture.scaledToWidth(kMaxWidth, Qt::SmoothTransformation);
        const QString name = m_smallScreen ? QStringLiteral("kiosk-1280") : what;
        const QString file = m_out.filePath(
            QStringLiteral("%1-%2.png").arg(name, scaled() ? QString::number(percent()) : m_lang));
        if (!picture.save(file))
            giveUp(QStringLiteral("cannot write ") + file);
        QTextStream(stdout) << file << '\n';
    }

private:
    static int percent() { return qRound(qApp->devicePixelRatio() * 100); }

    QDir m_out;
    QString m_lang;
    bool m_smallScreen;
};

void clickRow(QAbstractItemView* list, int row)
{
    const QModelIndex index = list->model()->index(row, 0);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

void clickSeat(SeatMapView* map, SeatMapModel& seats, int number)
{
    const QModelIndex seat = seats.index(seats.rowOfNumber(number));
    map->scrollTo(seat);
    QTest::mouseClick(map->viewport(), Qt::LeftButton, {}, map->visualRect(seat).center());
}

// A field filled in and Enter pressed, as a person finishes typing.
void typeAndEnter(QLineEdit* field, const QString& text)
{
    field->setFocus();
    field->setText(text);
    QTest::keyClick(field, Qt::Key_Return);
}

QString lastPhoneDigits(Engine& e, qint64 customer)
{
    QString phone = e.customers.byId(customer)->phone;
    return phone.remove(QRegularExpression(QStringLiteral("[^0-9]"))).right(4);
}

// The stadium's seat number of a section (its index in the layout), row and place: each
// section is 50 rows of 100 (resources/layouts/arena50k.json).
int stadiumSeat(int section, int row, int place)
{
    return section * 5000 + (row - 1) * 100 + place;
}

// Other terminals' business, so that the pictures show a day at the box office: the stadium's
// front rows sold in blocks (its overview draws availability as density), then seats sold and
// held on the first date of concert 1. In that order: each admission moves the clock, and the
// holds on concert 1 must not run out before the pictures are taken.
void otherTerminals(TestEngine& engine, qint64 schedule, qint64 stadium)
{
    Engine& e = *engine;
    const qint64 concert = e.catalogue.schedule(stadium)->concertId;
    // Rows 1-20 of section C, 1-8 of B and 1-4 of D, 40 seats a customer.
    QList<int> sold;
    const auto rows = [&sold](int section, int lastRow) {
        for (int row = 1; row <= lastRow; ++row) {
            for (int place = 1; place <= 100; ++place)
                sold << stadiumSeat(section, row, place);
        }
    };
    rows(2, 20);
    rows(1, 8);
    rows(3, 4);
    qint64 customer = 20;
    for (qsizetype first = 0; first < sold.size(); first += 40, ++customer) {
        const QString token = engine.activeToken(customer, concert);
        for (int i = 0; i < 9; ++i)
            must(e.wallet.charge(customer, 1000000).has_value(), "charge for the stadium");
        QList<qint64> ids;
        for (qsizetype i = first; i < std::min(first + 40, sold.size()); ++i) {
            const auto held = e.reservations.hold(token, stadium, sold.at(i));
            must(held.has_value(), "a stadium hold");
            ids << held->id;
        }
        must(e.payments.pay(token, ids).has_value(), "a stadium payment");
    }

    for (qint64 c : {2, 3, 4}) {
        const QString token = engine.activeToken(c, 1);
        must(e.wallet.charge(c, 1000000).has_value(), "charge for another terminal's sale");
        QList<qint64> ids;
        for (int seat : {int(c) * 2 - 1, int(c) * 2, int(c) + 30})
            ids << e.reservations.hold(token, schedule, seat)->id;
        must(e.payments.pay(token, ids).has_value(), "another terminal's payment");
    }
    const QString other = engine.activeToken(5, 1);
    e.reservations.hold(other, schedule, 15);
    e.reservations.hold(other, schedule, 16);
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool smallScreen = args.size() == 4 && args.at(3) == QLatin1String("kiosk-1280");
    if (args.size() != 3 && !smallScreen) {
        QTextStream(stderr) << "usage: boxoffice_screenshots ko|en OUTPUT_DIR [kiosk-1280]\n";
        return 2;
    }
    const QString lang = applyUiLanguage(args.at(1));
    const QDir out(args.at(2));
    Shots shots(out, lang, smallScreen);
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans")});
    QApplication::setFont(font);

    // One customer may hold a stadium block of 40 in the setup; the window's rules are the same.
    EngineSettings settings;
    settings.maxHolds = 40;
    TestEngine engine(settings);
    Engine& e = *engine;
    const qint64 schedule = e.catalogue.schedulesOf(1)->first().id;
    const auto stadium = DemoSeeder::seedLargeVenue(*e.db, engine.clock);
    must(stadium.has_value(), "seed the stadium");
    otherTerminals(engine, schedule, *stadium);
    // 150,000 KRW in the wallet: two seats of 100,000 leave it 50,000 short.
    must(e.wallet.charge(1, 150000).has_value(), "charge customer 1");

    TestHost host(engine);
    const auto settle = [&host] { must(settleHost(*host), "the engine did not settle"); };
    const auto advance = [&] {
        must(advanceSettled(engine.clock, *host, QueueModel::kPollIntervalMs), "advance");
    };
    // The next admission, and the terminals' next poll seeing it. The poll the admission's clock
    // move sent may have read before it: that one lands first.
    const auto admit = [&] {
        engine.admitNow();
        settle();
        advance();
    };

    // ---- The sale at the window ----
    MainWindow window(*host);
    SaleSession& sale = window.session();
    window.setOperatorName(QStringLiteral("김민지"));
    window.resize(1280, 800);
    window.show();
    must(QTest::qWaitForWindowExposed(&window), "the window did not show");
    settle();
    // This terminal queued two customers before; both were let in.
    for (qint64 c : {7, 8}) {
        must(awaitedOk(sale.selectCustomer(c)), "select a customer");
        sale.selectConcert(1);
        settle();
    }
    admit();

    // The status bar's news of their admission passes (it is said for 10 s).
    must(advanceSettled(engine.clock, *host, 10'000), "time passes");
    auto* search = window.findChild<QLineEdit*>(QStringLiteral("customerSearch"));
    auto* concerts = window.findChild<QListView*>(QStringLiteral("concertList"));
    auto* map = window.findChild<SeatMapView*>(QStringLiteral("seatMap"));
    must(search && concerts && map, "the window's parts");
    // 1. The customer found: the member number typed in full, Enter.
    sale.reset();
    settle();
    typeAndEnter(search, QStringLiteral("1"));
    settle();
    must(sale.customer().id == 1, "customer 1 found");
    shots.save(&window, QStringLiteral("sale-customer"));

    // 2. The concert chosen: that joins its queue and picks its first date.
    clickRow(concerts, 0);
    settle();
    advance();
    must(sale.scheduleId() == schedule && !sale.isAdmitted(), "queued for the first date");
    shots.save(&window, QStringLiteral("sale-queued"));

    // 3. Let in: the map opens.
    admit();
    must(sale.isAdmitted(), "admitted");
    shots.save(&window, QStringLiteral("sale-admitted"));
    // A seat another customer holds: refused next to the seat, no box in the way.
    clickSeat(map, sale.seats(), 15);
    settle();
    must(!map->inlineMessage().isEmpty(), "the taken seat's message");
    shots.save(&window, QStringLiteral("seat-taken"));

    // 4. Two seats held (a click each); the balance is short, so the hold panel offers
    // "Charge and pay" with the shortfall filled in.
    for (int n : {23, 24}) {
        clickSeat(map, sale.seats(), n);
        settle();
    }
    must(sale.holds().rowCount() == 2, "two seats held");
    must(advanceSettled(engine.clock, *host, 47'000), "time passes");
    shots.save(&window, QStringLiteral("mainwindow"));
    if (shots.scaled())
        return 0;

    // 5. Charge and pay, once: the same button asks to confirm, naming the money.
    auto* chargePay = window.findChild<QPushButton*>(QStringLiteral("chargeAndPayButton"));
    must(chargePay && chargePay->isVisible(), "the Charge and pay button");
    QTest::mouseClick(chargePay, Qt::LeftButton);
    settle();
    shots.save(&window, QStringLiteral("sale-confirm"));

    // 6. Confirmed: charged and paid in one step.
    QTest::mouseClick(chargePay, Qt::LeftButton);
    settle();
    advance();
    must(sale.lastPayment().has_value() && sale.holds().rowCount() == 0, "paid");
    shots.save(&window, QStringLiteral("sale-paid"));

    // The payment's tickets, in the seat map's place until Done or the next customer.
    must(window.ticketsPanel() && window.ticketsPanel()->isVisible(), "the tickets panel");
    shots.save(&window, QStringLiteral("tickets"));
    // The same tickets on paper: the PDF a customer is sent, its first page made a PNG by
    // scripts/screenshots.sh (pdftoppm), as the printer would show it.
    if (!shots.scaled())
        must(sale.paidTickets()
                 .writePdf(out.filePath(QStringLiteral("ticket-%1.pdf").arg(lang)))
                 .has_value(),
             "the tickets' PDF");

    // The door of the same performance: one ticket let in, then the same ticket again.
    {
        const QList<Ticket> paid = sale.paidTickets().tickets();
        must(!paid.isEmpty(), "tickets of the payment");
        CheckInWindow door(*host, schedule, Actor::staff(QStringLiteral("박지훈")));
        door.resize(800, 560);
        door.show();
        settle();
        const auto scan = [&](const QString& code) {
            door.scanField()->setText(code);
            QTest::keyClick(door.scanField(), Qt::Key_Return);
            settle();
            return door.grab().toImage();
        };
        const QImage ok = scan(paid.first().code);
        must(advanceSettled(engine.clock, *host, 12 * 60'000), "time passes");
        const QImage again = scan(paid.first().code);
        QImage both(ok.width() + again.width() + 16, std::max(ok.height(), again.height()),
                    QImage::Format_RGB32);
        both.fill(Qt::white);
        QPainter painter(&both);
        painter.drawImage(0, 0, ok);
        painter.drawImage(ok.width() + 16, 0, again);
        painter.end();
        QLabel picture;
        picture.setPixmap(QPixmap::fromImage(both));
        picture.resize(both.size());
        shots.save(&picture, QStringLiteral("checkin"));
        door.hide(); // not close(): the door deletes itself on close, and it lives here
    }
    // Done with the tickets: the seat map is back in their place.
    auto* done = window.findChild<QPushButton*>(QStringLiteral("ticketsDoneButton"));
    must(done && done->isVisible(), "the tickets' Done button");
    QTest::mouseClick(done, Qt::LeftButton);
    settle();

    // The wallet after it: the charges and the payment in its history.
    window.findChild<QAction*>(QStringLiteral("actionWallet"))->trigger();
    settle();
    WalletDialog* wallet = window.walletDialog();
    wallet->findChild<QLineEdit*>(QStringLiteral("chargeAmount"))
        ->setText(QStringLiteral("50,000"));
    shots.save(wallet, QStringLiteral("wallet"));
    wallet->close();

    // ---- The stadium ----
    const qint64 stadiumConcert = e.catalogue.schedule(*stadium)->concertId;
    clickRow(concerts, sale.concerts().rowOf(stadiumConcert));
    settle();
    admit();
    must(sale.isAdmitted() && sale.scheduleId() == *stadium, "admitted to the stadium");
    auto* panel = window.findChild<SeatMapPanel*>();
    auto* goTo = window.findChild<QLineEdit*>(QStringLiteral("goToSeat"));
    must(panel && goTo, "the stadium's tools");
    // A click on section C in the overview goes there.
    const auto& sections = sale.seats().sections();
    SeatOverview* overview = panel->overview();
    // Where C lies on the overview: the middle of the run of points over it, in the top row.
    int firstX = -1, lastX = -1;
    const int y = overview->height() / 4;
    for (int x = 0; x < overview->width(); ++x) {
        const int i = overview->sectionAt(QPoint(x, y));
        if (i >= 0 && sections.at(i).name == QLatin1String("C")) {
            firstX = firstX < 0 ? x : firstX;
            lastX = x;
        }
    }
    must(firstX >= 0, "section C on the overview");
    QTest::mouseClick(overview, Qt::LeftButton, {}, QPoint((firstX + lastX) / 2, y));
    settle();
    // A seat by its ticket label (the map zooms in to it, numbers readable), then Space holds it:
    // the first free row behind the sold block.
    typeAndEnter(goTo, QStringLiteral("C-21-10"));
    settle();
    QTest::keyClick(map, Qt::Key_Space);
    settle();
    must(sale.holds().rowCount() == 1, "a stadium seat held");
    shots.save(&window, QStringLiteral("stadium-section"));
    // The whole venue: the overview strip, and the map as far out as it zooms.
    for (int i = 0; i < 10; ++i)
        map->zoomOut();
    map->scrollTo(sale.seats().index(sale.seats().rowOfNumber(stadiumSeat(2, 21, 10))),
                  QAbstractItemView::PositionAtCenter);
    settle();
    shots.save(&window, QStringLiteral("stadium"));
    // Another program keeps the SQLite file locked: within 3 s the status bar says in red that
    // the database is not answering, while the window stays live. The stall is measured in real
    // time on the window's clock's timers, so that clock moves while the charge waits.
    QProcess holder;
    holder.start(QStringLiteral("sqlite3"), {QStringLiteral("-interactive"), engine.path()});
    must(holder.waitForStarted(), "sqlite3 did not start");
    holder.write("BEGIN EXCLUSIVE;\nSELECT 'lock' || 'ed';\n");
    QByteArray said;
    QElapsedTimer waited;
    waited.start();
    while (!said.contains("locked") && waited.elapsed() < 10'000) {
        holder.waitForReadyRead(100);
        said += holder.readAllStandardOutput();
    }
    must(said.contains("locked"), "sqlite3 did not lock the file");
    auto charging = sale.charge(10'000, false);
    waited.restart();
    while (window.statusLine()->connectionProblem().isEmpty() && waited.elapsed() < 10'000) {
        QTest::qWait(100);
        engine.clock.advanceMs(100);
    }
    must(!window.statusLine()->connectionProblem().isEmpty(), "the red line");
    shots.save(&window, QStringLiteral("trouble-locked"));
    holder.write("COMMIT;\n.quit\n");
    holder.closeWriteChannel();
    must(holder.waitForFinished(10'000), "sqlite3 did not quit");
    awaited(charging);
    settle();
    // The host looks again on the window's clock (a test clock here): then the red line goes,
    // and the kiosk's pictures do not start with it.
    for (int i = 0; i < 20 && !window.statusLine()->connectionProblem().isEmpty(); ++i)
        must(advanceSettled(engine.clock, *host, EngineHost::kWatchdogIntervalMs), "advance");
    must(window.statusLine()->connectionProblem().isEmpty(), "the database is back");
    window.hide();

    // ---- The kiosk (its own style from here on, as in its own process) ----
    KioskWindow kiosk(*host, KioskWindow::Options{});
    kiosk.showOnWholeScreen();
    must(QTest::qWaitForWindowExposed(&kiosk), "the kiosk did not show");
    settle();
    KioskStartScreen* start = kiosk.startScreen();
    auto* member = start->findChild<QLineEdit*>(QStringLiteral("kioskMemberNumber"));
    auto* digits = start->findChild<QLineEdit*>(QStringLiteral("kioskPhoneDigits"));
    auto* startButton = start->findChild<QPushButton*>(QStringLiteral("kioskStartButton"));
    must(member && digits && startButton, "the kiosk's start screen");
    const qint64 walkUp = 12;
    const QString right = lastPhoneDigits(e, walkUp);
    const QString wrong =
        right == QLatin1String("0000") ? QStringLiteral("1111") : QStringLiteral("0000");
    // Member number and the last four digits of the phone (shown as dots).
    QTest::keyClicks(member, QString::number(walkUp));
    QTest::keyClicks(digits, right);
    shots.save(&kiosk, QStringLiteral("kiosk-start"));
    // Digits that do not match: said big on the screen.
    digits->clear();
    QTest::keyClicks(digits, wrong);
    QTest::mouseClick(startButton, Qt::LeftButton);
    settle();
    must(!start->errorShown().isEmpty(), "the kiosk's error");
    shots.save(&kiosk, QStringLiteral("kiosk-error"));
    // The right digits: a concert tapped, let in, a seat tapped.
    digits->clear();
    QTest::keyClicks(digits, right);
    QTest::mouseClick(startButton, Qt::LeftButton);
    settle();
    must(!kiosk.isOnStartScreen(), "signed in at the kiosk");
    clickRow(kiosk.findChild<QListView*>(QStringLiteral("concertList")), 0);
    settle();
    admit();
    must(kiosk.session().isAdmitted(), "admitted at the kiosk");
    clickSeat(kiosk.findChild<SeatMapView*>(QStringLiteral("seatMap")), kiosk.session().seats(),
              27);
    settle();
    must(kiosk.session().holds().rowCount() == 1, "a seat held at the kiosk");
    shots.save(&kiosk, QStringLiteral("kiosk-seats"));
    kiosk.resetToStart();
    kiosk.hide();

    // The same at a kiosk started with --kiosk-no-charge: a short balance goes to the counter.
    KioskWindow::Options noCharge;
    noCharge.allowCharge = false;
    KioskWindow counterOnly(*host, noCharge);
    counterOnly.showOnWholeScreen();
    must(QTest::qWaitForWindowExposed(&counterOnly), "the second kiosk did not show");
    settle();
    const qint64 second = 13;
    start = counterOnly.startScreen();
    QTest::keyClicks(start->findChild<QLineEdit*>(QStringLiteral("kioskMemberNumber")),
                     QString::number(second));
    QTest::keyClicks(start->findChild<QLineEdit*>(QStringLiteral("kioskPhoneDigits")),
                     lastPhoneDigits(e, second));
    QTest::mouseClick(start->findChild<QPushButton*>(QStringLiteral("kioskStartButton")),
                      Qt::LeftButton);
    settle();
    must(!counterOnly.isOnStartScreen(), "signed in at the second kiosk");
    clickRow(counterOnly.findChild<QListView*>(QStringLiteral("concertList")), 0);
    settle();
    admit();
    clickSeat(counterOnly.findChild<SeatMapView*>(QStringLiteral("seatMap")),
              counterOnly.session().seats(), 28);
    settle();
    must(counterOnly.session().holds().rowCount() == 1, "a seat held at the second kiosk");
    shots.save(&counterOnly, QStringLiteral("kiosk-no-charge"));
    return 0;
}
