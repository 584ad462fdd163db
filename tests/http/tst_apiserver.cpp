// The HTTP API of design §4, in process over a real socket: ApiServer on 127.0.0.1 port 0 over a
// TestEngine (manual clock; admission is driven by calling the queue, never by waiting), talked
// to with QNetworkAccessManager.

#include "http/ApiServer.h"
#include "storage/InvariantChecker.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTimeZone>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

struct HttpResult
{
    int status = -1; // -1: no answer in time
    QByteArray raw;
    QByteArray contentType;
    QByteArray retryAfter;
    QJsonObject body;
    bool jsonObject = false;

    QString code() const { return body.value(QStringLiteral("code")).toString(); }
    QString message() const { return body.value(QStringLiteral("message")).toString(); }
};

bool hasHangul(const QString& s)
{
    static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
    return s.contains(hangul);
}

qint64 isoMs(const QJsonValue& v)
{
    if (!v.isString())
        return -1;
    // Only the form the API has always written: UTC with milliseconds and an explicit offset,
    // "2026-01-01T00:10:00.000+00:00".
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid() || t.toTimeZone(QTimeZone::utc()).toString(Qt::ISODateWithMs) != v.toString())
        return -1;
    return t.toMSecsSinceEpoch();
}

// A JSON number that is a whole number (what the API promises for ids and money).
bool isWhole(const QJsonValue& v)
{
    return v.isDouble() && v.toDouble() == double(qint64(v.toDouble()));
}

} // namespace

class TestApiServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void concerts();
    void queueTokenNewAndExisting();
    void pollWaitingThenActive();
    void schedulesAndSeats();
    void holdAndPayFlow();
    void balanceChargeHistory();
    void chargeUpToTheBalanceLimit();
    void storageFailureIsA503WithRetryAfter();
    void paymentReplayAndIdempotencyKey();
    void payTwoReservationsAtOnce();
    void holdLimit();
    void expiredHoldAtPayment();
    void expiredToken();
    void languages();
    void badInput_data();
    void badInput();

private:
    HttpResult send(const QByteArray& method, const QString& path, const QByteArray& body = {},
                    const QString& token = {}, const QByteArray& lang = {},
                    const QByteArray& idempotencyKey = {});
    // A GET over a plain socket, with no Accept-Language header at all.
    HttpResult rawGet(const QString& path);
    HttpResult get(const QString& path, const QString& token = {})
    {
        return send("GET", path, {}, token);
    }
    HttpResult post(const QString& path, const QByteArray& body, const QString& token = {})
    {
        return send("POST", path, body, token);
    }
    // Everything a bad request must leave alone: balances, ledger, holds and sales, payments,
    // queue entries and their tokens.
    QStringList snapshot();
    qint64 balanceOf(qint64 customer);
    QString reservationStatus(qint64 reservationId);
    qint64 firstScheduleOf(qint64 concertId);
    qint64 seatPrice(qint64 scheduleId, int seat);

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    quint16 m_port = 0;
};

void TestApiServer::init()
{
    m_t = std::make_unique<TestEngine>();
    m_api = std::make_unique<ApiServer>(**m_t);
    const auto port = m_api->listen(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY2(port.has_value(), port ? "" : qPrintable(port.error()));
    QVERIFY(*port != 0);
    m_port = *port;
    m_nam = std::make_unique<QNetworkAccessManager>();
}

void TestApiServer::cleanup()
{
    m_nam.reset();
    m_api.reset();
    m_t.reset();
}

HttpResult TestApiServer::send(const QByteArray& method, const QString& path,
                               const QByteArray& body, const QString& token, const QByteArray& lang,
                               const QByteArray& idempotencyKey)
{
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    if (!body.isEmpty() || method == "POST")
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isNull())
        req.setRawHeader("Authorization", token.toUtf8());
    // QNetworkAccessManager adds an Accept-Language from the system locale when none is set
    // ("en,*" under LANG=C), so the requests here always say which one they want; the absent
    // header (Korean) is checked with a raw socket in languages().
    req.setRawHeader("Accept-Language",
                     lang.isEmpty() ? QByteArrayLiteral("ko-KR,ko;q=0.9") : lang);
    if (!idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", idempotencyKey);
    std::unique_ptr<QNetworkReply> reply(m_nam->sendCustomRequest(req, method, body));
    HttpResult r;
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.raw = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.retryAfter = reply->rawHeader("Retry-After");
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.raw, &err);
    r.jsonObject = err.error == QJsonParseError::NoError && doc.isObject();
    r.body = doc.object();
    return r;
}

HttpResult TestApiServer::rawGet(const QString& path)
{
    HttpResult r;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), m_port);
    if (!socket.waitForConnected(10000))
        return r;
    socket.write(QStringLiteral("GET %1 HTTP/1.1\r\nHost: 127.0.0.1:%2\r\n\r\n")
                     .arg(path)
                     .arg(m_port)
                     .toLatin1());
    QByteArray data;
    auto complete = [&] {
        data += socket.readAll();
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        static const QRegularExpression length(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
        const auto m = length.match(QString::fromLatin1(data.left(end)));
        return m.hasMatch() && data.size() - end - 4 >= m.captured(1).toLongLong();
    };
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    while (!complete()) {
        if (!readyRead.wait(10000))
            return r;
    }
    const qsizetype end = data.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = data.left(data.indexOf("\r\n")).split(' ');
    r.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : -1;
    for (const QByteArray& line : data.left(end).split('\n')) {
        if (line.toLower().startsWith("content-type:"))
            r.contentType = line.mid(13).trimmed();
    }
    r.raw = data.mid(end + 4);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(r.raw, &err);
    r.jsonObject = err.error == QJsonParseError::NoError && doc.isObject();
    r.body = doc.object();
    return r;
}

QStringList TestApiServer::snapshot()
{
    QStringList out;
    auto conn = m_t->engine->db->connection();
    if (!conn)
        return {QStringLiteral("no connection")};
    const std::pair<const char*, int> queries[] = {
        {"SELECT id, balance FROM customers ORDER BY id", 2},
        {"SELECT id, customer_id, kind, amount, balance_after, payment_id FROM ledger ORDER BY id",
         6},
        {"SELECT id, seat_id, customer_id, status, expires_at, payment_id FROM reservations"
         " ORDER BY id",
         6},
        {"SELECT id, customer_id, amount, idempotency_key FROM payments ORDER BY id", 4},
        {"SELECT id, customer_id, concert_id, seq, state, token_hash, deadline_at, payment_id"
         " FROM queue_entries ORDER BY id",
         8},
        {"SELECT concert_id, next_seq, head_seq, head_evicted FROM queues ORDER BY concert_id", 4},
    };
    for (const auto& [sql, columns] : queries) {
        auto q = (*conn)->run(QString::fromLatin1(sql));
        if (!q) {
            out << QStringLiteral("query failed: %1").arg(QString::fromLatin1(sql));
            continue;
        }
        while (q->next()) {
            QStringList row;
            for (int i = 0; i < columns; ++i)
                row << q->value(i).toString();
            out << row.join(QLatin1Char('|'));
        }
    }
    return out;
}

