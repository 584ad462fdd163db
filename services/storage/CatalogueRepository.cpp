#include "storage/CatalogueRepository.h"

#include "storage/StoredNames.h"

namespace boxoffice {

namespace {

const QString kHeld = sqlLiteral(ReservationStatus::Held);
const QString kPaid = sqlLiteral(ReservationStatus::Paid);

// A seat is taken when it is sold or held by a hold whose time has not passed (H2); `?` is now.
// The `status IN (held, paid)` term matches the partial unique index on reservations, so that
// index is used.
const QString kTakenCondition =
    QStringLiteral(
        "r.seat_id = st.id AND r.status IN (%1, %2) AND (r.status = %2 OR r.expires_at > ?)")
        .arg(kHeld, kPaid);

// The columns seatFrom() reads, in its order.
const QString kSeatColumns =
    QStringLiteral("st.id, st.seat_number, st.section, st.row_label, st.tier, st.price");

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

// Text columns that are NOT NULL DEFAULT '': a null QString would be bound as NULL.
QVariant notNull(const QString& text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

constexpr int kSeatBatch = 250;
constexpr int kSeatFields = 9;

} // namespace

Result<QList<Concert>> CatalogueRepository::concerts(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT id, title, venue FROM concerts ORDER BY id")));
    QList<Concert> out;
    while (q.next())
        out << Concert{q.i64(0), q.str(1), q.str(2)};
    return out;
}

Result<bool> CatalogueRepository::concertExists(Connection& conn, qint64 concertId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT 1 FROM concerts WHERE id = ?"), {concertId}));
    return q.next();
}

Result<qint64> CatalogueRepository::concertCount(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT COUNT(*) FROM concerts")));
    return q.nextI64().value_or(0);
}

Result<std::optional<ScheduleInfo>> CatalogueRepository::schedule(Connection& conn,
                                                                  qint64 scheduleId)
{
    auto q = BO_TRY(
        conn.run(QStringLiteral("SELECT concert_id, starts_at, layout FROM schedules WHERE id = ?"),
                 {scheduleId}));
    if (!q.next())
        return std::optional<ScheduleInfo>{};
    ScheduleInfo s;
    s.id = scheduleId;
    s.concertId = q.i64(0);
    s.startsAtMs = q.i64(1);
    s.layout = q.str(2);
    return std::optional<ScheduleInfo>{s};
}

Result<QList<ScheduleInfo>> CatalogueRepository::futureSchedules(Connection& conn, qint64 concertId,
                                                                 qint64 nowMs)
{
    static const QString sql =
        QStringLiteral("SELECT sc.id, sc.starts_at, sc.layout,"
                       " (SELECT COUNT(*) FROM seats st WHERE st.schedule_id = sc.id),"
                       " (SELECT COUNT(*) FROM reservations r WHERE r.schedule_id = sc.id"
                       "   AND r.status IN (%1, %2) AND (r.status = %2 OR r.expires_at > ?))"
                       " FROM schedules sc WHERE sc.concert_id = ? AND sc.starts_at > ?"
                       " ORDER BY sc.starts_at, sc.id")
            .arg(kHeld, kPaid);
    auto q = BO_TRY(conn.run(sql, {nowMs, concertId, nowMs}));
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

Result<QList<SeatInfo>> CatalogueRepository::availableSeats(Connection& conn, qint64 scheduleId,
                                                            qint64 nowMs)
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM seats st WHERE st.schedule_id = ? AND NOT EXISTS"
                       " (SELECT 1 FROM reservations r WHERE %2) ORDER BY st.seat_number")
            .arg(kSeatColumns, kTakenCondition);
    auto q = BO_TRY(conn.run(sql, {scheduleId, nowMs}));
    QList<SeatInfo> out;
    while (q.next())
        out << seatFrom(q, scheduleId);
    return out;
}

Result<QList<SeatInfo>> CatalogueRepository::seatMap(Connection& conn, qint64 scheduleId,
                                                     qint64 viewerCustomerId, qint64 nowMs)
{
    static const QString sql =
        QStringLiteral("SELECT %1, r.status, r.customer_id, r.expires_at, st.pos_x, st.pos_y,"
                       " COALESCE(st.label, CAST(st.seat_number AS TEXT))"
                       " FROM seats st LEFT JOIN reservations r ON %2"
                       " WHERE st.schedule_id = ? ORDER BY st.seat_number")
            .arg(kSeatColumns, kTakenCondition);
    auto q = BO_TRY(conn.run(sql, {nowMs, scheduleId}));
    QList<SeatInfo> out;
    while (q.next()) {
        SeatInfo s = seatFrom(q, scheduleId);
        s.posX = q.isNull(9) ? -1 : q.i32(9);
        s.posY = q.isNull(10) ? -1 : q.i32(10);
        s.label = q.str(11);
        if (!q.isNull(6)) {
            // The join only finds a sold seat or a hold that is still running.
            if (BO_TRY(storedReservationStatus(q.str(6))) == ReservationStatus::Paid) {
                s.state = SeatState::Sold;
            } else {
                s.state =
                    q.i64(7) == viewerCustomerId ? SeatState::HeldByMe : SeatState::HeldByOther;
                s.holdExpiresAtMs = q.i64(8);
            }
        }
        out << s;
    }
    return out;
}

Result<qint64> CatalogueRepository::insertConcert(Connection& conn, const QString& title,
                                                  const QString& venue)
{
    auto q = BO_TRY(
        conn.run(QStringLiteral("INSERT INTO concerts (title, venue) VALUES (?, ?) RETURNING id"),
                 {title, venue}));
    const auto id = q.nextI64();
    if (!id)
        return fail(ErrorCode::StorageError);
    return *id;
}

Result<qint64> CatalogueRepository::insertSchedule(Connection& conn, qint64 concertId,
                                                   qint64 startsAtMs, const QString& layout)
{
    auto q = BO_TRY(layout.isEmpty()
                        ? conn.run(QStringLiteral("INSERT INTO schedules (concert_id, starts_at)"
                                                  " VALUES (?, ?) RETURNING id"),
                                   {concertId, startsAtMs})
                        : conn.run(QStringLiteral("INSERT INTO schedules (concert_id, starts_at,"
                                                  " layout) VALUES (?, ?, ?) RETURNING id"),
                                   {concertId, startsAtMs, layout}));
    const auto id = q.nextI64();
    if (!id)
        return fail(ErrorCode::StorageError);
    return *id;
}

Result<void> CatalogueRepository::insertSeats(Connection& conn, const QList<SeatInfo>& seats)
{
    QVariantList args;
    args.reserve(kSeatBatch * kSeatFields);
    for (qsizetype first = 0; first < seats.size(); first += kSeatBatch) {
        const qsizetype rows = std::min<qsizetype>(kSeatBatch, seats.size() - first);
        args.clear();
        for (qsizetype i = first; i < first + rows; ++i) {
            const SeatInfo& s = seats.at(i);
            args << s.scheduleId << s.number << notNull(s.section) << notNull(s.row) << s.tier
                 << s.price << (s.posX < 0 ? QVariant() : QVariant(s.posX))
                 << (s.posY < 0 ? QVariant() : QVariant(s.posY))
                 << (s.label.isEmpty() ? QVariant() : QVariant(s.label));
        }
        QStringList tuples(rows, QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        BO_TRY(conn.run(QStringLiteral("INSERT INTO seats (schedule_id, seat_number, section,"
                                       " row_label, tier, price, pos_x, pos_y, label) VALUES %1")
                            .arg(tuples.join(QStringLiteral(", "))),
                        args));
    }
    return {};
}

} // namespace boxoffice
