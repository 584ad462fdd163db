#include "http/HttpFront.h"

#include <QLoggingCategory>

#include <microhttpd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <optional>
#include <utility>

namespace boxoffice {

namespace {

Q_LOGGING_CATEGORY(lcHttp, "boxoffice.http", QtWarningMsg)

// What one connection's head may take in libmicrohttpd's memory pool: room for the 16 KiB of
// headers A8 allows, so that checkHead() answers them in JSON; beyond it libmicrohttpd answers
// 431 itself. A thousand idle connections touch a fraction of it.
constexpr size_t kConnectionMemory = 32 * 1024;

qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void logFromLibrary(void*, const char* format, va_list args)
{
    char text[512];
    std::vsnprintf(text, sizeof text, format, args);
    qCDebug(lcHttp).noquote() << "libmicrohttpd:" << QByteArray(text).trimmed();
}

void freeBody(void* body)
{
    delete static_cast<QByteArray*>(body);
}

// The answer as libmicrohttpd sends it (HEAD: the same head, no body).
MHD_Result queue(MHD_Connection* c, const ApiResponse& r, bool close)
{
    auto* body = new QByteArray(r.wireBody());
    MHD_Response* response = MHD_create_response_from_buffer_with_free_callback_cls(
        size_t(body->size()), body->data(), freeBody, body);
    if (!response) {
        delete body;
        return MHD_NO;
    }
    MHD_add_response_header(response, "Content-Type", r.wireContentType().constData());
    for (const auto& [name, value] : r.headers)
        MHD_add_response_header(response, name.constData(), value.constData());
    if (close)
        MHD_add_response_header(response, "Connection", "close");
    const MHD_Result queued = MHD_queue_response(c, unsigned(r.status), response);
    MHD_destroy_response(response);
    return queued;
}

// What libmicrohttpd 0.9.75 cannot do once a body is under way: answer. A streamed (chunked)
// body that outgrows the limit gets its 413 written straight to the socket, then the
// connection is dropped; the rest of the body is never read.
void refuseMidBody(int fd, const ApiResponse& r)
{
    const QByteArray body = r.wireBody();
    const QByteArray wire = "HTTP/1.1 " + QByteArray::number(r.status) +
                            " Content Too Large\r\nContent-Type: " + r.wireContentType() +
                            "\r\nContent-Length: " + QByteArray::number(body.size()) +
                            "\r\nConnection: close\r\n\r\n" + body;
    (void)::send(fd, wire.constData(), size_t(wire.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
}

struct HeaderCollector
{
    HttpHeaders* out;
    static MHD_Result add(void* self, MHD_ValueKind, const char* key, size_t keySize,
                          const char* value, size_t valueSize)
    {
        static_cast<HeaderCollector*>(self)->out->append(
            {QByteArray(key, qsizetype(keySize)),
             value ? QByteArray(value, qsizetype(valueSize)) : QByteArray()});
        return MHD_YES;
    }
};

HttpHeaders valuesOf(MHD_Connection* c, MHD_ValueKind kind)
{
    HttpHeaders out;
    HeaderCollector collector{&out};
    MHD_get_connection_values_n(c, kind, &HeaderCollector::add, &collector);
    return out;
}

QByteArray firstValue(const HttpHeaders& headers, QByteArrayView name)
{
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

// One TCP connection.
struct HttpFront::Peer
{
    enum Phase { Idle, Reading, Answering };

    int fd = -1;
    QHostAddress remote;
    Worker* worker = nullptr; // the network thread that serves it
    bool overLimit = false;   // opened beyond maxConnections: its request gets a 503
    std::atomic<int> phase{Idle};
    std::atomic<qint64> since{0}; // when the phase began (steady clock, ms)
    bool shutDown = false;        // by the watchdog (under m_peersMutex)

    void enter(Phase p)
    {
        since.store(steadyMs());
        phase.store(p);
    }
};

struct HttpFront::Worker
{
    MHD_Daemon* daemon = nullptr;
    // Connections handed to it and not yet closed: counted up by the accepting thread before
    // it hands one over, down when libmicrohttpd closes it.
    std::atomic<int> load{0};
};

// One request on a connection, from its request line to its answer.
struct HttpFront::Exchange
{
    Peer* peer = nullptr;
    bool started = false;
    ApiRequest request;
    std::optional<ApiResponse> answer; // from a waiting thread
};

struct HttpFrontCallbacks
{
    static void connection(void* self, MHD_Connection* c, void** peerSlot,
                           MHD_ConnectionNotificationCode what)
    {
        auto* front = static_cast<HttpFront*>(self);
        if (what == MHD_CONNECTION_NOTIFY_STARTED) {
            auto* peer = new HttpFront::Peer;
            if (const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD))
                peer->fd = info->connect_fd;
            if (const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS))
                peer->remote = QHostAddress(info->client_addr);
            peer->worker = front->workerOf(c);
            peer->overLimit = front->m_open.fetch_add(1) + 1 > front->m_limits.maxConnections;
            peer->enter(HttpFront::Peer::Idle);
            {
                std::lock_guard lock(front->m_peersMutex);
                front->m_peers.insert(peer);
            }
            *peerSlot = peer;
            return;
        }
        auto* peer = static_cast<HttpFront::Peer*>(*peerSlot);
        if (!peer)
            return;
        {
            // libmicrohttpd closes the socket only after this returns: the watchdog, which
            // shuts sockets down under the same lock, never touches a reused descriptor.
            std::lock_guard lock(front->m_peersMutex);
            front->m_peers.erase(peer);
        }
        if (peer->worker)
            peer->worker->load.fetch_sub(1);
        front->m_open.fetch_sub(1);
        delete peer;
        *peerSlot = nullptr;
    }

    static void* requestLine(void*, const char*, MHD_Connection* c)
    {
        auto* x = new HttpFront::Exchange;
        if (const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT))
            x->peer = static_cast<HttpFront::Peer*>(info->socket_context);
        if (x->peer)
            x->peer->enter(HttpFront::Peer::Reading);
        return x;
    }

    static MHD_Result request(void* self, MHD_Connection* c, const char* url, const char* method,
                              const char* version, const char* upload, size_t* uploadSize,
                              void** exchange)
    {
        auto* x = static_cast<HttpFront::Exchange*>(*exchange);
        if (!x || !x->peer)
            return MHD_NO; // never: requestLine() made it
        return MHD_Result(static_cast<HttpFront*>(self)->request(c, *x, url, method, version,
                                                                 upload, uploadSize));
    }

    static void completed(void*, MHD_Connection*, void** exchange, MHD_RequestTerminationCode)
    {
        auto* x = static_cast<HttpFront::Exchange*>(*exchange);
        if (!x)
            return;
        if (x->peer)
            x->peer->enter(HttpFront::Peer::Idle);
        delete x;
        *exchange = nullptr;
    }
};

HttpFront::HttpFront(Handler handler, HttpLimits limits)
    : m_handler(std::move(handler)), m_limits(limits)
{}

HttpFront::~HttpFront()
{
    stopAccepting();
    {
        std::lock_guard lock(m_jobsMutex);
        m_stopping = true;
    }
    m_jobsChanged.notify_all();
    for (std::thread& t : m_waiters)
        t.join();
    // No connection is suspended now: the waiting threads answered every one they were given.
    for (const auto& w : m_workers)
        MHD_stop_daemon(w->daemon);
    if (m_watchdog.joinable()) {
        {
            std::lock_guard lock(m_watchMutex);
            m_watchStop = true;
        }
        m_watchWake.notify_all();
        m_watchdog.join();
    }
}

std::vector<int> HttpFront::connectionsPerThread() const
{
    std::vector<int> out;
    for (const auto& w : m_workers)
        out.push_back(w->load.load());
    return out;
}

HttpFront::Worker* HttpFront::workerOf(MHD_Connection* c) const
{
    const auto* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_DAEMON);
    for (const auto& w : m_workers) {
        if (info && info->daemon == w->daemon)
            return w.get();
    }
    return nullptr;
}

void HttpFront::stopAccepting()
{
    if (m_acceptor.joinable()) {
        const eventfd_t one = 1;
        (void)::eventfd_write(m_wakeFd, one);
        m_acceptor.join();
    }
    for (int* fd : {&m_listenFd, &m_wakeFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

std::expected<quint16, QString> HttpFront::listen(const QHostAddress& address, quint16 port)
{
    // Undoes what was started, and says why in one line.
    const auto refused = [&](const QString& why) {
        stopAccepting();
        for (const auto& w : m_workers)
            MHD_stop_daemon(w->daemon);
        m_workers.clear();
        return std::unexpected(QStringLiteral("cannot listen on %1:%2 (%3)")
                                   .arg(address.toString())
                                   .arg(port)
                                   .arg(why));
    };
    const QString notHere = QStringLiteral("in use, or not an address of this machine");
    const auto systemSays = [] { return QString::fromLocal8Bit(std::strerror(errno)); };
    if (!m_workers.empty())
        return std::unexpected(QStringLiteral("already listening"));
    sockaddr_storage where{};
    socklen_t whereSize = 0;
    bool ok = false;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&where);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        whereSize = sizeof *in6;
        ok = true;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&where);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address(&ok));
        whereSize = sizeof *in4;
    }
    if (!ok)
        return refused(notHere);

