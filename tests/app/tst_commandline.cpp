// The command line of design §3: parseCommandLine() directly, and the boxoffice executable's
// answers to invalid options (one line on stderr naming the option, exit code 2, nothing
// touched).

#include "BoxofficeProcess.h"
#include "CommandLine.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace boxoffice;

namespace {

QStringList argv(const QStringList& options)
{
    return QStringList{QStringLiteral("boxoffice")} + options;
}

using Run = boxoffice::test::BoxofficeRun;
using boxoffice::test::runBoxoffice;

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void parsedValues();
    void listenForms_data();
    void listenForms();
    void invalidParsed_data() { invalidRows(); }
    void invalidParsed();
    void invalidExitsWithCode2_data() { invalidRows(); }
    void invalidExitsWithCode2();
    void helpExitsZero();
    void versionExitsZero();
    void checkShowsNoDriverText();

private:
    static void invalidRows();
};

void TestCommandLine::defaults()
{
    const auto o = parseCommandLine(argv({}));
    QVERIFY2(o.has_value(), o ? "" : qPrintable(o.error()));
    QCOMPARE(o->settings.activateEverySeconds, 10);
    QCOMPARE(o->settings.activateCount, 50);
    QCOMPARE(o->settings.holdSeconds, 300);
    QCOMPARE(o->settings.activeSeconds, 600);
    QCOMPARE(o->settings.idleSeconds, 300);
    QCOMPARE(o->settings.maxHolds, 4);
    QCOMPARE(o->settings.refundFeePercent, 0);
    QCOMPARE(o->listenAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(o->listenPort, quint16(8080));
    QVERIFY(o->database.isEmpty());
    QVERIFY(!o->serve);
    QVERIFY(!o->check);
    QVERIFY(!o->kiosk);
    QVERIFY(!o->demo);
    QVERIFY(o->lang.isEmpty());
    QVERIFY(!o->showHelp);
    QVERIFY(!o->showVersion);
    QCOMPARE(o->http.threads, 0); // one per core
    QVERIFY(o->http.threadCount() >= 1);
    QCOMPARE(o->http.maxConnections, 1000);
    QVERIFY(defaultDatabasePath().endsWith(QLatin1String("boxoffice.sqlite")));
}

void TestCommandLine::parsedValues()
{
    const auto o = parseCommandLine(argv({
        QStringLiteral("--serve"),
        QStringLiteral("--database"),
        QStringLiteral("/tmp/somewhere/box.sqlite"),
        QStringLiteral("--listen"),
        QStringLiteral("0.0.0.0:9090"),
        QStringLiteral("--activate-every"),
        QStringLiteral("2"),
        QStringLiteral("--activate-count"),
        QStringLiteral("7"),
        QStringLiteral("--hold-seconds=30"),
        QStringLiteral("--active-seconds"),
        QStringLiteral("60"),
        QStringLiteral("--idle-seconds"),
        QStringLiteral("45"),
        QStringLiteral("--max-holds"),
        QStringLiteral("2"),
        QStringLiteral("--lang"),
        QStringLiteral("EN"),
        QStringLiteral("--demo"),
        QStringLiteral("--http-threads"),
        QStringLiteral("3"),
        QStringLiteral("--http-max-connections=50"),
        QStringLiteral("--refund-fee-percent"),
        QStringLiteral("15"),
    }));
    QVERIFY2(o.has_value(), o ? "" : qPrintable(o.error()));
    QVERIFY(o->serve);
    QVERIFY(o->demo);
    QCOMPARE(o->database, QStringLiteral("/tmp/somewhere/box.sqlite"));
    QCOMPARE(o->listenAddress, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(o->listenPort, quint16(9090));
    QCOMPARE(o->settings.activateEverySeconds, 2);
    QCOMPARE(o->settings.activateCount, 7);
    QCOMPARE(o->settings.holdSeconds, 30);
    QCOMPARE(o->settings.activeSeconds, 60);
    QCOMPARE(o->settings.idleSeconds, 45);
    QCOMPARE(o->settings.maxHolds, 2);
    QCOMPARE(o->settings.refundFeePercent, 15);
    QCOMPARE(o->lang, QStringLiteral("en"));
    QCOMPARE(o->http.threads, 3);
    QCOMPARE(o->http.threadCount(), 3);
    QCOMPARE(o->http.maxConnections, 50);

    const auto kiosk = parseCommandLine(
        argv({QStringLiteral("--kiosk"), QStringLiteral("--lang"), QStringLiteral("ko")}));
    QVERIFY2(kiosk.has_value(), kiosk ? "" : qPrintable(kiosk.error()));
    QVERIFY(kiosk->kiosk);
    QVERIFY(!kiosk->serve);
    QCOMPARE(kiosk->lang, QStringLiteral("ko"));

    const auto check =
        parseCommandLine(argv({QStringLiteral("--check"), QStringLiteral("--database"),
                               QStringLiteral("postgres://box:secret@db.example:5432/boxoffice")}));
    QVERIFY2(check.has_value(), check ? "" : qPrintable(check.error()));
    QVERIFY(check->check);
    QCOMPARE(check->database, QStringLiteral("postgres://box:secret@db.example:5432/boxoffice"));

    const auto help = parseCommandLine(argv({QStringLiteral("--help")}));
    QVERIFY(help.has_value());
    QVERIFY(help->showHelp);
}

void TestCommandLine::listenForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QHostAddress>("address");
    QTest::addColumn<int>("port");
    QTest::newRow("loopback, any port")
        << "127.0.0.1:0" << QHostAddress(QHostAddress::LocalHost) << 0;
    QTest::newRow("localhost") << "localhost:8081" << QHostAddress(QHostAddress::LocalHost) << 8081;
    QTest::newRow("every interface") << "*:80" << QHostAddress(QHostAddress::AnyIPv4) << 80;
    QTest::newRow("IPv6 loopback")
        << "[::1]:8080" << QHostAddress(QHostAddress::LocalHostIPv6) << 8080;
    QTest::newRow("highest port") << "10.1.2.3:65535" << QHostAddress(QStringLiteral("10.1.2.3"))
                                  << 65535;
}

void TestCommandLine::listenForms()
{
    QFETCH(QString, text);
    QFETCH(QHostAddress, address);
    QFETCH(int, port);
    const auto o = parseCommandLine(argv({QStringLiteral("--listen"), text}));
    QVERIFY2(o.has_value(), o ? "" : qPrintable(o.error()));
    QCOMPARE(o->listenAddress, address);
    QCOMPARE(int(o->listenPort), port);
}

void TestCommandLine::invalidRows()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("named"); // what the error line must name

    QTest::newRow("--hold-seconds abc")
        << QStringList{"--hold-seconds", "abc"} << QStringLiteral("hold-seconds");
    QTest::newRow("--hold-seconds 0")
        << QStringList{"--hold-seconds", "0"} << QStringLiteral("hold-seconds");
    QTest::newRow("--hold-seconds 2.5")
        << QStringList{"--hold-seconds", "2.5"} << QStringLiteral("hold-seconds");
    QTest::newRow("--hold-seconds without value")
        << QStringList{"--hold-seconds"} << QStringLiteral("hold-seconds");
    QTest::newRow("--active-seconds -5")
        << QStringList{"--active-seconds", "-5"} << QStringLiteral("active-seconds");
    QTest::newRow("--idle-seconds 99999999999")
        << QStringList{"--idle-seconds", "99999999999"} << QStringLiteral("idle-seconds");
    QTest::newRow("--activate-every 0")
        << QStringList{"--activate-every", "0"} << QStringLiteral("activate-every");
    QTest::newRow("--activate-count -1")
        << QStringList{"--activate-count", "-1"} << QStringLiteral("activate-count");
    QTest::newRow("--max-holds x")
        << QStringList{"--max-holds", "x"} << QStringLiteral("max-holds");
    QTest::newRow("--refund-fee-percent -1")
        << QStringList{"--refund-fee-percent", "-1"} << QStringLiteral("refund-fee-percent");
    QTest::newRow("--refund-fee-percent 101")
        << QStringList{"--refund-fee-percent", "101"} << QStringLiteral("refund-fee-percent");
    QTest::newRow("--refund-fee-percent 2.5")
        << QStringList{"--refund-fee-percent", "2.5"} << QStringLiteral("refund-fee-percent");
    QTest::newRow("--refund-fee-percent ten")
        << QStringList{"--refund-fee-percent", "ten"} << QStringLiteral("0 to 100");
    QTest::newRow("--listen nonsense")
        << QStringList{"--listen", "nonsense"} << QStringLiteral("listen");
    QTest::newRow("--listen no port")
        << QStringList{"--listen", "127.0.0.1"} << QStringLiteral("listen");
    QTest::newRow("--listen port 70000")
        << QStringList{"--listen", "127.0.0.1:70000"} << QStringLiteral("listen");
    QTest::newRow("--listen bad host")
        << QStringList{"--listen", "999.1.1.1:80"} << QStringLiteral("listen");
    QTest::newRow("--http-threads 0")
        << QStringList{"--http-threads", "0"} << QStringLiteral("http-threads");
    QTest::newRow("--http-threads many")
        << QStringList{"--http-threads", "257"} << QStringLiteral("http-threads");
    QTest::newRow("--http-max-connections 0")
        << QStringList{"--http-max-connections", "0"} << QStringLiteral("http-max-connections");
    QTest::newRow("--http-max-connections x")
        << QStringList{"--http-max-connections", "x"} << QStringLiteral("http-max-connections");
    QTest::newRow("--lang fr") << QStringList{"--lang", "fr"} << QStringLiteral("lang");
    QTest::newRow("--unknown") << QStringList{"--unknown"} << QStringLiteral("unknown");
    QTest::newRow("positional argument")
        << QStringList{"stray.sqlite"} << QStringLiteral("stray.sqlite");
    QTest::newRow("--kiosk with --serve")
        << QStringList{"--kiosk", "--serve"} << QStringLiteral("kiosk");
}

