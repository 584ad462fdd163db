#pragma once

// A blocking HTTP/1.1 client over a plain POSIX socket, for tests that must send what no
// well-behaved client library would (two Content-Lengths, a 64 MB header, a body that never
// ends) and see exactly what the server answers or whether it closed. Safe to use from any
// thread; it has no event loop. Also: the process's resident memory, a "normal client" that
// measures how long a poll takes while a test misbehaves, and a front to try them on.

#include "http/ApiServer.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

namespace boxoffice::test {

struct RawAnswer
{
    int status = -1; // -1: none (timed out, or the connection closed first)
    QByteArray head; // status line and headers
    QByteArray body;

    QByteArray header(QByteArrayView name) const
    {
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 &&
                QByteArrayView(line).first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
};

class RawClient
{
public:
    RawClient() = default;
    explicit RawClient(quint16 port) { connectTo(port); }
    ~RawClient() { close(); }
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;

    bool connectTo(quint16 port)
    {
        close();
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (m_fd < 0 || ::connect(m_fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
            close();
            return false;
        }
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_eof = false;
        m_buffer.clear();
        return true;
    }

    bool isOpen() const { return m_fd >= 0; }

    // Sends everything (blocking); false once the server has closed or reset the connection.
    bool send(QByteArrayView bytes)
    {
        qsizetype done = 0;
        while (m_fd >= 0 && done < bytes.size()) {
            const ssize_t n =
                ::send(m_fd, bytes.data() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            done += n;
            m_sent += n;
        }
        return m_fd >= 0;
    }
    qint64 bytesSent() const { return m_sent; }

    // Sends `chunk` over and over, up to `total` bytes, keeping what the server answers
    // meanwhile (a server that refuses a body answers before it is sent); stops when the server
    // closes or resets, or after timeoutMs. Returns the bytes sent.
    qint64 stream(QByteArrayView chunk, qint64 total, int timeoutMs = 20000)
    {
        QElapsedTimer t;
        t.start();
        qint64 sent = 0;
        qsizetype offset = 0;
        while (m_fd >= 0 && !m_eof && sent < total && t.elapsed() < timeoutMs) {
            pollfd p{m_fd, POLLIN | POLLOUT, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
                while (fill(0)) {
                }
                if (p.revents & (POLLHUP | POLLERR))
                    break;
            }
            if (!(p.revents & POLLOUT))
                continue;
            const qsizetype want = qsizetype(std::min<qint64>(chunk.size() - offset, total - sent));
            const ssize_t n =
                ::send(m_fd, chunk.data() + offset, size_t(want), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && (errno == EAGAIN || errno == EINTR))
                continue;
            if (n <= 0)
                break;
            sent += n;
            m_sent += n;
            offset = (offset + n) % chunk.size();
        }
        while (fill(0)) {
        }
        return sent;
    }

    // One answer, skipping interim ones (100 Continue) unless asked to stop at them. `headOnly`:
    // the answer to HEAD, whose Content-Length announces a body that is not sent.
    RawAnswer read(int timeoutMs = 5000, bool headOnly = false, bool interim = false)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            RawAnswer a;
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                a.head = m_buffer.left(end);
                const qsizetype lineEnd = a.head.indexOf("\r\n");
                const QList<QByteArray> line =
                    (lineEnd < 0 ? a.head : a.head.left(lineEnd)).split(' ');
                a.status = line.value(1).toInt();
                if (a.status >= 100 && a.status < 200 && !interim) {
                    m_buffer.remove(0, end + 4);
                    continue;
                }
                const qsizetype length = headOnly ? 0 : a.header("Content-Length").toLongLong();
                if (m_buffer.size() >= end + 4 + length) {
                    a.body = m_buffer.mid(end + 4, length);
                    m_buffer.remove(0, end + 4 + length);
                    return a;
                }
            }
            const int left = timeoutMs - int(t.elapsed());
            if (left <= 0 || !fill(left))
                return {};
        }
    }

