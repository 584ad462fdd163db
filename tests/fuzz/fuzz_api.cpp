// Hostile input for the HTTP API (issue item 3): one fuzz input is one request, fed to the same
// ApiServer handlers and JSON parsing the server uses, on one TestEngine (temporary SQLite file,
// ManualClock, demo data) kept for the whole process.
//
// Input format (text, so the checked-in corpus stays readable):
//
//   METHOD /path?query          first line
//   Header-Name: value          any number of lines (Authorization, Accept-Language,
//   ...                         Idempotency-Key, X-Api-Key and anything else)
//                               an empty line ends the head ("\n\n" or "\r\n\r\n")
//   body bytes                  everything after it, untouched
//
// Harness directives, never sent to the server:
//   X-Fuzz-Remote: 203.0.113.9  the client address (default 127.0.0.1; the API key is
//                               "fuzz-key", so a non-loopback client meets guard())
//   X-Fuzz-Advance: 600000      moves the manual clock on by that many ms (capped at 2 days)
//   X-Fuzz-Admit: 1             runs the queue's due admission
// BOXOFFICE_FUZZ_TRACE=1 prints one line per request (method, path, status, code).
// Placeholders, replaced in header values and the body: $TOKEN1 / $TOKEN2 are ACTIVE tokens of
// customer 1 on concert 1 and customer 2 on concert 2 (fetched again when they lapse), so
// inputs reach holds and payments, which random bytes never would.
//
// Two ways to deliver a request, chosen by BOXOFFICE_FUZZ_MODE:
//   direct (default)  the method and path are routed to the ApiServer handler the way
//                     addRoutes() registers them (a small table below), no socket
//   http              the request is written to a real QHttpServer (ApiServer::listen on
//                     127.0.0.1:0) over a kept-alive QTcpSocket, and the raw answer is parsed;
//                     requests with a non-loopback X-Fuzz-Remote still go direct (guard()).
//                     The request is framed by the harness (its own Host and Content-Length,
//                     other methods than GET POST PUT DELETE PATCH OPTIONS sent as GET, bytes
//                     outside printable ASCII in the target percent-encoded), so that every
//                     input reaches the routes rather than Qt's request parser alone
//
// After every request: no crash or sanitizer report (the build), a status in 200..599, no 5xx
// except 503 STORAGE_* (a storage condition, never a client mistake), a JSON object body, and
// for 4xx/5xx a non-empty string "code" and "message". Every 2000 requests the invariant checker
// runs (balances equal ledgers, no seat sold twice, integrity_check); every 20000 the database
// starts over. A broken rule prints the request and aborts, which libFuzzer records as a crash.
//
// Built two ways (tests/fuzz/fuzz.cmake): with libFuzzer for the long run (scripts/fuzz.sh), and
// with BOXOFFICE_FUZZ_REPLAY_MAIN, a main() that replays files and folders (the checked-in
// corpus) for CTest.

#include "http/ApiServer.h"
#include "storage/InvariantChecker.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

constexpr int kCheckEvery = 2000;
constexpr int kResetEvery = 20000;
constexpr qint64 kMaxAdvanceMs = 2LL * 24 * 3600 * 1000;
constexpr qint64 kResetAfterMs = 30LL * 24 * 3600 * 1000; // the clock ran a month: start over

struct FuzzRequest
{
    QByteArray method;
    QByteArray target; // path and query, as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remote{QHostAddress::LocalHost};
    qint64 advanceMs = 0;
    bool admit = false;

