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

    qint64 concertId = 0;
    qint64 startsAt = 0;
    {
        auto q = BO_TRY(
            conn->run(QStringLiteral("SELECT concert_id, starts_at FROM schedules WHERE id = ?"),
                      {scheduleId}));
        if (!q.next())
            return fail(ErrorCode::ScheduleNotFound);
        concertId = q.i64(0);
        startsAt = q.i64(1);
    }
    if (concertId != pass.concertId)
        return fail(ErrorCode::TokenWrongConcert);
    if (startsAt <= now)
        return fail(ErrorCode::ScheduleClosed);

    Reservation r;
    r.scheduleId = scheduleId;
    r.seatNumber = seatNumber;
    r.customerId = pass.customerId;
    r.status = ReservationStatus::Held;
    r.heldAtMs = now;
    r.expiresAtMs = now + qint64(m_settings.holdSeconds) * 1000;
    {
        auto q = BO_TRY(
            conn->run(QStringLiteral("SELECT id, price, COALESCE(label, CAST(seat_number AS TEXT))"
                                     " FROM seats"
                                     " WHERE schedule_id = ? AND seat_number = ?"),
                      {scheduleId, seatNumber}));
        if (!q.next())
            return fail(ErrorCode::SeatNotFound);
        r.seatId = q.i64(0);
        r.price = q.i64(1);
        r.seatLabel = q.str(2);
    }
    // One customer's holds go one at a time (H3's count must not race): updating the
    // customer's row takes its lock on PostgreSQL; SQLite has the write lock already.
    BO_TRY(conn->run(QStringLiteral("UPDATE customers SET balance = balance WHERE id = ?"),
                     {pass.customerId}));
    // A hold whose time has passed counts as free at once (H2), sweeper or not. The
    // `status IN (...)` term lets SQLite use the per-seat partial index, not the expiry one.
    BO_TRY(conn->run(QStringLiteral("UPDATE reservations SET status = 'EXPIRED', updated_at = ?"
                                    " WHERE seat_id = ? AND status IN ('HELD', 'PAID')"
                                    " AND status = 'HELD' AND expires_at <= ?"),
                     {now, r.seatId, now}));
    {
        auto q = BO_TRY(conn->run(QStringLiteral("SELECT 1 FROM reservations WHERE seat_id = ?"
                                                 " AND status IN ('HELD', 'PAID')"),
                                  {r.seatId}));
        if (q.next())
            return fail(ErrorCode::SeatAlreadyTaken);
    }
    {
        auto q = BO_TRY(conn->run(QStringLiteral("SELECT COUNT(*) FROM reservations"
                                                 " WHERE customer_id = ? AND schedule_id = ?"
                                                 " AND status = 'HELD' AND expires_at > ?"),
                                  {pass.customerId, scheduleId, now}));
        if (q.next() && q.i64(0) >= m_settings.maxHolds) {
            return fail(Error::make(ErrorCode::HoldLimit,
                                    QStringLiteral(
                                        "한 공연 일정에 좌석은 최대 %1개까지 선택할 수 있습니다.")
                                        .arg(m_settings.maxHolds),
                                    QStringLiteral("At most %1 seats can be held per schedule.")
                                        .arg(m_settings.maxHolds))
                            .withExtra(QStringLiteral("maxHolds"), m_settings.maxHolds));
        }
    }
    {
        auto q = conn->tryRun(
            QStringLiteral("INSERT INTO reservations (seat_id, schedule_id, customer_id, price,"
                           " status, held_at, expires_at, updated_at)"
                           " VALUES (?, ?, ?, ?, 'HELD', ?, ?, ?) RETURNING id"),
            {r.seatId, scheduleId, pass.customerId, r.price, now, r.expiresAtMs, now});
        if (!q) {
            // The schema's unique index is the last word when engines allow concurrent writers.
            if (q.error().kind == SqlFailure::Unique)
                return fail(ErrorCode::SeatAlreadyTaken);
            return fail(storageError(q.error()));
        }
        if (!q->next())
            return fail(ErrorCode::StorageError);
        r.id = q->i64(0);
    }
    BO_CHECK(tx.commit());
    return r;
}

Result<void> ReservationService::release(const QString& token, qint64 reservationId)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();
    const TokenPass pass = BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));
    {
        // Let go of the read before the next statement (PostgreSQL would drop its rest).
        auto q = BO_TRY(
            conn->run(QStringLiteral("SELECT customer_id, status FROM reservations WHERE id = ?"),
                      {reservationId}));
        if (!q.next())
            return fail(ErrorCode::ReservationNotFound);
        if (q.i64(0) != pass.customerId)
            return fail(ErrorCode::NotYourReservation);
        if (q.str(1) == QLatin1String("PAID"))
            return fail(ErrorCode::AlreadyPaid);
    }
    BO_TRY(conn->run(QStringLiteral("UPDATE reservations SET status = 'EXPIRED', updated_at = ?"
                                    " WHERE id = ? AND status = 'HELD'"),
                     {now, reservationId}));
    BO_CHECK(tx.commit());
    return {};
}

Result<QList<Reservation>> ReservationService::holdsOf(qint64 customerId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    auto q = BO_TRY(conn->run(
        QStringLiteral("SELECT r.id, r.schedule_id, r.seat_id, st.seat_number, r.price, r.held_at,"
                       " r.expires_at, COALESCE(st.label, CAST(st.seat_number AS TEXT))"
                       " FROM reservations r"
                       " JOIN seats st ON st.id = r.seat_id"
                       " WHERE r.customer_id = ? AND r.status = 'HELD' AND r.expires_at > ?"
                       " ORDER BY r.held_at, r.id"),
        {customerId, now}));
    QList<Reservation> out;
    while (q.next()) {
        Reservation r;
        r.id = q.i64(0);
        r.scheduleId = q.i64(1);
        r.seatId = q.i64(2);
        r.seatNumber = q.i32(3);
        r.customerId = customerId;
        r.price = q.i64(4);
        r.heldAtMs = q.i64(5);
        r.expiresAtMs = q.i64(6);
        r.seatLabel = q.str(7);
        out << r;
    }
    return out;
}

Result<int> ReservationService::expireHolds(qint64 nowMs)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    auto q = BO_TRY(conn->run(QStringLiteral("UPDATE reservations SET status = 'EXPIRED',"
                                             " updated_at = ? WHERE status = 'HELD'"
                                             " AND expires_at <= ?"),
                              {nowMs, nowMs}));
    const int n = q.rowsAffected();
    q = Query(nullptr);
    BO_CHECK(tx.commit());
    return n;
}

} // namespace boxoffice
