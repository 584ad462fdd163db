#pragma once

#include "core/Types.h"
#include "storage/Database.h"

#include <optional>

namespace boxoffice {

// A seat as a hold needs it.
struct HoldableSeat
{
    qint64 seatId = 0;
    qint64 price = 0;
    QString label; // what the ticket says
};

// A reservation as a payment checks it.
struct PayableReservation
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 concertId = 0; // of its schedule
    qint64 price = 0;
    qint64 expiresAtMs = 0;
    qint64 paymentId = 0;
    ReservationStatus status = ReservationStatus::Held;
};

// A reservation as a refund checks it (design R1, R3).
struct RefundableReservation
{
    qint64 id = 0;
    qint64 customerId = 0;
    qint64 paymentId = 0;
    qint64 price = 0;
    qint64 startsAtMs = 0; // of its performance
    ReservationStatus status = ReservationStatus::Held;
};

// The reservations table (holds and sales of seats, H1–H3, P1–P4) and the seat lookups a hold
// needs. Every method runs on the caller's connection, inside whatever transaction the caller
// holds; the schema's unique index on a seat's live reservation is the last word on who has it.
class ReservationRepository
{
public:
    // The seat `seatNumber` of the schedule.
    Result<std::optional<HoldableSeat>> seatForHold(Connection& conn, qint64 scheduleId,
                                                    int seatNumber);
    // A hold on the seat whose time has passed ends now (H2: it counts as free at once, sweeper
    // or not).
    Result<void> expireLapsedHoldOn(Connection& conn, qint64 seatId, qint64 nowMs);
    // Whether the seat is held or sold (after expireLapsedHoldOn(), a hold still running).
    Result<bool> seatIsTaken(Connection& conn, qint64 seatId);
    // The customer's holds on the schedule that are still running at `nowMs`.
    Result<qint64> runningHoldCount(Connection& conn, qint64 customerId, qint64 scheduleId,
                                    qint64 nowMs);
    // A new HELD reservation from `r` (seat, schedule, customer, price, times); its id. Nothing
    // when the seat is taken after all (the unique index, when engines let writers run side by
    // side).
    Result<std::optional<qint64>> insertHold(Connection& conn, const Reservation& r);

    // Whose the reservation is and its status (for a release).
    Result<std::optional<Reservation>> ownerAndStatus(Connection& conn, qint64 reservationId);
    Result<std::optional<PayableReservation>> forPayment(Connection& conn, qint64 reservationId);
    // Ends a hold (a release, or a payment that found it lapsed); a sold seat stays sold.
    Result<void> endHold(Connection& conn, qint64 reservationId, qint64 nowMs);
    // Every hold whose time has passed ends (H2's sweeper); how many.
    Result<int> expireLapsedHolds(Connection& conn, qint64 nowMs);
    // The customer's holds still running at `nowMs`, oldest first.
    Result<QList<Reservation>> runningHoldsOf(Connection& conn, qint64 customerId, qint64 nowMs);

    // Sells a held seat to the payment, only if it is still HELD and its time has not passed:
    // conditional on what the payment read, so a concurrent payment or sweeper on another
    // connection cannot slip between the check and the write on any engine. Whether it did.
    Result<bool> claimForPayment(Connection& conn, qint64 reservationId, qint64 paymentId,
                                 qint64 nowMs);
    // The reservations the payment paid, by id.
    Result<QList<qint64>> idsPaidBy(Connection& conn, qint64 paymentId);

    // ---- After the sale (design R1, K5) ----
    Result<std::optional<RefundableReservation>> forRefund(Connection& conn, qint64 reservationId);
    // Gives a sold seat back, only if it is still PAID: whether it did. REFUNDED is outside the
    // live-seat index, so the seat is on sale again when the transaction commits.
    Result<bool> markRefunded(Connection& conn, qint64 reservationId, qint64 nowMs);
    // The reservation's status, its row locked until the transaction ends (PostgreSQL; SQLite's
    // write lock already excludes everyone): a check-in and a refund or reissue of one seat go
    // one after the other, so neither decides on what the other is changing.
    Result<std::optional<ReservationStatus>> lockStatus(Connection& conn, qint64 reservationId);
};

} // namespace boxoffice
