#include "sales/PaymentService.h"

#include <QJsonArray>

#include <algorithm>

namespace boxoffice {

PaymentService::PaymentService(std::shared_ptr<Database> db, const Clock& clock,
                               QueueService& queue)
    : m_db(std::move(db)), m_clock(clock), m_queue(queue)
{}

Result<Payment> PaymentService::load(Connection& conn, qint64 paymentId)
{
    Payment p;
    {
        auto q = BO_TRY(conn.run(QStringLiteral("SELECT p.customer_id, p.amount, p.created_at,"
                                                " c.balance FROM payments p"
                                                " JOIN customers c ON c.id = p.customer_id"
                                                " WHERE p.id = ?"),
                                 {paymentId}));
        if (!q.next())
            return fail(ErrorCode::NotFound);
        p.id = paymentId;
        p.customerId = q.i64(0);
        p.amount = q.i64(1);
        p.createdAtMs = q.i64(2);
        p.balanceAfter = q.i64(3);
    }
    auto q = BO_TRY(
        conn.run(QStringLiteral("SELECT id FROM reservations WHERE payment_id = ? ORDER BY id"),
                 {paymentId}));
    while (q.next())
        p.reservationIds << q.i64(0);
    p.replayed = true;
    return p;
}

Result<Payment> PaymentService::pay(const QString& token, QList<qint64> reservationIds,
                                    const QString& idempotencyKey)
{
    // A payment that loses a race with another connection (the same reservation paid, the
    // balance spent, the same idempotency key) rolls back whole and looks again: the second
    // look answers with what the winner did (P4), or with the reason this one cannot go on.
    for (int attempt = 0;; ++attempt) {
        auto p = payOnce(token, reservationIds, idempotencyKey);
        if (p || p.error().code != ErrorCode::StorageBusy || attempt == 3)
            return p;
    }
}

Result<Payment> PaymentService::payOnce(const QString& token, QList<qint64> reservationIds,
                                        const QString& idempotencyKey)
{
    if (token.isEmpty())
        return fail(ErrorCode::TokenMissing);
    std::sort(reservationIds.begin(), reservationIds.end());
    reservationIds.erase(std::unique(reservationIds.begin(), reservationIds.end()),
                         reservationIds.end());
    if (reservationIds.isEmpty())
        return fail(ErrorCode::BadRequest);

    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();

    // The token is looked at inside the transaction: a payment that just used it up can still
    // be answered again (P4), and nothing can change between the check and the writes.
    // Its row is written (to itself) rather than read, so payments with one token go one at a
    // time on every engine: where writers run side by side (PostgreSQL, READ COMMITTED) a
    // second payment waits here for the first to commit and then reads everything below after
    // it, instead of seeing the seats still held but the balance already spent.
    qint64 entryId = 0, customerId = 0, concertId = 0, entryPayment = 0;
    {
        auto q = BO_TRY(conn->run(QStringLiteral("UPDATE queue_entries SET token_hash = token_hash"
                                                 " WHERE token_hash = ?"
                                                 " RETURNING id, customer_id, concert_id,"
                                                 " payment_id"),
                                  {QueueService::digest(token)}));
        if (!q.next())
            return fail(ErrorCode::TokenInvalid);
        entryId = q.i64(0);
        customerId = q.i64(1);
        concertId = q.i64(2);
        entryPayment = q.i64(3);
    }
    if (!idempotencyKey.isEmpty()) {
        auto q = BO_TRY(conn->run(QStringLiteral("SELECT id FROM payments WHERE customer_id = ?"
                                                 " AND idempotency_key = ?"),
                                  {customerId, idempotencyKey}));
        if (q.next()) {
            const qint64 id = q.i64(0);
            q = Query(nullptr);
            return load(*conn, id);
        }
    }
    if (entryPayment != 0) {
        Payment earlier = BO_TRY(load(*conn, entryPayment));
        const bool same = std::all_of(reservationIds.begin(), reservationIds.end(), [&](qint64 id) {
            return earlier.reservationIds.contains(id);
        });
        if (same)
            return earlier;
    }
    // Anything else needs an ACTIVE token for the concert.
    BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));

    struct Row
    {
        qint64 id, customerId, concertId, price, expiresAt, paymentId;
        QString status;
    };
    QList<Row> rows;
    for (qint64 id : reservationIds) {
        auto q = BO_TRY(conn->run(QStringLiteral("SELECT r.customer_id, sc.concert_id, r.price,"
                                                 " r.expires_at, r.payment_id, r.status"
                                                 " FROM reservations r JOIN schedules sc"
                                                 " ON sc.id = r.schedule_id WHERE r.id = ?"),
                                  {id}));
        if (!q.next())
            return fail(Error::make(ErrorCode::ReservationNotFound)
                            .withExtra(QStringLiteral("reservationId"), id));
        rows << Row{id, q.i64(0), q.i64(1), q.i64(2), q.i64(3), q.i64(4), q.str(5)};
    }
    for (const Row& r : rows) {
        if (r.customerId != customerId)
            return fail(Error::make(ErrorCode::NotYourReservation)
                            .withExtra(QStringLiteral("reservationId"), r.id));
        if (r.concertId != concertId)
            return fail(ErrorCode::TokenWrongConcert);
    }
    // P4: the same reservations paid together already → that payment, not a second charge.
    if (std::all_of(rows.begin(), rows.end(), [&](const Row& r) {
            return r.status == QLatin1String("PAID") && r.paymentId == rows.first().paymentId;
        })) {
        return load(*conn, rows.first().paymentId);
    }
    for (const Row& r : rows) {
        if (r.status == QLatin1String("PAID"))
            return fail(Error::make(ErrorCode::AlreadyPaid)
                            .withExtra(QStringLiteral("reservationId"), r.id));
    }
    // P2: an expired hold is released and nothing is charged.
    QList<qint64> expired;
    for (const Row& r : rows) {
        if (r.status != QLatin1String("HELD") || r.expiresAt <= now)
            expired << r.id;
    }
    if (!expired.isEmpty()) {
        for (qint64 id : expired) {
            BO_TRY(conn->run(QStringLiteral("UPDATE reservations SET status = 'EXPIRED',"
                                            " updated_at = ? WHERE id = ? AND status = 'HELD'"),
                             {now, id}));
        }
        BO_CHECK(tx.commit());
        Error e = Error::make(ErrorCode::HoldExpired);
        QJsonArray ids;
        for (qint64 id : expired)
            ids.append(id);
        e.withExtra(QStringLiteral("reservationIds"), ids);
        return fail(e);
    }

    qint64 total = 0;
    for (const Row& r : rows)
        total += r.price;
    qint64 balance = 0;
    {
        auto q = BO_TRY(
            conn->run(QStringLiteral("SELECT balance FROM customers WHERE id = ?"), {customerId}));
        if (!q.next())
            return fail(ErrorCode::BalanceNotFound);
        balance = q.i64(0);
    }
    if (balance < total) {
        return fail(Error::make(ErrorCode::InsufficientBalance)
                        .withExtra(QStringLiteral("balance"), balance)
                        .withExtra(QStringLiteral("amount"), total)
                        .withExtra(QStringLiteral("shortfall"), total - balance));
    }

    Payment p;
    p.customerId = customerId;
    p.reservationIds = reservationIds;
    p.amount = total;
    p.balanceAfter = balance - total;
    p.createdAtMs = now;
    {
        auto q = conn->tryRun(QStringLiteral("INSERT INTO payments (customer_id, amount,"
                                             " idempotency_key, queue_entry_id, created_at)"
                                             " VALUES (?, ?, ?, ?, ?) RETURNING id"),
                              {customerId, total,
                               idempotencyKey.isEmpty() ? QVariant() : QVariant(idempotencyKey),
                               entryId, now});
        if (!q) // the same key from a concurrent request: lost the race (see pay())
            return fail(q.error().kind == SqlFailure::Unique ? Error::make(ErrorCode::StorageBusy)
                                                             : storageError(q.error()));
        if (!q->next())
            return fail(ErrorCode::StorageError);
        p.id = q->i64(0);
    }
    // Each write is conditional on what was read, so a concurrent payment or sweeper on
    // another connection cannot slip between the check and the write on any engine: the
    // seats are claimed first, then the balance moves only if it covers the total.
    for (const Row& r : rows) {
        auto q = BO_TRY(conn->run(QStringLiteral("UPDATE reservations SET status = 'PAID',"
                                                 " payment_id = ?, updated_at = ? WHERE id = ?"
                                                 " AND status = 'HELD' AND expires_at > ?"),
                                  {p.id, now, r.id, now}));
        if (q.rowsAffected() != 1)
            return fail(ErrorCode::StorageBusy); // lost the race (see pay())
    }
    {
        auto q =
            BO_TRY(conn->run(QStringLiteral("UPDATE customers SET balance = balance - ?"
                                            " WHERE id = ? AND balance >= ? RETURNING balance"),
                             {total, customerId, total}));
        if (!q.next())
            return fail(ErrorCode::StorageBusy); // the balance moved since it was read
        p.balanceAfter = q.i64(0);
    }
    BO_TRY(conn->run(QStringLiteral("INSERT INTO ledger (customer_id, kind, amount, balance_after,"
                                    " payment_id, at) VALUES (?, 'PAYMENT', ?, ?, ?, ?)"),
                     {customerId, -total, p.balanceAfter, p.id, now}));
    // Q7: the token is used up.
    BO_TRY(conn->run(QStringLiteral("UPDATE queue_entries SET state = 'EXPIRED', expired_at = ?,"
                                    " payment_id = ? WHERE id = ?"),
                     {now, p.id, entryId}));
    BO_CHECK(tx.commit());
    return p;
}

} // namespace boxoffice
