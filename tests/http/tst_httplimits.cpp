// The limits of design A8, tried over real sockets the way a hostile client would: bodies and
// headers past the limits, requests that never complete, connections that never send, more
// connections than allowed. Each time the server answers or closes as A8 says, a normal client
// polling meanwhile is answered (median within 50 ms), and the process's memory stays within
// 100 MB of what it was. The deadlines are real network time: the server here gets short ones
// (HttpLimits), and the tests wait for the socket with QTRY.

#include "http/ApiServer.h"
#include "support/TestSupport.h"

#include "RawHttp.h"

#include <QTimer>

#include <memory>
#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kMemoryAllowance = 100 * kMiB;
constexpr double kNormalMs = 50;
constexpr int kRequestTimeoutMs = 600;
constexpr int kIdleTimeoutMs = 1200;

HttpLimits shortLimits()
{
    HttpLimits limits;
    limits.threads = 2;
    limits.requestTimeoutMs = kRequestTimeoutMs;
    limits.idleTimeoutMs = kIdleTimeoutMs;
    return limits;
}

QByteArray chargeHead(const QByteArray& framing)
{
    return "POST /api/v1/users/1/balance/charge HTTP/1.1\r\nHost: 127.0.0.1\r\n"
           "Content-Type: application/json\r\nAccept-Language: en\r\n" +
           framing + "\r\n";
}

// A charge of 1,000 won padded with spaces to `size` bytes: what a server that read it all
// would charge.
QByteArray paddedCharge(qsizetype size)
{
    QByteArray body = R"({"amount":1000})";
    return body + QByteArray(size - body.size(), ' ');
}

// What a probe watches while it runs: a normal client's polls, and the process's memory.
struct Meanwhile
{
    Meanwhile(quint16 port, const QByteArray& target, const QByteArray& bearer)
        : before(residentBytes()), normal(port, target, bearer)
    {}
    const qint64 before;
    PeakMemory memory;
    NormalClient normal;
};

} // namespace

class TestHttpLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void bodyOverTheLimitIsRefusedUnread();
    void hugeDeclaredBodyStreamedSlowly();
    void eightHugeBodiesAtOnce();
    void streamedBodyOverTheLimit();
    void bodyAtTheLimitIsRead();
    void headersOverTheLimit();
    void headerBeyondTheLibrarysMemory();
    void longHeaderNoLongerHidesTheOthers();
    void shortBodyIsNotWaitedForForever();
    void tricklingHeadersAreClosedAtTheDeadline();
    void tricklingRequestLineIsClosedToo();
    void idleConnectionsAreClosed();
    void keptAliveConnectionIsClosedWhenIdle();
    void beyondMaxConnections();

private:
    void start(HttpLimits limits);
    qint64 balanceOf(qint64 customer);
    // Checks what a normal client saw and what memory did meanwhile.
    void judgeMeanwhile(Meanwhile& m);

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    QByteArray m_poll;   // the poll's target
    QByteArray m_bearer; // a WAITING token's Authorization
};

void TestHttpLimits::init()
{
    m_t = std::make_unique<TestEngine>();
    const auto ticket = m_t->engine->queue.enter(1, 1);
    QVERIFY_RESULT(ticket);
    m_bearer = "Bearer " + ticket->token.toLatin1();
    m_poll = "/api/v1/queue/tokens/current";
    start(shortLimits());
}

void TestHttpLimits::cleanup()
{
    m_api.reset();
    m_t.reset();
}

void TestHttpLimits::start(HttpLimits limits)
{
    m_api.reset();
    auto front = startFront(**m_t, limits);
    QVERIFY2(front, front ? "" : qPrintable(front.error()));
    std::tie(m_api, m_port) = std::move(*front);
    QCOMPARE(timedGet(m_port, m_poll, m_bearer).status, 200);
}

qint64 TestHttpLimits::balanceOf(qint64 customer)
{
    const auto b = m_t->engine->wallet.balance(customer);
    return b ? *b : -1;
}

void TestHttpLimits::judgeMeanwhile(Meanwhile& m)
{
    const QString verdict = judge(m.normal.stop(), 200, kNormalMs);
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
    const qint64 grown = m.memory.peak() - m.before;
    QVERIFY2(grown < kMemoryAllowance,
             qPrintable(QStringLiteral("memory grew by %1 MiB").arg(grown / kMiB)));
}

// A 100 MB charge: answered 413 from its head, never read, never charged.
void TestHttpLimits::bodyOverTheLimitIsRefusedUnread()
{
    Meanwhile m(m_port, m_poll, m_bearer);
    RawClient c(m_port);
    QVERIFY(c.send(chargeHead("Content-Length: 104857600\r\n")));
    const qint64 sent = c.stream(paddedCharge(64 * 1024), 100 * kMiB);
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 413);
    QCOMPARE(a.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QVERIFY(a.json().value(QStringLiteral("message")).toString().contains(QLatin1String("64")));
    QTRY_VERIFY(c.closedByPeer());
    QVERIFY2(sent < 100 * kMiB, qPrintable(QString::number(sent)));
    QCOMPARE(balanceOf(1), 0);
    judgeMeanwhile(m);
}

