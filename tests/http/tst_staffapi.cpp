// The staff API of design §9 over a real socket: refunds, a payment's tickets (JSON and PDF),
// reissue and check-ins on ApiServer listening on 127.0.0.1 port 0, over a TestEngine (manual
// clock). The key rule (every address needs X-Api-Key, loopback included; no key configured is
// 403 STAFF_API_DISABLED), every refusal, bad input that changes nothing, and races of one
// ticket's check-ins and one seat's refunds through HTTP on real threads.

#include "http/ApiServer.h"
#include "http/RawHttp.h"
#include "storage/InvariantChecker.h"
#include "support/AfterSaleSupport.h"

#include <QDateTime>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>

#include <atomic>
#include <functional>
#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const QByteArray kKey = QByteArrayLiteral("staff-key-0123456789abcdef");

struct Call
{
    QByteArray method = "GET";
    QByteArray path;
    QByteArray body;
    QByteArray apiKey = kKey; // empty: no X-Api-Key header
    QByteArray idempotencyKey;
    QByteArray lang = "en";
};

// One request on a connection of its own (blocking; safe on any thread).
RawAnswer send(quint16 port, const Call& c)
{
    RawClient client(port);
    QByteArray request = c.method + ' ' + c.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!c.apiKey.isEmpty())
        request += "X-Api-Key: " + c.apiKey + "\r\n";
    if (!c.idempotencyKey.isEmpty())
        request += "Idempotency-Key: " + c.idempotencyKey + "\r\n";
    if (!c.lang.isEmpty())
        request += "Accept-Language: " + c.lang + "\r\n";
    request +=
        "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(c.body.size()) +
        "\r\nConnection: close\r\n\r\n" + c.body;
    client.send(request);
    return client.read(20000);
}

// `n` requests on as many threads, each connected and written at once as far as threads can
// be; the answers in the order of `request`'s index.
std::vector<RawAnswer> race(quint16 port, int n, const std::function<Call(int)>& request)
{
    std::vector<RawAnswer> answers(static_cast<size_t>(n));
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            const Call c = request(i);
            ready.fetch_add(1);
            while (ready.load() < n)
                std::this_thread::yield();
            answers[size_t(i)] = send(port, c);
        });
    }
    for (std::thread& t : threads)
        t.join();
    return answers;
}

// The payment's ticket for one of its seats (fatal when it has none).
Ticket ticketOf(const Payment& p, qint64 reservationId)
{
    for (const Ticket& t : p.tickets) {
        if (t.reservationId == reservationId)
            return t;
    }
    qFatal("payment %lld has no ticket for reservation %lld", p.id, reservationId);
}

QString describe(const RawAnswer& a)
{
    return QStringLiteral("%1 %2").arg(a.status).arg(QString::fromUtf8(a.body.left(400)));
}

// A race's answers: how many won (`status`), how many lost with the 409 `code`, and anything
// else (which no race may answer).
struct Tally
{
    int won = 0;
    int refused = 0;
    QStringList other;
};

Tally tally(const std::vector<RawAnswer>& answers, int status, const QString& code)
{
    Tally t;
    for (const RawAnswer& a : answers) {
        if (a.status == status)
            ++t.won;
        else if (a.status == 409 && a.code() == code)
            ++t.refused;
        else
            t.other << describe(a);
    }
    return t;
}

// The ISO 8601 time the API writes ("…+00:00"), in milliseconds; -1 when it is not one.
qint64 isoMs(const QJsonValue& v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid() || !v.toString().endsWith(QLatin1String("+00:00")))
        return -1;
    return t.toMSecsSinceEpoch();
}

} // namespace

class TestStaffApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void staffRoutesNeedTheKeyOnLoopback();
    void noKeyConfiguredIsStaffApiDisabled();
    void paymentAnswerCarriesTheCodes();
    void refundAndItsRepeat();
    void refundRefusals();
    void refundFeeReachesTheAnswer();
    void ticketsOfAPayment();
    void ticketsPdf();
    void reissue();
    void checkInAnswers();
    void everyFlippedPositionIsTicketInvalid();
    void badInputChangesNothing_data();
    void badInputChangesNothing();
    void concurrentCheckInsOfOneTicket();
    void concurrentRefundsOfOneSeat();

private:
    void start(EngineSettings settings = {}, const QByteArray& key = kKey, int threads = 2);
    RawAnswer call(Call c) { return send(m_port, c); }
    RawAnswer get(const QByteArray& path) { return call({"GET", path}); }
    RawAnswer post(const QByteArray& path, const QByteArray& body, const QByteArray& key = {})
    {
        Call c{"POST", path, body};
        c.idempotencyKey = key;
        return call(c);
    }
    // Everything a refused request must leave alone.
    QStringList snapshot();

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    qint64 m_schedule = 0;
};

