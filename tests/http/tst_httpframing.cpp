// Strict framing (design A8) over real sockets: what a lenient server got wrong is now
// refused or answered exactly once. Two Content-Lengths, or Transfer-Encoding beside one or
// other than chunked: 400 and closed; a duplicate JSON key: 400 and nothing charged; a known path
// with another method: 405 with Allow; HEAD: GET's head without the body; Connection: close closes;
// an Upgrade gets one answer; Expect: 100-continue is answered at once.

#include "http/ApiServer.h"
#include "support/TestSupport.h"

#include "RawHttp.h"

#include <QJsonArray>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const QByteArray kHost = "Host: 127.0.0.1\r\n";

} // namespace

class TestHttpFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void ambiguousFramingIsRefused_data();
    void ambiguousFramingIsRefused();
    void chunkedBodyIsRead();
    void http11NeedsOneHost();
    void duplicateJsonKey_data();
    void duplicateJsonKey();
    void otherMethodOnKnownPath_data();
    void otherMethodOnKnownPath();
    void unknownPathIsStill404();
    void headIsGetWithoutBody();
    void connectionCloseCloses();
    void upgradeGetsOneAnswer();
    void expectContinueIsAnsweredAtOnce();
    void expectContinueWithBodyOverTheLimit();
    void pipelinedRequestsAnsweredInOrder();

private:
    qint64 balanceOf(qint64 customer);

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
};

void TestHttpFraming::init()
{
    m_t = std::make_unique<TestEngine>();
    auto front = startFront(**m_t, HttpLimits{});
    QVERIFY2(front, front ? "" : qPrintable(front.error()));
    std::tie(m_api, m_port) = std::move(*front);
}

void TestHttpFraming::cleanup()
{
    m_api.reset();
    m_t.reset();
}

qint64 TestHttpFraming::balanceOf(qint64 customer)
{
    const auto b = m_t->engine->wallet.balance(customer);
    return b ? *b : -1;
}

void TestHttpFraming::ambiguousFramingIsRefused_data()
{
    QTest::addColumn<QByteArray>("framing");
    const QByteArray chunked = "\r\nf\r\n{\"amount\":1000}\r\n0\r\n\r\n";
    QTest::newRow("two Content-Lengths")
        << QByteArray("Content-Length: 2\r\nContent-Length: 15\r\n\r\n{\"amount\":1000}");
    QTest::newRow("two equal Content-Lengths")
        << QByteArray("Content-Length: 15\r\nContent-Length: 15\r\n\r\n{\"amount\":1000}");
    QTest::newRow("Transfer-Encoding beside Content-Length")
        << "Transfer-Encoding: chunked\r\nContent-Length: 15\r\n" + chunked;
    QTest::newRow("Transfer-Encoding gzip") << "Transfer-Encoding: gzip\r\n" + chunked;
    QTest::newRow("Transfer-Encoding gzip, chunked")
        << "Transfer-Encoding: gzip, chunked\r\n" + chunked;
    QTest::newRow("Transfer-Encoding twice")
        << "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n" + chunked;
}

// A proxy in front might frame the body another way: none of these is believed, the request is
// refused before its body is read, and the connection closes.
void TestHttpFraming::ambiguousFramingIsRefused()
{
    QFETCH(QByteArray, framing);
    RawClient c(m_port);
    QVERIFY(c.send("POST /api/v1/users/1/balance/charge HTTP/1.1\r\n" + kHost + framing));
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 400);
    QCOMPARE(a.code(), QStringLiteral("BAD_REQUEST"));
    QTRY_VERIFY(c.closedByPeer());
    QCOMPARE(balanceOf(1), 0);
}

void TestHttpFraming::chunkedBodyIsRead()
{
    RawClient c(m_port);
    QVERIFY(c.send("POST /api/v1/users/1/balance/charge HTTP/1.1\r\n" + kHost +
                   "Transfer-Encoding: chunked\r\n\r\nf\r\n{\"amount\":1000}\r\n0\r\n\r\n"));
    QCOMPARE(c.read().status, 200);
    QCOMPARE(balanceOf(1), 1000);
}

