// RecentDatabases and File → Open recent (offscreen, QSettings in a folder of the test's own):
// most recent first, at most eight, each once; files by absolute path and PostgreSQL without its
// password; the open database left out, a missing file disabled, a choice emitted.

#include "support/SettingsSupport.h"
#include "support/TestSupport.h"

#include "Format.h"
#include "common/RecentDatabases.h"
#include "common/WindowSettings.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>

using namespace boxoffice;

class TestRecentDatabases : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TemporarySettings> m_settings;

    QString file(const QString& name, bool create = true) const
    {
        const QString path = m_settings->path(name);
        if (create) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }
    static QStringList texts(const QMenu& menu)
    {
        QStringList out;
        for (const QAction* a : menu.actions())
            out << a->text();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_settings = std::make_unique<test::TemporarySettings>();
        setUiLanguage(Language::English);
    }

    void init()
    {
        WindowSettings s;
        s.setRecentDatabases({});
        s.sync();
    }

    void mostRecentFirstAtMostEight()
    {
        for (int i = 1; i <= 10; ++i)
            RecentDatabases::add(file(QStringLiteral("db%1.sqlite").arg(i)));
        QStringList expected;
        for (int i = 10; i >= 3; --i)
            expected << file(QStringLiteral("db%1.sqlite").arg(i), false);
        QCOMPARE(RecentDatabases::list(), expected);
        // Opening one again moves it to the front, once.
        RecentDatabases::add(file(QStringLiteral("db5.sqlite"), false));
        QCOMPARE(RecentDatabases::list().size(), RecentDatabases::kMax);
        QCOMPARE(RecentDatabases::list().constFirst(), file(QStringLiteral("db5.sqlite"), false));
        QCOMPARE(RecentDatabases::list().count(file(QStringLiteral("db5.sqlite"), false)), 1);
    }

    void filesByAbsolutePath()
    {
        const QString cwd = QDir::currentPath();
        QVERIFY(QDir::setCurrent(m_settings->path(QString())));
        RecentDatabases::add(QStringLiteral("relative.sqlite"));
        QVERIFY(QDir::setCurrent(cwd));
        QCOMPARE(RecentDatabases::list(), {file(QStringLiteral("relative.sqlite"), false)});
        RecentDatabases::add(QStringLiteral("   "));
        QCOMPARE(RecentDatabases::list().size(), 1);
    }

    void postgresWithoutPassword()
    {
        RecentDatabases::add(QStringLiteral("postgres://clerk:s3cret@db.venue.example:5433/hall"));
        const QStringList kept = RecentDatabases::list();
        QCOMPARE(kept.size(), 1);
        QVERIFY2(!kept.constFirst().contains(QLatin1String("s3cret")), qPrintable(kept.first()));
        QCOMPARE(kept.constFirst(), QStringLiteral("postgres://clerk@db.venue.example:5433/hall"));
        // Without a port, PostgreSQL's, as the open database's name has it.
        QCOMPARE(RecentDatabases::keptLocation(QStringLiteral("postgres://clerk@db/hall")),
                 QStringLiteral("postgres://clerk@db:5432/hall"));
        // Nor anywhere in the file.
        WindowSettings().sync();
        QFile f(QSettings().fileName());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("s3cret"));
        QCOMPARE(RecentDatabases::shortName(kept.constFirst()),
                 QStringLiteral("db.venue.example/hall"));
        QCOMPARE(RecentDatabases::shortName(file(QStringLiteral("x.sqlite"), false)),
                 QStringLiteral("x.sqlite"));
    }

    void damagedListIsCleaned()
    {
        WindowSettings s;
        QStringList stored;
        for (int i = 0; i < 20; ++i)
            stored << file(QStringLiteral("same.sqlite"), false) << QString();
        stored << file(QStringLiteral("other.sqlite"), false);
        s.setRecentDatabases(stored);
        s.sync();
        QCOMPARE(RecentDatabases::list(),
                 QStringList({file(QStringLiteral("same.sqlite"), false),
                              file(QStringLiteral("other.sqlite"), false)}));
    }

    void menuLeavesOutTheOpenOneAndDisablesMissing()
    {
        const QString open = file(QStringLiteral("open.sqlite"));
        const QString there = file(QStringLiteral("there.sqlite"));
        const QString gone = file(QStringLiteral("gone.sqlite"));
        RecentDatabases::add(gone);
        RecentDatabases::add(there);
        RecentDatabases::add(open);
        QVERIFY(QFile::remove(gone));

        RecentDatabasesMenu menu(open);
        const QList<QAction*> actions = menu.actions();
        QCOMPARE(actions.size(), 2);
        QCOMPARE(actions.at(0)->data().toString(), there);
        QVERIFY(actions.at(0)->isEnabled());
        QVERIFY2(actions.at(0)->text().contains(QLatin1String("there.sqlite")),
                 qPrintable(actions.at(0)->text()));
        QCOMPARE(actions.at(1)->data().toString(), gone);
        QVERIFY(!actions.at(1)->isEnabled());
        QVERIFY2(actions.at(1)->toolTip().contains(QLatin1String("no longer there")),
                 qPrintable(actions.at(1)->toolTip()));

        QSignalSpy chosen(&menu, &RecentDatabasesMenu::chosen);
        actions.at(0)->trigger();
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), there);

        // A file that comes back is enabled the next time the menu opens.
        file(QStringLiteral("gone.sqlite"));
        Q_EMIT menu.aboutToShow();
        QVERIFY(menu.actions().at(1)->isEnabled());
    }

    void menuWithNothingElseSaysSo()
    {
        const QString open = file(QStringLiteral("only.sqlite"));
        RecentDatabases::add(open);
        RecentDatabasesMenu menu(open);
        QCOMPARE(menu.actions().size(), 1);
        QVERIFY(!menu.actions().constFirst()->isEnabled());
        QCOMPARE(texts(menu), QStringList{QStringLiteral("No other database opened yet")});
    }
};

QTEST_MAIN(TestRecentDatabases)
#include "tst_recentdatabases.moc"
