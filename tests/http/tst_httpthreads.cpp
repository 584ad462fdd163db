// The front's network threads (design A5): every new connection goes to the thread that serves
// the fewest, so a burst of keep-alive clients is shared by all the cores and a thread whose
// clients left is the one the next clients go to. Also what the accepting thread owns since it
// took over the listening socket from libmicrohttpd: the hard limit past --http-max-connections
// (closed at once), a port already in use (a clear error), and IPv6.

#include "http/ApiServer.h"
#include "support/TestSupport.h"

#include "RawHttp.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QSet>

#include <sys/resource.h>

#include <memory>
#include <numeric>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

HttpLimits onThreads(int threads)
{
    HttpLimits limits;
    limits.threads = threads;
    return limits;
}

int total(const std::vector<int>& perThread)
{
    return std::accumulate(perThread.begin(), perThread.end(), 0);
}

// The descriptor limit that leaves exactly `free` descriptors for new files: a new descriptor
// takes the lowest free number, and it must be below the limit (open ones above it stay open).
rlim_t limitLeaving(int free)
{
    QSet<int> open;
    for (const QString& name :
         QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
        open.insert(name.toInt());
    // The listing's own descriptor is closed again by now: its number counts as free.
    int number = 0;
    for (int left = free; left > 0; ++number) {
        if (!open.contains(number) ||
            QFileInfo(QStringLiteral("/proc/self/fd/%1").arg(number)).symLinkTarget().isEmpty())
            --left;
    }
    return rlim_t(number);
}

// What the front's log said, kept while a test runs.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void keepLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log << message;
    }
    g_previousHandler(type, context, message);
}

bool logSays(const QString& words)
{
    QMutexLocker lock(&g_logMutex);
    return std::any_of(g_log.cbegin(), g_log.cend(),
                       [&](const QString& line) { return line.contains(words); });
}

} // namespace

class TestHttpThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void aBurstIsSharedByEveryThread_data();
    void aBurstIsSharedByEveryThread();
    void theThreadClientsLeftGetsTheNextOnes();
    void eachThreadAnswersItsOwn();
    void pastTheHardLimitAConnectionIsClosedAtOnce();
    void outOfDescriptorsItWaitsAndGoesOn();
    void aPortInUseIsAClearError();
    void ipv6LoopbackIsServed();

private:
    void start(const HttpLimits& limits);
    // Opens `n` more connections to the front, one after another, into `held`.
    void connect(std::vector<std::unique_ptr<RawClient>>& held, int n) const;

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
};

void TestHttpThreads::init()
{
    m_t = std::make_unique<TestEngine>();
}

void TestHttpThreads::cleanup()
{
    m_api.reset();
    m_t.reset();
}

void TestHttpThreads::start(const HttpLimits& limits)
{
    m_api.reset();
    auto front = startFront(**m_t, limits);
    QVERIFY2(front, front ? "" : qPrintable(front.error()));
    std::tie(m_api, m_port) = std::move(*front);
}

void TestHttpThreads::connect(std::vector<std::unique_ptr<RawClient>>& held, int n) const
{
    for (int i = 0; i < n; ++i)
        held.push_back(std::make_unique<RawClient>(m_port));
}

void TestHttpThreads::aBurstIsSharedByEveryThread_data()
{
    QTest::addColumn<int>("threads");
    QTest::addColumn<int>("clients");
    QTest::newRow("2 threads, 32 clients") << 2 << 32;
    QTest::newRow("3 threads, 31 clients") << 3 << 31;
    QTest::newRow("4 threads, 4 clients") << 4 << 4;
}

// Opened one after another as fast as a client can: no thread gets more than one more
// than another (libmicrohttpd's own pool let the threads race for each accept, and a burst
// could all land on one of them).
void TestHttpThreads::aBurstIsSharedByEveryThread()
{
    QFETCH(int, threads);
    QFETCH(int, clients);
    start(onThreads(threads));
    QCOMPARE(m_api->connectionsPerThread(), std::vector<int>(size_t(threads), 0));

    std::vector<std::unique_ptr<RawClient>> held;
    connect(held, clients);
    QTRY_COMPARE(m_api->openConnections(), clients);
    const std::vector<int> perThread = m_api->connectionsPerThread();
    QCOMPARE(total(perThread), clients);
    const auto [least, most] = std::minmax_element(perThread.begin(), perThread.end());
    QVERIFY2(*most - *least <= 1,
             qPrintable(QStringLiteral("%1 to %2 a thread").arg(*least).arg(*most)));
}

