#include "storage/ReservationRepository.h"

#include "storage/StoredNames.h"

namespace boxoffice {

namespace {

const QString kHeld = sqlLiteral(ReservationStatus::Held);
const QString kPaid = sqlLiteral(ReservationStatus::Paid);
const QString kExpired = sqlLiteral(ReservationStatus::Expired);
const QString kRefunded = sqlLiteral(ReservationStatus::Refunded);
// The live statuses, spelled as the partial unique index on a seat's reservation spells them.
const QString kLive = QStringLiteral("(%1, %2)").arg(kHeld, kPaid);

// Runs an UPDATE of reservations that ends in RETURNING schedule_id: notes each changed
// performance on the connection (the HTTP front's seat lists follow them) and counts the rows.
Result<int> updateNoting(Connection& conn, const QString& sql, SqlArgs args)
{
    auto q = BO_TRY(conn.run(sql, std::move(args)));
    int rows = 0;
    while (q.next()) {
        conn.noteSeatChange(q.i64(0));
        ++rows;
    }
    return rows;
}

} // namespace

Result<std::optional<HoldableSeat>>
ReservationRepository::seatForHold(Connection& conn, qint64 scheduleId, int seatNumber)
{
    auto q = BO_TRY(
        conn.run(QStringLiteral("SELECT id, price, COALESCE(label, CAST(seat_number AS TEXT))"
                                " FROM seats WHERE schedule_id = ? AND seat_number = ?"),
                 {scheduleId, seatNumber}));
    if (!q.next())
        return std::optional<HoldableSeat>{};
    return std::optional<HoldableSeat>{HoldableSeat{q.i64(0), q.i64(1), q.str(2)}};
}

Result<void> ReservationRepository::expireLapsedHoldOn(Connection& conn, qint64 seatId,
                                                       qint64 nowMs)
{
    // The `status IN (...)` term lets SQLite use the per-seat partial index, not the expiry one.
    static const QString sql = QStringLiteral("UPDATE reservations SET status = %1, updated_at = ?"
                                              " WHERE seat_id = ? AND status IN %2"
                                              " AND status = %3 AND expires_at <= ?"
                                              " RETURNING schedule_id")
                                   .arg(kExpired, kLive, kHeld);
    BO_TRY(updateNoting(conn, sql, {nowMs, seatId, nowMs}));
    return {};
}

Result<bool> ReservationRepository::seatIsTaken(Connection& conn, qint64 seatId)
{
    static const QString sql =
        QStringLiteral("SELECT 1 FROM reservations WHERE seat_id = ? AND status IN %1").arg(kLive);
    auto q = BO_TRY(conn.run(sql, {seatId}));
    return q.next();
}

Result<qint64> ReservationRepository::runningHoldCount(Connection& conn, qint64 customerId,
                                                       qint64 scheduleId, qint64 nowMs)
{
    static const QString sql = QStringLiteral("SELECT COUNT(*) FROM reservations"
                                              " WHERE customer_id = ? AND schedule_id = ?"
                                              " AND status = %1 AND expires_at > ?")
                                   .arg(kHeld);
    auto q = BO_TRY(conn.run(sql, {customerId, scheduleId, nowMs}));
    return q.nextI64().value_or(0);
}

Result<std::optional<qint64>> ReservationRepository::insertHold(Connection& conn,
                                                                const Reservation& r)
{
    static const QString sql =
        QStringLiteral("INSERT INTO reservations (seat_id, schedule_id, customer_id, price,"
                       " status, held_at, expires_at, updated_at)"
                       " VALUES (?, ?, ?, ?, %1, ?, ?, ?) RETURNING id")
            .arg(kHeld);
    auto id = BO_TRY(conn.insertReturningId(sql, {r.seatId, r.scheduleId, r.customerId, r.price,
                                                  r.heldAtMs, r.expiresAtMs, r.heldAtMs}));
    if (id)
        conn.noteSeatChange(r.scheduleId);
    return id;
}

Result<std::optional<Reservation>> ReservationRepository::ownerAndStatus(Connection& conn,
                                                                         qint64 reservationId)
{
    auto q =
        BO_TRY(conn.run(QStringLiteral("SELECT customer_id, status FROM reservations WHERE id = ?"),
                        {reservationId}));
    if (!q.next())
        return std::optional<Reservation>{};
    Reservation r;
    r.id = reservationId;
    r.customerId = q.i64(0);
    r.status = BO_TRY(storedReservationStatus(q.str(1)));
    return std::optional<Reservation>{r};
}

Result<std::optional<PayableReservation>> ReservationRepository::forPayment(Connection& conn,
                                                                            qint64 reservationId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT r.customer_id, sc.concert_id, r.price,"
                                            " r.expires_at, r.payment_id, r.status"
                                            " FROM reservations r JOIN schedules sc"
                                            " ON sc.id = r.schedule_id WHERE r.id = ?"),
                             {reservationId}));
    if (!q.next())
        return std::optional<PayableReservation>{};
    return std::optional<PayableReservation>{
        PayableReservation{reservationId, q.i64(0), q.i64(1), q.i64(2), q.i64(3), q.i64(4),
                           BO_TRY(storedReservationStatus(q.str(5)))}};
}

