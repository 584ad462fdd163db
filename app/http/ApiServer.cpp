#include "http/ApiServer.h"

#include "http/ChangeWatch.h"
#include "http/HttpFront.h"
#include "http/JsonKeys.h"
#include "http/SeatSnapshots.h"

#include "TicketDocument.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace boxoffice {

namespace {

constexpr double kMaxJsonId = 9007199254740991.0; // 2^53 - 1: exact in a JSON number

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

// The body as a JSON object, or the 400 to answer: malformed, not an object, or a key given
// twice anywhere in it (which QJsonDocument would quietly settle one way).
std::expected<QJsonObject, ApiResponse> jsonBody(const QByteArray& body, Language lang)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::unexpected(
            badRequest(lang, QStringLiteral("요청 본문이 올바른 JSON 객체가 아닙니다."),
                       QStringLiteral("The body is not a JSON object.")));
    if (hasDuplicateKey(body))
        return std::unexpected(duplicateJsonKey(lang));
    return doc.object();
}

// The Authorization header's bearer token, or the 401 to answer: TOKEN_MISSING without the
// header, TOKEN_INVALID when it holds no bearer token.
std::expected<QString, ApiResponse> bearer(const ApiRequest& r, Language lang)
{
    if (r.authorization.isEmpty())
        return std::unexpected(errorResponse(Error::make(ErrorCode::TokenMissing), lang));
    const QByteArrayView v = QByteArrayView(r.authorization).trimmed();
    QByteArrayView token;
    if (v.size() >= 8 && v.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        token = v.sliced(7).trimmed();
    if (token.isEmpty() || token.size() > 256)
        return std::unexpected(errorResponse(Error::make(ErrorCode::TokenInvalid), lang));
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

QJsonArray jsonIds(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

// A body's "reservationIds": 1 to 100 positive whole numbers, or the 400 to answer.
std::expected<QList<qint64>, ApiResponse> reservationIds(const QJsonObject& body, Language lang)
{
    const QJsonValue value = body.value(QStringLiteral("reservationIds"));
    const QJsonArray array = value.toArray();
    QList<qint64> ids;
    bool valid = value.isArray() && !array.isEmpty() && array.size() <= 100;
    for (qsizetype i = 0; valid && i < array.size(); ++i) {
        const auto id = jsonId(array.at(i));
        valid = id.has_value();
        if (valid)
            ids << *id;
    }
    if (!valid)
        return std::unexpected(badRequest(
            lang, QStringLiteral("reservationIds는 양의 정수 배열(1~100개)이어야 합니다."),
            QStringLiteral("reservationIds must be an array of 1 to 100 positive"
                           " whole numbers.")));
    return ids;
}

bool namesOneTwice(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return std::adjacent_find(ids.begin(), ids.end()) != ids.end();
}

// A payment's or a refund's request: the body's reservation ids and an Idempotency-Key that
// fits, or the 400 to answer.
std::expected<QList<qint64>, ApiResponse> reservationsRequest(const ApiRequest& r, Language lang)
{
    const auto body = jsonBody(r.body, lang);
    if (!body)
        return std::unexpected(body.error());
    auto ids = reservationIds(*body, lang);
    if (ids && r.idempotencyKey.size() > kMaxIdempotencyKey)
        return std::unexpected(keyTooLong(lang));
    return ids;
}

// A ticket as the staff API shows it. CHECKED_IN is a valid ticket whose seat is inside: the
// door answers ALREADY_CHECKED_IN for it, so a client must not print it as usable.
QJsonObject ticketJson(const Ticket& t)
{
    const QString status = t.status == TicketStatus::Revoked ? QStringLiteral("REVOKED")
                           : t.isCheckedIn()                 ? QStringLiteral("CHECKED_IN")
                                                             : QStringLiteral("VALID");
    QJsonObject o{{QStringLiteral("ticketId"), t.id},
                  {QStringLiteral("reservationId"), t.reservationId},
                  {QStringLiteral("paymentId"), t.paymentId},
                  {QStringLiteral("scheduleId"), t.scheduleId},
                  {QStringLiteral("seatLabel"), t.seatLabel},
                  {QStringLiteral("issueNumber"), t.issueNumber},
                  {QStringLiteral("code"), t.code},
                  {QStringLiteral("status"), status}};
    if (t.revokedReason)
        o.insert(QStringLiteral("revokedReason"), ticketRevocationName(*t.revokedReason));
    if (t.isCheckedIn())
        o.insert(QStringLiteral("checkedInAt"), isoTime(t.checkedInAtMs));
    return o;
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

} // namespace

ApiServer::ApiServer(Engine& engine, HttpLimits limits)
    : m_engine(engine), m_limits(limits), m_changes(std::make_unique<ChangeWatch>(engine.db)),
      m_seats(std::make_unique<SeatSnapshots>(engine.catalogue, engine.clock, *m_changes))
{
    addRoutes();
}

ApiServer::~ApiServer() = default;

void ApiServer::setApiKey(const QByteArray& key)
{
    m_apiKeyDigest =
        key.isEmpty() ? QByteArray() : QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

bool ApiServer::mayPass(const ApiRequest& r) const
{
    return m_apiKeyDigest.isEmpty() || r.remote.isLoopback();
}

std::optional<ApiResponse> ApiServer::keyRefusal(const ApiRequest& r, const QByteArray& what) const
{
    const QByteArray given = QCryptographicHash::hash(r.apiKey, QCryptographicHash::Sha256);
    if (!r.apiKey.isEmpty() && sameDigest(given, m_apiKeyDigest))
        return std::nullopt;
    // Named only when refused: the request line is not worth building for every poll.
    const QByteArray named = what.isEmpty() ? r.method + ' ' + r.path.left(200).toUtf8() : what;
    qWarning().noquote() << "api: refused" << named << "from" << r.remote.toString()
                         << (r.apiKey.isEmpty() ? "without an API key" : "with a wrong API key");
    return errorResponse(
        Error::make(r.apiKey.isEmpty() ? ErrorCode::ApiKeyMissing : ErrorCode::ApiKeyInvalid),
        languageOf(r.acceptLanguage));
}

std::optional<ApiResponse> ApiServer::guard(const ApiRequest& r, const QByteArray& what) const
{
    return admit(r, RouteAccess::Customer, what);
}

std::optional<ApiResponse> ApiServer::admit(const ApiRequest& r, RouteAccess access,
                                            const QByteArray& what) const
{
    if (access == RouteAccess::Customer)
        return mayPass(r) ? std::nullopt : keyRefusal(r, what);
    if (m_apiKeyDigest.isEmpty())
        return errorResponse(Error::make(ErrorCode::StaffApiDisabled),
                             languageOf(r.acceptLanguage));
    return keyRefusal(r, what);
}

std::expected<quint16, QString> ApiServer::listen(const QHostAddress& address, quint16 port)
{
    if (m_front)
        return std::unexpected(QStringLiteral("already listening"));
    m_front =
        std::make_unique<HttpFront>([this](const ApiRequest& r) { return handle(r); }, m_limits);
    auto bound = m_front->listen(address, port);
    if (!bound)
        m_front.reset();
    return bound;
}

int ApiServer::openConnections() const
{
    return m_front ? m_front->openConnections() : 0;
}

std::vector<int> ApiServer::connectionsPerThread() const
{
    return m_front ? m_front->connectionsPerThread() : std::vector<int>{};
}

ApiResponse ApiServer::handle(const ApiRequest& r)
{
    const Router::Match m = m_router.match(r.method, r.path);
    // Outsiders without the key learn nothing, not even which paths exist: the key comes first.
    if (const auto refused = admit(r, m.route ? m.route->access : RouteAccess::Customer, {}))
        return *refused;
    if (m.route)
        return m.route->handler(r, m.args);
    const Language lang = languageOf(r.acceptLanguage);
    if (!m.allowed.isEmpty())
        return methodNotAllowed(lang, m.allowed);
    return errorResponse(Error::make(ErrorCode::NotFound), lang);
}

void ApiServer::addRoutes()
{
    using Plain = ApiResponse (ApiServer::*)(const ApiRequest&);
    using WithId = ApiResponse (ApiServer::*)(const ApiRequest&, const QString&);
    auto add = [this](const char* method, const char* pattern, auto handler,
                      RouteAccess access = RouteAccess::Customer) {
        Router::Handler call;
        if constexpr (std::is_same_v<decltype(handler), Plain>)
            call = [this, handler](const ApiRequest& r, const QStringList&) {
                return (this->*handler)(r);
            };
        else
            call = [this, handler](const ApiRequest& r, const QStringList& args) {
                return (this->*handler)(r, args.value(0));
            };
        m_router.add({method, QString::fromLatin1(pattern), access, call});
    };
    add("POST", "/api/v1/queue/tokens", Plain(&ApiServer::enterQueue));
    add("GET", "/api/v1/queue/tokens/current", Plain(&ApiServer::pollQueue));
    add("GET", "/api/v1/concerts", Plain(&ApiServer::concerts));
    add("GET", "/api/v1/concerts/{concertId}/schedules", WithId(&ApiServer::schedules));
    add("GET", "/api/v1/schedules/{scheduleId}/seats", WithId(&ApiServer::seats));
    add("POST", "/api/v1/reservations", Plain(&ApiServer::hold));
    add("GET", "/api/v1/users/{userId}/balance", WithId(&ApiServer::balance));
    add("POST", "/api/v1/users/{userId}/balance/charge", WithId(&ApiServer::charge));
    add("GET", "/api/v1/users/{userId}/balance/history", WithId(&ApiServer::history));
    add("POST", "/api/v1/payments", Plain(&ApiServer::pay));
    constexpr RouteAccess staff = RouteAccess::Staff;
    add("POST", "/api/v1/refunds", Plain(&ApiServer::refund), staff);
    add("GET", "/api/v1/payments/{paymentId}/tickets", WithId(&ApiServer::paymentTickets), staff);
    add("GET", "/api/v1/payments/{paymentId}/tickets.pdf", WithId(&ApiServer::paymentTicketsPdf),
        staff);
    add("POST", "/api/v1/tickets/{ticketId}/reissue", WithId(&ApiServer::reissue), staff);
    add("POST", "/api/v1/checkins", Plain(&ApiServer::checkIn), staff);
}

ApiResponse ApiServer::enterQueue(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto body = jsonBody(r.body, lang);
    if (!body)
        return body.error();
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
    return ApiResponse::json(ticket->created ? 201 : 200, o);
}

ApiResponse ApiServer::pollQueue(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto token = bearer(r, lang);
    if (!token)
        return token.error();
    const auto s = m_engine.queue.poll(*token);
    if (!s)
        return errorResponse(s.error(), lang);
    return ApiResponse::json(200, queueJson(*s));
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
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("concerts"), a}});
}

ApiResponse ApiServer::schedules(const ApiRequest& r, const QString& concertId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto token = bearer(r, lang);
    if (!token)
        return token.error();
    const qint64 id = pathId(concertId);
    const auto list = m_engine.catalogue.availableSchedules(*token, id);
    if (!list)
        return errorResponse(list.error(), lang);
    QJsonArray a;
    for (const ScheduleInfo& s : *list) {
        a.append(QJsonObject{{QStringLiteral("scheduleId"), s.id},
                             {QStringLiteral("startsAt"), isoTime(s.startsAtMs)},
                             {QStringLiteral("availableSeats"), s.availableSeats}});
    }
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("schedules"), a}});
}