    // Whether the server has closed the connection; reads (and keeps) what arrived first.
    bool closedByPeer()
    {
        while (!m_eof && fill(0)) {
        }
        return m_eof;
    }
    // Bytes received and not yet read as an answer.
    const QByteArray& pending() const { return m_buffer; }

    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    // Waits up to timeoutMs for bytes; false on timeout or at the end of the stream.
    bool fill(int timeoutMs)
    {
        if (m_fd < 0 || m_eof)
            return false;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, timeoutMs) <= 0)
            return false;
        char chunk[65536];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0) {
            m_buffer.append(chunk, n);
            return true;
        }
        if (n == 0 || (errno != EAGAIN && errno != EINTR))
            m_eof = true;
        return false;
    }

    int m_fd = -1;
    bool m_eof = false;
    qint64 m_sent = 0;
    QByteArray m_buffer;
};

// This process's resident memory in bytes (the server runs in the test process).
inline qint64 residentBytes()
{
    FILE* f = std::fopen("/proc/self/statm", "r");
    long pages = 0;
    long resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        std::fclose(f);
    }
    return qint64(resident) * sysconf(_SC_PAGESIZE);
}

// The highest resident memory seen on a thread of its own, every 2 ms, until peak() is called.
class PeakMemory
{
public:
    PeakMemory() : m_peak(residentBytes())
    {
        m_thread = std::thread([this] {
            std::unique_lock lock(m_mutex);
            while (!m_stop) {
                m_peak = std::max(m_peak, residentBytes());
                m_wake.wait_for(lock, std::chrono::milliseconds(2), [this] { return m_stop; });
            }
        });
    }
    ~PeakMemory() { peak(); }
    qint64 peak()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        return std::max(m_peak, residentBytes());
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    qint64 m_peak;
    std::thread m_thread;
};

// A GET on a fresh connection: its status and how long the answer took, in milliseconds.
struct Timed
{
    int status = -1;
    double ms = 0;
};

inline Timed timedGet(quint16 port, const QByteArray& target, const QByteArray& authorization = {})
{
    QElapsedTimer t;
    t.start();
    RawClient c(port);
    QByteArray request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    c.send(request + "\r\n");
    const RawAnswer a = c.read(5000);
    return {a.status, double(t.nsecsElapsed()) / 1e6};
}

// The median of what a normal client saw: a single slow sample on a shared machine says
// nothing about the server, a server that stopped answering makes every sample slow.
inline double medianMs(QList<Timed> samples)
{
    if (samples.isEmpty())
        return 1e9;
    std::sort(samples.begin(), samples.end(),
              [](const Timed& a, const Timed& b) { return a.ms < b.ms; });
    return samples[samples.size() / 2].ms;
}

// Polls the server on its own thread, a fresh connection every 10 ms, while a test misbehaves
// elsewhere; stop() returns what it saw (at least `minimum` samples).
class NormalClient
{
public:
    NormalClient(quint16 port, QByteArray target, QByteArray authorization, int minimum = 5)
        : m_minimum(minimum)
    {
        m_thread = std::thread([=, this] {
            std::unique_lock lock(m_mutex);
            while (!m_stop || m_samples.size() < m_minimum) {
                lock.unlock();
                const Timed t = timedGet(port, target, authorization);
                lock.lock();
                m_samples << t;
                m_wake.wait_for(lock, std::chrono::milliseconds(10), [this] { return m_stop; });
            }
        });
    }
    ~NormalClient() { stop(); }

    QList<Timed> stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        return m_samples;
    }

private:
    const qsizetype m_minimum;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    QList<Timed> m_samples;
    std::thread m_thread;
};

// Every sample answered with `status`, and the median within `ms`.
inline QString judge(const QList<Timed>& samples, int status, double ms)
{
    for (const Timed& t : samples) {
        if (t.status != status)
            return QStringLiteral("a normal client got %1 (after %2 ms)").arg(t.status).arg(t.ms);
    }
    const double median = medianMs(samples);
    if (median > ms)
        return QStringLiteral("a normal client's median answer took %1 ms").arg(median);
    return {};
}

// An ApiServer on the engine, listening on a free loopback port.
inline std::expected<std::pair<std::unique_ptr<ApiServer>, quint16>, QString>
startFront(Engine& engine, const HttpLimits& limits)
{
    auto api = std::make_unique<ApiServer>(engine, limits);
    const auto port = api->listen(QHostAddress(QHostAddress::LocalHost), 0);
    if (!port)
        return std::unexpected(port.error());
    return std::pair{std::move(api), *port};
}

} // namespace boxoffice::test
