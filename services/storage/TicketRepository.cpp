#include "storage/TicketRepository.h"

#include "storage/StoredNames.h"

namespace boxoffice {

namespace {

const QString kValid = sqlLiteral(TicketStatus::Valid);
const QString kRevoked = sqlLiteral(TicketStatus::Revoked);
const QString kPaid = sqlLiteral(ReservationStatus::Paid);

// The seat's label as a ticket prints it: the layout's label, or the demo hall's number.
const QString kSeatLabel = QStringLiteral("COALESCE(st.label, CAST(st.seat_number AS TEXT))");

// A ticket with what it is for; ticketFrom() reads these columns in this order. A seat's
// check-in counts for every code of the seat: a reissued code of a seat already inside is
// checked in too.
const QString kDetailed =
    QStringLiteral("SELECT t.id, t.reservation_id, t.schedule_id, r.payment_id, t.issue_number,"
                   " t.code, %1, t.status, t.revoked_reason, t.issued_at, t.revoked_at,"
                   " ch.checked_in_at, c.title, c.venue, sc.starts_at, st.tier, r.price,"
                   " k.training"
                   " FROM tickets t JOIN reservations r ON r.id = t.reservation_id"
                   " JOIN seats st ON st.id = r.seat_id"
                   " JOIN schedules sc ON sc.id = t.schedule_id"
                   " JOIN concerts c ON c.id = sc.concert_id"
                   " JOIN ticket_keys k ON k.key_id = t.key_id"
                   " LEFT JOIN checkins ch ON ch.reservation_id = t.reservation_id")
        .arg(kSeatLabel);

Result<Ticket> ticketFrom(const Query& q)
{
    Ticket t;
    t.id = q.i64(0);
    t.reservationId = q.i64(1);
    t.scheduleId = q.i64(2);
    t.paymentId = q.i64(3);
    t.issueNumber = q.i32(4);
    t.code = q.str(5);
    t.seatLabel = q.str(6);
    t.status = BO_TRY(storedTicketStatus(q.str(7)));
    if (!q.isNull(8))
        t.revokedReason = BO_TRY(storedTicketRevocation(q.str(8)));
    t.issuedAtMs = q.i64(9);
    t.revokedAtMs = q.isNull(10) ? 0 : q.i64(10);
    t.checkedInAtMs = q.isNull(11) ? 0 : q.i64(11);
    t.concertTitle = q.str(12);
    t.venue = q.str(13);
    t.startsAtMs = q.i64(14);
    t.tier = q.str(15);
    t.price = q.i64(16);
    t.training = q.i64(17) != 0;
    return t;
}

} // namespace

Result<qint64> TicketRepository::nextId(Connection& conn)
{
    const QString sql =
        conn.dialect() == Dialect::Sqlite
            ? QStringLiteral("SELECT COALESCE(MAX(id), 0) + 1 FROM tickets")
            : QStringLiteral("SELECT nextval(pg_get_serial_sequence('tickets', 'id'))");
    auto q = BO_TRY(conn.run(sql));
    const auto id = q.nextI64();
    if (!id)
        return fail(Error::make(ErrorCode::StorageError).withInternal(QStringLiteral("no id")));
    return *id;
}

Result<bool> TicketRepository::insert(Connection& conn, const Ticket& t, const QString& keyIdHex,
                                      const QString& operatorName)
{
    // ON CONFLICT: a refused row must not abort a PostgreSQL transaction; the caller decides.
    static const QString sql =
        QStringLiteral("INSERT INTO tickets (id, reservation_id, schedule_id, issue_number, key_id,"
                       " code, status, issued_at, operator) VALUES (?, ?, ?, ?, ?, ?, %1, ?, ?)"
                       " ON CONFLICT DO NOTHING RETURNING id")
            .arg(kValid);
    auto q = BO_TRY(
        conn.run(sql, {t.id, t.reservationId, t.scheduleId, t.issueNumber, keyIdHex, t.code,
                       t.issuedAtMs, operatorName.isNull() ? QStringLiteral("") : operatorName}));
    return q.next();
}

Result<bool> TicketRepository::revoke(Connection& conn, qint64 ticketId, TicketRevocation reason,
                                      qint64 nowMs)
{
    static const QString sql = QStringLiteral("UPDATE tickets SET status = %1, revoked_at = ?,"
                                              " revoked_reason = ? WHERE id = ? AND status = %2")
                                   .arg(kRevoked, kValid);
    auto q = BO_TRY(conn.run(sql, {nowMs, ticketRevocationName(reason), ticketId}));
    return q.rowsAffected() == 1;
}

Result<int> TicketRepository::revokeValidOf(Connection& conn, const QList<qint64>& reservationIds,
                                            TicketRevocation reason, qint64 nowMs)
{
    static const QString sql =
        QStringLiteral("UPDATE tickets SET status = %1, revoked_at = ?, revoked_reason = ?"
                       " WHERE reservation_id = ? AND status = %2")
            .arg(kRevoked, kValid);
    int revoked = 0;
    for (qint64 id : reservationIds) {
        auto q = BO_TRY(conn.run(sql, {nowMs, ticketRevocationName(reason), id}));
        revoked += q.rowsAffected();
    }
    return revoked;
}

Result<std::optional<TicketableReservation>>
TicketRepository::reservationForTicket(Connection& conn, qint64 reservationId)
{
    static const QString sql =
        QStringLiteral("SELECT r.schedule_id, r.payment_id, %1, r.status FROM reservations r"
                       " JOIN seats st ON st.id = r.seat_id WHERE r.id = ?")
            .arg(kSeatLabel);
    auto q = BO_TRY(conn.run(sql, {reservationId}));
    if (!q.next())
        return std::optional<TicketableReservation>{};
    return std::optional<TicketableReservation>{
        TicketableReservation{reservationId, q.i64(0), q.isNull(1) ? 0 : q.i64(1), q.str(2),
                              BO_TRY(storedReservationStatus(q.str(3)))}};
}

Result<std::optional<StoredTicket>> TicketRepository::stored(Connection& conn, qint64 ticketId)
{
    static const QString sql =
        QStringLiteral("SELECT t.reservation_id, t.schedule_id, t.issue_number, t.code, %1,"
                       " t.status, t.revoked_reason FROM tickets t"
                       " JOIN reservations r ON r.id = t.reservation_id"
                       " JOIN seats st ON st.id = r.seat_id WHERE t.id = ?")
            .arg(kSeatLabel);
    auto q = BO_TRY(conn.run(sql, {ticketId}));
    if (!q.next())
        return std::optional<StoredTicket>{};
    StoredTicket t{ticketId,
                   q.i64(0),
                   q.i64(1),
                   q.i32(2),
                   q.str(3),
                   q.str(4),
                   BO_TRY(storedTicketStatus(q.str(5))),
                   std::nullopt};
    if (!q.isNull(6))
        t.revokedReason = BO_TRY(storedTicketRevocation(q.str(6)));
    return std::optional<StoredTicket>{t};
}

Result<std::optional<Ticket>> TicketRepository::detailed(Connection& conn, qint64 ticketId)
{
    static const QString sql = kDetailed + QStringLiteral(" WHERE t.id = ?");
    auto q = BO_TRY(conn.run(sql, {ticketId}));
    if (!q.next())
        return std::optional<Ticket>{};
    return std::optional<Ticket>{BO_TRY(ticketFrom(q))};
}

Result<QList<Ticket>> TicketRepository::ofPayment(Connection& conn, qint64 paymentId)
{
    static const QString sql =
        kDetailed + QStringLiteral(" WHERE r.payment_id = ? AND t.issue_number ="
                                   " (SELECT MAX(t2.issue_number) FROM tickets t2"
                                   " WHERE t2.reservation_id = t.reservation_id)"
                                   " ORDER BY t.reservation_id");
    auto q = BO_TRY(conn.run(sql, {paymentId}));
    QList<Ticket> out;
    while (q.next())
        out << BO_TRY(ticketFrom(q));
    return out;
}

Result<int> TicketRepository::lastIssueNumber(Connection& conn, qint64 reservationId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT COALESCE(MAX(issue_number), 0) FROM tickets"
                                            " WHERE reservation_id = ?"),
                             {reservationId}));
    return int(q.nextI64().value_or(0));
}

Result<QList<qint64>> TicketRepository::paidWithoutTicket(Connection& conn, int limit)
{
    static const QString sql =
        QStringLiteral("SELECT r.id FROM reservations r WHERE r.status = %1 AND NOT EXISTS"
                       " (SELECT 1 FROM tickets t WHERE t.reservation_id = r.id"
                       " AND t.status = %2) ORDER BY r.id LIMIT ?")
            .arg(kPaid, kValid);
    auto q = BO_TRY(conn.run(sql, {limit}));
    QList<qint64> out;
    while (q.next())
        out << q.i64(0);
    return out;
}

} // namespace boxoffice
