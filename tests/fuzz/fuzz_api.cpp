// Hostile input for the HTTP API: one fuzz input is one request, fed to the same ApiServer the
// server uses, on one TestEngine (temporary SQLite file, ManualClock, demo data) kept for the
// whole process.
//
// Input format (text, so the checked-in corpus stays readable):
//
//   METHOD /path?query          first line (" HTTP/1.x" at its end is kept in raw mode)
//   Header-Name: value          any number of lines (Authorization, Accept-Language,
//   ...                         Idempotency-Key, X-Api-Key and anything else)
//                               an empty line ends the head ("\n\n" or "\r\n\r\n")
//   body bytes                  everything after it, untouched
//
// Harness directives, never sent to the server:
//   X-Fuzz-Remote: 203.0.113.9  the client address (default 127.0.0.1; the API key is
//                               "fuzz-key", so a non-loopback client meets the key guard)
//   X-Fuzz-Advance: 600000      moves the manual clock on by that many ms (capped at 2 days)
//   X-Fuzz-Admit: 1             runs the queue's due admission
//   X-Fuzz-Raw: 1               the head goes out as written: no Host or Content-Length of the
//                               harness's, framing headers kept (Content-Length twice,
//                               Transfer-Encoding, Expect, Upgrade, Connection), so the front's
//                               framing rules meet what a hostile client would send
//   X-Fuzz-Body-Repeat: N       the body N times over (up to 4 MiB): bodies past the limits
//   X-Fuzz-Pad-Header: N        adds a header of N bytes (up to 1 MiB): heads past the limits
// BOXOFFICE_FUZZ_TRACE=1 prints one line per request (method, path, status, code).
// Placeholders, replaced in header values and the body: $TOKEN1 / $TOKEN2 are ACTIVE tokens of
// customer 1 on concert 1 and customer 2 on concert 2 (fetched again when they lapse), so
// inputs reach holds and payments, which random bytes never would. For the staff API (whose key
// is "fuzz-key" too): $PAYMENT, $RESERVATION, $TICKET, $CODE and $SCHEDULE name a paid seat of
// customer 3 (its payment, reservation, current ticket and code, performance), bought through
// the services when there is none still paid and not checked in; $REFUNDED is the last refunded
// reservation, $ADMITTED_CODE the code of the last ticket checked in.
//
// Two ways to deliver a request, chosen by BOXOFFICE_FUZZ_MODE:
//   direct (default)  what the front would do, without a socket: the head rules of
//                     checkHead() on the head as it would go out, then ApiServer::handle()
//   http              the request is written to the real front (libmicrohttpd, ApiServer::listen
//                     on 127.0.0.1:0) over a kept-alive connection, and the raw answer is
//                     parsed; requests with a non-loopback X-Fuzz-Remote still go direct. Unless
//                     raw, the request is framed by the harness (its own Host and
//                     Content-Length, bytes outside printable ASCII in the target
//                     percent-encoded), so that every input reaches the routes rather than the
//                     request parser alone
//
// After every request: no crash or sanitizer report (the build), a status in 200..599, no 5xx
// except 503 STORAGE_* (a storage condition, never a client mistake), a JSON object body, and
// for 4xx/5xx a non-empty string "code" and "message" (a 200 PDF of tickets is the one body that
// is not JSON: it must be a PDF). The one exception is a head
// libmicrohttpd refuses before the front sees it (a request line or Content-Length it cannot
// parse, headers past its memory, a bad chunk): its own short HTML answer with one of the
// statuses in kLibraryStatuses, then the connection closes. Every 2000 requests the invariant
// checker runs (balances equal ledgers, no seat sold twice, integrity_check); every 20000 the
// database starts over. A broken rule prints the request and aborts, which libFuzzer records
// as a crash.
//
// Built two ways (tests/fuzz/CMakeLists.txt): with libFuzzer for the long run (scripts/fuzz.sh),
// and with BOXOFFICE_FUZZ_REPLAY_MAIN, a main() that replays files and folders (the checked-in
// corpus) for CTest.

