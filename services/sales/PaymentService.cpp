#include "sales/PaymentService.h"

#include <QJsonArray>

#include <algorithm>

namespace boxoffice {

PaymentService::PaymentService(std::shared_ptr<Database> db, const Clock& clock,
                               QueueService& queue, TicketIssuer& issuer, AuditLog& audit)
    : m_db(std::move(db)), m_clock(clock), m_queue(queue), m_issuer(issuer), m_audit(audit)
{}

Result<Payment> PaymentService::load(Connection& conn, qint64 paymentId)
{
    auto found = BO_TRY(m_payments.find(conn, paymentId));
    if (!found)
        return fail(ErrorCode::NotFound);
    Payment p = *found;
    p.reservationIds = BO_TRY(m_reservations.idsPaidBy(conn, paymentId));
    p.tickets = BO_TRY(m_tickets.ofPayment(conn, paymentId));
    p.replayed = true;
    return p;
}

Result<Payment> PaymentService::pay(const QString& token, QList<qint64> reservationIds,
                                    const QString& idempotencyKey, const Actor& by)
{
    // A payment that loses a race with another connection (the same reservation paid, the
    // balance spent, the same idempotency key) rolls back whole and looks again: the second
    // look answers with what the winner did (P4), or with the reason this one cannot go on.
    for (int attempt = 0;; ++attempt) {
        auto p = payOnce(token, reservationIds, idempotencyKey, by);
        if (p || p.error().code != ErrorCode::StorageBusy || attempt == 3)
            return p;
    }
}

Result<Payment> PaymentService::payOnce(const QString& token, QList<qint64> reservationIds,
                                        const QString& idempotencyKey, const Actor& by)
{
    if (token.isEmpty())
        return fail(ErrorCode::TokenMissing);
    std::sort(reservationIds.begin(), reservationIds.end());
    reservationIds.erase(std::unique(reservationIds.begin(), reservationIds.end()),
                         reservationIds.end());
    if (reservationIds.isEmpty())
        return fail(ErrorCode::BadRequest);

    // The signing key is ready before the transaction: its registration commits on its own.
    BO_CHECK(m_issuer.ready());
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();

    // The token is looked at inside the transaction, its entry locked: a payment that just used
    // it up can still be answered again (P4), and nothing can change between the check and the
    // writes.
    const auto entry = BO_TRY(m_entries.lockEntryByToken(*conn, QueueService::digest(token)));
    if (!entry)
        return fail(ErrorCode::TokenInvalid);
    const qint64 customerId = entry->customerId;
    if (!idempotencyKey.isEmpty()) {
        if (const auto id = BO_TRY(m_payments.idWithKey(*conn, customerId, idempotencyKey))) {
            Payment earlier = BO_TRY(load(*conn, *id));
            if (earlier.reservationIds != reservationIds)
                return fail(ErrorCode::IdempotencyKeyReused);
            return earlier;
        }
    }
    if (entry->paymentId != 0) {
        Payment earlier = BO_TRY(load(*conn, entry->paymentId));
        const bool same = std::all_of(reservationIds.begin(), reservationIds.end(), [&](qint64 id) {
            return earlier.reservationIds.contains(id);
        });
        if (same)
            return earlier;
    }
    // Anything else needs an ACTIVE token for the concert.
    BO_TRY(m_queue.requireActive(*conn, token, std::nullopt, now));

    QList<PayableReservation> rows;
    for (qint64 id : reservationIds) {
        const auto r = BO_TRY(m_reservations.forPayment(*conn, id));
        if (!r)
            return fail(Error::make(ErrorCode::ReservationNotFound)
                            .withExtra(QStringLiteral("reservationId"), id));
        rows << *r;
    }
    for (const PayableReservation& r : rows) {
        if (r.customerId != customerId)
            return fail(Error::make(ErrorCode::NotYourReservation)
                            .withExtra(QStringLiteral("reservationId"), r.id));
        if (r.concertId != entry->concertId)
            return fail(ErrorCode::TokenWrongConcert);
    }
    // P4: the same reservations paid together already → that payment, not a second charge.
    if (std::all_of(rows.begin(), rows.end(), [&](const PayableReservation& r) {
            return r.status == ReservationStatus::Paid && r.paymentId == rows.first().paymentId;
        })) {
        return load(*conn, rows.first().paymentId);
    }
    for (const PayableReservation& r : rows) {
        if (r.status == ReservationStatus::Paid)
            return fail(Error::make(ErrorCode::AlreadyPaid)
                            .withExtra(QStringLiteral("reservationId"), r.id));
    }
    // P2: an expired hold is released and nothing is charged.
    QList<qint64> expired;
    for (const PayableReservation& r : rows) {
        if (r.status != ReservationStatus::Held || r.expiresAtMs <= now)
            expired << r.id;
    }
    if (!expired.isEmpty()) {
        for (qint64 id : expired)
            BO_CHECK(m_reservations.endHold(*conn, id, now));
        BO_CHECK(tx.commit());
        Error e = Error::make(ErrorCode::HoldExpired);
        QJsonArray ids;
        for (qint64 id : expired)
            ids.append(id);
        e.withExtra(QStringLiteral("reservationIds"), ids);
        return fail(e);
    }

    qint64 total = 0;
    for (const PayableReservation& r : rows)
        total += r.price;
    const auto balance = BO_TRY(m_ledger.balanceOf(*conn, customerId));
    if (!balance)
        return fail(ErrorCode::BalanceNotFound);
    if (*balance < total) {
        return fail(Error::make(ErrorCode::InsufficientBalance)
                        .withExtra(QStringLiteral("balance"), *balance)
                        .withExtra(QStringLiteral("amount"), total)
                        .withExtra(QStringLiteral("shortfall"), total - *balance));
    }

    Payment p;
    p.customerId = customerId;
    p.reservationIds = reservationIds;
    p.amount = total;
    p.createdAtMs = now;
    const auto id = BO_TRY(m_payments.insert(*conn, customerId, total, idempotencyKey, entry->id,
                                             now, by.operatorName));
    if (!id) // the same key from a concurrent request: lost the race (see pay())
        return fail(ErrorCode::StorageBusy);
    p.id = *id;
    // Each write is conditional on what was read: the seats are claimed first, then the
    // balance moves only if it covers the total. Losing either is losing a race (see pay()).
    for (const PayableReservation& r : rows) {
        if (!BO_TRY(m_reservations.claimForPayment(*conn, r.id, p.id, now)))
            return fail(ErrorCode::StorageBusy);
    }
    const auto after = BO_TRY(m_ledger.debit(*conn, customerId, total));
    if (!after)
        return fail(ErrorCode::StorageBusy);
    p.balanceAfter = *after;
    LedgerEntry entryOfPayment;
    entryOfPayment.kind = LedgerKind::Payment;
    entryOfPayment.amount = -total;
    entryOfPayment.balanceAfter = p.balanceAfter;
    entryOfPayment.atMs = now;
    entryOfPayment.paymentId = p.id;
    entryOfPayment.operatorName = by.operatorName;
    BO_TRY(m_ledger.append(*conn, customerId, entryOfPayment));
    // K1: each seat sold gets its ticket with the sale, or neither happens.
    for (const PayableReservation& r : rows) {
        const auto seat = BO_TRY(m_tickets.reservationForTicket(*conn, r.id));
        if (!seat)
            return fail(ErrorCode::StorageBusy);
        p.tickets << BO_TRY(m_issuer.issue(*conn, *seat, 1, by.operatorName, now));
    }
    if (by.isStaff()) {
        QJsonArray ids;
        for (qint64 r : reservationIds)
            ids.append(r);
        BO_TRY(m_audit.append(*conn, by, AuditAction::Payment,
                              {{QStringLiteral("paymentId"), p.id},
                               {QStringLiteral("customerId"), customerId},
                               {QStringLiteral("reservationIds"), ids},
                               {QStringLiteral("amount"), total}},
                              now));
    }
    // Q7: the token is used up.
    BO_CHECK(m_entries.markUsedByPayment(*conn, entry->id, p.id, now));
    BO_CHECK(tx.commit());
    return p;
}

} // namespace boxoffice
