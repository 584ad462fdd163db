#include "sales/CatalogueService.h"

namespace boxoffice {

namespace {

// A seat is taken when it is SOLD or held by a hold whose time has not passed (H2). The
// `status IN ('HELD', 'PAID')` term matches the partial unique index so it is used.
const QString kTakenCondition = QStringLiteral("r.seat_id = st.id AND r.status IN ('HELD', 'PAID')"
                                               " AND (r.status = 'PAID' OR r.expires_at > ?)");

// A seat from the first six columns of a row: id, seat_number, section, row_label, tier, price.
SeatInfo seatFrom(const Query& q, qint64 scheduleId)
{
    SeatInfo s;
    s.seatId = q.i64(0);
    s.scheduleId = scheduleId;
    s.number = q.i32(1);
    s.section = q.str(2);
    s.row = q.str(3);
    s.tier = q.str(4);
    s.price = q.i64(5);
    return s;
}

} // namespace

CatalogueService::CatalogueService(std::shared_ptr<Database> db, const Clock& clock,
                                   QueueService& queue)
    : m_db(std::move(db)), m_clock(clock), m_queue(queue)
{}

Result<QList<Concert>> CatalogueService::concerts()
{
    Connection* conn = BO_TRY(m_db->connection());
    auto q = BO_TRY(conn->run(QStringLiteral("SELECT id, title, venue FROM concerts ORDER BY id")));
    QList<Concert> out;
    while (q.next())
        out << Concert{q.i64(0), q.str(1), q.str(2)};
    return out;
}

Result<QList<ScheduleInfo>> CatalogueService::futureSchedules(Connection& conn, qint64 concertId,
                                                              qint64 now)
{
    auto q = BO_TRY(conn.run(
        QStringLiteral(
            "SELECT sc.id, sc.starts_at, sc.layout,"
            " (SELECT COUNT(*) FROM seats st WHERE st.schedule_id = sc.id),"
            " (SELECT COUNT(*) FROM reservations r WHERE r.schedule_id = sc.id"
            "   AND r.status IN ('HELD', 'PAID') AND (r.status = 'PAID' OR r.expires_at > ?))"
            " FROM schedules sc WHERE sc.concert_id = ? AND sc.starts_at > ?"
            " ORDER BY sc.starts_at, sc.id"),
        {now, concertId, now}));
    QList<ScheduleInfo> out;
    while (q.next()) {
        ScheduleInfo s;
        s.id = q.i64(0);
        s.concertId = concertId;
        s.startsAtMs = q.i64(1);
        s.layout = q.str(2);
        s.totalSeats = q.i32(3);
        s.availableSeats = s.totalSeats - q.i32(4);
        out << s;
    }
    return out;
}

Result<QList<ScheduleInfo>> CatalogueService::schedulesOf(qint64 concertId)
{
    Connection* conn = BO_TRY(m_db->connection());
    return futureSchedules(*conn, concertId, m_clock.nowMs());
}

Result<QList<ScheduleInfo>> CatalogueService::availableSchedules(const QString& token,
                                                                 qint64 concertId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));
    {
        auto q =
            BO_TRY(conn->run(QStringLiteral("SELECT 1 FROM concerts WHERE id = ?"), {concertId}));
        if (!q.next())
            return fail(ErrorCode::ConcertNotFound);
    }
    BO_TRY(m_queue.requireActive(*conn, token, concertId, now));
    QList<ScheduleInfo> all = BO_TRY(futureSchedules(*conn, concertId, now));
    QList<ScheduleInfo> open;
    for (const ScheduleInfo& s : all) {
        if (s.availableSeats > 0)
            open << s;
    }
    if (open.isEmpty())
        return fail(ErrorCode::NoAvailableSchedules);
    return open;
}

Result<ScheduleInfo> CatalogueService::schedule(qint64 scheduleId)
{
    Connection* conn = BO_TRY(m_db->connection());
    auto q = BO_TRY(conn->run(
        QStringLiteral("SELECT concert_id, starts_at, layout FROM schedules WHERE id = ?"),
        {scheduleId}));
    if (!q.next())
        return fail(ErrorCode::ScheduleNotFound);
    ScheduleInfo s;
    s.id = scheduleId;
    s.concertId = q.i64(0);
    s.startsAtMs = q.i64(1);
    s.layout = q.str(2);
    return s;
}

Result<QList<SeatInfo>> CatalogueService::availableSeats(const QString& token, qint64 scheduleId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));
    const ScheduleInfo sc = BO_TRY(schedule(scheduleId));
    BO_TRY(m_queue.requireActive(*conn, token, sc.concertId, now));
    QList<SeatInfo> out;
    if (sc.startsAtMs > now) {
        auto q = BO_TRY(conn->run(
            QStringLiteral(
                "SELECT st.id, st.seat_number, st.section, st.row_label, st.tier, st.price"
                " FROM seats st WHERE st.schedule_id = ? AND NOT EXISTS"
                " (SELECT 1 FROM reservations r WHERE %1) ORDER BY st.seat_number")
                .arg(kTakenCondition),
            {scheduleId, now}));
        while (q.next())
            out << seatFrom(q, scheduleId);
    }
    if (out.isEmpty())
        return fail(ErrorCode::NoAvailableSeats);
    return out;
}

Result<QList<SeatInfo>> CatalogueService::seatMap(qint64 scheduleId, qint64 viewerCustomerId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const qint64 now = m_clock.nowMs();
    auto q = BO_TRY(conn->run(
        QStringLiteral("SELECT st.id, st.seat_number, st.section, st.row_label, st.tier, st.price,"
                       " r.status, r.customer_id, r.expires_at, st.pos_x, st.pos_y,"
                       " COALESCE(st.label, CAST(st.seat_number AS TEXT))"
                       " FROM seats st LEFT JOIN reservations r ON %1"
                       " WHERE st.schedule_id = ? ORDER BY st.seat_number")
            .arg(kTakenCondition),
        {now, scheduleId}));
    QList<SeatInfo> out;
    while (q.next()) {
        SeatInfo s = seatFrom(q, scheduleId);
        s.posX = q.isNull(9) ? -1 : q.i32(9);
        s.posY = q.isNull(10) ? -1 : q.i32(10);
        s.label = q.str(11);
        if (!q.isNull(6)) {
            if (q.str(6) == QLatin1String("PAID")) {
                s.state = SeatState::Sold;
            } else {
                s.state =
                    q.i64(7) == viewerCustomerId ? SeatState::HeldByMe : SeatState::HeldByOther;
                s.holdExpiresAtMs = q.i64(8);
            }
        }
        out << s;
    }
    if (out.isEmpty()) {
        BO_TRY(schedule(scheduleId));
    }
    return out;
}

} // namespace boxoffice