void TestCommandLine::invalidParsed()
{
    QFETCH(QStringList, options);
    QFETCH(QString, named);
    const auto o = parseCommandLine(argv(options));
    QVERIFY2(!o.has_value(), "the options were accepted");
    QVERIFY2(o.error().contains(named), qPrintable(o.error()));
    QVERIFY2(!o.error().trimmed().contains(QLatin1Char('\n')), qPrintable(o.error()));
}

void TestCommandLine::invalidExitsWithCode2()
{
    QFETCH(QStringList, options);
    QFETCH(QString, named);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("box.sqlite"));

    const Run r = runBoxoffice(QStringList{QStringLiteral("--database"), database} + options);
    QVERIFY2(!r.crashed, r.err.constData());
    QCOMPARE(r.exitCode, 2);
    const QString err = QString::fromLocal8Bit(r.err).trimmed();
    QVERIFY2(!err.isEmpty(), "nothing on stderr");
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err)); // one line
    QVERIFY2(err.contains(named), qPrintable(err));
    QVERIFY2(r.out.isEmpty(), r.out.constData());
    // Nothing touched: no database, no journal, nothing at all in the folder.
    QVERIFY(!QFile::exists(database));
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void TestCommandLine::helpExitsZero()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("box.sqlite"));
    const Run r = runBoxoffice({QStringLiteral("--help"), QStringLiteral("--database"), database});
    QVERIFY2(!r.crashed, r.err.constData());
    QCOMPARE(r.exitCode, 0);
    for (const char* option :
         {"--database", "--serve", "--listen", "--activate-every", "--activate-count",
          "--hold-seconds", "--active-seconds", "--idle-seconds", "--lang", "--kiosk", "--demo",
          "--http-threads", "--http-max-connections"}) {
        QVERIFY2(r.out.contains(option), option);
    }
    QVERIFY(!QFile::exists(database));
}

void TestCommandLine::versionExitsZero()
{
    const Run r = runBoxoffice({QStringLiteral("--version")});
    QVERIFY2(!r.crashed, r.err.constData());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("boxoffice "), r.out.constData());
}

// What --check prints is for people: what is wrong and where. The driver's own words (SQLite's
// "file is not a database") go to the log on stderr, not into the answer.
void TestCommandLine::checkShowsNoDriverText()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString database = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(database);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    const Run r = runBoxoffice({QStringLiteral("--check"), QStringLiteral("--database"), database});
    QVERIFY2(!r.crashed, r.err.constData());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains("not a Box Office database"), r.out.constData());
    QVERIFY2(r.out.contains(database.toUtf8()), r.out.constData());
    QVERIFY2(!r.out.contains("file is not a database"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
