#pragma once

#include <QSettings>
#include <QStringList>

class QMainWindow;

namespace boxoffice {

// What a person set up in the window and expects back at the next start, kept with QSettings
// under the organization and application names app/ sets: the main window's geometry and state
// with every named splitter in it, the last customer search, the seat map's zoom, the language
// chosen in the window and the databases opened. A value that is missing, of the wrong kind or
// out of range (a hand-edited or damaged file) reads as its default, so a bad file never
// stops the program or puts the window somewhere odd.
class WindowSettings
{
public:
    WindowSettings();

    // "ko" or "en"; empty when none was chosen in the window (the system locale decides).
    QString language() const;
    void setLanguage(const QString& language);
    // A seat size of SeatZoom's steps; 0 when none was kept.
    int seatZoom() const;
    void setSeatZoom(int cellSize);
    QString customerSearch() const;
    void setCustomerSearch(const QString& text);
    // Locations as given to --database, most recent first (RecentDatabases keeps the rules).
    QStringList recentDatabases() const;
    void setRecentDatabases(const QStringList& locations);

    // The window's size, place, toolbars and docks, and the sizes of every QSplitter in it that
    // has an object name.
    void saveWindow(const QMainWindow& window);
    // What saveWindow kept; false (and the window as it was) when nothing usable was kept.
    bool restoreWindow(QMainWindow& window) const;

    // Writes what was set to the file now (else it happens when the last QSettings goes).
    void sync() { m_settings.sync(); }

    static constexpr qsizetype kMaxSearchLength = 200;

private:
    mutable QSettings m_settings;
};

} // namespace boxoffice
