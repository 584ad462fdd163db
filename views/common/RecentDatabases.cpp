#include "common/RecentDatabases.h"

#include "common/WindowSettings.h"
#include "storage/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace boxoffice {

QString RecentDatabases::keptLocation(const QString& location)
{
    const QString trimmed = location.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (isPostgresLocation(trimmed)) {
        QUrl url(trimmed);
        url.setPassword({});
        url.setPort(url.port(5432)); // as the open database names itself (Database::displayName)
        return url.toString();
    }
    return QFileInfo(trimmed).absoluteFilePath();
}

QString RecentDatabases::shortName(const QString& location)
{
    if (isPostgresLocation(location)) {
        const QUrl url(location);
        QString db = url.path();
        if (db.startsWith(u'/'))
            db.remove(0, 1);
        return url.host().isEmpty() ? db : url.host() + u'/' + db;
    }
    return QFileInfo(location).fileName();
}

bool RecentDatabases::isAvailable(const QString& location)
{
    return isPostgresLocation(location) || QFileInfo(location).isFile();
}

QStringList RecentDatabases::list()
{
    QStringList kept;
    const QStringList stored = WindowSettings().recentDatabases();
    for (const QString& location : stored) {
        const QString clean = keptLocation(location);
        if (!clean.isEmpty() && !kept.contains(clean))
            kept << clean;
        if (kept.size() == kMax)
            break;
    }
    return kept;
}

void RecentDatabases::add(const QString& location)
{
    const QString clean = keptLocation(location);
    if (clean.isEmpty())
        return;
    QStringList kept = list();
    kept.removeAll(clean);
    kept.prepend(clean);
    while (kept.size() > kMax)
        kept.removeLast();
    WindowSettings settings;
    settings.setRecentDatabases(kept);
    settings.sync();
}

RecentDatabasesMenu::RecentDatabasesMenu(const QString& current, QWidget* parent)
    : QMenu(tr("Open &recent"), parent), m_current(RecentDatabases::keptLocation(current))
{
    setObjectName(QStringLiteral("menuRecentDatabases"));
    connect(this, &QMenu::aboutToShow, this, &RecentDatabasesMenu::rebuild);
    rebuild();
}

void RecentDatabasesMenu::rebuild()
{
    clear();
    int number = 0;
    const QStringList recent = RecentDatabases::list();
    for (const QString& location : recent) {
        if (location == m_current)
            continue;
        ++number;
        const bool postgres = isPostgresLocation(location);
        const QString where = postgres ? QStringLiteral("PostgreSQL")
                                       : QDir::toNativeSeparators(QFileInfo(location).path());
        QAction* a = addAction(QStringLiteral("&%1 %2  (%3)")
                                   .arg(number)
                                   .arg(RecentDatabases::shortName(location), where));
        a->setData(location);
        if (RecentDatabases::isAvailable(location)) {
            a->setToolTip(postgres ? location : QDir::toNativeSeparators(location));
            connect(a, &QAction::triggered, this, [this, location] { Q_EMIT chosen(location); });
        } else {
            a->setEnabled(false);
            a->setToolTip(tr("%1 is no longer there.").arg(QDir::toNativeSeparators(location)));
        }
    }
    if (number == 0)
        addAction(tr("No other database opened yet"))->setEnabled(false);
    setToolTipsVisible(true);
}

} // namespace boxoffice