void TestHttpFraming::http11NeedsOneHost()
{
    for (const QByteArray& hosts : {QByteArray(), kHost + kHost}) {
        RawClient c(m_port);
        QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\n" + hosts + "\r\n"));
        const RawAnswer a = c.read();
        QCOMPARE(a.status, 400);
        QCOMPARE(a.code(), QStringLiteral("BAD_REQUEST"));
    }
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.0\r\n\r\n")); // 1.0 had no Host
    QCOMPARE(c.read().status, 200);
}

void TestHttpFraming::duplicateJsonKey_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("top level") << QByteArray(R"({"amount":1,"amount":999999})");
    QTest::newRow("escaped the second time") << QByteArray(R"({"amount":1,"\u0061mount":999999})");
    QTest::newRow("in a nested object")
        << QByteArray(R"({"amount":1000,"note":{"by":"a","by":"b"}})");
    QTest::newRow("in an object in an array")
        << QByteArray(R"({"amount":1000,"list":[{"x":1},{"y":1,"y":2}]})");
}

// QJsonDocument keeps one of two equal keys: {"amount":1,"amount":999999} charged 999,999.
void TestHttpFraming::duplicateJsonKey()
{
    QFETCH(QByteArray, body);
    RawClient c(m_port);
    QVERIFY(c.send("POST /api/v1/users/1/balance/charge HTTP/1.1\r\n" + kHost +
                   "Accept-Language: en\r\nContent-Length: " + QByteArray::number(body.size()) +
                   "\r\n\r\n" + body));
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 400);
    QCOMPARE(a.code(), QStringLiteral("BAD_REQUEST"));
    QVERIFY(a.json().value(QStringLiteral("message")).toString().contains(QLatin1String("twice")));
    QCOMPARE(balanceOf(1), 0);
    // The same key in two different objects is no duplicate.
    const QByteArray fine = R"({"amount":1000,"a":{"x":1},"b":{"x":2}})";
    QVERIFY(c.send("POST /api/v1/users/1/balance/charge HTTP/1.1\r\n" + kHost +
                   "Content-Length: " + QByteArray::number(fine.size()) + "\r\n\r\n" + fine));
    QCOMPARE(c.read().status, 200);
    QCOMPARE(balanceOf(1), 1000);
}

void TestHttpFraming::otherMethodOnKnownPath_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("DELETE concerts")
        << QByteArray("DELETE") << QByteArray("/api/v1/concerts") << QByteArray("GET, HEAD");
    QTest::newRow("POST the poll")
        << QByteArray("POST") << QByteArray("/api/v1/queue/tokens/current")
        << QByteArray("GET, HEAD");
    QTest::newRow("GET payments") << QByteArray("GET") << QByteArray("/api/v1/payments")
                                  << QByteArray("POST");
    QTest::newRow("PUT a balance")
        << QByteArray("PUT") << QByteArray("/api/v1/users/7/balance") << QByteArray("GET, HEAD");
    QTest::newRow("unknown method")
        << QByteArray("BREW") << QByteArray("/api/v1/reservations") << QByteArray("POST");
}

void TestHttpFraming::otherMethodOnKnownPath()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, allow);
    RawClient c(m_port);
    QVERIFY(c.send(method + ' ' + path + " HTTP/1.1\r\n" + kHost + "Content-Length: 0\r\n\r\n"));
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 405);
    QCOMPARE(a.header("Allow"), allow);
    QCOMPARE(a.code(), QStringLiteral("METHOD_NOT_ALLOWED"));
    QVERIFY(!a.json().value(QStringLiteral("message")).toString().isEmpty());
}

void TestHttpFraming::unknownPathIsStill404()
{
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("PUT"), QByteArray("BREW")}) {
        RawClient c(m_port);
        QVERIFY(c.send(method + " /api/v1/nowhere HTTP/1.1\r\n" + kHost + "\r\n"));
        const RawAnswer a = c.read();
        QCOMPARE(a.status, 404);
        QCOMPARE(a.code(), QStringLiteral("NOT_FOUND"));
        QVERIFY(a.header("Allow").isEmpty());
    }
}

