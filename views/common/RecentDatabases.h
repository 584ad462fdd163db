#pragma once

#include <QMenu>
#include <QStringList>

namespace boxoffice {

// The databases this user opened, most recent first, at most kMax, kept in WindowSettings. A
// file is kept by its absolute path; a PostgreSQL URL without its password (a settings file is
// no place for one: libpq finds it in ~/.pgpass or PGPASSWORD when the database is reopened).
class RecentDatabases
{
public:
    static constexpr int kMax = 8;

    // The form a location is kept in (and compared by).
    static QString keptLocation(const QString& location);
    // For a title or a menu: a file's name, or host/dbname of a PostgreSQL URL (no user, no
    // password).
    static QString shortName(const QString& location);
    // Whether choosing it can work: a file that is still there; a server is asked only when
    // the database is opened.
    static bool isAvailable(const QString& location);

    static QStringList list();
    // Puts `location` first (once), dropping the oldest beyond kMax.
    static void add(const QString& location);
};

// File → Open recent: the recent databases but the one open now, rebuilt each time it opens so
// that a file deleted meanwhile shows as missing (disabled).
class RecentDatabasesMenu : public QMenu
{
    Q_OBJECT

public:
    RecentDatabasesMenu(const QString& current, QWidget* parent = nullptr);

    void rebuild();

Q_SIGNALS:
    void chosen(const QString& location);

private:
    QString m_current;
};

} // namespace boxoffice
