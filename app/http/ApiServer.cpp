#include "http/ApiServer.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMetaEnum>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace boxoffice {

namespace {

using Method = QHttpServerRequest::Method;

constexpr double kMaxJsonId = 9007199254740991.0; // 2^53 - 1: exact in a JSON number

ApiResponse errorResponse(const Error& e, Language lang)
{
    QJsonObject body = e.extra;
    body.insert(QStringLiteral("code"), e.codeName());
    body.insert(QStringLiteral("message"), e.message(lang));
    const int status = ApiServer::httpStatus(e.code);
    if (status >= 500)
        qWarning().noquote() << "api:" << e.codeName() << e.internal;
    return {status, body};
}

ApiResponse badRequest(Language lang, const QString& korean, const QString& english)
{
    return errorResponse(Error::make(ErrorCode::BadRequest, korean, english), lang);
}

constexpr qsizetype kMaxIdempotencyKey = 200;

ApiResponse keyTooLong(Language lang)
{
    return badRequest(lang, QStringLiteral("Idempotency-Key가 너무 깁니다 (최대 200자)."),
                      QStringLiteral("The Idempotency-Key is too long (200 characters at most)."));
}

ApiResponse notAnObject(Language lang)
{
    return badRequest(lang, QStringLiteral("요청 본문이 올바른 JSON 객체가 아닙니다."),
                      QStringLiteral("The body is not a JSON object."));
}

// ISO 8601 in UTC with milliseconds, "2026-01-01T00:10:00.000+00:00": what QDateTime gives in
// QTimeZone::utc() with Qt::ISODateWithMs, at a fraction of its cost (every ACTIVE poll has one).
QString isoTime(qint64 ms)
{
    using namespace std::chrono;
    const sys_time<milliseconds> at{milliseconds(ms)};
    const sys_days day = floor<days>(at);
    const year_month_day date{day};
    if (date.year() < year(1) || date.year() > year(9999))
        return {}; // as QDateTime: no four-digit year, no ISO 8601 text
    const hh_mm_ss time{at - day};
    char text[40];
    const int n = std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03d+00:00",
                                int(date.year()), unsigned(date.month()), unsigned(date.day()),
                                int(time.hours().count()), int(time.minutes().count()),
                                int(time.seconds().count()), int(time.subseconds().count()));
    return QString::fromLatin1(text, n);
}

// A path id: a positive whole number, or nothing. Handlers pass 0 for nothing: no row has it,
// so the service answers its own not-found, after checking the token as it always does.
qint64 pathId(const QString& text)
{
    // Digits and nothing else: "1%00", "+1", " 1" and "0x1" are not member number 1.
    if (text.isEmpty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        }))
        return 0;
    const qint64 v = text.toLongLong();
    if (v <= 0)
        return 0;
    return v;
}

// A JSON id field: a positive whole number.
std::optional<qint64> jsonId(const QJsonValue& v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < 1 || d > kMaxJsonId)
        return std::nullopt;
    return qint64(d);
}

std::optional<QJsonObject> jsonObject(const QByteArray& body)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString bearerToken(const QByteArray& authorization, bool* present)
{
    *present = !authorization.isEmpty();
    const QByteArrayView v = QByteArrayView(authorization).trimmed();
    if (v.size() < 8 || v.first(7).compare("bearer ", Qt::CaseInsensitive) != 0)
        return {};
    const QByteArrayView token = v.sliced(7).trimmed();
    if (token.isEmpty() || token.size() > 256)
        return {};
    return QString::fromLatin1(token);
}

// The queue answer (polled many times a second per client): a copy of a prebuilt object with
// its values replaced, which costs about half of building the object key by key.
QJsonObject queueJson(const QueueStatus& s)
{
    static const QJsonObject shape{
        {QStringLiteral("status"), QString()},
        {QStringLiteral("position"), 0},
        {QStringLiteral("estimatedWaitSeconds"), 0},
        {QStringLiteral("concertId"), 0},
        {QStringLiteral("userId"), 0},
    };
    QJsonObject o = shape;
    o[QLatin1StringView("status")] = queueStateName(s.state);
    o[QLatin1StringView("position")] = s.position;
    o[QLatin1StringView("estimatedWaitSeconds")] = s.estimatedWaitSeconds;
    o[QLatin1StringView("concertId")] = s.concertId;
    o[QLatin1StringView("userId")] = s.customerId;
    if (s.state == QueueState::Active)
        o.insert(QLatin1StringView("expiresAt"), isoTime(s.expiresAtMs));
    return o;
}