ApiResponse ApiServer::seats(const ApiRequest& r, const QString& scheduleId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto token = bearer(r, lang);
    if (!token)
        return token.error();
    // The checks of CatalogueService::availableSeats(), in its order; the list itself comes
    // from the snapshot.
    if (const auto pass = m_engine.queue.requireActive(*token); !pass)
        return errorResponse(pass.error(), lang);
    const auto schedule = m_engine.catalogue.schedule(pathId(scheduleId));
    if (!schedule)
        return errorResponse(schedule.error(), lang);
    if (const auto pass = m_engine.queue.requireActive(*token, schedule->concertId); !pass)
        return errorResponse(pass.error(), lang);
    const auto list = m_seats->find(*schedule, r.mayBlock);
    if (!list)
        return ApiResponse::notYet();
    if (!*list)
        return errorResponse(list->error(), lang);
    return ApiResponse::prebuilt(200, **list, {});
}

ApiResponse ApiServer::hold(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto token = bearer(r, lang);
    if (!token)
        return token.error();
    const auto body = jsonBody(r.body, lang);
    if (!body)
        return body.error();
    const auto scheduleId = jsonId(body->value(QStringLiteral("scheduleId")));
    const auto seatNumber = jsonId(body->value(QStringLiteral("seatNumber")));
    if (!scheduleId || !seatNumber)
        return badRequest(
            lang, QStringLiteral("scheduleId와 seatNumber는 양의 정수여야 합니다."),
            QStringLiteral("scheduleId and seatNumber must be positive whole numbers."));
    if (*seatNumber > std::numeric_limits<int>::max())
        return errorResponse(Error::make(ErrorCode::SeatNotFound), lang);
    const auto res = m_engine.reservations.hold(*token, *scheduleId, int(*seatNumber));
    if (!res)
        return errorResponse(res.error(), lang);
    return ApiResponse::json(
        201, QJsonObject{{QStringLiteral("reservationId"), res->id},
                         {QStringLiteral("scheduleId"), res->scheduleId},
                         {QStringLiteral("seatNumber"), res->seatNumber},
                         {QStringLiteral("price"), res->price},
                         {QStringLiteral("status"), reservationStatusName(res->status)},
                         {QStringLiteral("expiresAt"), isoTime(res->expiresAtMs)}});
}

