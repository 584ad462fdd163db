#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <expected>

namespace boxoffice {

enum class Language { Korean, English };

// Stable error codes (design §1, §4, §9). The names are the wire codes.
enum class ErrorCode {
    BadRequest,
    NotFound,
    ApiKeyMissing,
    ApiKeyInvalid,
    TokenMissing,
    TokenInvalid,
    TokenExpired,
    TokenNotActive,
    TokenWrongConcert,
    NotYourReservation,
    UserNotFound,
    ConcertNotFound,
    ScheduleNotFound,
    SeatNotFound,
    ReservationNotFound,
    NoAvailableSchedules,
    NoAvailableSeats,
    BalanceNotFound,
    SeatAlreadyTaken,
    InsufficientBalance,
    HoldLimit,
    HoldExpired,
    AlreadyPaid,
    ScheduleClosed,
    InvalidAmount,
    ChargeFailed,
    InvalidCustomer,
    StorageBusy,
    StorageError,
    StorageReadOnly,
    StorageFull,
    StorageCorrupt,
    StorageUnavailable,
    NotADatabase,
    NewerSchema,
    DatabaseOpenFailed,
    IdempotencyKeyReused,
    // After the sale (design §6, §8, §9).
    RefundClosed,
    AlreadyRefunded,
    NotPaid,
    AlreadyCheckedIn,
    TicketRevoked,
    TicketInvalid,
    TicketWrongSchedule,
    StaffApiDisabled,
    SeatsAvailable,
    AlreadyOnWaitlist,
    TicketNotFound,
    PaymentNotFound,
    // Keep last: the number of codes (Error.cpp has one entry per code, in this order).
    Count
};

// An error as a value: a stable code, a message in both languages, and optional fields for the
// API body (for example the queue position of TOKEN_NOT_ACTIVE).
struct Error
{
    ErrorCode code = ErrorCode::StorageError;
    QString korean;
    QString english;
    QJsonObject extra;
    QString internal; // for the log only, never shown (SQL text and the like)

    static Error make(ErrorCode code);
    static Error make(ErrorCode code, QString korean, QString english);
    Error& withExtra(const QString& key, const QJsonValue& value);
    Error& withInternal(QString text);

    QString codeName() const;
    QString message(Language lang) const { return lang == Language::English ? english : korean; }
};

QString errorCodeName(ErrorCode code);

template <typename T = void> using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code)
{
    return std::unexpected(Error::make(code));
}
inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected(std::move(error));
}

} // namespace boxoffice

Q_DECLARE_METATYPE(boxoffice::Error)

// Propagates an error from an expression returning Result<...>; yields its value otherwise.
#define BO_TRY(expr)                                                                               \
    ({                                                                                             \
        auto&& bo_try_result_ = (expr);                                                            \
        if (!bo_try_result_)                                                                       \
            return std::unexpected(std::move(bo_try_result_).error());                             \
        std::move(bo_try_result_).value();                                                         \
    })

#define BO_CHECK(expr)                                                                             \
    do {                                                                                           \
        auto&& bo_check_result_ = (expr);                                                          \
        if (!bo_check_result_)                                                                     \
            return std::unexpected(std::move(bo_check_result_).error());                           \
    } while (false)