#include "http/ApiServer.h"
#include "http/HttpRules.h"
#include "storage/InvariantChecker.h"
#include "support/TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>

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
constexpr qsizetype kMaxRepeatedBody = 4 * 1024 * 1024;
constexpr qsizetype kMaxPadHeader = 1024 * 1024;
// What libmicrohttpd answers by itself, for heads it cannot parse or hold.
constexpr int kLibraryStatuses[] = {400, 413, 414, 431, 505};

// The front's limits for the harness: the product's, but a request that never completes (a
// raw head promising more body than it sends, a request line libmicrohttpd never finishes
// reading, such as one that starts with a NUL) is given up on in a second, not in 10 or 30.
HttpLimits fuzzLimits()
{
    HttpLimits limits;
    limits.threads = 2;
    limits.requestTimeoutMs = 300;
    limits.idleTimeoutMs = 1000;
    return limits;
}

struct FuzzRequest
{
    QByteArray method;
    QByteArray target;  // path and query, as sent
    QByteArray version; // raw mode: as written; otherwise HTTP/1.1
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remote{QHostAddress::LocalHost};
    qint64 advanceMs = 0;
    bool admit = false;
    bool raw = false;

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
    bool isPdf = false;     // a 200 answer of application/pdf that starts as a PDF does
    bool noAnswer = false;  // http mode: the server closed the connection without answering
    bool byLibrary = false; // http mode: libmicrohttpd's own answer to a head it refused
    bool headOnly = false;  // http mode: the answer to HEAD, which has no body
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
    req.version = "HTTP/1.1";
    if (const qsizetype v = req.target.lastIndexOf(" HTTP/"); v >= 0) {
        req.version = req.target.mid(v + 1);
        req.target.truncate(v);
    }
    qint64 repeat = 1;
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
        } else if (name.compare("X-Fuzz-Raw", Qt::CaseInsensitive) == 0) {
            req.raw = true;
        } else if (name.compare("X-Fuzz-Body-Repeat", Qt::CaseInsensitive) == 0) {
            repeat = std::max(qint64(1), value.toLongLong());
        } else if (name.compare("X-Fuzz-Pad-Header", Qt::CaseInsensitive) == 0) {
            req.headers.append(
                {"X-Pad",
                 QByteArray(std::clamp(value.toLongLong(), qint64(0), kMaxPadHeader), 'p')});
        } else {
            req.headers.append({name, value});
        }
    }
    if (repeat > 1 && !req.body.isEmpty())
        req.body =
            req.body.repeated(qsizetype(std::min(repeat, kMaxRepeatedBody / req.body.size())));
    return req;
}

bool isToken(const QByteArray& s)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(QString::fromLatin1(s)).hasMatch();
}