void TestStaffApi::init()
{
    start();
}

void TestStaffApi::cleanup()
{
    m_api.reset();
    m_t.reset();
}

void TestStaffApi::start(EngineSettings settings, const QByteArray& key, int threads)
{
    m_api.reset();
    m_t.reset();
    m_t = std::make_unique<TestEngine>(settings);
    HttpLimits limits;
    limits.threads = threads;
    m_api = std::make_unique<ApiServer>(**m_t, limits);
    m_api->setApiKey(key);
    const auto port = m_api->listen(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY2(port.has_value(), port ? "" : qPrintable(port.error()));
    m_port = *port;
    m_schedule = scheduleOf(*m_t, 1);
}

QStringList TestStaffApi::snapshot()
{
    QStringList out;
    for (const char* sql :
         {"SELECT id, balance FROM customers ORDER BY id", "SELECT id, status FROM reservations",
          "SELECT id, status, code FROM tickets", "SELECT id FROM checkins",
          "SELECT id FROM refunds", "SELECT reservation_id, refund_id, fee FROM refund_items",
          "SELECT id, amount FROM ledger", "SELECT id FROM audit_log", "SELECT id FROM payments"}) {
        // A snapshot that cannot be read would make every comparison pass: fatal instead.
        auto conn = m_t->engine->db->connection();
        if (!conn)
            qFatal("snapshot: no connection");
        auto q = (*conn)->tryRun(QString::fromLatin1(sql), {});
        if (!q)
            qFatal("snapshot: cannot read %s", sql);
        QStringList rows;
        while (q->next())
            rows << q->value(0).toString() + u':' + q->value(1).toString() + u':' +
                        q->value(2).toString();
        rows.sort();
        out << QString::fromLatin1(sql) + QStringLiteral(" = ") + rows.join(u',');
    }
    return out;
}

void TestStaffApi::staffRoutesNeedTheKeyOnLoopback()
{
    const Payment p = buy(*m_t, 1, m_schedule, {1});
    const QByteArray paymentPath = "/api/v1/payments/" + QByteArray::number(p.id);
    const QList<Call> staff = {
        {"POST", "/api/v1/refunds", reservationIdsBody(p.reservationIds)},
        {"GET", paymentPath + "/tickets"},
        {"GET", paymentPath + "/tickets.pdf"},
        {"POST", "/api/v1/tickets/" + QByteArray::number(p.tickets.first().id) + "/reissue"},
        {"POST", "/api/v1/checkins", checkInBody(p.tickets.first().code, m_schedule)},
    };
    const QStringList before = snapshot();
    for (Call c : staff) {
        c.apiKey.clear();
        const RawAnswer none = call(c);
        QVERIFY2(none.status == 401 && none.code() == QLatin1String("API_KEY_MISSING"),
                 qPrintable(c.path + ": " + describe(none)));
        c.apiKey = "not-the-key-at-all-0000";
        const RawAnswer wrong = call(c);
        QVERIFY2(wrong.status == 401 && wrong.code() == QLatin1String("API_KEY_INVALID"),
                 qPrintable(c.path + ": " + describe(wrong)));
    }
    QCOMPARE(snapshot(), before);
    // The customer's routes keep part one's rule: a loopback client needs no key.
    QCOMPARE(call({"GET", "/api/v1/concerts", {}, {}}).status, 200);
    QCOMPARE(call({"GET", "/api/v1/users/1/balance", {}, {}}).status, 200);
    // With the key, the same list answers.
    const RawAnswer tickets = get(paymentPath + "/tickets");
    QVERIFY2(tickets.status == 200, qPrintable(describe(tickets)));
}

void TestStaffApi::noKeyConfiguredIsStaffApiDisabled()
{
    start({}, {});
    const Payment p = buy(*m_t, 1, m_schedule, {2});
    const QStringList before = snapshot();
    const QByteArray paymentPath = "/api/v1/payments/" + QByteArray::number(p.id);
    for (Call c : QList<Call>{
             {"POST", "/api/v1/refunds", reservationIdsBody(p.reservationIds)},
             {"GET", paymentPath + "/tickets"},
             {"GET", paymentPath + "/tickets.pdf"},
             {"POST", "/api/v1/tickets/" + QByteArray::number(p.tickets.first().id) + "/reissue"},
             {"POST", "/api/v1/checkins", checkInBody(p.tickets.first().code, m_schedule)}}) {
        for (const QByteArray& key : {QByteArray(), kKey}) {
            c.apiKey = key;
            c.lang = "ko";
            const RawAnswer a = call(c);
            QVERIFY2(a.status == 403 && a.code() == QLatin1String("STAFF_API_DISABLED"),
                     qPrintable(c.path + ": " + describe(a)));
            QVERIFY(a.json().value(QStringLiteral("message")).toString().contains(u'키'));
        }
    }
    QCOMPARE(snapshot(), before);
    QCOMPARE(call({"GET", "/api/v1/concerts", {}, {}}).status, 200);
}

void TestStaffApi::paymentAnswerCarriesTheCodes()
{
    const QString token = m_t->activeToken(5, 1);
    QList<qint64> ids;
    qint64 total = 0;
    for (int seat : {7, 8}) {
        const auto r = m_t->engine->reservations.hold(token, m_schedule, seat);
        QVERIFY_RESULT(r);
        ids << r->id;
        total += r->price;
    }
    QVERIFY_RESULT(m_t->engine->wallet.charge(5, total));
    RawClient client(m_port);
    const QByteArray body = reservationIdsBody(ids);
    client.send("POST /api/v1/payments HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                token.toLatin1() + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                "\r\n\r\n" + body);
    const RawAnswer a = client.read(20000);
    QVERIFY2(a.status == 201, qPrintable(describe(a)));
    const QJsonArray tickets = a.json().value(QStringLiteral("tickets")).toArray();
    QCOMPARE(tickets.size(), 2);
    for (const QJsonValue& v : tickets) {
        const qint64 reservation = v[QStringLiteral("reservationId")].toInteger();
        QVERIFY(ids.contains(reservation));
        const QString stored = scalar(*m_t->engine->db,
                                      QStringLiteral("SELECT code FROM tickets WHERE"
                                                     " reservation_id = ? AND status = 'VALID'"),
                                      {reservation})
                                   .toString();
        QCOMPARE(v[QStringLiteral("code")].toString(), stored);
        QVERIFY(stored.startsWith(QLatin1String("BO1.")));
    }
}

void TestStaffApi::refundAndItsRepeat()
{
    const Payment p = buy(*m_t, 3, m_schedule, {10, 11});
    const qint64 balanceBefore = *m_t->engine->wallet.balance(3);
    const qint64 refunded = p.reservationIds.first();
    const qint64 price =
        count(*m_t, QStringLiteral("SELECT price FROM reservations WHERE id = ?"), {refunded});
    const RawAnswer first = post("/api/v1/refunds", reservationIdsBody({refunded}), "refund-1");
    QVERIFY2(first.status == 201, qPrintable(describe(first)));
    const QJsonObject o = first.json();
    QVERIFY(o.value(QStringLiteral("refundId")).toInteger() > 0);
    QCOMPARE(o.value(QStringLiteral("reservationIds")).toArray(), QJsonArray{refunded});
    QCOMPARE(o.value(QStringLiteral("amount")).toInteger(), price);
    QCOMPARE(o.value(QStringLiteral("fee")).toInteger(), 0);
    QCOMPARE(o.value(QStringLiteral("balance")).toInteger(), balanceBefore + price);
    QCOMPARE(*m_t->engine->wallet.balance(3), balanceBefore + price);
    // The seat is on sale again, its ticket revoked; the other seat of the payment untouched.
    QCOMPARE(scalar(*m_t->engine->db,
                    QStringLiteral("SELECT status FROM reservations WHERE id = ?"), {refunded})
                 .toString(),
             QStringLiteral("REFUNDED"));
    QCOMPARE(scalar(*m_t->engine->db,
                    QStringLiteral("SELECT status FROM reservations WHERE id = ?"),
                    {p.reservationIds.last()})
                 .toString(),
             QStringLiteral("PAID"));
    // The audit row names the API as the operator.
    QCOMPARE(scalar(*m_t->engine->db,
                    QStringLiteral("SELECT operator FROM audit_log WHERE action = 'REFUND'"))
                 .toString(),
             QStringLiteral("api@") + m_t->engine->terminal.id);

    // The same key again: the original, 200, nothing more given back.
    const QStringList before = snapshot();
    const RawAnswer repeat = post("/api/v1/refunds", reservationIdsBody({refunded}), "refund-1");
    QVERIFY2(repeat.status == 200, qPrintable(describe(repeat)));
    QCOMPARE(repeat.json().value(QStringLiteral("refundId")), o.value(QStringLiteral("refundId")));
    QCOMPARE(repeat.json().value(QStringLiteral("amount")), o.value(QStringLiteral("amount")));
    QCOMPARE(snapshot(), before);
    // Any other request naming the seat: ALREADY_REFUNDED, whichever key.
    for (const QByteArray& key : {QByteArray(), QByteArray("refund-2")}) {
        const RawAnswer again = post("/api/v1/refunds", reservationIdsBody(p.reservationIds), key);
        QVERIFY2(again.status == 409 && again.code() == QLatin1String("ALREADY_REFUNDED"),
                 qPrintable(describe(again)));
        QCOMPARE(again.json().value(QStringLiteral("reservationId")).toInteger(), refunded);
    }
    QCOMPARE(snapshot(), before);
}

void TestStaffApi::refundRefusals()
{
    // NOT_PAID: a held seat.
    const QString token = m_t->activeToken(4, 1);
    const auto held = m_t->engine->reservations.hold(token, m_schedule, 20);
    QVERIFY_RESULT(held);
    const QStringList before = snapshot();
    const RawAnswer notPaid = post("/api/v1/refunds", reservationIdsBody({held->id}));
    QVERIFY2(notPaid.status == 409 && notPaid.code() == QLatin1String("NOT_PAID"),
             qPrintable(describe(notPaid)));
    // Unknown reservations: 404, never a 5xx.
    const RawAnswer unknown = post("/api/v1/refunds", reservationIdsBody({987654}));
    QVERIFY2(unknown.status == 404 && unknown.code() == QLatin1String("RESERVATION_NOT_FOUND"),
             qPrintable(describe(unknown)));
    // Seats of two payments in one refund.
    const Payment a = buy(*m_t, 6, m_schedule, {21});
    const Payment b = buy(*m_t, 6, m_schedule, {22});
    const QStringList beforeTwo = snapshot();
    const RawAnswer two =
        post("/api/v1/refunds",
             reservationIdsBody({a.reservationIds.first(), b.reservationIds.first()}));
    QVERIFY2(two.status == 400 && two.code() == QLatin1String("BAD_REQUEST"),
             qPrintable(describe(two)));
    QCOMPARE(snapshot(), beforeTwo);
    // REFUND_CLOSED once the performance has started.
    const auto schedule = m_t->engine->catalogue.schedule(m_schedule);
    QVERIFY_RESULT(schedule);
    m_t->clock.setMs(schedule->startsAtMs);
    const QStringList beforeClosed = snapshot();
    const RawAnswer closed = post("/api/v1/refunds", reservationIdsBody(a.reservationIds));
    QVERIFY2(closed.status == 409 && closed.code() == QLatin1String("REFUND_CLOSED"),
             qPrintable(describe(closed)));
    QCOMPARE(snapshot(), beforeClosed);
    QVERIFY(before != beforeTwo); // the purchases in between were real
}

void TestStaffApi::refundFeeReachesTheAnswer()
{
    EngineSettings settings;
    settings.refundFeePercent = 7;
    start(settings);
    const Payment p = buy(*m_t, 8, m_schedule, {30, 31, 32});
    const RawAnswer a = post("/api/v1/refunds", reservationIdsBody(p.reservationIds), "fee");
    QVERIFY2(a.status == 201, qPrintable(describe(a)));
    const qint64 amount = a.json().value(QStringLiteral("amount")).toInteger();
    QCOMPARE(amount, p.amount);
    QCOMPARE(a.json().value(QStringLiteral("fee")).toInteger(), p.amount * 7 / 100);
    QCOMPARE(a.json().value(QStringLiteral("feePercent")).toInt(), 7);
    QCOMPARE(count(*m_t, QStringLiteral("SELECT amount FROM ledger WHERE kind = 'REFUND'")),
             p.amount - p.amount * 7 / 100);
    QCOMPARE(InvariantChecker::check(*m_t->engine->db)->problems, QStringList());
}

void TestStaffApi::ticketsOfAPayment()
{
    const Payment p = buy(*m_t, 9, m_schedule, {40, 41, 42});
    // One refunded, one checked in, one as sold.
    QVERIFY2(post("/api/v1/refunds", reservationIdsBody({p.reservationIds.at(0)})).status == 201,
             "refund");
    const Ticket in = ticketOf(p, p.reservationIds.at(1));
    const RawAnswer ok = post("/api/v1/checkins", checkInBody(in.code, m_schedule));
    QVERIFY2(ok.status == 200, qPrintable(describe(ok)));
    const RawAnswer a = get("/api/v1/payments/" + QByteArray::number(p.id) + "/tickets");
    QVERIFY2(a.status == 200, qPrintable(describe(a)));
    QHash<qint64, QJsonObject> byReservation;
    for (const QJsonValue& v : a.json().value(QStringLiteral("tickets")).toArray())
        byReservation.insert(v[QStringLiteral("reservationId")].toInteger(), v.toObject());
    QCOMPARE(byReservation.size(), 3);
    const QStringList statuses = {
        byReservation.value(p.reservationIds.at(0)).value(QStringLiteral("status")).toString(),
        byReservation.value(p.reservationIds.at(1)).value(QStringLiteral("status")).toString(),
        byReservation.value(p.reservationIds.at(2)).value(QStringLiteral("status")).toString()};
    QCOMPARE(statuses, (QStringList{QStringLiteral("REVOKED"), QStringLiteral("CHECKED_IN"),
                                    QStringLiteral("VALID")}));
    for (const Ticket& t : p.tickets) {
        const QJsonObject o = byReservation.value(t.reservationId);
        QCOMPARE(o.value(QStringLiteral("ticketId")).toInteger(), t.id);
        QCOMPARE(o.value(QStringLiteral("code")).toString(), t.code);
        QCOMPARE(o.value(QStringLiteral("scheduleId")).toInteger(), m_schedule);
        QCOMPARE(o.value(QStringLiteral("seatLabel")).toString(), t.seatLabel);
        QVERIFY(!t.seatLabel.isEmpty());
    }
    QCOMPARE(byReservation.value(in.reservationId).value(QStringLiteral("checkedInAt")).toString(),
             ok.json().value(QStringLiteral("checkedInAt")).toString());
    // A payment that does not exist, and a path that is no id.
    for (const QByteArray& id : {QByteArray("987654"), QByteArray("abc"), QByteArray("-1")}) {
        const RawAnswer none = get("/api/v1/payments/" + id + "/tickets");
        QVERIFY2(none.status == 404 && none.code() == QLatin1String("PAYMENT_NOT_FOUND"),
                 qPrintable(describe(none)));
    }
}

void TestStaffApi::ticketsPdf()
{
    const Payment p = buy(*m_t, 10, m_schedule, {43, 44, 45});
    QVERIFY2(post("/api/v1/refunds", reservationIdsBody({p.reservationIds.at(2)})).status == 201,
             "refund");
    const RawAnswer a = get("/api/v1/payments/" + QByteArray::number(p.id) + "/tickets.pdf");
    QVERIFY2(a.status == 200, qPrintable(QString::number(a.status) + a.body.left(200)));
    QCOMPARE(a.header("Content-Type"), QByteArrayLiteral("application/pdf"));
    QVERIFY(a.body.startsWith("%PDF-"));
    // One page a ticket that can still be used: the refunded seat's is not printed.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(a.body);
    file.close();
    QProcess info;
    info.start(QStringLiteral("pdfinfo"), {file.fileName()});
    QVERIFY(info.waitForFinished(30000));
    QVERIFY2(info.readAllStandardOutput().contains("Pages:           2"), "two pages");
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"),
                                             file.fileName(), QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    // The codes in text (wrapped lines joined): the two usable ones, not the refunded one.
    QString printed = QString::fromUtf8(text.readAllStandardOutput());
    printed.remove(QRegularExpression(QStringLiteral("\\s")));
    QVERIFY2(printed.contains(ticketOf(p, p.reservationIds.at(0)).code), qPrintable(printed));
    QVERIFY(printed.contains(ticketOf(p, p.reservationIds.at(1)).code));
    QVERIFY(!printed.contains(ticketOf(p, p.reservationIds.at(2)).code));

    // All refunded: nothing to print, said so; an unknown payment is 404.
    QVERIFY(post("/api/v1/refunds", reservationIdsBody(p.reservationIds.mid(0, 2))).status == 201);
    const RawAnswer none = get("/api/v1/payments/" + QByteArray::number(p.id) + "/tickets.pdf");
    QVERIFY2(none.status == 410 && none.code() == QLatin1String("TICKET_REVOKED"),
             qPrintable(describe(none)));
    const RawAnswer unknown = get("/api/v1/payments/987654/tickets.pdf");
    QVERIFY2(unknown.status == 404 && unknown.code() == QLatin1String("PAYMENT_NOT_FOUND"),
             qPrintable(describe(unknown)));
}

void TestStaffApi::reissue()
{
    const Payment p = buy(*m_t, 11, m_schedule, {46});
    const Ticket old = p.tickets.first();
    const QByteArray path = "/api/v1/tickets/" + QByteArray::number(old.id) + "/reissue";
    const RawAnswer a = post(path, {});
    QVERIFY2(a.status == 200, qPrintable(describe(a)));
    const QJsonObject t = a.json();
    QVERIFY(t.value(QStringLiteral("ticketId")).toInteger() != old.id);
    QCOMPARE(t.value(QStringLiteral("reservationId")).toInteger(), old.reservationId);
    QCOMPARE(t.value(QStringLiteral("issueNumber")).toInt(), 2);
    QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("VALID"));
    const QString code = t.value(QStringLiteral("code")).toString();
    QVERIFY(code.startsWith(QLatin1String("BO1.")) && code != old.code);
    // The old code is refused at the door, the new one let in.
    const RawAnswer revoked = post("/api/v1/checkins", checkInBody(old.code, m_schedule));
    QVERIFY2(revoked.status == 410 && revoked.code() == QLatin1String("TICKET_REVOKED"),
             qPrintable(describe(revoked)));
    QCOMPARE(revoked.json().value(QStringLiteral("reason")).toString(), QStringLiteral("REISSUED"));
    // Reissuing the revoked one again: TICKET_REVOKED, nothing issued.
    const QStringList before = snapshot();
    const RawAnswer again = post(path, {});
    QVERIFY2(again.status == 410 && again.code() == QLatin1String("TICKET_REVOKED"),
             qPrintable(describe(again)));
    for (const QByteArray& id : {QByteArray("987654"), QByteArray("x"), QByteArray("0")}) {
        const RawAnswer none = post("/api/v1/tickets/" + id + "/reissue", "{}");
        QVERIFY2(none.status == 404 && none.code() == QLatin1String("TICKET_NOT_FOUND"),
                 qPrintable(describe(none)));
    }
    QCOMPARE(snapshot(), before);
    QCOMPARE(post("/api/v1/checkins", checkInBody(code, m_schedule)).status, 200);
}

void TestStaffApi::checkInAnswers()
{
    const Payment p = buy(*m_t, 12, m_schedule, {47, 48});
    const Ticket t = ticketOf(p, p.reservationIds.first());
    const RawAnswer ok = post("/api/v1/checkins", checkInBody(t.code, m_schedule));
    QVERIFY2(ok.status == 200, qPrintable(describe(ok)));
    QCOMPARE(ok.json().value(QStringLiteral("result")).toString(), QStringLiteral("OK"));
    QCOMPARE(ok.json().value(QStringLiteral("ticketId")).toInteger(), t.id);
    QCOMPARE(ok.json().value(QStringLiteral("seatLabel")).toString(), t.seatLabel);
    QCOMPARE(isoMs(ok.json().value(QStringLiteral("checkedInAt"))), m_t->clock.nowMs());

    // Later, again: ALREADY_CHECKED_IN with the first time.
    const qint64 first = m_t->clock.nowMs();
    m_t->clock.advanceMs(90'000);
    const RawAnswer twice = post("/api/v1/checkins", checkInBody(t.code, m_schedule));
    QVERIFY2(twice.status == 409 && twice.code() == QLatin1String("ALREADY_CHECKED_IN"),
             qPrintable(describe(twice)));
    QCOMPARE(isoMs(twice.json().value(QStringLiteral("checkedInAt"))), first);

    // Another performance's door.
    const qint64 other = scheduleOf(*m_t, 1, 1);
    const Ticket second = ticketOf(p, p.reservationIds.last());
    const RawAnswer wrong = post("/api/v1/checkins", checkInBody(second.code, other));
    QVERIFY2(wrong.status == 409 && wrong.code() == QLatin1String("TICKET_WRONG_SCHEDULE"),
             qPrintable(describe(wrong)));
    // A refunded seat's code.
    QVERIFY(post("/api/v1/refunds", reservationIdsBody({second.reservationId})).status == 201);
    const RawAnswer refunded = post("/api/v1/checkins", checkInBody(second.code, m_schedule));
    QVERIFY2(refunded.status == 410 && refunded.code() == QLatin1String("TICKET_REVOKED"),
             qPrintable(describe(refunded)));
    QCOMPARE(refunded.json().value(QStringLiteral("reason")).toString(),
             QStringLiteral("REFUNDED"));
    // Not a code at all; a performance that does not exist.
    const RawAnswer invalid =
        post("/api/v1/checkins", checkInBody(QStringLiteral("hello"), m_schedule));
    QVERIFY2(invalid.status == 422 && invalid.code() == QLatin1String("TICKET_INVALID"),
             qPrintable(describe(invalid)));
    const RawAnswer noSchedule = post("/api/v1/checkins", checkInBody(t.code, 987654));
    QVERIFY2(noSchedule.status == 404 && noSchedule.code() == QLatin1String("SCHEDULE_NOT_FOUND"),
             qPrintable(describe(noSchedule)));
    QCOMPARE(count(*m_t, QStringLiteral("SELECT COUNT(*) FROM checkins")), 1);
    QCOMPARE(scalar(*m_t->engine->db, QStringLiteral("SELECT operator FROM checkins")).toString(),
             QStringLiteral("api@") + m_t->engine->terminal.id);
}

void TestStaffApi::everyFlippedPositionIsTicketInvalid()
{
    const Payment p = buy(*m_t, 13, m_schedule, {49});
    const QString code = p.tickets.first().code;
    const QStringList before = snapshot();
    // Each character of the code, in turn, made another base64url character.
    for (qsizetype i = 0; i < code.size(); ++i) {
        QString tampered = code;
        tampered[i] = code[i] == u'A' ? u'B' : u'A';
        const RawAnswer a = post("/api/v1/checkins", checkInBody(tampered, m_schedule));
        QVERIFY2(a.status == 422 && a.code() == QLatin1String("TICKET_INVALID"),
                 qPrintable(QStringLiteral("position %1: %2").arg(i).arg(describe(a))));
    }
    QCOMPARE(snapshot(), before);
    QCOMPARE(post("/api/v1/checkins", checkInBody(code, m_schedule)).status, 200);
}

void TestStaffApi::badInputChangesNothing_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const struct
    {
        const char* name;
        const char* method;
        const char* path;
        const char* body;
        int status;
        const char* code;
    } rows[] = {
        {"refund no body", "POST", "/api/v1/refunds", "", 400, "BAD_REQUEST"},
        {"refund garbage", "POST", "/api/v1/refunds", "\x01garbage{", 400, "BAD_REQUEST"},
        {"refund not object", "POST", "/api/v1/refunds", "[1,2]", 400, "BAD_REQUEST"},
        {"refund no ids", "POST", "/api/v1/refunds", "{}", 400, "BAD_REQUEST"},
        {"refund ids empty", "POST", "/api/v1/refunds", "{\"reservationIds\":[]}", 400,
         "BAD_REQUEST"},
        {"refund ids strings", "POST", "/api/v1/refunds", "{\"reservationIds\":[\"$R\"]}", 400,
         "BAD_REQUEST"},
        {"refund ids fraction", "POST", "/api/v1/refunds", "{\"reservationIds\":[1.5]}", 400,
         "BAD_REQUEST"},
        {"refund ids negative", "POST", "/api/v1/refunds", "{\"reservationIds\":[-$R]}", 400,
         "BAD_REQUEST"},
        {"refund ids not array", "POST", "/api/v1/refunds", "{\"reservationIds\":$R}", 400,
         "BAD_REQUEST"},
        {"refund ids duplicate", "POST", "/api/v1/refunds", "{\"reservationIds\":[$R,$R]}", 400,
         "BAD_REQUEST"},
        {"refund duplicate key", "POST", "/api/v1/refunds",
         "{\"reservationIds\":[$R],\"reservationIds\":[$R]}", 400, "BAD_REQUEST"},
        {"refund unknown id", "POST", "/api/v1/refunds", "{\"reservationIds\":[987654]}", 404,
         "RESERVATION_NOT_FOUND"},
        {"refund huge id", "POST", "/api/v1/refunds", "{\"reservationIds\":[1e300]}", 400,
         "BAD_REQUEST"},
        {"checkin no body", "POST", "/api/v1/checkins", "", 400, "BAD_REQUEST"},
        {"checkin garbage", "POST", "/api/v1/checkins", "code=BO1.x", 400, "BAD_REQUEST"},
        {"checkin no code", "POST", "/api/v1/checkins", "{\"scheduleId\":$S}", 400, "BAD_REQUEST"},
        {"checkin code number", "POST", "/api/v1/checkins", "{\"code\":5,\"scheduleId\":$S}", 400,
         "BAD_REQUEST"},
        {"checkin no schedule", "POST", "/api/v1/checkins", "{\"code\":\"$C\"}", 400,
         "BAD_REQUEST"},
        {"checkin schedule string", "POST", "/api/v1/checkins",
         "{\"code\":\"$C\",\"scheduleId\":\"$S\"}", 400, "BAD_REQUEST"},
        {"checkin unknown schedule", "POST", "/api/v1/checkins",
         "{\"code\":\"$C\",\"scheduleId\":987654}", 404, "SCHEDULE_NOT_FOUND"},
        {"checkin empty code", "POST", "/api/v1/checkins", "{\"code\":\"\",\"scheduleId\":$S}", 422,
         "TICKET_INVALID"},
        {"checkin long code", "POST", "/api/v1/checkins",
         "{\"code\":\"BO1.$LONG\",\"scheduleId\":$S}", 422, "TICKET_INVALID"},
        {"checkin sql", "POST", "/api/v1/checkins", "{\"code\":\"' OR 1=1 --\",\"scheduleId\":$S}",
         422, "TICKET_INVALID"},
        {"reissue unknown", "POST", "/api/v1/tickets/987654/reissue", "", 404, "TICKET_NOT_FOUND"},
        {"reissue huge", "POST", "/api/v1/tickets/99999999999999999999/reissue", "", 404,
         "TICKET_NOT_FOUND"},
        {"tickets unknown", "GET", "/api/v1/payments/987654/tickets", "", 404, "PAYMENT_NOT_FOUND"},
        {"tickets wrong method", "POST", "/api/v1/payments/1/tickets", "", 405,
         "METHOD_NOT_ALLOWED"},
        {"checkin wrong method", "GET", "/api/v1/checkins", "", 405, "METHOD_NOT_ALLOWED"},
    };
    for (const auto& r : rows)
        QTest::newRow(r.name) << QByteArray(r.method) << QByteArray(r.path) << QByteArray(r.body)
                              << r.status << QString::fromLatin1(r.code);
}

void TestStaffApi::badInputChangesNothing()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    const Payment p = buy(*m_t, 14, m_schedule, {50});
    body.replace("$R", QByteArray::number(p.reservationIds.first()))
        .replace("$S", QByteArray::number(m_schedule))
        .replace("$C", p.tickets.first().code.toLatin1())
        .replace("$LONG", QByteArray(5000, 'A'));
    const QStringList before = snapshot();
    const RawAnswer a = call({method, path, body});
    QVERIFY2(a.status == status && a.code() == code, qPrintable(describe(a)));
    QVERIFY(!a.json().value(QStringLiteral("message")).toString().isEmpty());
    QCOMPARE(snapshot(), before);
}

