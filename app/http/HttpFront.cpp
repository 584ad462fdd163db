#include "http/HttpFront.h"

#include <QLoggingCategory>

#include <microhttpd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <optional>

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
    bool overLimit = false; // opened beyond maxConnections: its request gets a 503
    std::atomic<int> phase{Idle};
    std::atomic<qint64> since{0}; // when the phase began (steady clock, ms)
    bool shutDown = false;        // by the watchdog (under m_peersMutex)

    void enter(Phase p)
    {
        since.store(steadyMs());
        phase.store(p);
    }
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
    {
        std::lock_guard lock(m_jobsMutex);
        m_stopping = true;
    }
    m_jobsChanged.notify_all();
    for (std::thread& t : m_waiters)
        t.join();
    // No connection is suspended now: the waiting threads answered every one they were given.
    if (m_daemon)
        MHD_stop_daemon(m_daemon);
    if (m_watchdog.joinable()) {
        {
            std::lock_guard lock(m_watchMutex);
            m_watchStop = true;
        }
        m_watchWake.notify_all();
        m_watchdog.join();
    }
}

std::expected<quint16, QString> HttpFront::listen(const QHostAddress& address, quint16 port)
{
    const auto refused = [&] {
        return std::unexpected(QStringLiteral("cannot listen on %1:%2 (in use, or not an address"
                                              " of this machine)")
                                   .arg(address.toString())
                                   .arg(port));
    };
    if (m_daemon)
        return std::unexpected(QStringLiteral("already listening"));
    sockaddr_storage where{};
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    bool ok = false;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto* in6 = reinterpret_cast<sockaddr_in6*>(&where);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof bytes);
        flags |= MHD_USE_IPv6;
        ok = true;
    } else {
        auto* in4 = reinterpret_cast<sockaddr_in*>(&where);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address(&ok));
    }
    if (!ok)
        return refused();

    const int threads = m_limits.threadCount();
    // Past this libmicrohttpd itself refuses at accept; up to it, a client over maxConnections
    // is told to come back (503, Retry-After).
    const unsigned hardLimit =
        unsigned(m_limits.maxConnections + std::max(16, m_limits.maxConnections / 4));
    const unsigned idleSeconds = unsigned((m_limits.idleTimeoutMs + 999) / 1000);
    auto option = [](MHD_OPTION name, intptr_t value, void* pointer = nullptr) {
        return MHD_OptionItem{name, value, pointer};
    };
    auto callback = [](auto* function) { return reinterpret_cast<intptr_t>(function); };
    std::vector<MHD_OptionItem> options = {
        option(MHD_OPTION_CONNECTION_LIMIT, intptr_t(hardLimit)),
        option(MHD_OPTION_CONNECTION_MEMORY_LIMIT, intptr_t(kConnectionMemory)),
        // A backstop for what the watchdog does not watch: a client that stops reading its
        // answer. The watchdog keeps the millisecond deadlines.
        option(MHD_OPTION_CONNECTION_TIMEOUT, intptr_t(idleSeconds)),
        option(MHD_OPTION_SOCK_ADDR, 0, &where),
        option(MHD_OPTION_NOTIFY_CONNECTION, callback(&HttpFrontCallbacks::connection), this),
        option(MHD_OPTION_URI_LOG_CALLBACK, callback(&HttpFrontCallbacks::requestLine), this),
        option(MHD_OPTION_NOTIFY_COMPLETED, callback(&HttpFrontCallbacks::completed), this),
        option(MHD_OPTION_EXTERNAL_LOGGER, callback(&logFromLibrary)),
    };
    if (threads > 1)
        options.push_back(option(MHD_OPTION_THREAD_POOL_SIZE, threads));
    options.push_back(option(MHD_OPTION_END, 0));
    m_daemon = MHD_start_daemon(flags, 0, nullptr, nullptr, &HttpFrontCallbacks::request, this,
                                MHD_OPTION_ARRAY, options.data(), MHD_OPTION_END);
    if (!m_daemon)
        return refused();
    const auto* info = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT);
    for (int i = 0; i < threads; ++i)
        m_waiters.emplace_back([this] { wait(); });
    m_watchdog = std::thread([this] { watch(); });
    return info ? quint16(info->port) : port;
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