qint64 TestApiServer::balanceOf(qint64 customer)
{
    const auto b = m_t->engine->wallet.balance(customer);
    return b ? *b : -1;
}

QString TestApiServer::reservationStatus(qint64 reservationId)
{
    auto conn = m_t->engine->db->connection();
    if (!conn)
        return {};
    auto q = (*conn)->run(QStringLiteral("SELECT status FROM reservations WHERE id = ?"),
                          {reservationId});
    return q && q->next() ? q->str(0) : QString();
}

qint64 TestApiServer::firstScheduleOf(qint64 concertId)
{
    const auto list = m_t->engine->catalogue.schedulesOf(concertId);
    return list && !list->isEmpty() ? list->constFirst().id : -1;
}

qint64 TestApiServer::seatPrice(qint64 scheduleId, int seat)
{
    const auto map = m_t->engine->catalogue.seatMap(scheduleId, 0);
    if (!map)
        return -1;
    for (const SeatInfo& s : *map) {
        if (s.number == seat)
            return s.price;
    }
    return -1;
}

void TestApiServer::concerts()
{
    const HttpResult r = get(QStringLiteral("/api/v1/concerts"));
    QCOMPARE(r.status, 200);
    QVERIFY(r.contentType.startsWith("application/json"));
    QVERIFY(r.jsonObject);
    const QJsonArray list = r.body.value(QStringLiteral("concerts")).toArray();
    QVERIFY(list.size() >= 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject c = list.at(i).toObject();
        QVERIFY(isWhole(c.value(QStringLiteral("concertId"))));
        QCOMPARE(c.value(QStringLiteral("concertId")).toInteger(), i + 1);
        QVERIFY(c.value(QStringLiteral("title")).isString());
        QVERIFY(!c.value(QStringLiteral("title")).toString().isEmpty());
    }
}

void TestApiServer::queueTokenNewAndExisting()
{
    const HttpResult first =
        post(QStringLiteral("/api/v1/queue/tokens"), R"({"userId":1,"concertId":1})");
    QCOMPARE(first.status, 201);
    QVERIFY(first.jsonObject);
    const QString token1 = first.body.value(QStringLiteral("token")).toString();
    // At least 128 bits: 22 base64 characters.
    QVERIFY2(token1.size() >= 22, qPrintable(token1));
    QCOMPARE(first.body.value(QStringLiteral("status")).toString(), QStringLiteral("WAITING"));
    QVERIFY(isWhole(first.body.value(QStringLiteral("position"))));
    QCOMPARE(first.body.value(QStringLiteral("position")).toInteger(), 1);
    QVERIFY(isWhole(first.body.value(QStringLiteral("estimatedWaitSeconds"))));
    QVERIFY(first.body.value(QStringLiteral("estimatedWaitSeconds")).toInteger() >= 0);
    QCOMPARE(first.body.value(QStringLiteral("concertId")).toInteger(), 1);
    QCOMPARE(first.body.value(QStringLiteral("userId")).toInteger(), 1);
    QVERIFY(!first.body.contains(QStringLiteral("expiresAt")));

    const HttpResult second =
        post(QStringLiteral("/api/v1/queue/tokens"), R"({"userId":2,"concertId":1})");
    QCOMPARE(second.status, 201);
    QCOMPARE(second.body.value(QStringLiteral("position")).toInteger(), 2);

    // Q1: asking again answers the same entry (same place) with a fresh token.
    const HttpResult again =
        post(QStringLiteral("/api/v1/queue/tokens"), R"({"userId":1,"concertId":1})");
    QCOMPARE(again.status, 200);
    const QString token2 = again.body.value(QStringLiteral("token")).toString();
    QVERIFY(!token2.isEmpty());
    QVERIFY(token2 != token1);
    QCOMPARE(again.body.value(QStringLiteral("status")).toString(), QStringLiteral("WAITING"));
    QCOMPARE(again.body.value(QStringLiteral("position")).toInteger(), 1);

    // The previous token stops working; the fresh one is the poll's.
    const HttpResult old =
        get(QStringLiteral("/api/v1/queue/tokens/current"), QStringLiteral("Bearer ") + token1);
    QCOMPARE(old.status, 401);
    QCOMPARE(old.code(), QStringLiteral("TOKEN_INVALID"));
    const HttpResult fresh =
        get(QStringLiteral("/api/v1/queue/tokens/current"), QStringLiteral("Bearer ") + token2);
    QCOMPARE(fresh.status, 200);
    // The scheme is case-insensitive and spaces around the token do not matter (RFC 7235).
    const HttpResult spaced = get(QStringLiteral("/api/v1/queue/tokens/current"),
                                  QStringLiteral("bEARER   ") + token2 + QStringLiteral("  "));
    QCOMPARE(spaced.status, 200);
    QCOMPARE(spaced.body, fresh.body);

    // The other concert is another queue.
    const HttpResult other =
        post(QStringLiteral("/api/v1/queue/tokens"), R"({"userId":1,"concertId":2})");
    QCOMPARE(other.status, 201);
    QCOMPARE(other.body.value(QStringLiteral("position")).toInteger(), 1);
    QCOMPARE(other.body.value(QStringLiteral("concertId")).toInteger(), 2);
}

void TestApiServer::pollWaitingThenActive()
{
    const HttpResult a =
        post(QStringLiteral("/api/v1/queue/tokens"), R"({"userId":7,"concertId":1})");
    QCOMPARE(a.status, 201);
    const QString bearer =
        QStringLiteral("Bearer ") + a.body.value(QStringLiteral("token")).toString();

    HttpResult poll = get(QStringLiteral("/api/v1/queue/tokens/current"), bearer);
    QCOMPARE(poll.status, 200);
    QVERIFY(!poll.body.contains(QStringLiteral("token")));
    QCOMPARE(poll.body.value(QStringLiteral("status")).toString(), QStringLiteral("WAITING"));
    QCOMPARE(poll.body.value(QStringLiteral("position")).toInteger(), 1);
    QVERIFY(isWhole(poll.body.value(QStringLiteral("estimatedWaitSeconds"))));
    QCOMPARE(poll.body.value(QStringLiteral("concertId")).toInteger(), 1);
    QCOMPARE(poll.body.value(QStringLiteral("userId")).toInteger(), 7);

    // Still waiting: the dates are refused with the position in the body.
    const HttpResult refused = get(QStringLiteral("/api/v1/concerts/1/schedules"), bearer);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.code(), QStringLiteral("TOKEN_NOT_ACTIVE"));
    QCOMPARE(refused.body.value(QStringLiteral("position")).toInteger(), 1);

    QCOMPARE(m_t->admitNow(), 1);
    poll = get(QStringLiteral("/api/v1/queue/tokens/current"), bearer);
    QCOMPARE(poll.status, 200);
    QCOMPARE(poll.body.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
    QCOMPARE(poll.body.value(QStringLiteral("position")).toInteger(), 0);
    QCOMPARE(poll.body.value(QStringLiteral("estimatedWaitSeconds")).toInteger(), 0);
    QCOMPARE(isoMs(poll.body.value(QStringLiteral("expiresAt"))),
             m_t->clock.nowMs() + qint64(m_t->engine->settings.activeSeconds) * 1000);
}

