// Drives the real main window into a sale in progress and saves what it shows, for the README
// (scripts/screenshots.sh runs it under Xvfb for each language, and once at 200 %). Not a test.

#include "support/TestSupport.h"

#include "SaleSession.h"
#include "common/UiLanguage.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "wallet/WalletDialog.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QListView>
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
    // Under QT_SCALE_FACTOR (high-DPI), only the main window, named for its scale:
    // mainwindow-200.png at 2 (every logical pixel is 2×2 in the PNG).
    if (const int percent = qRound(window.devicePixelRatio() * 100); percent != 100) {
        const QString scaled = out.filePath(QStringLiteral("mainwindow-%1.png").arg(percent));
        if (!window.grab().save(scaled))
            return 1;
        QTextStream(stdout) << scaled << '\n';
        return 0;
    }
    const QString mainFile = out.filePath(QStringLiteral("mainwindow-%1.png").arg(lang));
    if (!window.grab().save(mainFile))
        return 1;

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
    QTextStream(stdout) << mainFile << '\n' << walletFile << '\n' << stadiumFile << '\n';
    return 0;
}