    // The listening socket is ours: the accepting thread decides which network thread serves
    // each connection.
    m_listenFd = ::socket(where.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    const int one = 1;
    if (m_listenFd < 0 || m_wakeFd < 0 ||
        ::setsockopt(m_listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        (where.ss_family == AF_INET6 &&
         ::setsockopt(m_listenFd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one) != 0))
        return refused(systemSays());
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&where), whereSize) != 0)
        return refused(notHere);
    socklen_t boundSize = sizeof where;
    if (::listen(m_listenFd, SOMAXCONN) != 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&where), &boundSize) != 0)
        return refused(systemSays());
    const quint16 bound =
        ntohs(where.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6*>(&where)->sin6_port
                                          : reinterpret_cast<sockaddr_in*>(&where)->sin_port);

    const int threads = m_limits.threadCount();
    // Past this the accepting thread closes a new connection at once; up to it, a client over
    // maxConnections is told to come back (503, Retry-After). Each daemon's own limit is set
    // above it: a daemon that refused a connection handed to it would close it without a word
    // to the callbacks, and its load would stay counted.
    m_acceptLimit = m_limits.maxConnections + std::max(16, m_limits.maxConnections / 4);
    const unsigned idleSeconds = unsigned((m_limits.idleTimeoutMs + 999) / 1000);
    auto option = [](MHD_OPTION name, intptr_t value, void* pointer = nullptr) {
        return MHD_OptionItem{name, value, pointer};
    };
    auto callback = [](auto* function) { return reinterpret_cast<intptr_t>(function); };
    const MHD_OptionItem options[] = {
        option(MHD_OPTION_CONNECTION_LIMIT, intptr_t(m_acceptLimit + 16)),
        option(MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(kConnectionMemory)),
        // A backstop for what the watchdog does not watch: a client that stops reading its
        // answer. The watchdog keeps the millisecond deadlines.
        option(MHD_OPTION_CONNECTION_TIMEOUT, intptr_t(idleSeconds)),
        option(MHD_OPTION_NOTIFY_CONNECTION, callback(&HttpFrontCallbacks::connection), this),
        option(MHD_OPTION_URI_LOG_CALLBACK, callback(&HttpFrontCallbacks::requestLine), this),
        option(MHD_OPTION_NOTIFY_COMPLETED, callback(&HttpFrontCallbacks::completed), this),
        option(MHD_OPTION_EXTERNAL_LOGGER, callback(&logFromLibrary)),
        option(MHD_OPTION_END, 0),
    };
    const unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_NO_LISTEN_SOCKET |
                           MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    for (int i = 0; i < threads; ++i) {
        auto w = std::make_unique<Worker>();
        w->daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &HttpFrontCallbacks::request, this,
                                     MHD_OPTION_ARRAY, options, MHD_OPTION_END);
        if (!w->daemon)
            return refused(
                QStringLiteral("its network threads could not start: %1").arg(systemSays()));
        m_workers.push_back(std::move(w));
    }
    for (int i = 0; i < threads; ++i)
        m_waiters.emplace_back([this] { wait(); });
    m_watchdog = std::thread([this] { watch(); });
    m_acceptor = std::thread([this] { accept(); });
    return bound;
}