    QByteArray header(const QByteArray& name) const
    {
        for (const auto& [k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

struct Answer
{
    int status = 0;
    QByteArray body;  // raw JSON (http mode)
    QJsonObject json; // parsed, or what the handler returned (direct mode)
    bool isJson = true;
    bool noAnswer = false; // http mode: the server closed the connection without answering
};

[[noreturn]] void fail(const FuzzRequest& req, const Answer& a, const char* why)
{
    std::fprintf(stderr,
                 "\nfuzz_api: RULE BROKEN: %s\n  request: %s %s\n  status: %d\n  body: %s\n", why,
                 req.method.constData(), req.target.left(300).constData(), a.status,
                 (a.body.isEmpty() ? QJsonDocument(a.json).toJson(QJsonDocument::Compact) : a.body)
                     .left(2000)
                     .constData());
    std::abort();
}

FuzzRequest parse(const QByteArray& input)
{
    FuzzRequest req;
    qsizetype split = input.indexOf("\r\n\r\n");
    qsizetype skip = 4;
    const qsizetype lf = input.indexOf("\n\n");
    if (lf >= 0 && (split < 0 || lf < split)) {
        split = lf;
        skip = 2;
    }
    const QByteArray head = split < 0 ? input : input.left(split);
    req.body = split < 0 ? QByteArray() : input.mid(split + skip);

    const QList<QByteArray> lines = head.split('\n');
    QByteArray first = lines.value(0);
    if (first.endsWith('\r'))
        first.chop(1);
    const qsizetype sp = first.indexOf(' ');
    req.method = sp < 0 ? first : first.left(sp);
    req.target = sp < 0 ? QByteArray() : first.mid(sp + 1);
    if (req.target.endsWith(" HTTP/1.1"))
        req.target.chop(9);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name.compare("X-Fuzz-Remote", Qt::CaseInsensitive) == 0) {
            const QHostAddress a(QString::fromLatin1(value));
            if (!a.isNull())
                req.remote = a;
        } else if (name.compare("X-Fuzz-Advance", Qt::CaseInsensitive) == 0) {
            req.advanceMs = std::clamp(value.toLongLong(), qint64(0), kMaxAdvanceMs);
        } else if (name.compare("X-Fuzz-Admit", Qt::CaseInsensitive) == 0) {
            req.admit = true;
        } else {
            req.headers.append({name, value});
        }
    }
    return req;
}

// The handlers as addRoutes() registers them: exact method, the path of the URL (decoded the
// way QUrl decodes it), <arg> being one path segment.
struct Route
{
    QByteArray method;
    QRegularExpression pattern;
    std::function<ApiResponse(ApiServer&, const ApiRequest&, const QString&)> call;
};

const QList<Route>& routes()
{
    static const QList<Route> table = [] {
        auto plain = [](ApiResponse (ApiServer::*h)(const ApiRequest&)) {
            return [h](ApiServer& s, const ApiRequest& r, const QString&) { return (s.*h)(r); };
        };
        auto witharg = [](ApiResponse (ApiServer::*h)(const ApiRequest&, const QString&)) {
            return
                [h](ApiServer& s, const ApiRequest& r, const QString& a) { return (s.*h)(r, a); };
        };
        auto re = [](const char* p) {
            return QRegularExpression(QStringLiteral("^%1$").arg(QString::fromLatin1(p).replace(
                QStringLiteral("<arg>"), QStringLiteral("([^/]+)"))));
        };
        return QList<Route>{
            {"POST", re("/api/v1/queue/tokens"), plain(&ApiServer::enterQueue)},
            {"GET", re("/api/v1/queue/tokens/current"), plain(&ApiServer::pollQueue)},
            {"GET", re("/api/v1/concerts"), plain(&ApiServer::concerts)},
            {"GET", re("/api/v1/concerts/<arg>/schedules"), witharg(&ApiServer::schedules)},
            {"GET", re("/api/v1/schedules/<arg>/seats"), witharg(&ApiServer::seats)},
            {"POST", re("/api/v1/reservations"), plain(&ApiServer::hold)},
            {"GET", re("/api/v1/users/<arg>/balance"), witharg(&ApiServer::balance)},
            {"POST", re("/api/v1/users/<arg>/balance/charge"), witharg(&ApiServer::charge)},
            {"GET", re("/api/v1/users/<arg>/balance/history"), witharg(&ApiServer::history)},
            {"POST", re("/api/v1/payments"), plain(&ApiServer::pay)},
        };
    }();
    return table;
}

class Harness
{
public:
    Harness()
    {
        m_http = qEnvironmentVariable("BOXOFFICE_FUZZ_MODE") == QLatin1String("http");
        m_trace = qEnvironmentVariableIsSet("BOXOFFICE_FUZZ_TRACE");
        reset();
    }

    bool httpMode() const { return m_http; }
    qint64 runs() const { return m_runs; }
    qint64 noAnswers() const { return m_noAnswers; }

    void run(const QByteArray& input)
    {
        FuzzRequest req = parse(input);
        if (m_runs > 0 &&
            (m_runs % kResetEvery == 0 || m_t->clock.nowMs() - kStartMs > kResetAfterMs)) {
            checkInvariants();
            reset();
        }
        ++m_runs;
        if (req.advanceMs > 0)
            m_t->clock.advanceMs(req.advanceMs);
        if (req.admit)
            m_t->admitNow();
        substitute(req);
        // A socket cannot pretend to come from elsewhere: other clients go to the handlers.
        const Answer a = m_http && req.remote.isLoopback() ? overHttp(req) : direct(req);
        if (m_trace) {
            std::fprintf(stderr, "fuzz_api: %s %s -> %d %s\n", req.method.left(20).constData(),
                         req.target.left(80).constData(), a.status,
                         qPrintable(a.json.value(QStringLiteral("code")).toString()));
        }
        verify(req, a);
        if (m_runs % kCheckEvery == 0)
            checkInvariants();
    }

    void checkInvariants()
    {
        const auto report = InvariantChecker::check(*m_t->engine->db);
        if (!report) {
            std::fprintf(stderr, "fuzz_api: invariant check failed to run: %s %s\n",
                         qPrintable(report.error().codeName()),
                         qPrintable(report.error().internal));
            std::abort();
        }
        if (!report->ok()) {
            std::fprintf(stderr, "fuzz_api: INVARIANTS BROKEN:\n  %s\n",
                         qPrintable(report->problems.join(QStringLiteral("\n  "))));
            std::abort();
        }
    }

private:
    void reset()
    {
        m_socket.reset();
        m_api.reset();
        m_t.reset();
        m_t = std::make_unique<TestEngine>();
        m_api = std::make_unique<ApiServer>(**m_t);
        m_api->setApiKey("fuzz-key");
        m_tokens.clear();
        if (m_http) {
            const auto port = m_api->listen(QHostAddress(QHostAddress::LocalHost), 0);
            if (!port)
                qFatal("fuzz_api: cannot listen: %s", qPrintable(port.error()));
            m_port = *port;
        }
    }

    // An ACTIVE token of the customer on the concert, fetched again when it has lapsed.
    QByteArray token(qint64 customer, qint64 concert)
    {
        QString& t = m_tokens[customer];
        if (!t.isEmpty()) {
            const auto s = m_t->engine->queue.poll(t);
            if (s && s->state == QueueState::Active)
                return t.toLatin1();
        }
        t = m_t->activeToken(customer, concert);
        return t.toLatin1();
    }

    void substitute(FuzzRequest& req)
    {
        auto apply = [this](QByteArray& s) {
            if (!s.contains('$'))
                return;
            if (s.contains("$TOKEN1"))
                s.replace("$TOKEN1", token(1, 1));
            if (s.contains("$TOKEN2"))
                s.replace("$TOKEN2", token(2, 2));
        };
        for (auto& h : req.headers)
            apply(h.second);
        apply(req.body);
    }

    ApiRequest apiRequest(const FuzzRequest& req) const
    {
        return ApiRequest{req.remote,
                          req.header("X-Api-Key"),
                          req.header("Authorization"),
                          req.header("Accept-Language"),
                          req.header("Idempotency-Key"),
                          req.body};
    }

    Answer direct(const FuzzRequest& req)
    {
        const ApiRequest r = apiRequest(req);
        const QByteArray what = req.method + ' ' + req.target.left(100);
        const QString path = QUrl::fromEncoded("http://127.0.0.1" + req.target).path();
        ApiResponse response;
        bool routed = false;
        if (const auto refused = m_api->guard(r, what)) {
            response = *refused;
            routed = true;
        }
        for (const Route& route : routes()) {
            if (routed)
                break;
            if (route.method != req.method)
                continue;
            const auto m = route.pattern.match(path);
            if (!m.hasMatch())
                continue;
            response = route.call(*m_api, r, m.captured(1));
            routed = true;
        }
        if (!routed) {
            // The missing handler: NOT_FOUND in the client's language.
            response.status = 404;
            response.body = QJsonObject{
                {QStringLiteral("code"), errorCodeName(ErrorCode::NotFound)},
                {QStringLiteral("message"), Error::make(ErrorCode::NotFound)
                                                .message(ApiServer::languageOf(r.acceptLanguage))}};
        }
        Answer a;
        a.status = response.status;
        a.json = response.body;
        // What toHttp() sends must read back as the same object.
        const QByteArray wire = QJsonDocument(response.body).toJson(QJsonDocument::Compact);
        QJsonParseError err;
        const QJsonDocument back = QJsonDocument::fromJson(wire, &err);
        a.isJson = err.error == QJsonParseError::NoError && back.isObject();
        if (!a.isJson)
            a.body = wire;
        return a;
    }

    // One request over the kept-alive connection; the answer is read by its Content-Length.
    Answer overHttp(const FuzzRequest& req)
    {
        QByteArray method = req.method;
        static const QByteArrayList known = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"};
        if (!known.contains(method))
            method = "GET";
        QByteArray target;
        for (char c : req.target) {
            const auto u = static_cast<unsigned char>(c);
            if (u <= 0x20 || u >= 0x7f)
                target += '%' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
            else
                target += c;
        }
        if (!target.startsWith('/'))
            target.prepend('/');
        QByteArray wire = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        static const QByteArrayList framing = {"host",       "content-length", "transfer-encoding",
                                               "connection", "expect",         "upgrade"};
        static const QRegularExpression tokenChars(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
        for (const auto& [name, value] : req.headers) {
            if (framing.contains(name.toLower()) ||
                !tokenChars.match(QString::fromLatin1(name)).hasMatch())
                continue;
            QByteArray v = value;
            v.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
            wire += name + ": " + v + "\r\n";
        }
        wire += "Content-Length: " + QByteArray::number(req.body.size()) + "\r\n\r\n" + req.body;

        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket = std::make_unique<QTcpSocket>();
            m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
            pump([this] { return m_socket->state() == QAbstractSocket::ConnectedState; });
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                qFatal("fuzz_api: cannot connect to the in-process server");
        }
        m_socket->write(wire);
        QByteArray raw;
        qsizetype headEnd = -1;
        qsizetype length = -1;
        auto complete = [&] {
            raw += m_socket->readAll();
            if (headEnd < 0) {
                headEnd = raw.indexOf("\r\n\r\n");
                if (headEnd < 0)
                    return false;
                static const QRegularExpression cl(QStringLiteral("\r\ncontent-length:\\s*(\\d+)"),
                                                   QRegularExpression::CaseInsensitiveOption);
                const auto m = cl.match(QString::fromLatin1(raw.left(headEnd + 2)));
                length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
            }
            return raw.size() >= headEnd + 4 + length;
        };
        const bool done = pump(
            [&] { return complete() || m_socket->state() != QAbstractSocket::ConnectedState; });
        Answer a;
        if (!done)
            fail(req, a, "no answer within 30 s (hang)");
        complete();
        if (headEnd < 0 || raw.size() < headEnd + 4 + length) {
            a.noAnswer = true; // the server dropped the request; nothing was answered
            ++m_noAnswers;
            m_socket.reset();
            return a;
        }
        const QList<QByteArray> statusLine = raw.left(raw.indexOf("\r\n")).split(' ');
        a.status = statusLine.value(1).toInt();
        a.body = raw.mid(headEnd + 4, length);
        raw.remove(0, headEnd + 4 + length);
        if (!raw.isEmpty())
            fail(req, a, "more bytes than one answer");
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(a.body, &err);
        a.isJson = err.error == QJsonParseError::NoError && doc.isObject();
        a.json = doc.object();
        if (method == "OPTIONS" && a.body.isEmpty())
            a.isJson = true; // QHttpServer answers OPTIONS itself
        return a;
    }

    template <typename Done> bool pump(Done done)
    {
        const QDeadlineTimer deadline(30000);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        }
        return true;
    }

    void verify(const FuzzRequest& req, const Answer& a)
    {
        if (a.noAnswer)
            return;
        if (a.status < 200 || a.status > 599)
            fail(req, a, "status outside 200..599");
        if (!a.isJson)
            fail(req, a, "the body is not a JSON object");
        if (a.status < 400)
            return;
        if (m_http && req.method == "OPTIONS")
            return;
        const QString code = a.json.value(QStringLiteral("code")).toString();
        if (code.isEmpty() || a.json.value(QStringLiteral("message")).toString().isEmpty())
            fail(req, a, "an error without a string code and message");
        if (a.status >= 500 && !(a.status == 503 && code.startsWith(QLatin1String("STORAGE_"))))
            fail(req, a, "5xx for a request (only 503 STORAGE_* may be, and only for storage)");
    }

    bool m_http = false;
    bool m_trace = false; // BOXOFFICE_FUZZ_TRACE: one line per request
    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<QTcpSocket> m_socket;
    quint16 m_port = 0;
    QHash<qint64, QString> m_tokens;
    qint64 m_runs = 0;
    qint64 m_noAnswers = 0;
};

Harness* harness()
{
    static Harness* h = [] {
        static int argc = 1;
        static char name[] = "fuzz_api";
        static char* argv[] = {name, nullptr};
        qputenv("QT_QPA_PLATFORM", "offscreen");
        // The handlers' qWarning() lines for refused keys would flood the fuzzer's output.
        if (!qEnvironmentVariableIsSet("BOXOFFICE_FUZZ_VERBOSE"))
            qputenv("QT_LOGGING_RULES", "*.warning=false;*.info=false;*.debug=false");
        new QCoreApplication(argc, argv); // lives for the process
        return new Harness;
    }();
    return h;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    harness()->run(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}

#ifdef BOXOFFICE_FUZZ_REPLAY_MAIN

// Replays files (and every file under folders) given on the command line, in name order, then
// checks the invariants once more. Exit 0 when every input kept every rule; a broken rule aborts.
int main(int argc, char** argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(arg).isDir()) {
            QStringList found;
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            found.sort();
            files << found;
        } else {
            files << arg;
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "usage: %s FILE_OR_FOLDER...\n", argv[0]);
        return 2;
    }
    Harness* h = harness();
    for (const QString& path : files) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz_replay: cannot read %s\n", qPrintable(path));
            return 1;
        }
        const QByteArray input = f.readAll();
        std::fprintf(stderr, "fuzz_replay: %s\n",
                     qPrintable(QDir::current().relativeFilePath(path)));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(input.constData()),
                               size_t(input.size()));
    }
    h->checkInvariants();
    std::printf(
        "fuzz_replay: %d inputs (%s mode), every rule kept, invariants hold%s\n", int(files.size()),
        h->httpMode() ? "http" : "direct",
        h->noAnswers()
            ? qPrintable(QStringLiteral(", %1 dropped without an answer").arg(h->noAnswers()))
            : "");
    return 0;
}

#endif