QByteArray headerValue(const QHttpServerRequest& req, const QByteArray& name)
{
    for (const auto& [key, value] : req.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ApiRequest toApiRequest(const QHttpServerRequest& req)
{
    return ApiRequest{req.remoteAddress(),
                      headerValue(req, "X-Api-Key"),
                      headerValue(req, "Authorization"),
                      headerValue(req, "Accept-Language"),
                      headerValue(req, "Idempotency-Key"),
                      req.body()};
}

QByteArray describe(const QHttpServerRequest& req)
{
    const QByteArray method =
        QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(req.method())));
    return method.toUpper() + ' ' + req.url().path().toUtf8();
}

// Equal keys, decided without an early exit: comparing digests hides the length too.
bool sameDigest(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// Writes the answer straight to the responder: no QHttpServerResponse in between.
void respond(QHttpServerResponder& responder, const ApiResponse& r)
{
    const QByteArray body = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
    const QByteArray type = QByteArrayLiteral("application/json; charset=utf-8");
    const auto status = QHttpServerResponder::StatusCode(r.status);
    if (r.status == 503)
        responder.write(body, {{"Content-Type", type}, {"Retry-After", "1"}}, status);
    else
        responder.write(body, type, status);
}

} // namespace

int ApiServer::httpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::BadRequest:
        return 400;
    case ErrorCode::TokenMissing:
    case ErrorCode::TokenInvalid:
    case ErrorCode::TokenExpired:
    case ErrorCode::ApiKeyMissing:
    case ErrorCode::ApiKeyInvalid:
        return 401;
    case ErrorCode::TokenNotActive:
    case ErrorCode::TokenWrongConcert:
    case ErrorCode::NotYourReservation:
        return 403;
    case ErrorCode::NotFound:
    case ErrorCode::UserNotFound:
    case ErrorCode::ConcertNotFound:
    case ErrorCode::ScheduleNotFound:
    case ErrorCode::SeatNotFound:
    case ErrorCode::ReservationNotFound:
    case ErrorCode::NoAvailableSchedules:
    case ErrorCode::NoAvailableSeats:
    case ErrorCode::BalanceNotFound:
        return 404;
    case ErrorCode::SeatAlreadyTaken:
    case ErrorCode::InsufficientBalance:
    case ErrorCode::HoldLimit:
    case ErrorCode::AlreadyPaid:
    case ErrorCode::ScheduleClosed:
    case ErrorCode::IdempotencyKeyReused:
        return 409;
    case ErrorCode::HoldExpired:
        return 410;
    case ErrorCode::InvalidAmount:
    case ErrorCode::InvalidCustomer:
        return 422;
    case ErrorCode::StorageUnavailable:
    case ErrorCode::StorageBusy:
    case ErrorCode::StorageReadOnly:
    case ErrorCode::StorageFull:
    case ErrorCode::StorageCorrupt:
    case ErrorCode::ChargeFailed:
    case ErrorCode::DatabaseOpenFailed:
        return 503;
    case ErrorCode::StorageError:
    case ErrorCode::NotADatabase:
    case ErrorCode::NewerSchema:
    case ErrorCode::Count:
        break;
    }
    return 500;
}

Language ApiServer::languageOf(const QByteArray& acceptLanguage)
{
    // Korean is the default whatever the server's locale; the client's first choice decides.
    QByteArrayView first(acceptLanguage);
    if (const qsizetype comma = first.indexOf(','); comma >= 0)
        first = first.first(comma);
    if (const qsizetype semicolon = first.indexOf(';'); semicolon >= 0)
        first = first.first(semicolon);
    first = first.trimmed();
    return first.size() >= 2 && first.first(2).compare("en", Qt::CaseInsensitive) == 0
               ? Language::English
               : Language::Korean;
}

ApiServer::ApiServer(Engine& engine, QObject* parent) : QObject(parent), m_engine(engine)
{
    addRoutes();
}

