#include "http/ApiResponse.h"

#include <QJsonDocument>

namespace boxoffice {

namespace {

const QByteArray kJsonType = QByteArrayLiteral("application/json; charset=utf-8");

// What every 503 says: the trouble is passing, come back in a second.
constexpr auto kRetryAfterSeconds = "1";

} // namespace

QByteArray ApiRequest::queryValue(QByteArrayView name) const
{
    for (const auto& [key, value] : query) {
        if (key == name)
            return value;
    }
    return {};
}

QByteArray ApiResponse::wireBody() const
{
    if (!contentType.isEmpty())
        return content;
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray ApiResponse::wireContentType() const
{
    return contentType.isEmpty() ? kJsonType : contentType;
}

ApiResponse ApiResponse::json(int status, QJsonObject body)
{
    ApiResponse r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

ApiResponse ApiResponse::prebuilt(int status, QByteArray content, QByteArray contentType)
{
    ApiResponse r;
    r.status = status;
    r.content = std::move(content);
    r.contentType = contentType.isEmpty() ? kJsonType : std::move(contentType);
    return r;
}

ApiResponse ApiResponse::notYet()
{
    ApiResponse r;
    r.later = true;
    return r;
}

Language languageOf(QByteArrayView acceptLanguage)
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

int httpStatus(ErrorCode code)
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
    case ErrorCode::StaffApiDisabled:
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
    case ErrorCode::TicketNotFound:
    case ErrorCode::PaymentNotFound:
        return 404;
    case ErrorCode::SeatAlreadyTaken:
    case ErrorCode::InsufficientBalance:
    case ErrorCode::HoldLimit:
    case ErrorCode::AlreadyPaid:
    case ErrorCode::ScheduleClosed:
    case ErrorCode::IdempotencyKeyReused:
    case ErrorCode::RefundClosed:
    case ErrorCode::AlreadyRefunded:
    case ErrorCode::NotPaid:
    case ErrorCode::AlreadyCheckedIn:
    case ErrorCode::TicketWrongSchedule:
    case ErrorCode::SeatsAvailable:
    case ErrorCode::AlreadyOnWaitlist:
        return 409;
    case ErrorCode::HoldExpired:
    case ErrorCode::TicketRevoked: // refunded or reissued: it was valid once and is gone
        return 410;
    case ErrorCode::InvalidAmount:
    case ErrorCode::InvalidCustomer:
    case ErrorCode::TicketInvalid:
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

ApiResponse errorResponse(const Error& e, Language lang)
{
    ApiResponse r;
    r.body = e.extra;
    r.body.insert(QStringLiteral("code"), e.codeName());
    r.body.insert(QStringLiteral("message"), e.message(lang));
    r.status = httpStatus(e.code);
    if (r.status >= 500)
        qWarning().noquote() << "api:" << e.codeName() << e.internal;
    if (r.status == 503)
        r.headers.emplaceBack("Retry-After", kRetryAfterSeconds);
    return r;
}

ApiResponse httpError(int status, QLatin1StringView code, const QString& korean,
                      const QString& english, Language lang)
{
    ApiResponse r;
    r.status = status;
    r.body.insert(QStringLiteral("code"), code);
    r.body.insert(QStringLiteral("message"), lang == Language::English ? english : korean);
    if (status == 503)
        r.headers.emplaceBack("Retry-After", kRetryAfterSeconds);
    return r;
}

} // namespace boxoffice
