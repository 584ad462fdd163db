#include "GuiMain.h"

#include "Launcher.h"
#include "MainWindow.h"
#include "Scheduler.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

namespace boxoffice {

namespace {

// --lang, else the system locale; Korean and English are what the translations cover.
QString chooseLanguage(const AppOptions& options)
{
    if (!options.lang.isEmpty())
        return options.lang;
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko")
                                                           : QStringLiteral("en");
}

} // namespace

int runGui(const AppOptions& options, const Clock& clock)
{
    const QString lang = chooseLanguage(options);
    QLocale::setDefault(
        QLocale(lang == QLatin1String("ko") ? QLocale::Korean : QLocale::English,
                lang == QLatin1String("ko") ? QLocale::SouthKorea : QLocale::UnitedStates));
    setUiLanguage(lang == QLatin1String("ko") ? Language::Korean : Language::English);
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QStringLiteral(":/i18n/boxoffice_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(&appTranslator);

    auto engine = openEngine(options, clock);
    if (!engine) {
        QMessageBox::critical(nullptr, QObject::tr("Box Office"), engine.error());
        return 1;
    }
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