void ApiServer::setApiKey(const QByteArray& key)
{
    m_apiKeyDigest =
        key.isEmpty() ? QByteArray() : QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

bool ApiServer::mayPass(const ApiRequest& r) const
{
    return m_apiKeyDigest.isEmpty() || r.remote.isLoopback();
}

std::optional<ApiResponse> ApiServer::guard(const ApiRequest& r, const QByteArray& what) const
{
    if (mayPass(r))
        return std::nullopt;
    const QByteArray given = QCryptographicHash::hash(r.apiKey, QCryptographicHash::Sha256);
    if (!r.apiKey.isEmpty() && sameDigest(given, m_apiKeyDigest))
        return std::nullopt;
    qWarning().noquote() << "api: refused" << what << "from" << r.remote.toString()
                         << (r.apiKey.isEmpty() ? "without an API key" : "with a wrong API key");
    const Language lang = languageOf(r.acceptLanguage);
    return errorResponse(
        Error::make(r.apiKey.isEmpty() ? ErrorCode::ApiKeyMissing : ErrorCode::ApiKeyInvalid),
        lang);
}

std::expected<quint16, QString> ApiServer::listen(const QHostAddress& address, quint16 port)
{
    const quint16 bound = m_http.listen(address, port);
    if (bound == 0) {
        return std::unexpected(QStringLiteral("cannot listen on %1:%2 (in use, or not an address"
                                              " of this machine)")
                                   .arg(address.toString())
                                   .arg(port));
    }
    return bound;
}

void ApiServer::addRoutes()
{
    auto wrap = [this](auto handler) {
        return [this, handler](const QHttpServerRequest& req, QHttpServerResponder&& responder) {
            const ApiRequest r = toApiRequest(req);
            const auto refused = mayPass(r) ? std::nullopt : guard(r, describe(req));
            respond(responder, refused ? *refused : (this->*handler)(r));
        };
    };
    auto wrapArg = [this](auto handler) {
        return [this, handler](const QString& arg, const QHttpServerRequest& req,
                               QHttpServerResponder&& responder) {
            const ApiRequest r = toApiRequest(req);
            const auto refused = mayPass(r) ? std::nullopt : guard(r, describe(req));
            respond(responder, refused ? *refused : (this->*handler)(r, arg));
        };
    };
    m_http.route(QStringLiteral("/api/v1/queue/tokens"), Method::Post,
                 wrap(&ApiServer::enterQueue));
    m_http.route(QStringLiteral("/api/v1/queue/tokens/current"), Method::Get,
                 wrap(&ApiServer::pollQueue));
    m_http.route(QStringLiteral("/api/v1/concerts"), Method::Get, wrap(&ApiServer::concerts));
    m_http.route(QStringLiteral("/api/v1/concerts/<arg>/schedules"), Method::Get,
                 wrapArg(&ApiServer::schedules));
    m_http.route(QStringLiteral("/api/v1/schedules/<arg>/seats"), Method::Get,
                 wrapArg(&ApiServer::seats));
    m_http.route(QStringLiteral("/api/v1/reservations"), Method::Post, wrap(&ApiServer::hold));
    m_http.route(QStringLiteral("/api/v1/users/<arg>/balance"), Method::Get,
                 wrapArg(&ApiServer::balance));
    m_http.route(QStringLiteral("/api/v1/users/<arg>/balance/charge"), Method::Post,
                 wrapArg(&ApiServer::charge));
    m_http.route(QStringLiteral("/api/v1/users/<arg>/balance/history"), Method::Get,
                 wrapArg(&ApiServer::history));
    m_http.route(QStringLiteral("/api/v1/payments"), Method::Post, wrap(&ApiServer::pay));
    m_http.setMissingHandler([this](const QHttpServerRequest& req,
                                    QHttpServerResponder&& responder) {
        // Outsiders without the key learn nothing, not even which paths exist.
        const auto refused = guard(toApiRequest(req), describe(req));
        respond(responder, refused
                               ? *refused
                               : errorResponse(Error::make(ErrorCode::NotFound),
                                               languageOf(headerValue(req, "Accept-Language"))));
    });
}

ApiResponse ApiServer::enterQueue(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto body = jsonObject(r.body);
    if (!body)
        return notAnObject(lang);
    const auto userId = jsonId(body->value(QStringLiteral("userId")));
    const auto concertId = jsonId(body->value(QStringLiteral("concertId")));
    if (!userId || !concertId)
        return badRequest(lang, QStringLiteral("userId와 concertId는 양의 정수여야 합니다."),
                          QStringLiteral("userId and concertId must be positive whole numbers."));
    const auto ticket = m_engine.queue.enter(*userId, *concertId);
    if (!ticket)
        return errorResponse(ticket.error(), lang);
    QJsonObject o = queueJson(ticket->status);
    o.insert(QStringLiteral("token"), ticket->token);
    return {ticket->created ? 201 : 200, o};
}

ApiResponse ApiServer::pollQueue(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    bool present = false;
    const QString token = bearerToken(r.authorization, &present);
    if (!present)
        return errorResponse(Error::make(ErrorCode::TokenMissing), lang);
    if (token.isEmpty())
        return errorResponse(Error::make(ErrorCode::TokenInvalid), lang);
    const auto s = m_engine.queue.poll(token);
    if (!s)
        return errorResponse(s.error(), lang);
    return {200, queueJson(*s)};
}

ApiResponse ApiServer::concerts(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto list = m_engine.catalogue.concerts();
    if (!list)
        return errorResponse(list.error(), lang);
    QJsonArray a;
    for (const Concert& c : *list)
        a.append(
            QJsonObject{{QStringLiteral("concertId"), c.id}, {QStringLiteral("title"), c.title}});
    return {200, QJsonObject{{QStringLiteral("concerts"), a}}};
}

#define BO_API_TOKEN(r, lang, tokenVar)                                                            \
    bool tokenVar##Present = false;                                                                \
    const QString tokenVar = bearerToken((r).authorization, &tokenVar##Present);                   \
    if (!tokenVar##Present)                                                                        \
        return errorResponse(Error::make(ErrorCode::TokenMissing), lang);                          \
    if (tokenVar.isEmpty())                                                                        \
        return errorResponse(Error::make(ErrorCode::TokenInvalid), lang);

ApiResponse ApiServer::schedules(const ApiRequest& r, const QString& concertId)
{
    const Language lang = languageOf(r.acceptLanguage);
    BO_API_TOKEN(r, lang, token)
    const qint64 id = pathId(concertId);
    const auto list = m_engine.catalogue.availableSchedules(token, id);
    if (!list)
        return errorResponse(list.error(), lang);
    QJsonArray a;
    for (const ScheduleInfo& s : *list) {
        a.append(QJsonObject{{QStringLiteral("scheduleId"), s.id},
                             {QStringLiteral("startsAt"), isoTime(s.startsAtMs)},
                             {QStringLiteral("availableSeats"), s.availableSeats}});
    }
    return {200, QJsonObject{{QStringLiteral("schedules"), a}}};
}

ApiResponse ApiServer::seats(const ApiRequest& r, const QString& scheduleId)
{
    const Language lang = languageOf(r.acceptLanguage);
    BO_API_TOKEN(r, lang, token)
    const qint64 id = pathId(scheduleId);
    const auto list = m_engine.catalogue.availableSeats(token, id);
    if (!list)
        return errorResponse(list.error(), lang);
    QJsonArray a;
    for (const SeatInfo& s : *list) {
        a.append(QJsonObject{{QStringLiteral("seatNumber"), s.number},
                             {QStringLiteral("price"), s.price},
                             {QStringLiteral("tier"), s.tier}});
    }
    return {200, QJsonObject{{QStringLiteral("scheduleId"), id}, {QStringLiteral("seats"), a}}};
}

ApiResponse ApiServer::hold(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    BO_API_TOKEN(r, lang, token)
    const auto body = jsonObject(r.body);
    if (!body)
        return notAnObject(lang);
    const auto scheduleId = jsonId(body->value(QStringLiteral("scheduleId")));
    const auto seatNumber = jsonId(body->value(QStringLiteral("seatNumber")));
    if (!scheduleId || !seatNumber)
        return badRequest(
            lang, QStringLiteral("scheduleId와 seatNumber는 양의 정수여야 합니다."),
            QStringLiteral("scheduleId and seatNumber must be positive whole numbers."));
    if (*seatNumber > std::numeric_limits<int>::max())
        return errorResponse(Error::make(ErrorCode::SeatNotFound), lang);
    const auto res = m_engine.reservations.hold(token, *scheduleId, int(*seatNumber));
    if (!res)
        return errorResponse(res.error(), lang);
    return {201, QJsonObject{{QStringLiteral("reservationId"), res->id},
                             {QStringLiteral("scheduleId"), res->scheduleId},
                             {QStringLiteral("seatNumber"), res->seatNumber},
                             {QStringLiteral("price"), res->price},
                             {QStringLiteral("status"), reservationStatusName(res->status)},
                             {QStringLiteral("expiresAt"), isoTime(res->expiresAtMs)}}};
}

ApiResponse ApiServer::balance(const ApiRequest& r, const QString& userId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const qint64 id = pathId(userId);
    const auto b = m_engine.wallet.balance(id);
    if (!b)
        return errorResponse(b.error(), lang);
    return {200, QJsonObject{{QStringLiteral("userId"), id}, {QStringLiteral("balance"), *b}}};
}

ApiResponse ApiServer::charge(const ApiRequest& r, const QString& userId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const qint64 id = pathId(userId);
    const auto body = jsonObject(r.body);
    if (!body)
        return notAnObject(lang);
    if (!body->contains(QStringLiteral("amount")))
        return badRequest(lang, QStringLiteral("amount 항목이 필요합니다."),
                          QStringLiteral("The amount field is required."));
    // W3: whatever the amount is, unless it is a whole number in range, it is INVALID_AMOUNT.
    const QJsonValue amountValue = body->value(QStringLiteral("amount"));
    const auto amount = amountValue.isDouble() ? WalletService::checkAmount(amountValue.toDouble())
                                               : fail(ErrorCode::InvalidAmount);
    if (!amount)
        return errorResponse(amount.error(), lang);
    if (r.idempotencyKey.size() > kMaxIdempotencyKey)
        return keyTooLong(lang);
    const auto after = m_engine.wallet.charge(id, *amount, QString::fromUtf8(r.idempotencyKey));
    if (!after)
        return errorResponse(after.error(), lang);
    return {200, QJsonObject{{QStringLiteral("userId"), id}, {QStringLiteral("balance"), *after}}};
}

ApiResponse ApiServer::history(const ApiRequest& r, const QString& userId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const qint64 id = pathId(userId);
    const auto entries = m_engine.wallet.history(id);
    if (!entries)
        return errorResponse(entries.error(), lang);
    QJsonArray a;
    for (const LedgerEntry& e : *entries) {
        a.append(QJsonObject{{QStringLiteral("kind"), ledgerKindName(e.kind)},
                             {QStringLiteral("amount"), e.amount},
                             {QStringLiteral("balanceAfter"), e.balanceAfter},
                             {QStringLiteral("at"), isoTime(e.atMs)}});
    }
    return {200, QJsonObject{{QStringLiteral("entries"), a}}};
}

ApiResponse ApiServer::pay(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    BO_API_TOKEN(r, lang, token)
    const auto body = jsonObject(r.body);
    if (!body)
        return notAnObject(lang);
    const QJsonValue idsValue = body->value(QStringLiteral("reservationIds"));
    QList<qint64> ids;
    bool valid =
        idsValue.isArray() && !idsValue.toArray().isEmpty() && idsValue.toArray().size() <= 100;
    if (valid) {
        for (const QJsonValue& v : idsValue.toArray()) {
            const auto id = jsonId(v);
            if (!id) {
                valid = false;
                break;
            }
            ids << *id;
        }
    }
    if (!valid)
        return badRequest(lang,
                          QStringLiteral("reservationIds는 양의 정수 배열(1~100개)이어야 합니다."),
                          QStringLiteral("reservationIds must be an array of 1 to 100 positive"
                                         " whole numbers."));
    if (r.idempotencyKey.size() > kMaxIdempotencyKey)
        return keyTooLong(lang);
    const auto p = m_engine.payments.pay(token, ids, QString::fromUtf8(r.idempotencyKey));
    if (!p)
        return errorResponse(p.error(), lang);
    QJsonArray paid;
    for (qint64 id : p->reservationIds)
        paid.append(id);
    return {p->replayed ? 200 : 201,
            QJsonObject{{QStringLiteral("paymentId"), p->id},
                        {QStringLiteral("reservationIds"), paid},
                        {QStringLiteral("amount"), p->amount},
                        {QStringLiteral("balance"), p->balanceAfter},
                        {QStringLiteral("status"), QStringLiteral("PAID")}}};
}

} // namespace boxoffice