void TestApiServer::schedulesAndSeats()
{
    const QString bearer = QStringLiteral("Bearer ") + m_t->activeToken(3, 1);
    const HttpResult r = get(QStringLiteral("/api/v1/concerts/1/schedules"), bearer);
    QCOMPARE(r.status, 200);
    const QJsonArray schedules = r.body.value(QStringLiteral("schedules")).toArray();
    QCOMPARE(schedules.size(), 4);
    for (const QJsonValue& v : schedules) {
        const QJsonObject s = v.toObject();
        QVERIFY(isWhole(s.value(QStringLiteral("scheduleId"))));
        const qint64 startsAt = isoMs(s.value(QStringLiteral("startsAt")));
        const QString text = s.value(QStringLiteral("startsAt")).toString();
        QVERIFY2(startsAt > m_t->clock.nowMs(), qPrintable(text));
        // ISO 8601 with the offset spelled out, so clients need not guess the zone.
        static const QRegularExpression iso(QStringLiteral(
            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?(Z|[+-]\\d\\d:\\d\\d)$"));
        QVERIFY2(iso.match(text).hasMatch(), qPrintable(text));
        QCOMPARE(s.value(QStringLiteral("availableSeats")).toInteger(), 50);
    }
    const qint64 scheduleId = schedules.first().toObject().value("scheduleId").toInteger();
    QCOMPARE(scheduleId, firstScheduleOf(1));

    const HttpResult seats =
        get(QStringLiteral("/api/v1/schedules/%1/seats").arg(scheduleId), bearer);
    QCOMPARE(seats.status, 200);
    QCOMPARE(seats.body.value(QStringLiteral("scheduleId")).toInteger(), scheduleId);
    const QJsonArray list = seats.body.value(QStringLiteral("seats")).toArray();
    QCOMPARE(list.size(), 50);
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject s = list.at(i).toObject();
        QCOMPARE(s.value(QStringLiteral("seatNumber")).toInteger(), i + 1);
        QVERIFY(isWhole(s.value(QStringLiteral("price"))));
        const qint64 price = s.value(QStringLiteral("price")).toInteger();
        QVERIFY(price >= 10000 && price <= 300000);
        QCOMPARE(price, seatPrice(scheduleId, i + 1));
        QVERIFY(s.value(QStringLiteral("tier")).isString());
        QVERIFY(!s.value(QStringLiteral("tier")).toString().isEmpty());
    }
}

void TestApiServer::holdAndPayFlow()
{
    const QString token = m_t->activeToken(1, 1);
    const QString bearer = QStringLiteral("Bearer ") + token;
    const qint64 scheduleId = firstScheduleOf(1);
    const qint64 price = seatPrice(scheduleId, 7);
    QVERIFY(price > 0);

    const HttpResult hold = post(
        QStringLiteral("/api/v1/reservations"),
        QStringLiteral(R"({"scheduleId":%1,"seatNumber":7})").arg(scheduleId).toUtf8(), bearer);
    QCOMPARE(hold.status, 201);
    QVERIFY(isWhole(hold.body.value(QStringLiteral("reservationId"))));
    const qint64 reservationId = hold.body.value(QStringLiteral("reservationId")).toInteger();
    QVERIFY(reservationId > 0);
    QCOMPARE(hold.body.value(QStringLiteral("scheduleId")).toInteger(), scheduleId);
    QCOMPARE(hold.body.value(QStringLiteral("seatNumber")).toInteger(), 7);
    QCOMPARE(hold.body.value(QStringLiteral("price")).toInteger(), price);
    QCOMPARE(hold.body.value(QStringLiteral("status")).toString(), QStringLiteral("HELD"));
    QCOMPARE(isoMs(hold.body.value(QStringLiteral("expiresAt"))),
             m_t->clock.nowMs() + qint64(m_t->engine->settings.holdSeconds) * 1000);
    QCOMPARE(reservationStatus(reservationId), QStringLiteral("HELD"));

    // The held seat is no longer offered, and the date counts one seat fewer.
    const HttpResult seats =
        get(QStringLiteral("/api/v1/schedules/%1/seats").arg(scheduleId), bearer);
    QCOMPARE(seats.status, 200);
    const QJsonArray list = seats.body.value(QStringLiteral("seats")).toArray();
    QCOMPARE(list.size(), 49);
    for (const QJsonValue& v : list)
        QVERIFY(v.toObject().value(QStringLiteral("seatNumber")).toInteger() != 7);
    const HttpResult dates = get(QStringLiteral("/api/v1/concerts/1/schedules"), bearer);
    QCOMPARE(dates.body.value("schedules")
                 .toArray()
                 .first()
                 .toObject()
                 .value("availableSeats")
                 .toInteger(),
             49);

    // Someone else asking for it: SEAT_ALREADY_TAKEN.
    const QString other = QStringLiteral("Bearer ") + m_t->activeToken(2, 1);
    const HttpResult taken =
        post(QStringLiteral("/api/v1/reservations"),
             QStringLiteral(R"({"scheduleId":%1,"seatNumber":7})").arg(scheduleId).toUtf8(), other);
    QCOMPARE(taken.status, 409);
    QCOMPARE(taken.code(), QStringLiteral("SEAT_ALREADY_TAKEN"));
    QCOMPARE(taken.message(), QStringLiteral("이미 선택된 좌석입니다."));

    QCOMPARE(post(QStringLiteral("/api/v1/users/1/balance/charge"), R"({"amount":400000})").status,
             200);
    const HttpResult paid =
        post(QStringLiteral("/api/v1/payments"),
             QStringLiteral(R"({"reservationIds":[%1]})").arg(reservationId).toUtf8(), bearer);
    QCOMPARE(paid.status, 201);
    QVERIFY(isWhole(paid.body.value(QStringLiteral("paymentId"))));
    const qint64 paymentId = paid.body.value(QStringLiteral("paymentId")).toInteger();
    QVERIFY(paymentId > 0);
    QCOMPARE(paid.body.value(QStringLiteral("reservationIds")).toArray(),
             QJsonArray{reservationId});
    QCOMPARE(paid.body.value(QStringLiteral("amount")).toInteger(), price);
    QCOMPARE(paid.body.value(QStringLiteral("balance")).toInteger(), 400000 - price);
    QCOMPARE(paid.body.value(QStringLiteral("status")).toString(), QStringLiteral("PAID"));
    QCOMPARE(balanceOf(1), 400000 - price);
    QCOMPARE(reservationStatus(reservationId), QStringLiteral("PAID"));

    // Q7: the token is used up.
    const HttpResult poll = get(QStringLiteral("/api/v1/queue/tokens/current"), bearer);
    QCOMPARE(poll.status, 401);
    QCOMPARE(poll.code(), QStringLiteral("TOKEN_EXPIRED"));

    // P4: the same request again answers the same payment and charges nothing.
    const HttpResult replay =
        post(QStringLiteral("/api/v1/payments"),
             QStringLiteral(R"({"reservationIds":[%1]})").arg(reservationId).toUtf8(), bearer);
    QCOMPARE(replay.status, 200);
    QCOMPARE(replay.body.value(QStringLiteral("paymentId")).toInteger(), paymentId);
    QCOMPARE(replay.body.value(QStringLiteral("amount")).toInteger(), price);
    QCOMPARE(replay.body.value(QStringLiteral("status")).toString(), QStringLiteral("PAID"));
    QCOMPARE(balanceOf(1), 400000 - price);

    const HttpResult history = get(QStringLiteral("/api/v1/users/1/balance/history"));
    QCOMPARE(history.status, 200);
    const QJsonArray entries = history.body.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value("kind").toString(), QStringLiteral("PAYMENT"));
    QCOMPARE(entries.at(0).toObject().value("amount").toInteger(), -price);
    QCOMPARE(entries.at(0).toObject().value("balanceAfter").toInteger(), 400000 - price);

    const auto report = InvariantChecker::check(*m_t->engine->db);
    QVERIFY_RESULT(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
    QCOMPARE(report->soldSeats, 1);
}

void TestApiServer::balanceChargeHistory()
{
    HttpResult r = get(QStringLiteral("/api/v1/users/5/balance"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QStringLiteral("userId")).toInteger(), 5);
    QVERIFY(isWhole(r.body.value(QStringLiteral("balance"))));
    QCOMPARE(r.body.value(QStringLiteral("balance")).toInteger(), 0);

    // A balance lookup and a charge need no token (Q8).
    r = post(QStringLiteral("/api/v1/users/5/balance/charge"), R"({"amount":50000})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QStringLiteral("userId")).toInteger(), 5);
    QCOMPARE(r.body.value(QStringLiteral("balance")).toInteger(), 50000);
    m_t->clock.advanceSeconds(1);
    r = post(QStringLiteral("/api/v1/users/5/balance/charge"), R"({"amount":1e3})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QStringLiteral("balance")).toInteger(), 51000);
    r = post(QStringLiteral("/api/v1/users/5/balance/charge"), R"({"amount":1000000})");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body.value(QStringLiteral("balance")).toInteger(), 1051000);
    QCOMPARE(balanceOf(5), 1051000);
    QCOMPARE(get(QStringLiteral("/api/v1/users/5/balance")).body.value("balance").toInteger(),
             1051000);

    r = get(QStringLiteral("/api/v1/users/5/balance/history"));
    QCOMPARE(r.status, 200);
    const QJsonArray entries = r.body.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 3);
    const qint64 amounts[] = {1000000, 1000, 50000}; // newest first
    const qint64 after[] = {1051000, 51000, 50000};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject e = entries.at(i).toObject();
        QCOMPARE(e.value(QStringLiteral("kind")).toString(), QStringLiteral("CHARGE"));
        QVERIFY(isWhole(e.value(QStringLiteral("amount"))));
        QCOMPARE(e.value(QStringLiteral("amount")).toInteger(), amounts[i]);
        QCOMPARE(e.value(QStringLiteral("balanceAfter")).toInteger(), after[i]);
        QVERIFY(isoMs(e.value(QStringLiteral("at"))) >= kStartMs);
    }
    QCOMPARE(isoMs(entries.at(2).toObject().value("at")), kStartMs);
    QCOMPARE(isoMs(entries.at(1).toObject().value("at")), kStartMs + 1000);

    // Someone else's wallet is untouched.
    QCOMPARE(balanceOf(6), 0);
    QCOMPARE(get(QStringLiteral("/api/v1/users/6/balance/history"))
                 .body.value("entries")
                 .toArray()
                 .size(),
             0);
}

