#include "sales/ReservationService.h"

namespace boxoffice {

ReservationService::ReservationService(std::shared_ptr<Database> db, const Clock& clock,
                                       const EngineSettings& settings, QueueService& queue)
    : m_db(std::move(db)), m_clock(clock), m_settings(settings), m_queue(queue)
{}

Result<Reservation> ReservationService::hold(const QString& token, qint64 scheduleId,
                                             int seatNumber)
{
    Connection* conn = BO_TRY(m_db->connection());
    // The write lock is taken first, so the check and the insert below see one world (H1).
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();
    const TokenPass pass = BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));

    const auto schedule = BO_TRY(m_catalogue.schedule(*conn, scheduleId));
    if (!schedule)
        return fail(ErrorCode::ScheduleNotFound);
    if (schedule->concertId != pass.concertId)
        return fail(ErrorCode::TokenWrongConcert);
    if (schedule->startsAtMs <= now)
        return fail(ErrorCode::ScheduleClosed);

    const auto seat = BO_TRY(m_reservations.seatForHold(*conn, scheduleId, seatNumber));
    if (!seat)
        return fail(ErrorCode::SeatNotFound);
    Reservation r;
    r.scheduleId = scheduleId;
    r.seatId = seat->seatId;
    r.seatNumber = seatNumber;
    r.seatLabel = seat->label;
    r.customerId = pass.customerId;
    r.price = seat->price;
    r.status = ReservationStatus::Held;
    r.heldAtMs = now;
    r.expiresAtMs = now + qint64(m_settings.holdSeconds) * 1000;

    BO_CHECK(m_customers.lockCustomer(*conn, pass.customerId));
    BO_CHECK(m_reservations.expireLapsedHoldOn(*conn, r.seatId, now));
    if (BO_TRY(m_reservations.seatIsTaken(*conn, r.seatId)))
        return fail(ErrorCode::SeatAlreadyTaken);
    if (BO_TRY(m_reservations.runningHoldCount(*conn, pass.customerId, scheduleId, now)) >=
        m_settings.maxHolds) {
        return fail(
            Error::make(ErrorCode::HoldLimit,
                        QStringLiteral("한 공연 일정에 좌석은 최대 %1개까지 선택할 수 있습니다.")
                            .arg(m_settings.maxHolds),
                        QStringLiteral("At most %1 seats can be held per schedule.")
                            .arg(m_settings.maxHolds))
                .withExtra(QStringLiteral("maxHolds"), m_settings.maxHolds));
    }
    const auto id = BO_TRY(m_reservations.insertHold(*conn, r));
    if (!id) // the schema's unique index is the last word when writers run side by side
        return fail(ErrorCode::SeatAlreadyTaken);
    r.id = *id;
    BO_CHECK(tx.commit());
    return r;
}

Result<void> ReservationService::release(const QString& token, qint64 reservationId)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();
    const TokenPass pass = BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));
    const auto r = BO_TRY(m_reservations.ownerAndStatus(*conn, reservationId));
    if (!r)
        return fail(ErrorCode::ReservationNotFound);
    if (r->customerId != pass.customerId)
        return fail(ErrorCode::NotYourReservation);
    if (r->status == ReservationStatus::Paid)
        return fail(ErrorCode::AlreadyPaid);
    BO_CHECK(m_reservations.endHold(*conn, reservationId, now));
    BO_CHECK(tx.commit());
    return {};
}

Result<QList<Reservation>> ReservationService::holdsOf(qint64 customerId)
{
    Connection* conn = BO_TRY(m_db->connection());
    return m_reservations.runningHoldsOf(*conn, customerId, m_clock.nowMs());
}

Result<int> ReservationService::expireHolds(qint64 nowMs)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const int n = BO_TRY(m_reservations.expireLapsedHolds(*conn, nowMs));
    BO_CHECK(tx.commit());
    return n;
}

} // namespace boxoffice