void HttpFront::accept()
{
    pollfd watched[] = {{m_listenFd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    bool starved = false; // out of descriptors or memory, and said so once
    for (;;) {
        if (::poll(watched, 2, -1) < 0 && errno != EINTR) {
            qCCritical(lcHttp).noquote()
                << "no longer taking new connections:" << std::strerror(errno);
            return;
        }
        if (watched[1].revents != 0)
            return; // stopping
        // At most 64 at a time, then a look at the wake-up: a flood of connections never keeps
        // the front from stopping.
        for (int taken = 0; taken < 64; ++taken) {
            sockaddr_storage from{};
            socklen_t fromSize = sizeof from;
            const int fd = ::accept4(m_listenFd, reinterpret_cast<sockaddr*>(&from), &fromSize,
                                     SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED)
                    continue;
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                    // Out of descriptors or memory: the queued connections wait in the backlog
                    // while the open ones close; look again shortly (or stop).
                    if (!std::exchange(starved, true))
                        qCWarning(lcHttp).noquote()
                            << "cannot take new connections for now:" << std::strerror(errno);
                    pollfd wake = {m_wakeFd, POLLIN, 0};
                    if (::poll(&wake, 1, 100) > 0)
                        return;
                }
                break; // EAGAIN: the backlog is empty
            }
            if (std::exchange(starved, false))
                qCWarning(lcHttp) << "taking new connections again";
            // The loads are the accepting thread's own count (up before a connection is handed
            // over, down when it closes or is refused), so a burst cannot pass the limit.
            Worker* least = m_workers.front().get();
            int leastLoad = least->load.load();
            int open = 0;
            for (const auto& w : m_workers) {
                const int load = w->load.load();
                open += load;
                if (load < leastLoad) {
                    least = w.get();
                    leastLoad = load;
                }
            }
            if (open >= m_acceptLimit) {
                ::close(fd);
                continue;
            }
            least->load.fetch_add(1);
            if (MHD_add_connection(least->daemon, fd, reinterpret_cast<sockaddr*>(&from),
                                   fromSize) != MHD_YES)
                least->load.fetch_sub(1); // libmicrohttpd has closed it
        }
    }
}