// A failure of the storage under a charge (W2) is the server's trouble, not the client's: 503
// with Retry-After, the JSON content type, the rule's message and no SQL text; nothing charged.
void TestApiServer::storageFailureIsA503WithRetryAfter()
{
    auto conn = m_t->engine->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY(failInserts(**conn, QStringLiteral("ledger_fails"), QStringLiteral("ledger")));
    const HttpResult r = send("POST", QStringLiteral("/api/v1/users/2/balance/charge"),
                              R"({"amount":5000})", {}, "en");
    QCOMPARE(r.status, 503);
    QCOMPARE(r.retryAfter, QByteArray("1"));
    QCOMPARE(r.contentType, QByteArray("application/json; charset=utf-8"));
    QCOMPARE(r.code(), QStringLiteral("CHARGE_FAILED"));
    QCOMPARE(r.message(), QStringLiteral("An error occurred while charging. Please try again."));
    QVERIFY(!r.raw.contains("disk trouble"));
    QVERIFY(removeFailingInsert(**conn, QStringLiteral("ledger_fails"), QStringLiteral("ledger")));
    const HttpResult balance = get(QStringLiteral("/api/v1/users/2/balance"));
    QCOMPARE(balance.status, 200);
    QVERIFY(balance.retryAfter.isEmpty()); // only the 503s say when to come back
    QCOMPARE(balance.body.value(QStringLiteral("balance")).toInteger(), 0);
}

void TestApiServer::chargeUpToTheBalanceLimit()
{
    for (int i = 0; i < 10; ++i) {
        const HttpResult r =
            post(QStringLiteral("/api/v1/users/9/balance/charge"), R"({"amount":1000000})");
        QCOMPARE(r.status, 200);
    }
    QCOMPARE(balanceOf(9), 10000000);
    const QStringList before = snapshot();
    const HttpResult over =
        post(QStringLiteral("/api/v1/users/9/balance/charge"), R"({"amount":1})");
    QCOMPARE(over.status, 422);
    QCOMPARE(over.code(), QStringLiteral("INVALID_AMOUNT"));
    QVERIFY2(over.message().contains(QStringLiteral("10,000,000")), qPrintable(over.message()));
    QCOMPARE(snapshot(), before);
    QCOMPARE(balanceOf(9), 10000000);
}