// Content-Length: 2147483648, sent a little at a time: refused at once, nothing held for it.
void TestHttpLimits::hugeDeclaredBodyStreamedSlowly()
{
    Meanwhile m(m_port, m_poll, m_bearer);
    RawClient c(m_port);
    QVERIFY(c.send(chargeHead("Content-Length: 2147483648\r\n")));
    QVERIFY(c.send(QByteArray(1000, ' ')));
    const RawAnswer a = c.read(2000);
    QCOMPARE(a.status, 413);
    QCOMPARE(a.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QTRY_VERIFY(c.closedByPeer());
    judgeMeanwhile(m);
}

// Eight clients each send a 100 MB body at once.
void TestHttpLimits::eightHugeBodiesAtOnce()
{
    Meanwhile m(m_port, m_poll, m_bearer);
    std::vector<std::thread> clients;
    std::vector<int> statuses(8, -1);
    std::vector<qint64> sent(8, 0);
    for (int i = 0; i < 8; ++i) {
        clients.emplace_back([&, i] {
            RawClient c(m_port);
            c.send(chargeHead("Content-Length: 104857600\r\n"));
            sent[i] = c.stream(paddedCharge(64 * 1024), 100 * kMiB);
            statuses[i] = c.read(5000).status;
        });
    }
    for (std::thread& t : clients)
        t.join();
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(statuses[i], 413);
        QVERIFY(sent[i] < 100 * kMiB);
    }
    QCOMPARE(balanceOf(1), 0);
    judgeMeanwhile(m);
}

// A chunked body has no length to refuse up front: it is refused where it passes the limit.
void TestHttpLimits::streamedBodyOverTheLimit()
{
    Meanwhile m(m_port, m_poll, m_bearer);
    RawClient c(m_port);
    QVERIFY(c.send(chargeHead("Transfer-Encoding: chunked\r\n")));
    const QByteArray chunk = "4000\r\n" + QByteArray(0x4000, ' ') + "\r\n";
    const qint64 sent = c.stream(chunk, 100 * kMiB);
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 413);
    QCOMPARE(a.code(), QStringLiteral("PAYLOAD_TOO_LARGE"));
    QTRY_VERIFY(c.closedByPeer());
    QVERIFY2(sent < 100 * kMiB, qPrintable(QString::number(sent)));
    QCOMPARE(balanceOf(1), 0);
    judgeMeanwhile(m);
}

// 64 KiB is allowed, one byte more is not; both by Content-Length and chunked.
void TestHttpLimits::bodyAtTheLimitIsRead()
{
    {
        RawClient c(m_port);
        QVERIFY(c.send(chargeHead("Content-Length: 65536\r\n") + paddedCharge(65536)));
        const RawAnswer a = c.read();
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(QStringLiteral("balance")).toInteger(), 1000);
    }
    {
        RawClient c(m_port);
        const QByteArray body = paddedCharge(65536);
        QVERIFY(c.send(chargeHead("Transfer-Encoding: chunked\r\n") + "8000\r\n" +
                       body.left(0x8000) + "\r\n8000\r\n" + body.mid(0x8000) + "\r\n0\r\n\r\n"));
        QCOMPARE(c.read().status, 200);
    }
    {
        RawClient c(m_port);
        QVERIFY(c.send(chargeHead("Content-Length: 65537\r\n")));
        QCOMPARE(c.read().status, 413);
    }
    QCOMPARE(balanceOf(1), 2000);
}

// Over 16 KiB of headers: 431 in JSON, before anything is routed; 16 KiB still passes.
void TestHttpLimits::headersOverTheLimit()
{
    const QByteArray poll = "GET " + m_poll +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + m_bearer +
                            "\r\nAccept-Language: en\r\n";
    {
        RawClient c(m_port);
        QVERIFY(c.send(poll + "X-Pad: " + QByteArray(15 * 1024, 'p') + "\r\n\r\n"));
        QCOMPARE(c.read().status, 200);
    }
    RawClient c(m_port);
    QVERIFY(c.send(poll + "X-Pad: " + QByteArray(17 * 1024, 'p') + "\r\n\r\n"));
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 431);
    QCOMPARE(a.code(), QStringLiteral("HEADERS_TOO_LARGE"));
    QVERIFY(a.header("Content-Type").startsWith("application/json"));
    QTRY_VERIFY(c.closedByPeer());
}

// A 64 MB header: libmicrohttpd refuses it (431) when its memory for the head is full, and
// reads no further.
void TestHttpLimits::headerBeyondTheLibrarysMemory()
{
    Meanwhile m(m_port, m_poll, m_bearer);
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "));
    const qint64 sent = c.stream(QByteArray(64 * 1024, 'b'), 64 * kMiB);
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 431);
    QTRY_VERIFY(c.closedByPeer());
    QVERIFY2(sent < 64 * kMiB, qPrintable(QString::number(sent)));
    judgeMeanwhile(m);
}