void TestHttpFraming::headIsGetWithoutBody()
{
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\n" + kHost + "\r\n"));
    const RawAnswer get = c.read();
    QCOMPARE(get.status, 200);
    QVERIFY(!get.body.isEmpty());
    QVERIFY(c.send("HEAD /api/v1/concerts HTTP/1.1\r\n" + kHost + "\r\n"));
    const RawAnswer head = c.read(5000, true);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Type"), get.header("Content-Type"));
    QCOMPARE(head.header("Content-Length").toLongLong(), get.body.size());
    // No body followed: the next answer on the connection starts right away.
    QVERIFY(c.send("GET /api/v1/users/1/balance HTTP/1.1\r\n" + kHost + "\r\n"));
    const RawAnswer next = c.read();
    QCOMPARE(next.status, 200);
    QCOMPARE(next.json().value(QStringLiteral("userId")).toInteger(), 1);
    QVERIFY(c.pending().isEmpty());
}

void TestHttpFraming::connectionCloseCloses()
{
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\n" + kHost + "Connection: close\r\n\r\n"));
    QCOMPARE(c.read().status, 200);
    QTRY_VERIFY(c.closedByPeer());
    QVERIFY(c.pending().isEmpty());
}

// Qt's server answered an Upgrade twice. Now one answer, and the connection stays a plain
// HTTP/1.1 connection (no upgrade is offered).
void TestHttpFraming::upgradeGetsOneAnswer()
{
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\n" + kHost +
                   "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                   "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"));
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 200);
    QVERIFY(a.json().contains(QStringLiteral("concerts")));
    QVERIFY(c.send("GET /api/v1/users/2/balance HTTP/1.1\r\n" + kHost + "\r\n"));
    const RawAnswer next = c.read();
    QCOMPARE(next.status, 200);
    QCOMPARE(next.json().value(QStringLiteral("userId")).toInteger(), 2);
    QVERIFY(!c.closedByPeer());
    QVERIFY2(c.pending().isEmpty(), c.pending().constData());
}

// Qt's server made such a client wait a second before it sent its body.
void TestHttpFraming::expectContinueIsAnsweredAtOnce()
{
    RawClient c(m_port);
    const QByteArray body = R"({"amount":1000})";
    QElapsedTimer t;
    t.start();
    QVERIFY(c.send("POST /api/v1/users/1/balance/charge HTTP/1.1\r\n" + kHost +
                   "Expect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size()) +
                   "\r\n\r\n"));
    const RawAnswer go = c.read(5000, false, true);
    QCOMPARE(go.status, 100);
    QVERIFY2(t.elapsed() < 500, qPrintable(QString::number(t.elapsed())));
    QVERIFY(c.send(body));
    QCOMPARE(c.read().status, 200);
    QCOMPARE(balanceOf(1), 1000);
}

// Refused from the head: no 100 Continue, so the client never sends the body.
void TestHttpFraming::expectContinueWithBodyOverTheLimit()
{
    RawClient c(m_port);
    QVERIFY(c.send("POST /api/v1/users/1/balance/charge HTTP/1.1\r\n" + kHost +
                   "Expect: 100-continue\r\nContent-Length: 104857600\r\n\r\n"));
    const RawAnswer a = c.read(5000, false, true);
    QCOMPARE(a.status, 413);
    QTRY_VERIFY(c.closedByPeer());
}

void TestHttpFraming::pipelinedRequestsAnsweredInOrder()
{
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/users/3/balance HTTP/1.1\r\n" + kHost +
                   "\r\nGET /api/v1/users/4/balance HTTP/1.1\r\n" + kHost + "\r\n"));
    QCOMPARE(c.read().json().value(QStringLiteral("userId")).toInteger(), 3);
    QCOMPARE(c.read().json().value(QStringLiteral("userId")).toInteger(), 4);
}

QTEST_GUILESS_MAIN(TestHttpFraming)
#include "tst_httpframing.moc"