void TestApiServer::paymentReplayAndIdempotencyKey()
{
    const qint64 scheduleId = firstScheduleOf(1);
    QVERIFY_RESULT(m_t->engine->wallet.charge(4, 1000000));
    const QString token = m_t->activeToken(4, 1);
    const QString bearer = QStringLiteral("Bearer ") + token;
    const auto held = m_t->engine->reservations.hold(token, scheduleId, 1);
    QVERIFY_RESULT(held);
    const QByteArray body = QStringLiteral(R"({"reservationIds":[%1]})").arg(held->id).toUtf8();

    const HttpResult first =
        send("POST", QStringLiteral("/api/v1/payments"), body, bearer, {}, "order-4-1");
    QCOMPARE(first.status, 201);
    const qint64 paymentId = first.body.value(QStringLiteral("paymentId")).toInteger();
    const qint64 after = 1000000 - held->price;
    QCOMPARE(balanceOf(4), after);

    // The same key again answers the original payment; with another body it is refused.
    const HttpResult byKey =
        send("POST", QStringLiteral("/api/v1/payments"), body, bearer, {}, "order-4-1");
    QCOMPARE(byKey.status, 200);
    QCOMPARE(byKey.body.value(QStringLiteral("paymentId")).toInteger(), paymentId);
    QCOMPARE(byKey.body.value(QStringLiteral("reservationIds")).toArray(), QJsonArray{held->id});
    QCOMPARE(byKey.body.value(QStringLiteral("amount")).toInteger(), held->price);
    const HttpResult reused = send("POST", QStringLiteral("/api/v1/payments"),
                                   R"({"reservationIds":[999]})", bearer, {}, "order-4-1");
    QCOMPARE(reused.status, 409);
    QCOMPARE(reused.code(), QStringLiteral("IDEMPOTENCY_KEY_REUSED"));
    QCOMPARE(balanceOf(4), after);

    // The same reservation with a new key and a new token (a second visit to the queue).
    const QString again = QStringLiteral("Bearer ") + m_t->activeToken(4, 1);
    const HttpResult bySeat =
        send("POST", QStringLiteral("/api/v1/payments"), body, again, {}, "order-4-2");
    QCOMPARE(bySeat.status, 200);
    QCOMPARE(bySeat.body.value(QStringLiteral("paymentId")).toInteger(), paymentId);
    QCOMPARE(balanceOf(4), after);

    auto conn = m_t->engine->db->connection();
    QVERIFY_RESULT(conn);
    for (const QString& sql :
         {QStringLiteral("SELECT COUNT(*) FROM payments"),
          QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'PAYMENT'")}) {
        auto q = (*conn)->run(sql); // one at a time: each is let go before the next runs
        QVERIFY_RESULT(q);
        QVERIFY(q->next());
        QCOMPARE(q->i64(0), 1);
    }
}

void TestApiServer::payTwoReservationsAtOnce()
{
    const qint64 scheduleId = firstScheduleOf(2);
    QVERIFY_RESULT(m_t->engine->wallet.charge(8, 1000000));
    const QString bearer = QStringLiteral("Bearer ") + m_t->activeToken(8, 2);
    QList<qint64> ids;
    qint64 total = 0;
    for (int seat : {1, 50}) {
        const HttpResult r = post(QStringLiteral("/api/v1/reservations"),
                                  QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                                      .arg(scheduleId)
                                      .arg(seat)
                                      .toUtf8(),
                                  bearer);
        QCOMPARE(r.status, 201);
        ids << r.body.value(QStringLiteral("reservationId")).toInteger();
        total += r.body.value(QStringLiteral("price")).toInteger();
    }
    const HttpResult paid = post(
        QStringLiteral("/api/v1/payments"),
        QStringLiteral(R"({"reservationIds":[%1,%2]})").arg(ids[1]).arg(ids[0]).toUtf8(), bearer);
    QCOMPARE(paid.status, 201);
    QCOMPARE(paid.body.value(QStringLiteral("amount")).toInteger(), total);
    QCOMPARE(paid.body.value(QStringLiteral("balance")).toInteger(), 1000000 - total);
    QJsonArray paidIds = paid.body.value(QStringLiteral("reservationIds")).toArray();
    QCOMPARE(paidIds.size(), 2);
    QVERIFY(paidIds.contains(ids[0]) && paidIds.contains(ids[1]));
    QCOMPARE(reservationStatus(ids[0]), QStringLiteral("PAID"));
    QCOMPARE(reservationStatus(ids[1]), QStringLiteral("PAID"));
    QCOMPARE(balanceOf(8), 1000000 - total);
}

void TestApiServer::holdLimit()
{
    const qint64 scheduleId = firstScheduleOf(1);
    const QString bearer = QStringLiteral("Bearer ") + m_t->activeToken(10, 1);
    const int limit = m_t->engine->settings.maxHolds;
    for (int seat = 1; seat <= limit; ++seat) {
        const HttpResult r = post(QStringLiteral("/api/v1/reservations"),
                                  QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                                      .arg(scheduleId)
                                      .arg(seat)
                                      .toUtf8(),
                                  bearer);
        QCOMPARE(r.status, 201);
    }
    const QStringList before = snapshot();
    const HttpResult r = post(QStringLiteral("/api/v1/reservations"),
                              QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                                  .arg(scheduleId)
                                  .arg(limit + 1)
                                  .toUtf8(),
                              bearer);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.code(), QStringLiteral("HOLD_LIMIT"));
    QCOMPARE(snapshot(), before);
}

void TestApiServer::expiredHoldAtPayment()
{
    const qint64 scheduleId = firstScheduleOf(1);
    QVERIFY_RESULT(m_t->engine->wallet.charge(11, 500000));
    const QString token = m_t->activeToken(11, 1);
    const QString bearer = QStringLiteral("Bearer ") + token;
    const HttpResult hold = post(
        QStringLiteral("/api/v1/reservations"),
        QStringLiteral(R"({"scheduleId":%1,"seatNumber":3})").arg(scheduleId).toUtf8(), bearer);
    QCOMPARE(hold.status, 201);
    const qint64 reservationId = hold.body.value(QStringLiteral("reservationId")).toInteger();

    // The hold's time passes (the token's has not: 300 s < 600 s). No sweeper runs.
    m_t->clock.advanceSeconds(m_t->engine->settings.holdSeconds + 1);
    const HttpResult pay =
        post(QStringLiteral("/api/v1/payments"),
             QStringLiteral(R"({"reservationIds":[%1]})").arg(reservationId).toUtf8(), bearer);
    QCOMPARE(pay.status, 410);
    QCOMPARE(pay.code(), QStringLiteral("HOLD_EXPIRED"));
    QCOMPARE(pay.message(), QStringLiteral("임시 배정 시간이 만료되었습니다."));

    // Nothing charged, the seat released, the token still usable.
    QCOMPARE(balanceOf(11), 500000);
    QCOMPARE(reservationStatus(reservationId), QStringLiteral("EXPIRED"));
    const auto history = m_t->engine->wallet.history(11);
    QVERIFY_RESULT(history);
    QCOMPARE(history->size(), 1);
    const HttpResult seats =
        get(QStringLiteral("/api/v1/schedules/%1/seats").arg(scheduleId), bearer);
    QCOMPARE(seats.status, 200);
    QCOMPARE(seats.body.value(QStringLiteral("seats")).toArray().size(), 50);
    const HttpResult poll = get(QStringLiteral("/api/v1/queue/tokens/current"), bearer);
    QCOMPARE(poll.body.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));

    // Someone else can hold it now.
    const HttpResult other =
        post(QStringLiteral("/api/v1/reservations"),
             QStringLiteral(R"({"scheduleId":%1,"seatNumber":3})").arg(scheduleId).toUtf8(),
             QStringLiteral("Bearer ") + m_t->activeToken(12, 1));
    QCOMPARE(other.status, 201);
}