void TestStaffApi::concurrentCheckInsOfOneTicket()
{
    start({}, kKey, 4);
    const Payment p = buy(*m_t, 15, m_schedule, {5});
    const QByteArray body = checkInBody(p.tickets.first().code, m_schedule);
    constexpr int kScans = 16;
    const std::vector<RawAnswer> answers = race(m_port, kScans, [&](int) {
        return Call{"POST", "/api/v1/checkins", body};
    });
    const Tally t = tally(answers, 200, QStringLiteral("ALREADY_CHECKED_IN"));
    QVERIFY2(t.other.isEmpty(), qPrintable(t.other.join(u'\n')));
    QCOMPARE(t.won, 1);
    QCOMPARE(t.refused, kScans - 1);
    QCOMPARE(count(*m_t, QStringLiteral("SELECT COUNT(*) FROM checkins")), 1);
    QCOMPARE(
        count(*m_t, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN'")), 1);
}

void TestStaffApi::concurrentRefundsOfOneSeat()
{
    start({}, kKey, 4);
    const Payment p = buy(*m_t, 16, m_schedule, {6});
    const qint64 balanceBefore = *m_t->engine->wallet.balance(16);
    const QByteArray body = reservationIdsBody(p.reservationIds);
    constexpr int kRequests = 16;
    const std::vector<RawAnswer> answers = race(m_port, kRequests, [&](int i) {
        // Half with keys of their own, half without: none may give the money back twice.
        Call c{"POST", "/api/v1/refunds", body};
        if (i % 2 == 0)
            c.idempotencyKey = "race-" + QByteArray::number(i);
        return c;
    });
    const Tally t = tally(answers, 201, QStringLiteral("ALREADY_REFUNDED"));
    QVERIFY2(t.other.isEmpty(), qPrintable(t.other.join(u'\n')));
    QCOMPARE(t.won, 1);
    QCOMPARE(t.refused, kRequests - 1);
    QCOMPARE(count(*m_t, QStringLiteral("SELECT COUNT(*) FROM refunds")), 1);
    QCOMPARE(count(*m_t, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'REFUND'")), 1);
    QCOMPARE(*m_t->engine->wallet.balance(16), balanceBefore + p.amount);
    QCOMPARE(InvariantChecker::check(*m_t->engine->db)->problems, QStringList());
}

QTEST_MAIN(TestStaffApi)
#include "tst_staffapi.moc"
