// DesktopHabits on the real staff window (offscreen, QSettings in a folder of the test's own): the
// title names the database and the mode, File has Open database, Open recent and Language before
// Quit, and Help → User's manual (F1) opens the built-in manual at the README's first heading.

#include "support/SettingsSupport.h"
#include "support/TestSupport.h"

#include "Format.h"
#include "common/DesktopHabits.h"
#include "common/HelpBrowser.h"
#include "common/RecentDatabases.h"
#include "sale/MainWindow.h"

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTextBrowser>

using namespace boxoffice;
using namespace boxoffice::test;

class TestDesktopHabits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<TestHost> m_host;
    std::unique_ptr<MainWindow> m_window;

    QAction* action(const char* name)
    {
        auto* a = m_window->findChild<QAction*>(QLatin1String(name));
        if (!a)
            qFatal("no action %s", name);
        return a;
    }
    // The menu-bar menu an action is in, by its title without the mnemonic.
    static QString menuTitleOf(const QAction* a)
    {
        const auto* menu = qobject_cast<const QMenu*>(a->parent());
        return menu ? menu->title().remove(u'&') : QString();
    }
    static QStringList headings(const QTextDocument& doc)
    {
        QStringList out;
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            if (b.blockFormat().headingLevel() > 0)
                out << b.text();
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_settings = std::make_unique<TemporarySettings>();
        setUiLanguage(Language::English);
    }

    void init()
    {
        m_engine = std::make_unique<TestEngine>();
        m_host = std::make_unique<TestHost>(*m_engine);
        m_window = std::make_unique<MainWindow>(**m_host);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(settleHost(**m_host));
    }

    void cleanup()
    {
        m_window.reset();
        m_host.reset();
        m_engine.reset();
    }

    void titleNamesDatabaseAndMode()
    {
        const QString title = m_window->windowTitle();
        QVERIFY2(title.contains(QLatin1String("Counter")), qPrintable(title));
        const QString location = (*m_engine)->db->displayName();
        if (m_engine->isPostgres()) {
            // host/dbname, never the user or the password.
            const QUrl url(location);
            QVERIFY2(title.contains(url.host() + u'/' + url.path().mid(1)), qPrintable(title));
            QVERIFY2(!title.contains(QLatin1String("postgres://")), qPrintable(title));
            QVERIFY2(!title.contains(u'@'), qPrintable(title));
        } else {
            QVERIFY2(title.startsWith(QFileInfo(location).fileName() + QStringLiteral(" — ")),
                     qPrintable(title));
            QVERIFY2(!title.contains(QFileInfo(location).path()), qPrintable(title));
        }
    }

    void titleOfPostgres()
    {
        const QString t = DesktopHabits::windowTitle(
            QStringLiteral("postgres://clerk:pw@db.example:5432/venue"), QStringLiteral("Kiosk"));
        QCOMPARE(t, QStringLiteral("db.example/venue — Box Office — Kiosk"));
        QCOMPARE(DesktopHabits::windowTitle(QStringLiteral("/srv/a/hall.sqlite"),
                                            QStringLiteral("Counter")),
                 QStringLiteral("hall.sqlite — Box Office — Counter"));
    }

    void fileMenuHasTheHabitsBeforeQuit()
    {
        QAction* quit = action("actionQuit");
        auto* file = qobject_cast<QMenu*>(quit->parent());
        QVERIFY(file);
        const QList<QAction*> items = file->actions();
        QCOMPARE(items.constLast(), quit);
        QVERIFY(items.contains(action("actionOpenDatabase")));
        QCOMPARE(action("actionOpenDatabase")->shortcut(), QKeySequence(QKeySequence::Open));
        auto* recent = m_window->findChild<QMenu*>(QStringLiteral("menuRecentDatabases"));
        auto* language = m_window->findChild<QMenu*>(QStringLiteral("menuLanguage"));
        QVERIFY(recent && language);
        QVERIFY(items.contains(recent->menuAction()));
        QVERIFY(items.contains(language->menuAction()));
        // The language menu names each language in itself, and checks the one in use.
        QCOMPARE(action("actionLanguage_ko")->text(), QStringLiteral("한국어"));
        QCOMPARE(action("actionLanguage_en")->text(), QStringLiteral("English"));
        QVERIFY(action("actionLanguage_en")->isChecked());
        QVERIFY(!action("actionLanguage_ko")->isChecked());
    }

    void recentMenuOffersWhatWasOpened()
    {
        const QString other = m_settings->path(QStringLiteral("other.sqlite"));
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        RecentDatabases::add(other);
        RecentDatabasesMenu* menu = m_window->habits()->recentMenu();
        Q_EMIT menu->aboutToShow();
        QSignalSpy requested(m_window->habits(), &DesktopHabits::openDatabaseRequested);
        const QList<QAction*> items = menu->actions();
        QVERIFY(!items.isEmpty());
        QCOMPARE(items.constFirst()->data().toString(), other);
        items.constFirst()->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), other);
    }

    void f1OpensTheManualAtTheReadme()
    {
        QCOMPARE(menuTitleOf(action("actionManual")), QStringLiteral("Help"));
        // F1 is the manual's now, not About's.
        QVERIFY(action("actionAbout")->shortcut().isEmpty());
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        HelpBrowser* manual = m_window->habits()->manual();
        QVERIFY(manual);
        QTRY_VERIFY(manual->isVisible());

        // The README's own headings: its title and its first section, as the source has them
        // (the manual is the README itself, not a copy that could fall behind).
        QFile readme(QStringLiteral(BOXOFFICE_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString source = HelpBrowser::userSections(QString::fromUtf8(readme.readAll()));
        const auto first =
            QRegularExpression(QStringLiteral("^## (.+)$"), QRegularExpression::MultilineOption)
                .match(source);
        QVERIFY(first.hasMatch());
        const QStringList shown = headings(*manual->text()->document());
        QVERIFY2(shown.contains(QStringLiteral("Box Office")), qPrintable(shown.join(u'|')));
        QVERIFY2(shown.contains(first.captured(1).remove(u'`')), qPrintable(shown.join(u'|')));

        // A second F1 brings the same window back rather than another one.
        manual->close();
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QCOMPARE(m_window->habits()->manual(), manual);
        QTRY_VERIFY(manual->isVisible());
    }
};

QTEST_MAIN(TestDesktopHabits)
#include "tst_desktophabits.moc"