// Qt's server dropped the other headers after one over about 100 KiB, so a valid token read as
// TOKEN_MISSING: now the whole request is refused for what it is.
void TestHttpLimits::longHeaderNoLongerHidesTheOthers()
{
    RawClient c(m_port);
    QVERIFY(c.send("GET " + m_poll + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
                   QByteArray(100 * 1024, 'b') + "\r\nAuthorization: " + m_bearer + "\r\n\r\n"));
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 431);
    QTRY_VERIFY(c.closedByPeer());
}

// A Content-Length the body never reaches: closed at the request deadline, not answered.
void TestHttpLimits::shortBodyIsNotWaitedForForever()
{
    QElapsedTimer t;
    t.start();
    RawClient c(m_port);
    QVERIFY(c.send(chargeHead("Content-Length: 100\r\n") + R"({"amount":)"));
    QTRY_VERIFY_WITH_TIMEOUT(c.closedByPeer(), 10 * kRequestTimeoutMs);
    QVERIFY2(t.elapsed() >= kRequestTimeoutMs * 8 / 10, qPrintable(QString::number(t.elapsed())));
    QVERIFY(c.pending().isEmpty());
    QCOMPARE(balanceOf(1), 0);
}

// One header byte every 50 ms keeps an idle timer from ever firing; the request deadline
// does not move.
void TestHttpLimits::tricklingHeadersAreClosedAtTheDeadline()
{
    NormalClient normal(m_port, m_poll, m_bearer);
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
    const qint64 head = c.bytesSent();
    QElapsedTimer t;
    t.start();
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&c] { c.send("s"); });
    trickle.start(50);
    QTRY_VERIFY_WITH_TIMEOUT(c.closedByPeer(), 10 * kRequestTimeoutMs);
    trickle.stop();
    QVERIFY2(t.elapsed() >= kRequestTimeoutMs * 8 / 10, qPrintable(QString::number(t.elapsed())));
    QVERIFY(c.bytesSent() >= head + 5); // it kept sending all along
    const QString verdict = judge(normal.stop(), 200, kNormalMs);
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
}

// Trickling the request line itself: the connection has no request under way, and is closed
// when it has been without one for the idle time.
void TestHttpLimits::tricklingRequestLineIsClosedToo()
{
    RawClient c(m_port);
    QElapsedTimer t;
    t.start();
    QTimer trickle;
    connect(&trickle, &QTimer::timeout, this, [&c] { c.send("G"); });
    trickle.start(50);
    QTRY_VERIFY_WITH_TIMEOUT(c.closedByPeer(), 10 * kIdleTimeoutMs);
    trickle.stop();
    QVERIFY2(t.elapsed() >= kIdleTimeoutMs * 8 / 10, qPrintable(QString::number(t.elapsed())));
}

// 500 connections that never send a byte are all closed after the idle time.
void TestHttpLimits::idleConnectionsAreClosed()
{
    Meanwhile m(m_port, m_poll, m_bearer);
    std::vector<std::unique_ptr<RawClient>> idle;
    for (int i = 0; i < 500; ++i) {
        idle.push_back(std::make_unique<RawClient>(m_port));
        QVERIFY(idle.back()->isOpen());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_api->openConnections() >= 500, true, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(idle.begin(), idle.end(), [](const auto& c) { return c->closedByPeer(); }),
        10 * kIdleTimeoutMs);
    QTRY_VERIFY(m_api->openConnections() <= 1); // the normal client's, at most
    judgeMeanwhile(m);
}

void TestHttpLimits::keptAliveConnectionIsClosedWhenIdle()
{
    RawClient c(m_port);
    QVERIFY(c.send("GET /api/v1/concerts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    QCOMPARE(c.read().status, 200);
    QVERIFY(!c.closedByPeer()); // kept alive
    QTRY_VERIFY_WITH_TIMEOUT(c.closedByPeer(), 10 * kIdleTimeoutMs);
}

// Past --http-max-connections a client is told to come back (503, Retry-After) and let go.
void TestHttpLimits::beyondMaxConnections()
{
    HttpLimits limits = shortLimits();
    limits.maxConnections = 20;
    limits.idleTimeoutMs = 60'000; // the twenty must stay for the test's length
    start(limits);
    QTRY_COMPARE(m_api->openConnections(), 0);
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 20; ++i)
        held.push_back(std::make_unique<RawClient>(m_port));
    QTRY_COMPARE(m_api->openConnections(), 20);

    RawClient extra(m_port);
    QVERIFY(extra.send("GET " + m_poll + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " +
                       m_bearer + "\r\nAccept-Language: en\r\n\r\n"));
    const RawAnswer a = extra.read();
    QCOMPARE(a.status, 503);
    QCOMPARE(a.code(), QStringLiteral("TOO_MANY_CONNECTIONS"));
    QCOMPARE(a.header("Retry-After"), QByteArray("1"));
    QTRY_VERIFY(extra.closedByPeer());

    // Some go: the next client is served again.
    held.resize(10);
    QTRY_COMPARE(m_api->openConnections(), 10);
    QCOMPARE(timedGet(m_port, m_poll, m_bearer).status, 200);
}

QTEST_GUILESS_MAIN(TestHttpLimits)
#include "tst_httplimits.moc"