ApiResponse ApiServer::balance(const ApiRequest& r, const QString& userId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const qint64 id = pathId(userId);
    const auto b = m_engine.wallet.balance(id);
    if (!b)
        return errorResponse(b.error(), lang);
    return ApiResponse::json(
        200, QJsonObject{{QStringLiteral("userId"), id}, {QStringLiteral("balance"), *b}});
}

ApiResponse ApiServer::charge(const ApiRequest& r, const QString& userId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const qint64 id = pathId(userId);
    const auto body = jsonBody(r.body, lang);
    if (!body)
        return body.error();
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
    return ApiResponse::json(
        200, QJsonObject{{QStringLiteral("userId"), id}, {QStringLiteral("balance"), *after}});
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
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("entries"), a}});
}

ApiResponse ApiServer::pay(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto token = bearer(r, lang);
    if (!token)
        return token.error();
    const auto ids = reservationsRequest(r, lang);
    if (!ids)
        return ids.error();
    const auto p = m_engine.payments.pay(*token, *ids, QString::fromUtf8(r.idempotencyKey));
    if (!p)
        return errorResponse(p.error(), lang);
    // Each seat's code, so that a client can show or print its tickets at once (design §9).
    QJsonArray tickets;
    for (const Ticket& t : p->tickets)
        tickets.append(QJsonObject{{QStringLiteral("reservationId"), t.reservationId},
                                   {QStringLiteral("code"), t.code}});
    return ApiResponse::json(
        p->replayed ? 200 : 201,
        QJsonObject{{QStringLiteral("paymentId"), p->id},
                    {QStringLiteral("reservationIds"), jsonIds(p->reservationIds)},
                    {QStringLiteral("amount"), p->amount},
                    {QStringLiteral("balance"), p->balanceAfter},
                    {QStringLiteral("status"), QStringLiteral("PAID")},
                    {QStringLiteral("tickets"), tickets}});
}

