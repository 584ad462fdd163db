// relaunchArguments(): the command line that starts Box Office again on another database keeps
// every other option and replaces --database in each spelling the parser accepts; the result
// still parses, to the same options but the database.

#include "support/TestSupport.h"

#include "CommandLine.h"
#include "Relaunch.h"

using namespace boxoffice;

class TestRelaunch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesDatabase_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        const QString db = QStringLiteral("/tmp/new.sqlite");
        QTest::newRow("none") << QStringList{QStringLiteral("--lang"), QStringLiteral("en")}
                              << QStringList{QStringLiteral("--lang"), QStringLiteral("en"),
                                             QStringLiteral("--database"), db};
        QTest::newRow("separate") << QStringList{QStringLiteral("--database"),
                                                 QStringLiteral("/old.sqlite"),
                                                 QStringLiteral("--hold-seconds"),
                                                 QStringLiteral("60")}
                                  << QStringList{QStringLiteral("--hold-seconds"),
                                                 QStringLiteral("60"), QStringLiteral("--database"),
                                                 db};
        QTest::newRow("equals") << QStringList{QStringLiteral("--database=postgres://a@h/d"),
                                               QStringLiteral("--demo")}
                                << QStringList{QStringLiteral("--demo"),
                                               QStringLiteral("--database"), db};
        QTest::newRow("single dash")
            << QStringList{QStringLiteral("-database"), QStringLiteral("/old.sqlite"),
                           QStringLiteral("-database=/older.sqlite")}
            << QStringList{QStringLiteral("--database"), db};
        // A value that looks like the option is a value, not the option.
        QTest::newRow("value named database")
            << QStringList{QStringLiteral("--api-key-file"), QStringLiteral("database")}
            << QStringList{QStringLiteral("--api-key-file"), QStringLiteral("database"),
                           QStringLiteral("--database"), db};
    }

    void replacesDatabase()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QCOMPARE(relaunchArguments(arguments, QStringLiteral("/tmp/new.sqlite")), expected);
    }

    void stillParses()
    {
        const QStringList before{
            QStringLiteral("boxoffice"),   QStringLiteral("--database=/old.sqlite"),
            QStringLiteral("--lang"),      QStringLiteral("ko"),
            QStringLiteral("--max-holds"), QStringLiteral("6")};
        const auto old = parseCommandLine(before);
        QVERIFY(old);
        const auto again = parseCommandLine(
            QStringList{QStringLiteral("boxoffice")} +
            relaunchArguments(before.mid(1), QStringLiteral("postgres://clerk@db/venue")));
        QVERIFY2(again, qPrintable(again.error()));
        QCOMPARE(again->database, QStringLiteral("postgres://clerk@db/venue"));
        QCOMPARE(again->lang, old->lang);
        QCOMPARE(again->settings.maxHolds, old->settings.maxHolds);
    }
};

QTEST_GUILESS_MAIN(TestRelaunch)
#include "tst_relaunch.moc"