// The head as it goes out in http mode (and as direct mode judges it).
RequestHead wireHead(const FuzzRequest& req)
{
    RequestHead head{req.method, req.version, {}};
    if (req.raw) {
        for (const auto& [name, value] : req.headers)
            head.headers.emplaceBack(name, value);
        return head;
    }
    if (!isToken(head.method))
        head.method = "GET";
    head.version = "HTTP/1.1";
    head.headers.emplaceBack("Host", "127.0.0.1");
    static const QByteArrayList framing = {"host",       "content-length", "transfer-encoding",
                                           "connection", "expect",         "upgrade"};
    for (const auto& [name, value] : req.headers) {
        if (framing.contains(name.toLower()) || !isToken(name))
            continue;
        QByteArray v = value;
        v.replace('\r', ' ').replace('\n', ' ').replace('\0', ' ');
        head.headers.emplaceBack(name, v);
    }
    head.headers.emplaceBack("Content-Length", QByteArray::number(req.body.size()));
    return head;
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
        m_api = std::make_unique<ApiServer>(**m_t, fuzzLimits());
        m_api->setApiKey("fuzz-key");
        m_tokens.clear();
        m_purchase = {};
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
            if (s.contains("$REFUNDED"))
                s.replace("$REFUNDED", QByteArray::number(lastRefunded()));
            if (s.contains("$ADMITTED_CODE"))
                s.replace("$ADMITTED_CODE", lastAdmittedCode().toLatin1());
            for (const char* name : {"$PAYMENT", "$RESERVATION", "$TICKET", "$CODE", "$SCHEDULE"}) {
                if (s.contains(name)) {
                    const Purchase& p = purchase();
                    s.replace("$PAYMENT", QByteArray::number(p.payment))
                        .replace("$RESERVATION", QByteArray::number(p.reservation))
                        .replace("$TICKET", QByteArray::number(p.ticket))
                        .replace("$CODE", p.code.toLatin1())
                        .replace("$SCHEDULE", QByteArray::number(p.schedule));
                    break;
                }
            }
        };
        for (auto& h : req.headers)
            apply(h.second);
        apply(req.body);
        apply(req.target); // the staff routes name payments and tickets in the path
    }

    // A paid seat for the staff API's inputs to work on.
    struct Purchase
    {
        qint64 payment = 0;
        qint64 reservation = 0;
        qint64 ticket = 0;
        qint64 schedule = 0;
        QString code;
    };
    static constexpr qint64 kBuyer = 3;

    // The seat bought last, with its current ticket (an input may have reissued it), or a new
    // one when it is no longer paid (refunded) or already checked in (it could not be refunded).
    // Zeros when nothing can be bought: the inputs then meet not-found answers, which are rules
    // too.
    const Purchase& purchase()
    {
        Database& db = *m_t->engine->db;
        if (m_purchase.reservation != 0 &&
            scalar(db, QStringLiteral("SELECT status FROM reservations WHERE id = ?"),
                   {m_purchase.reservation})
                    .toString() == QLatin1String("PAID") &&
            !scalar(db, QStringLiteral("SELECT id FROM checkins WHERE reservation_id = ?"),
                    {m_purchase.reservation})
                 .isValid()) {
            auto conn = db.connection();
            if (!conn)
                return m_purchase;
            auto q = (*conn)->tryRun(QStringLiteral("SELECT id, code FROM tickets WHERE"
                                                    " reservation_id = ? AND status = ?"),
                                     {m_purchase.reservation, QStringLiteral("VALID")});
            if (q && q->next()) {
                m_purchase.ticket = q->value(0).toLongLong();
                m_purchase.code = q->value(1).toString();
                return m_purchase;
            }
        }
        m_purchase = {};
        Engine& e = *m_t->engine;
        const auto schedules = e.catalogue.schedulesOf(1);
        if (!schedules || schedules->isEmpty())
            return m_purchase;
        const qint64 schedule = schedules->first().id;
        const QString token = m_t->activeToken(kBuyer, 1);
        for (int seat = 1; seat <= 50; ++seat) {
            const auto held = e.reservations.hold(token, schedule, seat);
            if (!held)
                continue;
            const qint64 balance = e.wallet.balance(kBuyer).value_or(0);
            if (balance < held->price && !e.wallet.charge(kBuyer, held->price - balance))
                return m_purchase;
            const auto paid = e.payments.pay(token, {held->id});
            if (!paid || paid->tickets.isEmpty())
                return m_purchase;
            m_purchase = {paid->id, held->id, paid->tickets.first().id, schedule,
                          paid->tickets.first().code};
            return m_purchase;
        }
        return m_purchase;
    }

    QString lastAdmittedCode()
    {
        return scalar(*m_t->engine->db,
                      QStringLiteral("SELECT t.code FROM checkins ch JOIN tickets t"
                                     " ON t.id = ch.ticket_id ORDER BY ch.id DESC LIMIT 1"))
            .toString();
    }

    qint64 lastRefunded()
    {
        return scalar(*m_t->engine->db,
                      QStringLiteral("SELECT reservation_id FROM refund_items ORDER BY refund_id"
                                     " DESC, reservation_id LIMIT 1"))
            .toLongLong();
    }

    ApiRequest apiRequest(const FuzzRequest& req) const
    {
        const QUrl url = QUrl::fromEncoded("http://127.0.0.1" + req.target);
        ApiRequest r;
        r.method = req.method;
        r.path = url.path();
        for (const auto& [key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
            r.query.emplaceBack(key.toUtf8(), value.toUtf8());
        r.remote = req.remote;
        r.apiKey = req.header("X-Api-Key");
        r.authorization = req.header("Authorization");
        r.acceptLanguage = req.header("Accept-Language");
        r.idempotencyKey = req.header("Idempotency-Key");
        r.body = req.body;
        return r;
    }

    // What the front does, without the socket: the head's rules, the framing of the body (a
    // raw head's own), the body limit, the API.
    Answer direct(const FuzzRequest& req)
    {
        const RequestHead head = wireHead(req);
        FuzzRequest framed = req;
        Answer a;
        ApiResponse response;
        if (const auto refused = checkHead(head, m_api->limits())) {
            response = *refused;
        } else if (req.raw && !unframe(framed)) {
            a.noAnswer = true; // the front would wait for the rest, then close
            return a;
        } else if (framed.body.size() > m_api->limits().maxBodyBytes) {
            response = payloadTooLarge(languageOf(req.header("Accept-Language")),
                                       m_api->limits().maxBodyBytes);
        } else {
            response = m_api->handle(apiRequest(framed));
        }
        a.status = response.status;
        a.body = response.wireBody();
        if (isPdfAnswer(a.status, response.wireContentType(), a.body)) {
            a.isPdf = true;
            return a;
        }
        // What the front sends must read back as an object.
        QJsonParseError err;
        const QJsonDocument back = QJsonDocument::fromJson(a.body, &err);
        a.isJson = err.error == QJsonParseError::NoError && back.isObject();
        a.json = back.object();
        return a;
    }

    // A raw request's body as its head frames it: cut at Content-Length, or de-chunked. False
    // when the body is shorter than announced (or its chunks are cut off).
    static bool unframe(FuzzRequest& req)
    {
        if (req.header("Transfer-Encoding").isEmpty()) {
            const qint64 length = req.header("Content-Length").trimmed().toLongLong();
            if (length > req.body.size())
                return false;
            req.body.truncate(length);
            return true;
        }
        QByteArray body;
        qsizetype at = 0;
        for (;;) {
            const qsizetype eol = req.body.indexOf("\r\n", at);
            if (eol < 0)
                return false;
            bool ok = false;
            const qsizetype size =
                req.body.mid(at, eol - at).split(';').value(0).toLongLong(&ok, 16);
            if (!ok || size < 0 || eol + 2 + size + 2 > req.body.size())
                return false;
            if (size == 0)
                break;
            body += req.body.mid(eol + 2, size);
            at = eol + 2 + size + 2;
        }
        req.body = body;
        return true;
    }

    QByteArray wire(const FuzzRequest& req) const
    {
        const RequestHead head = wireHead(req);
        QByteArray target;
        if (req.raw) {
            target = req.target;
        } else {
            for (char c : req.target) {
                const auto u = static_cast<unsigned char>(c);
                if (u <= 0x20 || u >= 0x7f)
                    target += '%' + QByteArray::number(u, 16).rightJustified(2, '0').toUpper();
                else
                    target += c;
            }
            if (!target.startsWith('/'))
                target.prepend('/');
        }
        QByteArray out = head.method + ' ' + target + ' ' + head.version + "\r\n";
        for (const auto& [name, value] : head.headers)
            out += name + ": " + value + "\r\n";
        return out + "\r\n" + req.body;
    }

    // One request over the kept-alive connection; the answer is read by its Content-Length.
    Answer overHttp(const FuzzRequest& req)
    {
        if (req.raw)
            m_socket.reset(); // a raw request may frame its body wrongly: a connection of its own
        if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
            m_socket = std::make_unique<QTcpSocket>();
            m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
            pump([this] { return m_socket->state() == QAbstractSocket::ConnectedState; });
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                qFatal("fuzz_api: cannot connect to the in-process server");
        }
        m_socket->write(wire(req));
        const bool head = wireHead(req).method == "HEAD";
        QByteArray raw;
        qsizetype headEnd = -1;
        qsizetype length = -1;
        auto complete = [&] {
            raw += m_socket->readAll();
            for (;;) {
                if (headEnd < 0) {
                    headEnd = raw.indexOf("\r\n\r\n");
                    if (headEnd < 0)
                        return false;
                    // An interim answer (100 Continue) comes before the one that counts.
                    if (raw.startsWith("HTTP/1.1 1")) {
                        raw.remove(0, headEnd + 4);
                        headEnd = -1;
                        continue;
                    }
                    static const QRegularExpression cl(
                        QStringLiteral("\r\ncontent-length:\\s*(\\d+)"),
                        QRegularExpression::CaseInsensitiveOption);
                    const auto m = cl.match(QString::fromLatin1(raw.left(headEnd + 2)));
                    length = head || !m.hasMatch() ? 0 : m.captured(1).toLongLong();
                }
                return raw.size() >= headEnd + 4 + length;
            }
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
        const QByteArray answerHead = raw.left(headEnd + 2).toLower();
        const QList<QByteArray> statusLine = raw.left(raw.indexOf("\r\n")).split(' ');
        a.status = statusLine.value(1).toInt();
        a.body = raw.mid(headEnd + 4, length);
        raw.remove(0, headEnd + 4 + length);
        const bool closes = answerHead.contains("\r\nconnection: close");
        a.byLibrary = closes && !answerHead.contains("\r\ncontent-type:");
        if (closes || req.raw) {
            // Whatever follows is not an answer to this request: what a raw body held past its
            // framing (a second request), or libmicrohttpd 0.9.75 writing the head of some of its
            // own refusals twice.
            m_socket.reset();
        } else if (!raw.isEmpty()) {
            fail(req, a, "more bytes than one answer");
        }
        if (a.byLibrary)
            return a;
        static const QRegularExpression type(QStringLiteral("\r\ncontent-type:\\s*([^\r]*)"));
        const auto m = type.match(QString::fromLatin1(answerHead));
        if (isPdfAnswer(a.status, m.captured(1).toLatin1(), head ? "%PDF-" : a.body)) {
            a.isPdf = true;
            return a;
        }
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(a.body, &err);
        a.headOnly = head;
        a.isJson = head || (err.error == QJsonParseError::NoError && doc.isObject());
        a.json = doc.object();
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

    // The tickets' PDF: the one answer that is not JSON, and then a PDF it must be.
    static bool isPdfAnswer(int status, const QByteArray& contentType, const QByteArray& body)
    {
        if (!contentType.toLower().startsWith("application/pdf"))
            return false;
        if (status != 200 || !body.startsWith("%PDF-"))
            qFatal("fuzz_api: a PDF answer %d that is no PDF", status);
        return true;
    }

    void verify(const FuzzRequest& req, const Answer& a)
    {
        if (a.noAnswer || a.isPdf)
            return;
        if (a.byLibrary) {
            if (std::find(std::begin(kLibraryStatuses), std::end(kLibraryStatuses), a.status) ==
                std::end(kLibraryStatuses))
                fail(req, a, "libmicrohttpd answered by itself with an unexpected status");
            return;
        }
        if (a.status < 200 || a.status > 599)
            fail(req, a, "status outside 200..599");
        if (!a.isJson)
            fail(req, a, "the body is not a JSON object");
        if (a.status < 400 || a.headOnly)
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
    Purchase m_purchase;
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
        // Lives for the process; a QGuiApplication, as the server's, since the tickets' PDF
        // needs fonts.
        new QGuiApplication(argc, argv);
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
