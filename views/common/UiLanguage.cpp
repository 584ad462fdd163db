#include "common/UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace boxoffice {

QString applyUiLanguage(const QString& requested)
{
    QString lang = requested;
    if (lang.isEmpty())
        lang = QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko")
                                                               : QStringLiteral("en");
    const bool korean = lang == QLatin1String("ko");
    QLocale::setDefault(korean ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                               : QLocale(QLocale::English, QLocale::UnitedStates));
    setUiLanguage(korean ? Language::Korean : Language::English);

    static QTranslator* qtTranslator = nullptr;
    static QTranslator* appTranslator = nullptr;
    for (QTranslator* t : {qtTranslator, appTranslator}) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    qtTranslator = new QTranslator;
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    appTranslator = new QTranslator;
    if (appTranslator->load(QStringLiteral(":/i18n/boxoffice_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(appTranslator);
    else
        qWarning("Box Office: no %s translation found in the resources", qPrintable(lang));
    return lang;
}

} // namespace boxoffice
