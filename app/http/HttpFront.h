#pragma once

#include "http/HttpRules.h"

#include <QHostAddress>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <expected>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

struct MHD_Daemon;
struct MHD_Connection;

namespace boxoffice {

// HTTP/1.1 on libmicrohttpd (design A5, A8), in front of any ApiRequest → ApiResponse handler.
//
// Threads: libmicrohttpd's pool of `limits.threads` network threads reads requests and calls
// the handler there (mayBlock false), so a poll costs no thread hop. A handler that would block
// (ApiResponse::later) is suspended and run again on one of as many waiting threads, which
// resumes the connection with its answer; the network threads go on serving everyone else.
// Each thread has its own engine connection (Database gives one per thread).
//
// Limits, where they are enforced: the connection count (NOTIFY_CONNECTION: beyond
// maxConnections a client's request is answered 503 with Retry-After; far beyond, libmicrohttpd
// refuses at accept), oversized headers and declared bodies, ambiguous framing (checkHead(), on
// the head, before any body is read), a streamed body over the limit (as it arrives), and the
// request and idle deadlines (a watchdog thread that shuts down overdue sockets; a request that
// trickles its bytes never resets its deadline). Headers beyond the connection's memory pool
// are refused by libmicrohttpd itself (431, its own HTML body).
class HttpFront
{
public:
    using Handler = std::function<ApiResponse(const ApiRequest&)>;

    HttpFront(Handler handler, HttpLimits limits);
    ~HttpFront();
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    // Listens; returns the port (useful with port 0) or an error line.
    std::expected<quint16, QString> listen(const QHostAddress& address, quint16 port);

    // Connections open now (tests watch the limits close them).
    int openConnections() const { return m_open.load(); }
    const HttpLimits& limits() const { return m_limits; }

private:
    struct Peer;
    struct Exchange;

    friend struct HttpFrontCallbacks; // libmicrohttpd's callbacks, in HttpFront.cpp

    int request(MHD_Connection* c, Exchange& x, const char* url, const char* method,
                const char* version, const char* upload, size_t* uploadSize);
    bool startHead(MHD_Connection* c, Exchange& x, const char* url, const char* method,
                   const char* version);
    // Hands a request whose handler would block to the waiting threads; false when stopping.
    bool defer(MHD_Connection* c, Exchange& x);
    void wait();
    void watch();

    Handler m_handler;
    const HttpLimits m_limits;
    MHD_Daemon* m_daemon = nullptr;
    std::atomic<int> m_open{0};

    std::mutex m_peersMutex;
    std::unordered_set<Peer*> m_peers;

    std::mutex m_jobsMutex;
    std::condition_variable m_jobsChanged;
    std::deque<std::pair<MHD_Connection*, Exchange*>> m_jobs;
    bool m_stopping = false;
    std::vector<std::thread> m_waiters;

    std::mutex m_watchMutex;
    std::condition_variable m_watchWake;
    bool m_watchStop = false;
    std::thread m_watchdog;
};

} // namespace boxoffice