void TestApiServer::expiredToken()
{
    const qint64 scheduleId = firstScheduleOf(1);
    const QString bearer = QStringLiteral("Bearer ") + m_t->activeToken(13, 1);
    m_t->clock.advanceSeconds(m_t->engine->settings.activeSeconds + 1);
    const QStringList before = snapshot();

    const HttpResult dates = get(QStringLiteral("/api/v1/concerts/1/schedules"), bearer);
    QCOMPARE(dates.status, 401);
    QCOMPARE(dates.code(), QStringLiteral("TOKEN_EXPIRED"));
    const HttpResult seats =
        get(QStringLiteral("/api/v1/schedules/%1/seats").arg(scheduleId), bearer);
    QCOMPARE(seats.status, 401);
    QCOMPARE(seats.code(), QStringLiteral("TOKEN_EXPIRED"));
    const HttpResult hold = post(
        QStringLiteral("/api/v1/reservations"),
        QStringLiteral(R"({"scheduleId":%1,"seatNumber":5})").arg(scheduleId).toUtf8(), bearer);
    QCOMPARE(hold.status, 401);
    QCOMPARE(hold.code(), QStringLiteral("TOKEN_EXPIRED"));
    const HttpResult pay =
        post(QStringLiteral("/api/v1/payments"), R"({"reservationIds":[1]})", bearer);
    QCOMPARE(pay.status, 401);
    QCOMPARE(pay.code(), QStringLiteral("TOKEN_EXPIRED"));
    QCOMPARE(snapshot(), before);

    // Q5: the poll refuses it too.
    const HttpResult poll = get(QStringLiteral("/api/v1/queue/tokens/current"), bearer);
    QCOMPARE(poll.status, 401);
    QCOMPARE(poll.code(), QStringLiteral("TOKEN_EXPIRED"));
    QVERIFY(hasHangul(poll.message()));
}

void TestApiServer::languages()
{
    const QString path = QStringLiteral("/api/v1/queue/tokens/current");
    struct Case
    {
        QByteArray acceptLanguage;
        bool english;
    };
    const Case cases[] = {
        {{}, false},
        {"en", true},
        {"en-US,en;q=0.9,ko;q=0.8", true},
        {"EN-gb", true},
        {"ko-KR,ko;q=0.9,en;q=0.8", false},
        {"fr-FR", false},
        {"*", false},
        {"  en ;q=0.5", true},
        {"e", false},
        {",en", false}, // the first choice is empty
    };
    for (const Case& c : cases) {
        const HttpResult r = c.acceptLanguage.isEmpty()
                                 ? rawGet(path) // no Accept-Language at all
                                 : send("GET", path, {}, {}, c.acceptLanguage);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.code(), QStringLiteral("TOKEN_MISSING"));
        QCOMPARE(r.message(), c.english ? QStringLiteral("A queue token is required.")
                                        : QStringLiteral("대기열 토큰이 필요합니다."));
    }

    HttpResult r =
        send("POST", QStringLiteral("/api/v1/users/1/balance/charge"), R"({"amount":0})", {}, "en");
    QCOMPARE(r.status, 422);
    QVERIFY2(!hasHangul(r.message()) && r.message().contains(QStringLiteral("1,000,000")),
             qPrintable(r.message()));
    r = send("POST", QStringLiteral("/api/v1/users/1/balance/charge"), R"({"amount":0})");
    QCOMPARE(r.status, 422);
    QVERIFY2(hasHangul(r.message()) && r.message().contains(QStringLiteral("1,000,000")),
             qPrintable(r.message()));

    r = send("GET", QStringLiteral("/api/v1/users/999/balance"), {}, {}, "en");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.message(), QStringLiteral("No balance information was found."));
    r = send("GET", QStringLiteral("/api/v1/users/999/balance"));
    QCOMPARE(r.message(), QStringLiteral("잔액 정보가 없습니다."));

    r = send("GET", QStringLiteral("/api/v1/nowhere"), {}, {}, "en");
    QCOMPARE(r.status, 404);
    QVERIFY(r.jsonObject);
    QVERIFY(!r.message().isEmpty() && !hasHangul(r.message()));
    r = rawGet(QStringLiteral("/api/v1/nowhere"));
    QCOMPARE(r.status, 404);
    QVERIFY(hasHangul(r.message()));
    r = rawGet(QStringLiteral("/api/v1/users/999/balance"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.message(), QStringLiteral("잔액 정보가 없습니다."));

    r = send("POST", QStringLiteral("/api/v1/queue/tokens"), "{", {}, "en");
    QCOMPARE(r.status, 400);
    QVERIFY(!r.message().isEmpty() && !hasHangul(r.message()));
    r = send("POST", QStringLiteral("/api/v1/queue/tokens"), "{");
    QVERIFY(hasHangul(r.message()));
}

