// The guarded API (issue 4 §6): clients on other machines need the key, loopback clients do
// not, refusals are 401 and logged, and the key itself is never logged.

#include "support/TestSupport.h"

#include "CommandLine.h"
#include "Launcher.h"
#include "http/ApiServer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>

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
};

QTEST_MAIN(TestApiGuard)
#include "tst_apiguard.moc"
