#pragma once

#include "http/HttpRules.h"

#include <QHostAddress>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

struct MHD_Daemon;
struct MHD_Connection;

namespace boxoffice {

// HTTP/1.1 on libmicrohttpd (design A5, A8), in front of any ApiRequest → ApiResponse handler.
//
// Threads: `limits.threads` network threads, each a libmicrohttpd daemon of its own, read
// requests and call the handler there (mayBlock false), so a poll costs no thread hop. One
// accepting thread owns the listening socket and hands each new connection to the network
// thread with the fewest open connections. (libmicrohttpd's own thread pool lets every thread
// race for each accept: a burst of keep-alive connections could all land on one thread and
// leave the other cores idle for as long as they stay open.) A handler that would block
// (ApiResponse::later) is suspended and run again on one of as many waiting threads, which
// resumes the connection with its answer; the network threads go on serving everyone else.
// Each thread has its own engine connection (Database gives one per thread).
//
// Limits, where they are enforced: the connection count (NOTIFY_CONNECTION: beyond
// maxConnections a client's request is answered 503 with Retry-After; far beyond, the accepting
// thread closes it at once), oversized headers and declared bodies, ambiguous framing (checkHead(),
// on the head, before any body is read), a streamed body over the limit (as it arrives), and the
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
    // How many of them each network thread serves, in thread order.
    std::vector<int> connectionsPerThread() const;
    const HttpLimits& limits() const { return m_limits; }

private:
    struct Peer;
    struct Exchange;
    struct Worker; // one network thread: a libmicrohttpd daemon and what it serves

    friend struct HttpFrontCallbacks; // libmicrohttpd's callbacks, in HttpFront.cpp

    int request(MHD_Connection* c, Exchange& x, const char* url, const char* method,
                const char* version, const char* upload, size_t* uploadSize);
    bool startHead(MHD_Connection* c, Exchange& x, const char* url, const char* method,
                   const char* version);
    // Hands a request whose handler would block to the waiting threads; false when stopping.
    bool defer(MHD_Connection* c, Exchange& x);
    void wait();
    void watch();
    void accept();
    Worker* workerOf(MHD_Connection* c) const;
    void stopAccepting();

    Handler m_handler;
    const HttpLimits m_limits;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::atomic<int> m_open{0};

    int m_listenFd = -1;
    int m_wakeFd = -1;     // an eventfd: written to stop the accepting thread
    int m_acceptLimit = 0; // beyond it a new connection is closed at once
    std::thread m_acceptor;

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