// Round robin would send half of the new clients to the thread that still serves sixteen.
void TestHttpThreads::theThreadClientsLeftGetsTheNextOnes()
{
    start(onThreads(2));
    std::vector<std::unique_ptr<RawClient>> held;
    connect(held, 32);
    QTRY_COMPARE(m_api->openConnections(), 32);
    QCOMPARE(m_api->connectionsPerThread(), (std::vector<int>{16, 16}));

    // The clients that went to the first thread leave: they are every other one, since the
    // two threads took turns while their loads were level.
    for (size_t i = 0; i < held.size(); i += 2)
        held[i].reset();
    QTRY_COMPARE(m_api->openConnections(), 16);
    const std::vector<int> left = m_api->connectionsPerThread();
    QCOMPARE(total(left), 16);
    QVERIFY2(left[0] == 0 || left[1] == 0, "the clients that left were all on one thread");

    connect(held, 16);
    QTRY_COMPARE(m_api->openConnections(), 32);
    QCOMPARE(m_api->connectionsPerThread(), (std::vector<int>{16, 16}));
}

// Every connection on every thread is answered, in order, on its own socket.
void TestHttpThreads::eachThreadAnswersItsOwn()
{
    start(onThreads(2));
    std::vector<std::unique_ptr<RawClient>> clients;
    connect(clients, 8);
    QTRY_COMPARE(m_api->connectionsPerThread(), (std::vector<int>{4, 4}));
    for (int round = 0; round < 3; ++round) {
        for (auto& c : clients)
            QVERIFY(c->send("GET /api/v1/concerts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        for (auto& c : clients) {
            const RawAnswer a = c->read();
            QCOMPARE(a.status, 200);
            QVERIFY(a.json().contains(QStringLiteral("concerts")));
        }
    }
}

// Up to maxConnections a client is served; past it, told to come back (tst_httplimits); past
// a quarter more (at least 16 more), closed before it can send anything.
void TestHttpThreads::pastTheHardLimitAConnectionIsClosedAtOnce()
{
    HttpLimits limits = onThreads(2);
    limits.maxConnections = 4;
    start(limits);
    const int hardLimit = 4 + 16;
    // Ten more than the limit in one burst, faster than libmicrohttpd takes them on: the
    // kernel completes every handshake, the front keeps the first twenty and closes the rest
    // (accepted in the order they connected).
    std::vector<std::unique_ptr<RawClient>> held;
    connect(held, hardLimit + 10);
    QTRY_COMPARE(m_api->openConnections(), hardLimit);
    for (size_t i = hardLimit; i < held.size(); ++i)
        QTRY_VERIFY(held[i]->closedByPeer());
    for (size_t i = 0; i < size_t(hardLimit); ++i)
        QVERIFY(!held[i]->closedByPeer());
    QCOMPARE(m_api->openConnections(), hardLimit);
    held.resize(hardLimit);

    // One of the held ones leaves: the next client is taken on again (and, being over
    // maxConnections, told to come back).
    held.pop_back();
    QTRY_COMPARE(m_api->openConnections(), hardLimit - 1);
    RawClient next(m_port);
    QVERIFY(next.send("GET /api/v1/concerts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    QCOMPARE(next.read().status, 503);
}

// The process runs out of descriptors: a new connection waits in the kernel's backlog (the
// accepting thread says so once and looks again every 100 ms) and is served as soon as an open
// one closes. No crash, and the accepting thread does not give up. (The pause between looks is
// not measured here: that would take waiting on the wall clock.)
void TestHttpThreads::outOfDescriptorsItWaitsAndGoesOn()
{
    start(onThreads(2));
    const QByteArray get = "GET /api/v1/concerts HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    // Each network thread opens its database connection (the file and its WAL) at its first
    // request,
    // so the first two clients (one a thread) are answered before the count; they stay open,
    // so nothing is still closing when it is taken.
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 2; ++i) {
        held.push_back(std::make_unique<RawClient>(m_port));
        QVERIFY(held.back()->send(get));
        QCOMPARE(held.back()->read().status, 200);
    }
    QTRY_COMPARE(m_api->connectionsPerThread(), (std::vector<int>{1, 1}));

    // Room for six more connections (a descriptor for each end, both in this process) and one
    // more socket for the next client; none for the server's end of it.
    constexpr int kMore = 6;
    rlimit before{};
    QVERIFY(::getrlimit(RLIMIT_NOFILE, &before) == 0);
    rlimit tight = before;
    tight.rlim_cur = limitLeaving(2 * kMore + 1);
    g_log.clear();
    g_previousHandler = qInstallMessageHandler(keepLog);
    QVERIFY(::setrlimit(RLIMIT_NOFILE, &tight) == 0);
    auto restore = qScopeGuard([&] {
        ::setrlimit(RLIMIT_NOFILE, &before);
        qInstallMessageHandler(g_previousHandler);
    });

    for (int i = 0; i < kMore; ++i) {
        held.push_back(std::make_unique<RawClient>(m_port));
        QVERIFY(held.back()->isOpen());
        QVERIFY(held.back()->send(get));
        QCOMPARE(held.back()->read().status, 200);
    }
    const int kHeld = int(held.size());
    RawClient waiting(m_port); // the kernel takes it; the front has no descriptor for it
    QVERIFY(waiting.isOpen());
    QVERIFY(waiting.send(get));
    QTRY_VERIFY(logSays(QStringLiteral("cannot take new connections for now")));
    QCOMPARE(m_api->openConnections(), kHeld);

    held.front().reset();
    const RawAnswer a = waiting.read(5000);
    QCOMPARE(a.status, 200);
    QTRY_VERIFY(logSays(QStringLiteral("taking new connections again")));
}

void TestHttpThreads::aPortInUseIsAClearError()
{
    start(HttpLimits{});
    ApiServer second(**m_t, HttpLimits{});
    const auto port = second.listen(QHostAddress(QHostAddress::LocalHost), m_port);
    QVERIFY(!port);
    QVERIFY2(port.error() ==
                 QStringLiteral("cannot listen on 127.0.0.1:%1 (in use, or not an address of this"
                                " machine)")
                     .arg(m_port),
             qPrintable(port.error()));
    // The first front is untouched.
    QCOMPARE(timedGet(m_port, "/api/v1/concerts").status, 200);
    // And the refused one can still listen elsewhere.
    const auto elsewhere = second.listen(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY2(elsewhere, elsewhere ? "" : qPrintable(elsewhere.error()));
    QVERIFY(*elsewhere != m_port);
}

void TestHttpThreads::ipv6LoopbackIsServed()
{
    const int probe = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in6 local{};
    local.sin6_family = AF_INET6;
    local.sin6_addr = in6addr_loopback;
    const bool haveIpv6 =
        probe >= 0 && ::bind(probe, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0;
    if (probe >= 0)
        ::close(probe);
    if (!haveIpv6)
        QSKIP("this machine has no IPv6 loopback");

    ApiServer api(**m_t, HttpLimits{});
    const auto port = api.listen(QHostAddress(QHostAddress::LocalHostIPv6), 0);
    QVERIFY2(port, port ? "" : qPrintable(port.error()));
    const int fd = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const timeval fiveSeconds{5, 0}; // a front that never answers fails the test, not hangs it
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &fiveSeconds, sizeof fiveSeconds);
    local.sin6_port = htons(*port);
    QVERIFY(::connect(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
    const QByteArray request = "GET /api/v1/concerts HTTP/1.1\r\nHost: [::1]\r\n"
                               "Connection: close\r\n\r\n";
    QCOMPARE(::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL),
             ssize_t(request.size()));
    QByteArray answer;
    char chunk[4096];
    for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;)
        answer.append(chunk, n);
    ::close(fd);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
    QTRY_COMPARE(api.openConnections(), 0); // Connection: close closed it
}

QTEST_GUILESS_MAIN(TestHttpThreads)
#include "tst_httpthreads.moc"
