#pragma once

#include <QObject>

class QMainWindow;
class QMenu;

namespace boxoffice {

class HelpBrowser;
class RecentDatabasesMenu;

// What a desktop program is expected to do beside its own work, for a main window: a title that
// names the database and the mode; File → Open database…, Open recent and Language; Help →
// User's manual (F1); and, once asked (keepSettings), the window, the last customer search and
// the seat map's zoom as they were at the last close. It finds its places by object name: the
// menus that hold "actionQuit" and "actionAbout", the field "customerSearch", the view "seatMap".
//
// Opening another database is the application's to do (openDatabaseRequested): the whole window
// is built over one open engine.
class DesktopHabits : public QObject
{
    Q_OBJECT

public:
    // `databaseName` as the EngineHost says it; `mode` is what the window is for ("Counter").
    DesktopHabits(QMainWindow& window, const QString& databaseName, const QString& mode);

    // "boxoffice.sqlite — Box Office — Counter"; a PostgreSQL database by host/dbname.
    static QString windowTitle(const QString& databaseName, const QString& mode);

    // Restores what was kept and keeps it again when the window closes. The application asks
    // for it; a window made in a test keeps nothing unless the test does.
    void keepSettings();
    void saveSettings();

    void showManual();
    HelpBrowser* manual() const { return m_manual; }
    RecentDatabasesMenu* recentMenu() const { return m_recent; }

Q_SIGNALS:
    // A database chosen in the recent menu or in the file dialog (as --database takes it).
    void openDatabaseRequested(const QString& location);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void addMenus(const QString& databaseName);
    QMenu* languageMenu();
    void chooseLanguage(const QString& language);
    void openFromFile();
    void say(const QString& text);

    QMainWindow& m_window;
    RecentDatabasesMenu* m_recent = nullptr;
    HelpBrowser* m_manual = nullptr; // a child of the window, closed and shown again
    bool m_keeping = false;
};

} // namespace boxoffice