// Every row runs on a fresh scene (init() runs per row):
//   customer 1: 500,000 won, ACTIVE token for concert 1 ("active1") and for concert 2
//               ("concert2"), holds seat 11 of {S1} ({hold1});
//   customer 2: 0 won, ACTIVE token for concert 1 ("active2"), holds seat 10 of {S1} ({hold2});
//   customer 3: WAITING token for concert 1 ("waiting").
// {S1} is concert 1's first date, {S5} concert 2's.
void TestApiServer::badInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QString tokens = QStringLiteral("/api/v1/queue/tokens");
    const QString current = QStringLiteral("/api/v1/queue/tokens/current");
    const QString res = QStringLiteral("/api/v1/reservations");
    const QString pay = QStringLiteral("/api/v1/payments");
    const QString charge = QStringLiteral("/api/v1/users/1/balance/charge");
    auto row = [](const char* name, const QByteArray& method, const QString& path,
                  const QString& body, const QString& token, int status, const char* code) {
        QTest::newRow(name) << method << path << body << token << status
                            << QString::fromLatin1(code);
    };

    // The queue.
    row("enter: malformed JSON", "POST", tokens, "{\"userId\":1,", "", 400, "BAD_REQUEST");
    row("enter: empty body", "POST", tokens, "", "", 400, "BAD_REQUEST");
    row("enter: array", "POST", tokens, "[1,1]", "", 400, "BAD_REQUEST");
    row("enter: string", "POST", tokens, "\"hello\"", "", 400, "BAD_REQUEST");
    row("enter: userId string", "POST", tokens, R"({"userId":"1","concertId":1})", "", 400,
        "BAD_REQUEST");
    row("enter: concertId fraction", "POST", tokens, R"({"userId":1,"concertId":1.5})", "", 400,
        "BAD_REQUEST");
    row("enter: userId negative", "POST", tokens, R"({"userId":-1,"concertId":1})", "", 400,
        "BAD_REQUEST");
    row("enter: userId null", "POST", tokens, R"({"userId":null,"concertId":1})", "", 400,
        "BAD_REQUEST");
    row("enter: missing concertId", "POST", tokens, R"({"userId":1})", "", 400, "BAD_REQUEST");
    row("enter: unknown user", "POST", tokens, R"({"userId":999,"concertId":1})", "", 404,
        "USER_NOT_FOUND");
    row("enter: huge user", "POST", tokens, R"({"userId":1e300,"concertId":1})", "", 400,
        "BAD_REQUEST");
    row("enter: unknown concert", "POST", tokens, R"({"userId":1,"concertId":999})", "", 404,
        "CONCERT_NOT_FOUND");

    // The poll.
    row("poll: no token", "GET", current, "", "", 401, "TOKEN_MISSING");
    row("poll: garbage token", "GET", current, "", "garbage", 401, "TOKEN_INVALID");
    row("poll: not bearer", "GET", current, "", "basic", 401, "TOKEN_INVALID");
    row("poll: empty bearer", "GET", current, "", "emptyBearer", 401, "TOKEN_INVALID");

    // Dates and seats.
    row("dates: no token", "GET", "/api/v1/concerts/1/schedules", "", "", 401, "TOKEN_MISSING");
    row("dates: garbage token", "GET", "/api/v1/concerts/1/schedules", "", "garbage", 401,
        "TOKEN_INVALID");
    row("dates: waiting token", "GET", "/api/v1/concerts/1/schedules", "", "waiting", 403,
        "TOKEN_NOT_ACTIVE");
    row("dates: other concert's token", "GET", "/api/v1/concerts/1/schedules", "", "concert2", 403,
        "TOKEN_WRONG_CONCERT");
    row("dates: unknown concert", "GET", "/api/v1/concerts/999/schedules", "", "active1", 404,
        "CONCERT_NOT_FOUND");
    row("dates: concert not a number", "GET", "/api/v1/concerts/abc/schedules", "", "active1", 404,
        "CONCERT_NOT_FOUND");
    row("seats: no token", "GET", "/api/v1/schedules/{S1}/seats", "", "", 401, "TOKEN_MISSING");
    row("seats: garbage token", "GET", "/api/v1/schedules/{S1}/seats", "", "garbage", 401,
        "TOKEN_INVALID");
    row("seats: waiting token", "GET", "/api/v1/schedules/{S1}/seats", "", "waiting", 403,
        "TOKEN_NOT_ACTIVE");
    row("seats: other concert's schedule", "GET", "/api/v1/schedules/{S5}/seats", "", "active1",
        403, "TOKEN_WRONG_CONCERT");
    row("seats: unknown schedule", "GET", "/api/v1/schedules/999/seats", "", "active1", 404,
        "SCHEDULE_NOT_FOUND");
    row("seats: schedule -1", "GET", "/api/v1/schedules/-1/seats", "", "active1", 404,
        "SCHEDULE_NOT_FOUND");

    // Holds.
    const QString seat7 = QStringLiteral(R"({"scheduleId":{S1},"seatNumber":7})");
    row("hold: no token", "POST", res, seat7, "", 401, "TOKEN_MISSING");
    row("hold: garbage token", "POST", res, seat7, "garbage", 401, "TOKEN_INVALID");
    row("hold: waiting token", "POST", res, seat7, "waiting", 403, "TOKEN_NOT_ACTIVE");
    row("hold: malformed JSON", "POST", res, "{\"scheduleId\":", "active1", 400, "BAD_REQUEST");
    row("hold: not an object", "POST", res, "[{S1},7]", "active1", 400, "BAD_REQUEST");
    row("hold: seat 7.5", "POST", res, R"({"scheduleId":{S1},"seatNumber":7.5})", "active1", 400,
        "BAD_REQUEST");
    row("hold: schedule string", "POST", res, R"({"scheduleId":"{S1}","seatNumber":7})", "active1",
        400, "BAD_REQUEST");
    row("hold: seat string", "POST", res, R"({"scheduleId":{S1},"seatNumber":"7"})", "active1", 400,
        "BAD_REQUEST");
    row("hold: missing seat", "POST", res, R"({"scheduleId":{S1}})", "active1", 400, "BAD_REQUEST");
    row("hold: seat 0", "POST", res, R"({"scheduleId":{S1},"seatNumber":0})", "active1", 400,
        "BAD_REQUEST");
    row("hold: unknown seat", "POST", res, R"({"scheduleId":{S1},"seatNumber":51})", "active1", 404,
        "SEAT_NOT_FOUND");
    row("hold: huge seat", "POST", res, R"({"scheduleId":{S1},"seatNumber":4294967297})", "active1",
        404, "SEAT_NOT_FOUND");
    row("hold: unknown schedule", "POST", res, R"({"scheduleId":999,"seatNumber":7})", "active1",
        404, "SCHEDULE_NOT_FOUND");
    row("hold: other concert's schedule", "POST", res, R"({"scheduleId":{S5},"seatNumber":7})",
        "active1", 403, "TOKEN_WRONG_CONCERT");
    row("hold: seat held by another", "POST", res, R"({"scheduleId":{S1},"seatNumber":10})",
        "active1", 409, "SEAT_ALREADY_TAKEN");
    row("hold: own held seat again", "POST", res, R"({"scheduleId":{S1},"seatNumber":11})",
        "active1", 409, "SEAT_ALREADY_TAKEN");

    // The wallet.
    row("balance: unknown user", "GET", "/api/v1/users/999/balance", "", "", 404,
        "BALANCE_NOT_FOUND");
    row("balance: user not a number", "GET", "/api/v1/users/abc/balance", "", "", 404,
        "BALANCE_NOT_FOUND");
    row("balance: user 0", "GET", "/api/v1/users/0/balance", "", "", 404, "BALANCE_NOT_FOUND");
    row("history: unknown user", "GET", "/api/v1/users/999/balance/history", "", "", 404,
        "BALANCE_NOT_FOUND");
    row("charge: amount 0", "POST", charge, R"({"amount":0})", "", 422, "INVALID_AMOUNT");
    row("charge: amount -5", "POST", charge, R"({"amount":-5})", "", 422, "INVALID_AMOUNT");
    row("charge: amount 1e20", "POST", charge, R"({"amount":1e20})", "", 422, "INVALID_AMOUNT");
    row("charge: amount 12.5", "POST", charge, R"({"amount":12.5})", "", 422, "INVALID_AMOUNT");
    row("charge: amount abc", "POST", charge, R"({"amount":"abc"})", "", 422, "INVALID_AMOUNT");
    row("charge: amount \"1000\"", "POST", charge, R"({"amount":"1000"})", "", 422,
        "INVALID_AMOUNT");
    row("charge: amount 1000001", "POST", charge, R"({"amount":1000001})", "", 422,
        "INVALID_AMOUNT");
    row("charge: amount null", "POST", charge, R"({"amount":null})", "", 422, "INVALID_AMOUNT");
    row("charge: amount true", "POST", charge, R"({"amount":true})", "", 422, "INVALID_AMOUNT");
    row("charge: amount array", "POST", charge, R"({"amount":[1000]})", "", 422, "INVALID_AMOUNT");
    row("charge: missing amount", "POST", charge, R"({"amt":1000})", "", 400, "BAD_REQUEST");
    row("charge: malformed JSON", "POST", charge, R"({"amount":)", "", 400, "BAD_REQUEST");
    row("charge: not an object", "POST", charge, "1000", "", 400, "BAD_REQUEST");
    row("charge: unknown user", "POST", "/api/v1/users/999/balance/charge", R"({"amount":1000})",
        "", 404, "BALANCE_NOT_FOUND");

    // Payments.
    const QString pay2 = QStringLiteral(R"({"reservationIds":[{hold2}]})");
    row("pay: no token", "POST", pay, pay2, "", 401, "TOKEN_MISSING");
    row("pay: garbage token", "POST", pay, pay2, "garbage", 401, "TOKEN_INVALID");
    row("pay: waiting token", "POST", pay, R"({"reservationIds":[{hold1}]})", "waiting", 403,
        "TOKEN_NOT_ACTIVE");
    row("pay: malformed JSON", "POST", pay, "{\"reservationIds\":[", "active2", 400, "BAD_REQUEST");
    row("pay: not an object", "POST", pay, "[{hold2}]", "active2", 400, "BAD_REQUEST");
    row("pay: missing ids", "POST", pay, "{}", "active2", 400, "BAD_REQUEST");
    row("pay: empty ids", "POST", pay, R"({"reservationIds":[]})", "active2", 400, "BAD_REQUEST");
    row("pay: ids not an array", "POST", pay, R"({"reservationIds":{hold2}})", "active2", 400,
        "BAD_REQUEST");
    row("pay: id string", "POST", pay, R"({"reservationIds":["{hold2}"]})", "active2", 400,
        "BAD_REQUEST");
    row("pay: id fraction", "POST", pay, R"({"reservationIds":[1.5]})", "active2", 400,
        "BAD_REQUEST");
    row("pay: unknown reservation", "POST", pay, R"({"reservationIds":[999]})", "active1", 404,
        "RESERVATION_NOT_FOUND");
    row("pay: another customer's", "POST", pay, pay2, "active1", 403, "NOT_YOUR_RESERVATION");
    row("pay: mine and another's", "POST", pay, R"({"reservationIds":[{hold1},{hold2}]})",
        "active1", 403, "NOT_YOUR_RESERVATION");
    row("pay: other concert's token", "POST", pay, R"({"reservationIds":[{hold1}]})", "concert2",
        403, "TOKEN_WRONG_CONCERT");
    row("pay: insufficient balance", "POST", pay, pay2, "active2", 409, "INSUFFICIENT_BALANCE");

    // Unknown paths and methods.
    row("unknown path", "GET", "/api/v1/nothing", "", "", 404, "NOT_FOUND");
    row("root", "GET", "/", "", "", 404, "NOT_FOUND");
    row("unknown path under users", "GET", "/api/v1/users/1/wallet", "", "", 404, "NOT_FOUND");
    row("unknown version", "POST", "/api/v2/queue/tokens", R"({"userId":1,"concertId":1})", "", 404,
        "NOT_FOUND");
}

