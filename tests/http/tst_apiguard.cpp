// The guarded API: clients on other machines need the key, loopback clients do not, refusals
// are 401 and logged, and the key itself is never logged. Staff routes (design §9) need it from
// everyone. A key file other users can read is refused, as ssh refuses such a key.

#include "support/TestSupport.h"

#include "CommandLine.h"
#include "Launcher.h"
#include "http/ApiServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>

#include <sys/stat.h>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const QByteArray kKey = "correct-horse-battery-staple-42";
QStringList g_log;

void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_log << message;
}

ApiRequest fromOutside(const QByteArray& key)
{
    ApiRequest r;
    r.remote = QHostAddress(QStringLiteral("192.0.2.10"));
    r.apiKey = key;
    r.acceptLanguage = "en";
    return r;
}

} // namespace

class TestApiGuard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outsidersNeedTheKey_data()
    {
        QTest::addColumn<QByteArray>("given");
        QTest::addColumn<QString>("code");
        QTest::newRow("none") << QByteArray() << QStringLiteral("API_KEY_MISSING");
        QTest::newRow("wrong") << QByteArray("not-the-key-at-all-0000")
                               << QStringLiteral("API_KEY_INVALID");
        QTest::newRow("prefix") << kKey.left(kKey.size() - 1) << QStringLiteral("API_KEY_INVALID");
        QTest::newRow("longer") << kKey + "x" << QStringLiteral("API_KEY_INVALID");
        QTest::newRow("right") << kKey << QString();
    }

    void outsidersNeedTheKey()
    {
        QFETCH(QByteArray, given);
        QFETCH(QString, code);
        TestEngine engine;
        ApiServer api(*engine);
        api.setApiKey(kKey);
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureLog);
        const auto refused = api.guard(fromOutside(given), "GET /api/v1/concerts");
        qInstallMessageHandler(previous);
        if (code.isEmpty()) {
            QVERIFY(!refused);
            QVERIFY(g_log.isEmpty());
            return;
        }
        QVERIFY(refused);
        QCOMPARE(refused->status, 401);
        QCOMPARE(refused->body.value(QStringLiteral("code")).toString(), code);
        // Logged, with who and what, but never the key (neither the right one nor the given one).
        QCOMPARE(g_log.size(), 1);
        QVERIFY(g_log.first().contains(QLatin1String("192.0.2.10")));
        QVERIFY(g_log.first().contains(QLatin1String("/api/v1/concerts")));
        QVERIFY(!g_log.first().contains(QString::fromLatin1(kKey.left(8))));
        if (!given.isEmpty())
            QVERIFY(!g_log.first().contains(QString::fromLatin1(given.left(8))));
    }

    void loopbackNeedsNoKey()
    {
        TestEngine engine;
        ApiServer api(*engine);
        api.setApiKey(kKey);
        ApiRequest local = fromOutside({});
        local.remote = QHostAddress(QHostAddress::LocalHost);
        QVERIFY(!api.guard(local, "GET /"));
        local.remote = QHostAddress(QHostAddress::LocalHostIPv6);
        QVERIFY(!api.guard(local, "GET /"));

        // And over a real socket.
        const auto port = api.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        QNetworkAccessManager net;
        QNetworkReply* reply = net.get(QNetworkRequest(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/concerts").arg(*port))));
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    void withoutAKeyEveryoneMayCome()
    {
        TestEngine engine;
        ApiServer api(*engine);
        QVERIFY(!api.guard(fromOutside({}), "GET /"));
    }

    void nonLoopbackListenNeedsAKeyFile()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("g.sqlite"));
        QProcess p;
        p.start(QStringLiteral(BOXOFFICE_BIN),
                {QStringLiteral("--serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                 QStringLiteral("--database"), db});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        QVERIFY2(err.contains(QLatin1String("--api-key-file")), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 0);
        QVERIFY(!QFile::exists(db)); // refused before anything was touched
    }

    void keyFileIsChecked()
    {
        AppOptions o;
        o.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
        o.listenHost = QStringLiteral("0.0.0.0");
        QTemporaryFile shortKey;
        QVERIFY(shortKey.open());
        shortKey.write("short\n");
        shortKey.close();
        o.apiKeyFile = shortKey.fileName();
        QVERIFY(!loadApiKey(o));
        QVERIFY(loadApiKey(o).error().contains(QLatin1String("16")));
        o.apiKeyFile = QStringLiteral("/nonexistent/key");
        QVERIFY(!loadApiKey(o));
        QTemporaryFile good;
        QVERIFY(good.open());
        good.write(kKey + "\n");
        good.close();
        o.apiKeyFile = good.fileName();
        QCOMPARE(*loadApiKey(o), kKey); // trimmed
        o.apiKeyFile.clear();
        o.listenAddress = QHostAddress(QHostAddress::LocalHost);
        QVERIFY(loadApiKey(o));
        QVERIFY(loadApiKey(o)->isEmpty()); // loopback: no key needed
    }

    void keyFileOthersCanReachIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400") << 0400 << true;
        QTest::newRow("0644") << 0644 << false;
        QTest::newRow("0640") << 0640 << false;
        QTest::newRow("0604") << 0604 << false;
        QTest::newRow("0620") << 0620 << false;
    }

    void keyFileOthersCanReachIsRefused()
    {
        QFETCH(int, mode);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        const QString keyFile = dir.filePath(QStringLiteral("api.key"));
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kKey + "\n");
        f.close();
        QCOMPARE(::chmod(QFile::encodeName(keyFile).constData(), mode_t(mode)), 0);
        AppOptions o;
        o.listenAddress = QHostAddress(QHostAddress::AnyIPv4);
        o.listenHost = QStringLiteral("0.0.0.0");
        o.apiKeyFile = keyFile;
        const auto key = loadApiKey(o);
        QCOMPARE(key.has_value(), accepted);
        if (accepted)
            return;
        QVERIFY2(key.error().contains(QStringLiteral("chmod 600 ") + keyFile),
                 qPrintable(key.error()));
        QVERIFY2(key.error().contains(QString::number(mode, 8)), qPrintable(key.error()));

        // And at start: exit 2, one line, nothing touched.
        const QString db = dir.filePath(QStringLiteral("g.sqlite"));
        QProcess p;
        p.start(QStringLiteral(BOXOFFICE_BIN),
                {QStringLiteral("--serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                 QStringLiteral("--api-key-file"), keyFile, QStringLiteral("--database"), db});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        QVERIFY2(err.contains(QStringLiteral("chmod 600")), qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 0);
        QVERIFY(!QFile::exists(db));
    }

    // Staff routes take the key from every address, loopback included, and are off without one.
    void staffNeedTheKeyEverywhere()
    {
        TestEngine engine;
        ApiServer api(*engine);
        ApiRequest local = fromOutside({});
        local.remote = QHostAddress(QHostAddress::LocalHost);
        const auto off = api.admit(local, RouteAccess::Staff, "POST /api/v1/refunds");
        QVERIFY(off);
        QCOMPARE(off->status, 403);
        QCOMPARE(off->body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("STAFF_API_DISABLED"));
        QVERIFY(!api.admit(local, RouteAccess::Customer, "GET /api/v1/concerts"));

        api.setApiKey(kKey);
        const auto missing = api.admit(local, RouteAccess::Staff, "POST /api/v1/refunds");
        QVERIFY(missing);
        QCOMPARE(missing->status, 401);
        QCOMPARE(missing->body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("API_KEY_MISSING"));
        local.apiKey = "not-the-key-at-all-0000";
        QCOMPARE(api.admit(local, RouteAccess::Staff, "POST /api/v1/refunds")
                     ->body.value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("API_KEY_INVALID"));
        local.apiKey = kKey;
        QVERIFY(!api.admit(local, RouteAccess::Staff, "POST /api/v1/refunds"));
        ApiRequest outside = fromOutside(kKey);
        QVERIFY(!api.admit(outside, RouteAccess::Staff, "POST /api/v1/refunds"));
        outside.apiKey.clear();
        QVERIFY(api.admit(outside, RouteAccess::Staff, "POST /api/v1/refunds"));
    }

    // One check per request, before routing: an outsider without the key learns nothing, not
    // even whether a path exists; the refusal is logged once.
    void guardComesFirstAndOnce()
    {
        TestEngine engine;
        ApiServer api(*engine);
        api.setApiKey(kKey);
        for (const char* path : {"/api/v1/concerts", "/api/v1/nowhere"}) {
            ApiRequest r = fromOutside({});
            r.method = "DELETE";
            r.path = QString::fromLatin1(path);
            g_log.clear();
            const QtMessageHandler previous = qInstallMessageHandler(captureLog);
            const ApiResponse a = api.handle(r);
            qInstallMessageHandler(previous);
            QCOMPARE(a.status, 401);
            QCOMPARE(a.body.value(QStringLiteral("code")).toString(),
                     QStringLiteral("API_KEY_MISSING"));
            QCOMPARE(g_log.size(), 1);
            QVERIFY(g_log.first().contains(QLatin1String(path)));
        }
    }
};

QTEST_MAIN(TestApiGuard)
#include "tst_apiguard.moc"
