// Drives the real main window into a sale in progress, its payment's tickets and the door's
// check-in screen, and saves what they show, for the README
// (scripts/screenshots.sh runs it under Xvfb for each language). Not a test.

#include "support/TestSupport.h"

#include "SaleSession.h"
#include "common/UiLanguage.h"
#include "door/CheckInWindow.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "tickets/TicketsPanel.h"
#include "wallet/WalletDialog.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QTest>
#include <QTextStream>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        QTextStream(stderr) << "usage: boxoffice_screenshots ko|en OUTPUT_DIR\n";
        return 2;
    }
    const QString lang = applyUiLanguage(args.at(1));
    const QDir out(args.at(2));
    QFont font = QApplication::font();
    font.setFamilies({QStringLiteral("Noto Sans CJK KR"), QStringLiteral("Noto Sans")});
    QApplication::setFont(font);

    TestEngine engine;
    Engine& e = *engine;
    // Other terminals' business: customers 2-4 bought seats, customer 5 holds two.
    const qint64 schedule = e.catalogue.schedulesOf(1)->first().id;
    for (qint64 c : {2, 3, 4}) {
        const QString token = engine.activeToken(c, 1);
        e.wallet.charge(c, 1000000);
        QList<qint64> ids;
        for (int seat : {int(c) * 2 - 1, int(c) * 2, int(c) + 30})
            ids << e.reservations.hold(token, schedule, seat)->id;
        e.payments.pay(token, ids);
    }
    const QString other = engine.activeToken(5, 1);
    e.reservations.hold(other, schedule, 15);
    e.reservations.hold(other, schedule, 16);
    e.wallet.charge(1, 200000);
    // The stadium: 50,000 seats in sections and rows, a few sold near the stage.
    const auto big = DemoSeeder::seedLargeVenue(*e.db, engine.clock);
    if (!big)
        return 1;
    const QString fan = engine.activeToken(6, e.catalogue.schedule(*big)->concertId);
    e.wallet.charge(6, 1000000);
    QList<qint64> bigIds;
    for (int n : {152, 153, 154, 155})
        bigIds << e.reservations.hold(fan, *big, n)->id;
    e.payments.pay(fan, bigIds);

    TestHost host(engine);
    MainWindow window(*host);
    SaleSession& sale = window.session();
    const auto settle = [&host] { settleHost(*host); };
    window.resize(1280, 800);
    window.show();
    settle();
    // Customers waiting behind: this terminal queued them too.
    const auto queueUp = [&](qint64 customer) {
        sale.selectCustomer(customer);
        settle();
        sale.selectConcert(1);
        settle();
        sale.join();
        settle();
    };
    for (qint64 c : {7, 8, 1})
        queueUp(c);
    engine.clock.advanceSeconds(10);
    e.queue.activateDue(engine.clock.nowMs()); // admits everyone queued so far, in order
    for (qint64 c : {9, 10, 11})
        queueUp(c);
    sale.selectCustomer(1);
    settle();
    sale.selectSchedule(schedule);
    engine.clock.advanceMs(QueueModel::kPollIntervalMs);
    settle();
    for (int n : {23, 24}) {
        sale.activateSeat(sale.seats().rowOfNumber(n));
        settle();
    }
    engine.clock.advanceSeconds(47);
    settle();
    const QString mainFile = out.filePath(QStringLiteral("mainwindow-%1.png").arg(lang));
    if (!window.grab().save(mainFile))
        return 1;

    // The two seats paid: the payment's tickets take the place of the holds.
    window.setOperatorName(QStringLiteral("김민지"));
    sale.pay();
    settle();
    TicketsPanel* tickets = window.ticketsPanel();
    const QString ticketsFile = out.filePath(QStringLiteral("tickets-%1.png").arg(lang));
    if (!tickets->isVisible() || !window.grab().save(ticketsFile))
        return 1;
    // The same tickets on paper: the PDF a customer is sent, its first page made a PNG by
    // scripts/screenshots.sh (pdftoppm), as the printer would show it.
    const QString pdfFile = out.filePath(QStringLiteral("ticket-%1.pdf").arg(lang));
    if (!sale.paidTickets().writePdf(pdfFile))
        return 1;

    // The door of the same performance: one ticket let in, then the same ticket again.
    const QList<Ticket> paid = sale.paidTickets().tickets();
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
    const QImage ok = scan(paid.value(0).code);
    engine.clock.advanceSeconds(12 * 60);
    const QImage again = scan(paid.value(0).code);
    QImage both(ok.width() + again.width() + 16, std::max(ok.height(), again.height()),
                QImage::Format_RGB32);
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawImage(0, 0, ok);
    painter.drawImage(ok.width() + 16, 0, again);
    painter.end();
    const QString doorFile = out.filePath(QStringLiteral("checkin-%1.png").arg(lang));
    if (!both.save(doorFile))
        return 1;
    door.hide(); // not close(): the door deletes itself on close, and it lives on the stack
    // The same customer again, as if just found: the wallet shot below shows no tickets.
    sale.selectCustomer(1);
    settle();

    window.findChild<QAction*>(QStringLiteral("actionWallet"))->trigger();
    settle();
    WalletDialog* wallet = window.walletDialog();
    wallet->findChild<QLineEdit*>(QStringLiteral("chargeAmount"))
        ->setText(QStringLiteral("50,000"));
    app.processEvents();
    const QString walletFile = out.filePath(QStringLiteral("wallet-%1.png").arg(lang));
    if (!wallet->grab().save(walletFile))
        return 1;
    wallet->close();

    sale.selectConcert(e.catalogue.schedule(*big)->concertId);
    settle();
    sale.selectSchedule(*big);
    settle();
    const QString stadiumFile = out.filePath(QStringLiteral("stadium-%1.png").arg(lang));
    if (!window.grab().save(stadiumFile))
        return 1;
    QTextStream(stdout) << mainFile << '\n'
                        << ticketsFile << '\n'
                        << doorFile << '\n'
                        << walletFile << '\n'
                        << stadiumFile << '\n';
    return 0;
}