void TestApiServer::badInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, body);
    QFETCH(QString, token);
    QFETCH(int, status);
    QFETCH(QString, code);

    // The scene.
    Engine& e = **m_t;
    const qint64 s1 = firstScheduleOf(1);
    const qint64 s5 = firstScheduleOf(2);
    QVERIFY(s1 > 0 && s5 > 0);
    QVERIFY_RESULT(e.wallet.charge(1, 500000));
    const auto t1 = e.queue.enter(1, 1);
    const auto t2 = e.queue.enter(2, 1);
    const auto t12 = e.queue.enter(1, 2);
    QVERIFY_RESULT(t1);
    QVERIFY_RESULT(t2);
    QVERIFY_RESULT(t12);
    QCOMPARE(m_t->admitNow(), 3);
    const auto t3 = e.queue.enter(3, 1);
    QVERIFY_RESULT(t3);
    QCOMPARE(t3->status.state, QueueState::Waiting);
    const auto hold1 = e.reservations.hold(t1->token, s1, 11);
    const auto hold2 = e.reservations.hold(t2->token, s1, 10);
    QVERIFY_RESULT(hold1);
    QVERIFY_RESULT(hold2);

    auto fill = [&](QString s) {
        return s.replace(QStringLiteral("{S1}"), QString::number(s1))
            .replace(QStringLiteral("{S5}"), QString::number(s5))
            .replace(QStringLiteral("{hold1}"), QString::number(hold1->id))
            .replace(QStringLiteral("{hold2}"), QString::number(hold2->id));
    };
    const QHash<QString, QString> authorization{
        {QStringLiteral("active1"), QStringLiteral("Bearer ") + t1->token},
        {QStringLiteral("active2"), QStringLiteral("Bearer ") + t2->token},
        {QStringLiteral("concert2"), QStringLiteral("Bearer ") + t12->token},
        {QStringLiteral("waiting"), QStringLiteral("Bearer ") + t3->token},
        {QStringLiteral("garbage"), QStringLiteral("Bearer not-a-token-at-all")},
        {QStringLiteral("basic"), QStringLiteral("Basic dXNlcjpwYXNz")},
        {QStringLiteral("emptyBearer"), QStringLiteral("Bearer ")},
    };
    QVERIFY(token.isEmpty() || authorization.contains(token));

    const QStringList before = snapshot();
    const HttpResult r = send(method, fill(path), fill(body).toUtf8(),
                              token.isEmpty() ? QString() : authorization.value(token));
    QVERIFY2(r.status > 0 && r.status < 500, qPrintable(QString::number(r.status)));
    QCOMPARE(r.status, status);
    QVERIFY2(r.jsonObject, r.raw.constData());
    QVERIFY(r.contentType.startsWith("application/json"));
    QCOMPARE(r.code(), code);
    QVERIFY2(hasHangul(r.message()), qPrintable(r.message()));
    if (code == QLatin1String("TOKEN_NOT_ACTIVE")) {
        QVERIFY(isWhole(r.body.value(QStringLiteral("position"))));
        QCOMPARE(r.body.value(QStringLiteral("position")).toInteger(), 1);
    }

    // The same request in English: the same answer, in English.
    const HttpResult en = send(method, fill(path), fill(body).toUtf8(),
                               token.isEmpty() ? QString() : authorization.value(token), "en");
    QCOMPARE(en.status, status);
    QCOMPARE(en.code(), code);
    QVERIFY2(!en.message().isEmpty() && !hasHangul(en.message()), qPrintable(en.message()));

    // Nothing changed: balances, ledger, holds, payments, tokens.
    QCOMPARE(snapshot(), before);
    QCOMPARE(balanceOf(1), 500000);
    QCOMPARE(balanceOf(2), 0);
    QCOMPARE(reservationStatus(hold1->id), QStringLiteral("HELD"));
    QCOMPARE(reservationStatus(hold2->id), QStringLiteral("HELD"));
    for (const QString& t : {t1->token, t2->token, t12->token}) {
        const auto pass = e.queue.requireActive(t);
        QVERIFY_RESULT(pass);
    }
    const auto waiting = e.queue.poll(t3->token);
    QVERIFY_RESULT(waiting);
    QCOMPARE(waiting->state, QueueState::Waiting);
    QCOMPARE(waiting->position, 1);
    const auto seats = e.catalogue.seatMap(s1, 0);
    QVERIFY_RESULT(seats);
    int free = 0;
    for (const SeatInfo& s : *seats)
        free += s.state == SeatState::Available ? 1 : 0;
    QCOMPARE(free, 48);
}

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
