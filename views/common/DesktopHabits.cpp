#include "common/DesktopHabits.h"

#include "Format.h"
#include "common/HelpBrowser.h"
#include "common/RecentDatabases.h"
#include "common/StatusLine.h"
#include "common/WindowSettings.h"
#include "seatmap/SeatMapView.h"

#include <QActionGroup>
#include <QEvent>
#include <QFileDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMenuBar>
#include <QStandardPaths>

namespace boxoffice {

namespace {

// The menu an action of the window sits in (QMenu::addAction makes the menu its parent).
QMenu* menuOf(const QMainWindow& window, const char* actionName)
{
    const auto* action = window.findChild<QAction*>(QLatin1String(actionName));
    return action ? qobject_cast<QMenu*>(action->parent()) : nullptr;
}

// A language by its own name ("한국어", "English"): whoever cannot read the other finds theirs.
QString ownName(const QString& language)
{
    const QLocale locale(language);
    // Qt calls en "American English" after its default country; the menu means the language.
    return locale.language() == QLocale::English ? QLocale::languageToString(QLocale::English)
                                                 : locale.nativeLanguageName();
}

} // namespace

DesktopHabits::DesktopHabits(QMainWindow& window, const QString& databaseName, const QString& mode)
    : QObject(&window), m_window(window)
{
    setObjectName(QStringLiteral("desktopHabits"));
    window.setWindowTitle(windowTitle(databaseName, mode));
    addMenus(databaseName);
}

QString DesktopHabits::windowTitle(const QString& databaseName, const QString& mode)
{
    const QString database = RecentDatabases::shortName(databaseName);
    if (database.isEmpty())
        return tr("Box Office — %1").arg(mode);
    return tr("%1 — Box Office — %2").arg(database, mode);
}

void DesktopHabits::addMenus(const QString& databaseName)
{
    QMenu* file = menuOf(m_window, "actionQuit");
    if (!file)
        file = m_window.menuBar()->addMenu(tr("&File"));
    // Before Quit, which stays last.
    QAction* quit = m_window.findChild<QAction*>(QStringLiteral("actionQuit"));

    auto* open = new QAction(tr("&Open database…"), file);
    open->setObjectName(QStringLiteral("actionOpenDatabase"));
    open->setShortcut(QKeySequence::Open);
    connect(open, &QAction::triggered, this, &DesktopHabits::openFromFile);
    file->insertAction(quit, open);
    m_recent = new RecentDatabasesMenu(databaseName, file);
    connect(m_recent, &RecentDatabasesMenu::chosen, this, &DesktopHabits::openDatabaseRequested);
    file->insertMenu(quit, m_recent);
    file->insertSeparator(quit);
    file->insertMenu(quit, languageMenu());
    file->insertSeparator(quit);

    QMenu* help = menuOf(m_window, "actionAbout");
    if (!help)
        help = m_window.menuBar()->addMenu(tr("&Help"));
    QAction* first = help->actions().isEmpty() ? nullptr : help->actions().constFirst();
    auto* manual = new QAction(tr("&User's manual"), help);
    manual->setObjectName(QStringLiteral("actionManual"));
    // F1 is the manual's, as in every desktop program; About stays in the menu, without a key.
    manual->setShortcut(QKeySequence::HelpContents);
    connect(manual, &QAction::triggered, this, &DesktopHabits::showManual);
    help->insertAction(first, manual);
}

QMenu* DesktopHabits::languageMenu()
{
    auto* menu = new QMenu(tr("&Language"), &m_window);
    menu->setObjectName(QStringLiteral("menuLanguage"));
    auto* group = new QActionGroup(menu);
    const QString current =
        uiLanguage() == Language::Korean ? QStringLiteral("ko") : QStringLiteral("en");
    for (const QString& lang : {QStringLiteral("ko"), QStringLiteral("en")}) {
        QAction* a = menu->addAction(ownName(lang));
        a->setObjectName(QStringLiteral("actionLanguage_") + lang);
        a->setCheckable(true);
        a->setChecked(lang == current);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, lang] { chooseLanguage(lang); });
    }
    return menu;
}

void DesktopHabits::chooseLanguage(const QString& language)
{
    WindowSettings settings;
    settings.setLanguage(language);
    settings.sync();
    // Every window, panel and message would have to be rebuilt to change now; a sale in
    // progress is not worth that risk.
    say(tr("Box Office will be in %1 from its next start (a --lang option still decides).")
            .arg(ownName(language)));
}

void DesktopHabits::openFromFile()
{
    const QString start = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString file =
        QFileDialog::getOpenFileName(&m_window, tr("Open database"), start,
                                     tr("Box Office databases (*.sqlite *.db);;All files (*)"));
    if (!file.isEmpty())
        Q_EMIT openDatabaseRequested(file);
}

void DesktopHabits::say(const QString& text)
{
    if (auto* status = m_window.findChild<StatusLine*>())
        status->showMessage(text, 10'000);
}

void DesktopHabits::showManual()
{
    if (!m_manual)
        m_manual = new HelpBrowser(&m_window);
    m_manual->show();
    m_manual->raise();
    m_manual->activateWindow();
}

void DesktopHabits::keepSettings()
{
    const WindowSettings settings;
    settings.restoreWindow(m_window);
    if (auto* search = m_window.findChild<QLineEdit*>(QStringLiteral("customerSearch"))) {
        search->setText(settings.customerSearch());
        search->selectAll(); // typing replaces it; Enter looks it up again
    }
    if (auto* seats = m_window.findChild<SeatMapView*>(QStringLiteral("seatMap"));
        seats && settings.seatZoom() > 0)
        seats->setVenueCellSize(settings.seatZoom());
    if (!m_keeping)
        m_window.installEventFilter(this);
    m_keeping = true;
}

void DesktopHabits::saveSettings()
{
    WindowSettings settings;
    settings.saveWindow(m_window);
    if (auto* search = m_window.findChild<QLineEdit*>(QStringLiteral("customerSearch")))
        settings.setCustomerSearch(search->text().trimmed());
    if (auto* seats = m_window.findChild<SeatMapView*>(QStringLiteral("seatMap")))
        settings.setSeatZoom(seats->venueCellSize());
    settings.sync();
}

bool DesktopHabits::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == &m_window && event->type() == QEvent::Close && m_keeping)
        saveSettings();
    return QObject::eventFilter(watched, event);
}

} // namespace boxoffice