bool HttpFront::startHead(MHD_Connection* c, Exchange& x, const char* url, const char* method,
                          const char* version)
{
    RequestHead head{QByteArray(method), QByteArray(version), valuesOf(c, MHD_HEADER_KIND)};
    const Language lang = languageOf(firstValue(head.headers, "Accept-Language"));
    std::optional<ApiResponse> refusal;
    if (x.peer->overLimit)
        refusal = tooManyConnections(lang);
    else
        refusal = checkHead(head, m_limits);
    if (refusal) {
        x.peer->enter(Peer::Answering);
        return queue(c, *refusal, true) == MHD_YES;
    }
    ApiRequest& r = x.request;
    r.method = std::move(head.method);
    r.path = QString::fromUtf8(url);
    r.query = valuesOf(c, MHD_GET_ARGUMENT_KIND);
    r.remote = x.peer->remote;
    r.apiKey = firstValue(head.headers, "X-Api-Key");
    r.authorization = firstValue(head.headers, "Authorization");
    r.acceptLanguage = firstValue(head.headers, "Accept-Language");
    r.idempotencyKey = firstValue(head.headers, "Idempotency-Key");
    r.mayBlock = false;
    return true;
}

int HttpFront::request(MHD_Connection* c, Exchange& x, const char* url, const char* method,
                       const char* version, const char* upload, size_t* uploadSize)
{
    if (!x.started) {
        x.started = true;
        return startHead(c, x, url, method, version) ? MHD_YES : MHD_NO;
    }
    if (*uploadSize > 0) {
        const qsizetype size = qsizetype(*uploadSize);
        *uploadSize = 0;
        if (x.request.body.size() + size > m_limits.maxBodyBytes) {
            refuseMidBody(x.peer->fd, payloadTooLarge(languageOf(x.request.acceptLanguage),
                                                      m_limits.maxBodyBytes));
            return MHD_NO;
        }
        x.request.body.append(upload, size);
        return MHD_YES;
    }
    if (x.answer)
        return queue(c, *x.answer, false);
    x.peer->enter(Peer::Answering);
    ApiResponse r = m_handler(x.request);
    if (r.later) {
        if (defer(c, x))
            return MHD_YES;
        x.request.mayBlock = true; // stopping: no waiting thread left, answer here
        r = m_handler(x.request);
    }
    return queue(c, r, false);
}

bool HttpFront::defer(MHD_Connection* c, Exchange& x)
{
    std::lock_guard lock(m_jobsMutex);
    if (m_stopping)
        return false;
    // Suspended before a waiting thread can see it, so its resume never comes first.
    MHD_suspend_connection(c);
    m_jobs.emplace_back(c, &x);
    m_jobsChanged.notify_one();
    return true;
}

void HttpFront::wait()
{
    for (;;) {
        std::pair<MHD_Connection*, Exchange*> job;
        {
            std::unique_lock lock(m_jobsMutex);
            m_jobsChanged.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return; // stopping, and every suspended connection has been resumed
            job = m_jobs.front();
            m_jobs.pop_front();
        }
        auto& [c, x] = job;
        x->request.mayBlock = true;
        ApiResponse r = m_handler(x->request);
        if (r.later) // a handler that may block has no reason to put off its answer
            r = errorResponse(Error::make(ErrorCode::StorageBusy), Language::English);
        x->answer = std::move(r);
        MHD_resume_connection(c);
    }
}

void HttpFront::watch()
{
    const int shortest = std::min(m_limits.requestTimeoutMs, m_limits.idleTimeoutMs);
    const auto period = std::chrono::milliseconds(std::clamp(shortest / 20, 5, 500));
    std::unique_lock lock(m_watchMutex);
    while (!m_watchWake.wait_for(lock, period, [this] { return m_watchStop; })) {
        const qint64 now = steadyMs();
        std::lock_guard peers(m_peersMutex);
        for (Peer* p : m_peers) {
            const int phase = p->phase.load();
            const qint64 limit = phase == Peer::Reading ? m_limits.requestTimeoutMs
                                 : phase == Peer::Idle  ? m_limits.idleTimeoutMs
                                                        : -1;
            if (limit < 0 || p->shutDown || now - p->since.load() <= limit)
                continue;
            // libmicrohttpd sees the end of the stream on its own thread and closes it there.
            ::shutdown(p->fd, SHUT_RDWR);
            p->shutDown = true;
        }
    }
}

} // namespace boxoffice
