#include "GuiMain.h"

#include "Launcher.h"
#include "Relaunch.h"
#include "common/DesktopHabits.h"
#include "common/MessageBox.h"
#include "common/RecentDatabases.h"
#include "common/SignInDialog.h"
#include "common/UiLanguage.h"
#include "common/WindowSettings.h"
#include "engine/EngineHost.h"
#include "kiosk/KioskWindow.h"
#include "sale/MainWindow.h"

#include <QApplication>
#include <QEventLoop>
#include <QLabel>
#include <QMessageBox>
#include <QTextStream>

namespace boxoffice {

int runGui(const AppOptions& options, const Clock& clock)
{
    // --lang first, then the language chosen in the window last time, then the system's.
    applyUiLanguage(options.lang.isEmpty() ? WindowSettings().language() : options.lang);
    SystemClock uiClock;
    // The engine opens on its own thread (design A1): even the first migration or a server
    // that takes its time to answer leaves this thread free to paint.
    EngineHost host(clock, uiClock);
    auto opened = host.open([&options, &clock] { return openEngine(options, clock); });
    QLabel opening(QObject::tr("Opening the database…"));
    opening.setWindowTitle(QObject::tr("Box Office"));
    opening.setMargin(24);
    QEventLoop wait;
    opened.then(&wait, [&wait](const Result<void>&) { wait.quit(); });
    // Said only if it takes long enough to notice (a server on the network, a first migration).
    ClockTimer slow(uiClock);
    slow.setSingleShot(true);
    QObject::connect(&slow, &ClockTimer::timeout, &opening, &QWidget::show);
    slow.start(500);
    if (!opened.isFinished())
        wait.exec();
    slow.stop();
    opening.hide();
    if (const Result<void> r = opened.result(); !r) {
        // Said in the window's language, and on stderr for whoever started it.
        QTextStream(stderr) << "boxoffice: " << r.error().message(Language::English) << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("Box Office"), errorText(r.error()));
        return 1;
    }
    RecentDatabases::add(options.database.isEmpty() ? defaultDatabasePath() : options.database);
    // Every terminal runs the scheduler (on the engine's thread); admission is guarded in the
    // database, so several on one inventory still admit K per period in total.
    if (options.kiosk) {
        KioskWindow::Options kiosk;
        kiosk.allowCharge = !options.kioskNoCharge;
        KioskWindow window(host, kiosk);
        window.setWindowTitle(
            DesktopHabits::windowTitle(host.databaseName(), QObject::tr("Self-service")));
        window.showOnWholeScreen();
        return QApplication::exec();
    }
    // The staff window records who works at it (design R5): --operator, or asked once now.
    QString operatorName = options.operatorName;
    if (operatorName.isEmpty()) {
        const auto signedIn = SignInDialog::ask();
        if (!signedIn)
            return 0;
        operatorName = *signedIn;
    }
    MainWindow window(host);
    window.setOperatorName(operatorName);
    DesktopHabits* habits = window.habits();
    habits->keepSettings();
    QObject::connect(habits, &DesktopHabits::openDatabaseRequested, &window,
                     [&window, habits](const QString& location) {
                         // The window is built over one open engine: another database is
                         // another start of the program, with the same options.
                         habits->saveSettings();
                         if (relaunchOn(location)) {
                             window.close();
                             return;
                         }
                         MessageBox::warning(&window, QObject::tr("Box Office"),
                                             QObject::tr("Box Office could not be started again"
                                                         " on %1.")
                                                 .arg(location));
                     });
    window.show();
    return QApplication::exec();
}

} // namespace boxoffice