Result<void> ReservationRepository::endHold(Connection& conn, qint64 reservationId, qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE reservations SET status = %1, updated_at = ?"
                                              " WHERE id = ? AND status = %2"
                                              " RETURNING schedule_id")
                                   .arg(kExpired, kHeld);
    BO_TRY(updateNoting(conn, sql, {nowMs, reservationId}));
    return {};
}

Result<int> ReservationRepository::expireLapsedHolds(Connection& conn, qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE reservations SET status = %1,"
                                              " updated_at = ? WHERE status = %2"
                                              " AND expires_at <= ? RETURNING schedule_id")
                                   .arg(kExpired, kHeld);
    return updateNoting(conn, sql, {nowMs, nowMs});
}

Result<QList<Reservation>> ReservationRepository::runningHoldsOf(Connection& conn,
                                                                 qint64 customerId, qint64 nowMs)
{
    static const QString sql =
        QStringLiteral("SELECT r.id, r.schedule_id, r.seat_id, st.seat_number, r.price, r.held_at,"
                       " r.expires_at, COALESCE(st.label, CAST(st.seat_number AS TEXT))"
                       " FROM reservations r JOIN seats st ON st.id = r.seat_id"
                       " WHERE r.customer_id = ? AND r.status = %1 AND r.expires_at > ?"
                       " ORDER BY r.held_at, r.id")
            .arg(kHeld);
    auto q = BO_TRY(conn.run(sql, {customerId, nowMs}));
    QList<Reservation> out;
    while (q.next()) {
        Reservation r;
        r.id = q.i64(0);
        r.scheduleId = q.i64(1);
        r.seatId = q.i64(2);
        r.seatNumber = q.i32(3);
        r.customerId = customerId;
        r.price = q.i64(4);
        r.status = ReservationStatus::Held;
        r.heldAtMs = q.i64(5);
        r.expiresAtMs = q.i64(6);
        r.seatLabel = q.str(7);
        out << r;
    }
    return out;
}

Result<bool> ReservationRepository::claimForPayment(Connection& conn, qint64 reservationId,
                                                    qint64 paymentId, qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE reservations SET status = %1,"
                                              " payment_id = ?, updated_at = ? WHERE id = ?"
                                              " AND status = %2 AND expires_at > ?"
                                              " RETURNING schedule_id")
                                   .arg(kPaid, kHeld);
    return BO_TRY(updateNoting(conn, sql, {paymentId, nowMs, reservationId, nowMs})) == 1;
}

Result<QList<qint64>> ReservationRepository::idsPaidBy(Connection& conn, qint64 paymentId)
{
    auto q = BO_TRY(
        conn.run(QStringLiteral("SELECT id FROM reservations WHERE payment_id = ? ORDER BY id"),
                 {paymentId}));
    QList<qint64> ids;
    while (q.next())
        ids << q.i64(0);
    return ids;
}

Result<std::optional<RefundableReservation>> ReservationRepository::forRefund(Connection& conn,
                                                                              qint64 reservationId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT r.customer_id, r.payment_id, r.price,"
                                            " sc.starts_at, r.status FROM reservations r"
                                            " JOIN schedules sc ON sc.id = r.schedule_id"
                                            " WHERE r.id = ?"),
                             {reservationId}));
    if (!q.next())
        return std::optional<RefundableReservation>{};
    return std::optional<RefundableReservation>{
        RefundableReservation{reservationId, q.i64(0), q.isNull(1) ? 0 : q.i64(1), q.i64(2),
                              q.i64(3), BO_TRY(storedReservationStatus(q.str(4)))}};
}

Result<bool> ReservationRepository::markRefunded(Connection& conn, qint64 reservationId,
                                                 qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE reservations SET status = %1, updated_at = ?"
                                              " WHERE id = ? AND status = %2"
                                              " RETURNING schedule_id")
                                   .arg(kRefunded, kPaid);
    return BO_TRY(updateNoting(conn, sql, {nowMs, reservationId})) == 1;
}

Result<std::optional<ReservationStatus>> ReservationRepository::lockStatus(Connection& conn,
                                                                           qint64 reservationId)
{
    const QString sql = conn.dialect() == Dialect::Postgres
                            ? QStringLiteral("SELECT status FROM reservations WHERE id = ?"
                                             " FOR UPDATE")
                            : QStringLiteral("SELECT status FROM reservations WHERE id = ?");
    auto q = BO_TRY(conn.run(sql, {reservationId}));
    if (!q.next())
        return std::optional<ReservationStatus>{};
    return std::optional<ReservationStatus>{BO_TRY(storedReservationStatus(q.str(0)))};
}

} // namespace boxoffice
