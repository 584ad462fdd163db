#pragma once

#include "core/Error.h"

#include <optional>

namespace boxoffice {

// The HTTP status of each after-sale error code (design §6, §8, §9); std::nullopt for the codes
// of part one, which ApiServer::httpStatus already maps. Kept apart so that the front can take
// these cases into its own switch in one step.
constexpr std::optional<int> afterSaleHttpStatus(ErrorCode code)
{
    switch (code) {
    case ErrorCode::StaffApiDisabled:
        return 403;
    case ErrorCode::TicketNotFound:
    case ErrorCode::PaymentNotFound:
        return 404;
    case ErrorCode::RefundClosed:
    case ErrorCode::AlreadyRefunded:
    case ErrorCode::NotPaid:
    case ErrorCode::AlreadyCheckedIn:
    case ErrorCode::TicketWrongSchedule:
    case ErrorCode::SeatsAvailable:
    case ErrorCode::AlreadyOnWaitlist:
        return 409;
    case ErrorCode::TicketRevoked:
        return 410;
    case ErrorCode::TicketInvalid:
        return 422;
    default:
        return std::nullopt;
    }
}

} // namespace boxoffice
