#pragma once

// A load client that costs as little CPU per request as a client can: one thread, epoll, each
// connection writing `depth` copies of one GET in a single send (two such batches in flight)
// and reading the answers in as few receives as they arrive in. It still checks every answer:
// status 200 and a body the same as the first answer's (a poll of one waiting token answers the
// same bytes each time).
//
// Why it exists: on a 2-core machine the client shares the cores with the server it measures.
// wrk spends two thirds to three quarters of the server's CPU on each poll, so no server could
// show much more than 1.1-1.3x from a second thread with wrk beside it; this client spends about
// an eighth (2-3 us a poll against the server's 17-20).

#include <QByteArray>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <vector>

namespace boxoffice::test {

struct PipelinedResult
{
    qint64 answers = 0; // complete, checked answers within the time
    qint64 wrong = 0;   // answers not 200, or with another body
    qint64 reads = 0;   // receives that brought bytes
    double seconds = 0;
    bool ok = false; // every connection opened and stayed open
    double perSecond() const { return seconds > 0 ? double(answers) / seconds : 0; }
};

class PipelinedClient
{
public:
    // `request`: one complete GET, "...\r\n\r\n".
    PipelinedClient(quint16 port, QByteArray request, int connections, int depth)
        : m_port(port), m_batch(request.repeated(depth)), m_connections(connections), m_depth(depth)
    {}

    PipelinedResult run(double seconds)
    {
        PipelinedResult result;
        const int ep = ::epoll_create1(EPOLL_CLOEXEC);
        std::vector<Connection> conns(static_cast<size_t>(m_connections));
        bool opened = ep >= 0;
        for (Connection& c : conns) {
            c.fd = opened ? connectTo() : -1;
            epoll_event e{};
            e.events = EPOLLIN;
            e.data.ptr = &c;
            // Two batches owed from the start, and a new one whenever only one is: the server
            // never waits for the client between batches.
            opened = opened && c.fd >= 0 && ::epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &e) == 0 &&
                     sendBatch(c) && sendBatch(c);
        }
        using Steady = std::chrono::steady_clock;
        const auto start = Steady::now();
        const auto end = start + std::chrono::duration<double>(seconds);
        bool alive = opened;
        std::vector<epoll_event> ready(static_cast<size_t>(m_connections));
        while (alive && Steady::now() < end) {
            const int n = ::epoll_wait(ep, ready.data(), int(ready.size()), 100);
            for (int i = 0; i < n && alive; ++i) {
                Connection& c = *static_cast<Connection*>(ready[size_t(i)].data.ptr);
                alive = receive(c, result) && (c.pending > m_depth || sendBatch(c));
            }
        }
        result.seconds = std::chrono::duration<double>(Steady::now() - start).count();
        result.ok = alive;
        for (Connection& c : conns) {
            if (c.fd >= 0)
                ::close(c.fd);
        }
        if (ep >= 0)
            ::close(ep);
        return result;
    }

private:
    struct Connection
    {
        int fd = -1;
        int pending = 0; // answers still owed for the batches sent
        bool lowWater = false;
        QByteArray in;
    };

    int connectTo() const
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(m_port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
            if (fd >= 0)
                ::close(fd);
            return -1;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        return fd;
    }

    bool sendBatch(Connection& c)
    {
        qsizetype done = 0;
        while (done < m_batch.size()) {
            const ssize_t n = ::send(c.fd, m_batch.constData() + done,
                                     size_t(m_batch.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += n;
        }
        c.pending += m_depth;
        return true;
    }

    // Reads what has arrived and takes every complete answer out of it.
    bool receive(Connection& c, PipelinedResult& result)
    {
        char chunk[64 * 1024];
        const ssize_t n = ::recv(c.fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n <= 0)
            return n < 0 && (errno == EAGAIN || errno == EINTR);
        ++result.reads;
        c.in.append(chunk, n);
        qsizetype at = 0;
        for (;;) {
            const qsizetype headEnd = c.in.indexOf("\r\n\r\n", at);
            if (headEnd < 0)
                break;
            const QByteArrayView head(c.in.constData() + at, headEnd - at);
            const qsizetype lengthAt = head.indexOf("Content-Length: ");
            if (lengthAt < 0)
                return false;
            qsizetype length = 0;
            for (qsizetype i = lengthAt + 16; i < head.size() && head[i] >= '0' && head[i] <= '9';
                 ++i)
                length = length * 10 + (head[i] - '0');
            const qsizetype bodyAt = headEnd + 4;
            if (c.in.size() < bodyAt + length)
                break;
            const QByteArrayView body(c.in.constData() + bodyAt, length);
            if (m_expected.isNull()) {
                m_expected = body.toByteArray();
                m_answerBytes = bodyAt + length - at;
            }
            if (!head.startsWith("HTTP/1.1 200 ") || body != QByteArrayView(m_expected))
                ++result.wrong;
            else
                ++result.answers;
            --c.pending;
            at = bodyAt + length;
        }
        c.in.remove(0, at);
        if (!c.lowWater && m_answerBytes > 0) {
            // Woken only once half a batch of answers has arrived, not for each one: more than
            // a batch is always owed (see run()), so the mark is always reached.
            const int bytes = int(m_answerBytes) * std::max(1, m_depth / 2);
            ::setsockopt(c.fd, SOL_SOCKET, SO_RCVLOWAT, &bytes, sizeof bytes);
            c.lowWater = true;
        }
        return true;
    }

    const quint16 m_port;
    const QByteArray m_batch;
    const int m_connections;
    const int m_depth;
    QByteArray m_expected;
    qsizetype m_answerBytes = 0; // the first answer's, head and body
};

} // namespace boxoffice::test