// ---- Staff (design §9) ----

Actor ApiServer::staffActor() const
{
    return Actor::staff(QStringLiteral("api@") + m_engine.terminal.id);
}

ApiResponse ApiServer::refund(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto ids = reservationsRequest(r, lang);
    if (!ids)
        return ids.error();
    // A seat named twice is refused rather than counted once: a client that sends it has lost
    // track of what it is giving back. (A payment keeps part one's rule and pays it once.)
    if (namesOneTwice(*ids))
        return badRequest(lang, QStringLiteral("reservationIds에 같은 예약이 두 번 있습니다."),
                          QStringLiteral("reservationIds names a reservation twice."));
    const auto done =
        m_engine.refunds.refund(*ids, QString::fromUtf8(r.idempotencyKey), staffActor());
    if (!done)
        return errorResponse(done.error(), lang);
    return ApiResponse::json(
        done->replayed ? 200 : 201,
        QJsonObject{{QStringLiteral("refundId"), done->id},
                    {QStringLiteral("paymentId"), done->paymentId},
                    {QStringLiteral("reservationIds"), jsonIds(done->reservationIds)},
                    {QStringLiteral("amount"), done->amount},
                    {QStringLiteral("fee"), done->fee},
                    {QStringLiteral("feePercent"), done->feePercent},
                    {QStringLiteral("balance"), done->balanceAfter}});
}

