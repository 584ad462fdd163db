#include "storage/PurchaseRepository.h"

#include "storage/StoredNames.h"

namespace boxoffice {

Result<QList<Purchase>> PurchaseRepository::ofCustomer(Connection& conn, qint64 customerId,
                                                       int limit)
{
    // A seat's current ticket is its last issued one; its check-in is the seat's, whichever
    // code got it in.
    static const QString sql =
        QStringLiteral(
            "SELECT r.id, r.payment_id, p.created_at, sc.concert_id, c.title, r.schedule_id,"
            " sc.starts_at, COALESCE(st.label, CAST(st.seat_number AS TEXT)), st.tier, r.price,"
            " r.status, ri.refund_id, f.refunded_at, ri.fee, t.id, t.status, ch.checked_in_at"
            " FROM reservations r JOIN payments p ON p.id = r.payment_id"
            " JOIN seats st ON st.id = r.seat_id JOIN schedules sc ON sc.id = r.schedule_id"
            " JOIN concerts c ON c.id = sc.concert_id"
            " LEFT JOIN refund_items ri ON ri.reservation_id = r.id"
            " LEFT JOIN refunds f ON f.id = ri.refund_id"
            " LEFT JOIN tickets t ON t.reservation_id = r.id AND t.issue_number ="
            " (SELECT MAX(t2.issue_number) FROM tickets t2 WHERE t2.reservation_id = r.id)"
            " LEFT JOIN checkins ch ON ch.reservation_id = r.id"
            " WHERE r.customer_id = ? AND r.status IN (%1, %2)"
            " ORDER BY r.payment_id DESC, r.id LIMIT ?")
            .arg(sqlLiteral(ReservationStatus::Paid), sqlLiteral(ReservationStatus::Refunded));
    auto q = BO_TRY(conn.run(sql, {customerId, limit}));
    QList<Purchase> out;
    while (q.next()) {
        Purchase p;
        p.reservationId = q.i64(0);
        p.paymentId = q.i64(1);
        p.paidAtMs = q.i64(2);
        p.concertId = q.i64(3);
        p.concertTitle = q.str(4);
        p.scheduleId = q.i64(5);
        p.startsAtMs = q.i64(6);
        p.seatLabel = q.str(7);
        p.tier = q.str(8);
        p.price = q.i64(9);
        p.status = BO_TRY(storedReservationStatus(q.str(10)));
        p.refundId = q.i64(11);
        p.refundedAtMs = q.i64(12);
        p.refundFee = q.i64(13);
        p.ticketId = q.i64(14);
        if (!q.isNull(15))
            p.ticketStatus = BO_TRY(storedTicketStatus(q.str(15)));
        p.checkedInAtMs = q.i64(16);
        out << p;
    }
    return out;
}

} // namespace boxoffice
