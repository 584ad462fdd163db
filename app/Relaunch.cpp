#include "Relaunch.h"

#include <QCoreApplication>
#include <QProcess>

namespace boxoffice {

QStringList relaunchArguments(const QStringList& arguments, const QString& database)
{
    QStringList kept;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& a = arguments.at(i);
        const QString bare = a.startsWith(QLatin1String("--")) ? a.mid(2)
                             : a.startsWith(u'-')              ? a.mid(1)
                                                               : QString();
        if (bare == QLatin1String("database")) {
            ++i; // and its value
            continue;
        }
        if (bare.startsWith(QLatin1String("database=")))
            continue;
        kept << a;
    }
    kept << QStringLiteral("--database") << database;
    return kept;
}

bool relaunchOn(const QString& database)
{
    return QProcess::startDetached(
        QCoreApplication::applicationFilePath(),
        relaunchArguments(QCoreApplication::arguments().mid(1), database));
}

} // namespace boxoffice