ApiResponse ApiServer::paymentTickets(const ApiRequest& r, const QString& paymentId)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto tickets = m_engine.tickets.ofPayment(pathId(paymentId));
    if (!tickets)
        return errorResponse(tickets.error(), lang);
    QJsonArray a;
    for (const Ticket& t : *tickets)
        a.append(ticketJson(t));
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("tickets"), a}});
}

ApiResponse ApiServer::paymentTicketsPdf(const ApiRequest& r, const QString& paymentId)
{
    // Painting pages (fonts, QR symbols) takes tens of milliseconds a ticket: not on a network
    // thread, where it would hold up everyone's polls.
    if (!r.mayBlock)
        return ApiResponse::notYet();
    const Language lang = languageOf(r.acceptLanguage);
    const auto tickets = m_engine.tickets.ofPayment(pathId(paymentId));
    if (!tickets)
        return errorResponse(tickets.error(), lang);
    // What can be held at the door: refunded seats' tickets are no longer printed.
    QList<PrintedTicket> pages;
    for (const Ticket& t : *tickets) {
        if (t.status == TicketStatus::Valid)
            pages << PrintedTicket::from(t);
    }
    if (pages.isEmpty())
        return errorResponse(
            Error::make(ErrorCode::TicketRevoked,
                        QStringLiteral("이 결제에는 유효한 티켓이 없습니다 (모두 환불되었습니다)."),
                        QStringLiteral("This payment has no valid ticket left (all refunded).")),
            lang);
    const auto pdf = TicketDocument::toPdf(pages);
    if (!pdf)
        return errorResponse(pdf.error(), lang);
    ApiResponse answer = ApiResponse::prebuilt(200, *pdf, QByteArrayLiteral("application/pdf"));
    answer.headers.emplaceBack(
        "Content-Disposition",
        QStringLiteral("inline; filename=\"tickets-%1.pdf\"").arg(pathId(paymentId)).toLatin1());
    return answer;
}

ApiResponse ApiServer::reissue(const ApiRequest& r, const QString& ticketId)
{
    // No body: the path names the ticket, and whatever a client sends along changes nothing.
    const Language lang = languageOf(r.acceptLanguage);
    const auto issued = m_engine.tickets.reissue(pathId(ticketId), staffActor());
    if (!issued)
        return errorResponse(issued.error(), lang);
    return ApiResponse::json(200, ticketJson(*issued));
}

ApiResponse ApiServer::checkIn(const ApiRequest& r)
{
    const Language lang = languageOf(r.acceptLanguage);
    const auto body = jsonBody(r.body, lang);
    if (!body)
        return body.error();
    const QJsonValue code = body->value(QStringLiteral("code"));
    const auto scheduleId = jsonId(body->value(QStringLiteral("scheduleId")));
    if (!code.isString() || !scheduleId)
        return badRequest(
            lang, QStringLiteral("code는 문자열, scheduleId는 양의 정수여야 합니다."),
            QStringLiteral("code must be a string and scheduleId a positive whole number."));
    // The door is opened for one performance: one that does not exist is the caller's mistake,
    // not every ticket's wrong schedule.
    if (const auto schedule = m_engine.catalogue.schedule(*scheduleId); !schedule)
        return errorResponse(schedule.error(), lang);
    const auto in = m_engine.door.checkIn(code.toString(), *scheduleId, staffActor());
    if (!in) {
        Error e = in.error();
        // The API writes every time one way (ISO 8601 UTC); the service gives milliseconds.
        if (const QJsonValue at = e.extra.take(QStringLiteral("checkedInAtMs")); at.isDouble())
            e.extra.insert(QStringLiteral("checkedInAt"), isoTime(at.toInteger()));
        return errorResponse(e, lang);
    }
    return ApiResponse::json(
        200, QJsonObject{{QStringLiteral("result"), QStringLiteral("OK")},
                         {QStringLiteral("ticketId"), in->ticketId},
                         {QStringLiteral("reservationId"), in->reservationId},
                         {QStringLiteral("scheduleId"), in->scheduleId},
                         {QStringLiteral("seatLabel"), in->seatLabel},
                         {QStringLiteral("checkedInAt"), isoTime(in->checkedInAtMs)}});
}

} // namespace boxoffice
