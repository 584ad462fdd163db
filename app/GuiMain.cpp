#include "GuiMain.h"

#include "Launcher.h"
#include "common/SignInDialog.h"
#include "common/UiLanguage.h"
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
    applyUiLanguage(options.lang);
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
    // Every terminal runs the scheduler (on the engine's thread); admission is guarded in the
    // database, so several on one inventory still admit K per period in total.
    if (options.kiosk) {
        KioskWindow::Options kiosk;
        kiosk.allowCharge = !options.kioskNoCharge;
        KioskWindow window(host, kiosk);
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
    window.show();
    return QApplication::exec();
}

} // namespace boxoffice
