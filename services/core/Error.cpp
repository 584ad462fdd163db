#include "core/Error.h"

#include "core/Money.h"

#include <iterator>

namespace boxoffice {

namespace {

struct Entry
{
    ErrorCode code;
    const char* name;
    const char* korean;
    const char* english;
};

// Korean texts of the seeds first; English beside them.
constexpr Entry kEntries[] = {
    {ErrorCode::BadRequest, "BAD_REQUEST", "잘못된 요청입니다.", "The request is malformed."},
    {ErrorCode::NotFound, "NOT_FOUND", "요청한 항목을 찾을 수 없습니다.",
     "The requested resource does not exist."},
    {ErrorCode::ApiKeyMissing, "API_KEY_MISSING", "API 키가 필요합니다 (X-Api-Key 헤더).",
     "An API key is required (the X-Api-Key header)."},
    {ErrorCode::ApiKeyInvalid, "API_KEY_INVALID", "API 키가 올바르지 않습니다.",
     "The API key is not valid."},
    {ErrorCode::TokenMissing, "TOKEN_MISSING", "대기열 토큰이 필요합니다.",
     "A queue token is required."},
    {ErrorCode::TokenInvalid, "TOKEN_INVALID", "유효하지 않은 대기열 토큰입니다.",
     "The queue token is not valid."},
    {ErrorCode::TokenExpired, "TOKEN_EXPIRED", "만료된 대기열 토큰입니다.",
     "The queue token has expired."},
    {ErrorCode::TokenNotActive, "TOKEN_NOT_ACTIVE",
     "아직 대기 중입니다. 순서가 되면 좌석을 고를 수 있습니다.",
     "Still waiting in the queue; seats can be chosen when your turn comes."},
    {ErrorCode::TokenWrongConcert, "TOKEN_WRONG_CONCERT", "다른 공연의 대기열 토큰입니다.",
     "The queue token belongs to another concert."},
    {ErrorCode::NotYourReservation, "NOT_YOUR_RESERVATION", "본인의 예약이 아닙니다.",
     "The reservation belongs to another customer."},
    {ErrorCode::UserNotFound, "USER_NOT_FOUND", "고객 정보가 없습니다.", "No such customer."},
    {ErrorCode::ConcertNotFound, "CONCERT_NOT_FOUND", "공연을 찾을 수 없습니다.",
     "No such concert."},
    {ErrorCode::ScheduleNotFound, "SCHEDULE_NOT_FOUND", "공연 일정을 찾을 수 없습니다.",
     "No such schedule."},
    {ErrorCode::SeatNotFound, "SEAT_NOT_FOUND", "존재하지 않는 좌석입니다.", "No such seat."},
    {ErrorCode::ReservationNotFound, "RESERVATION_NOT_FOUND", "예약을 찾을 수 없습니다.",
     "No such reservation."},
    {ErrorCode::NoAvailableSchedules, "NO_AVAILABLE_SCHEDULES", "예약 가능한 스케줄이 없습니다.",
     "There are no schedules available for booking."},
    {ErrorCode::NoAvailableSeats, "NO_AVAILABLE_SEATS", "예약 가능한 좌석이 없습니다.",
     "There are no seats available for booking."},
    {ErrorCode::BalanceNotFound, "BALANCE_NOT_FOUND", "잔액 정보가 없습니다.",
     "No balance information was found."},
    {ErrorCode::SeatAlreadyTaken, "SEAT_ALREADY_TAKEN", "이미 선택된 좌석입니다.",
     "This seat has already been taken."},
    {ErrorCode::InsufficientBalance, "INSUFFICIENT_BALANCE", "잔액이 부족합니다.",
     "The balance is insufficient."},
    {ErrorCode::HoldLimit, "HOLD_LIMIT", "이 공연 일정에서 더 이상 좌석을 선택할 수 없습니다.",
     "No more seats can be held for this schedule."},
    {ErrorCode::HoldExpired, "HOLD_EXPIRED", "임시 배정 시간이 만료되었습니다.",
     "The seat hold has expired."},
    {ErrorCode::AlreadyPaid, "ALREADY_PAID", "이미 결제된 예약입니다.",
     "The reservation has already been paid."},
    {ErrorCode::ScheduleClosed, "SCHEDULE_CLOSED", "이미 지난 공연 일정입니다.",
     "This performance has already taken place."},
    {ErrorCode::InvalidAmount, "INVALID_AMOUNT",
     "충전 금액은 %1원 이상 %2원 이하의 정수여야 합니다.",
     "The amount must be a whole number from %1 to %2 KRW."},
    {ErrorCode::ChargeFailed, "CHARGE_FAILED", "충전 중 오류가 발생했습니다. 다시 시도해주세요.",
     "An error occurred while charging. Please try again."},
    {ErrorCode::InvalidCustomer, "INVALID_CUSTOMER", "고객 이름과 전화번호를 확인해주세요.",
     "Check the customer's name and phone number."},
    {ErrorCode::StorageBusy, "STORAGE_BUSY",
     "데이터베이스가 사용 중입니다. 잠시 후 다시 시도해주세요.",
     "The database is busy. Please try again shortly."},
    {ErrorCode::StorageError, "STORAGE_ERROR",
     "데이터베이스 오류가 발생했습니다. 다시 시도해주세요.",
     "A database error occurred. Please try again."},
    {ErrorCode::StorageReadOnly, "STORAGE_READ_ONLY", "데이터베이스에 쓸 수 없습니다 (읽기 전용).",
     "The database cannot be written (it is read-only)."},
    {ErrorCode::StorageFull, "STORAGE_FULL", "저장 공간이 부족합니다.",
     "The disk holding the database is full."},
    {ErrorCode::StorageCorrupt, "STORAGE_CORRUPT", "데이터베이스 파일이 손상되었습니다.",
     "The database file is damaged."},
    {ErrorCode::StorageUnavailable, "STORAGE_UNAVAILABLE",
     "데이터베이스 서버에 연결할 수 없습니다. 다시 연결하는 중입니다. 잠시 후 다시 시도해주세요.",
     "The database server cannot be reached; reconnecting. Please try again shortly."},
    {ErrorCode::NotADatabase, "NOT_A_DATABASE", "데이터베이스 파일이 아닙니다.",
     "The file is not a Box Office database."},
    {ErrorCode::NewerSchema, "NEWER_SCHEMA", "더 새로운 버전의 프로그램이 만든 데이터베이스입니다.",
     "The database was made by a newer version of Box Office."},
    {ErrorCode::DatabaseOpenFailed, "DATABASE_OPEN_FAILED", "데이터베이스를 열 수 없습니다.",
     "The database cannot be opened."},
    {ErrorCode::IdempotencyKeyReused, "IDEMPOTENCY_KEY_REUSED",
     "이 Idempotency-Key는 다른 요청에 이미 사용되었습니다. 새 요청에는 새 키를 사용하세요.",
     "This Idempotency-Key was already used for a different request; use a new key for a new"
     " request."},
    {ErrorCode::RefundClosed, "REFUND_CLOSED", "공연이 시작되어 환불할 수 없습니다.",
     "The performance has started; it can no longer be refunded."},
    {ErrorCode::AlreadyRefunded, "ALREADY_REFUNDED", "이미 환불된 예약입니다.",
     "The reservation has already been refunded."},
    {ErrorCode::NotPaid, "NOT_PAID", "결제되지 않은 예약은 환불할 수 없습니다.",
     "The reservation has not been paid, so it cannot be refunded."},
    {ErrorCode::AlreadyCheckedIn, "ALREADY_CHECKED_IN", "이미 입장 처리된 티켓입니다.",
     "This ticket has already been checked in."},
    {ErrorCode::TicketRevoked, "TICKET_REVOKED", "취소되었거나 재발행된 티켓입니다.",
     "This ticket was refunded or replaced by a reissued one."},
    {ErrorCode::TicketInvalid, "TICKET_INVALID", "유효하지 않은 티켓입니다.",
     "This is not a valid ticket."},
    {ErrorCode::TicketWrongSchedule, "TICKET_WRONG_SCHEDULE", "다른 공연 회차의 티켓입니다.",
     "This ticket is for another performance."},
    {ErrorCode::StaffApiDisabled, "STAFF_API_DISABLED",
     "직원용 API가 꺼져 있습니다 (--api-key-file로 키를 설정하세요).",
     "The staff API is disabled (set a key with --api-key-file)."},
    {ErrorCode::SeatsAvailable, "SEATS_AVAILABLE",
     "예약 가능한 좌석이 있어 대기자 명단에 등록할 수 없습니다.",
     "Seats are still available, so there is no waiting list to join."},
    {ErrorCode::AlreadyOnWaitlist, "ALREADY_ON_WAITLIST", "이미 대기자 명단에 등록되어 있습니다.",
     "The customer is already on this performance's waiting list."},
    {ErrorCode::TicketNotFound, "TICKET_NOT_FOUND", "티켓을 찾을 수 없습니다.", "No such ticket."},
    {ErrorCode::PaymentNotFound, "PAYMENT_NOT_FOUND", "결제 내역을 찾을 수 없습니다.",
     "No such payment."},
};

// One entry per code, in the enum's order, so a code is its own index and none can be missing.
constexpr bool entriesInOrder()
{
    for (int i = 0; i < int(std::size(kEntries)); ++i) {
        if (int(kEntries[i].code) != i)
            return false;
    }
    return true;
}
static_assert(std::size(kEntries) == std::size_t(ErrorCode::Count),
              "every ErrorCode needs an entry in kEntries");
static_assert(entriesInOrder(), "kEntries must list the codes in ErrorCode's order");

const Entry& entryFor(ErrorCode code)
{
    Q_ASSERT(code >= ErrorCode::BadRequest && code < ErrorCode::Count);
    return kEntries[std::size_t(code)];
}

} // namespace

Error Error::make(ErrorCode code)
{
    const Entry& e = entryFor(code);
    Error err{code, QString::fromUtf8(e.korean), QString::fromUtf8(e.english), {}, {}};
    // The charge limits are numbers (core/Money.h), never typed into a message.
    if (code == ErrorCode::InvalidAmount) {
        const QString least = groupedWon(kMinChargeWon), most = groupedWon(kMaxChargeWon);
        err.korean = err.korean.arg(least, most);
        err.english = err.english.arg(least, most);
    }
    return err;
}

Error Error::make(ErrorCode code, QString korean, QString english)
{
    return Error{code, std::move(korean), std::move(english), {}, {}};
}

Error& Error::withExtra(const QString& key, const QJsonValue& value)
{
    extra.insert(key, value);
    return *this;
}

Error& Error::withInternal(QString text)
{
    internal = std::move(text);
    return *this;
}

QString Error::codeName() const
{
    return errorCodeName(code);
}

QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(entryFor(code).name);
}

} // namespace boxoffice
