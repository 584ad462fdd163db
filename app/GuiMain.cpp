#include "GuiMain.h"

#include "Launcher.h"
#include "common/UiLanguage.h"
#include "engine/Scheduler.h"
#include "sale/MainWindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QTextStream>

namespace boxoffice {

int runGui(const AppOptions& options, const Clock& clock)
{
    applyUiLanguage(options.lang);
    auto engine = openEngine(options, clock);
    if (!engine) {
        // Said in the window's language, and on stderr for whoever started it.
        QTextStream(stderr) << "boxoffice: " << engine.error().message(Language::English)
                            << Qt::endl;
        QMessageBox::critical(nullptr, QObject::tr("Box Office"), errorText(engine.error()));
        return 1;
    }
    // Every terminal runs the scheduler; admission is guarded in the database, so several on
    // one inventory still admit K per period in total.
    Scheduler scheduler((*engine)->queue, (*engine)->reservations, clock, (*engine)->settings);
    scheduler.start();

    MainWindow::Options windowOptions;
    windowOptions.kiosk = options.kiosk;
    MainWindow window(**engine, windowOptions);
    if (options.kiosk)
        window.showFullScreen();
    else
        window.show();
    return QApplication::exec();
}

} // namespace boxoffice
