#include "sales/RefundService.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace boxoffice {

namespace {

Error aboutReservation(ErrorCode code, qint64 reservationId)
{
    return Error::make(code).withExtra(QStringLiteral("reservationId"), reservationId);
}

QJsonArray jsonIds(const QList<qint64>& ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

// A refund gives back what was paid: the charge ceiling (W3) is about taking money in, and must
// never stand in the way of giving it back.
constexpr qint64 kNoCeiling = std::numeric_limits<qint64>::max() / 2;

} // namespace

RefundService::RefundService(std::shared_ptr<Database> db, const Clock& clock,
                             const EngineSettings& settings, AuditLog& audit)
    : m_db(std::move(db)), m_clock(clock), m_settings(settings), m_audit(audit)
{}

qint64 RefundService::feeFor(qint64 amount, int percent)
{
    return amount * percent / 100; // whole, non-negative numbers: integer division is floor
}

QList<qint64> RefundService::feeShares(const QList<qint64>& prices, int percent)
{
    QList<qint64> shares;
    qint64 total = 0, given = 0;
    for (qint64 p : prices) {
        shares << feeFor(p, percent);
        total += p;
        given += shares.last();
    }
    // Each floor loses less than one won, so the remainder is smaller than the number of seats;
    // a share below its price (any percent under 100) has room for one more.
    qint64 remainder = feeFor(total, percent) - given;
    for (qsizetype i = 0; i < shares.size() && remainder > 0; ++i) {
        if (shares[i] < prices[i]) {
            ++shares[i];
            --remainder;
        }
    }
    return shares;
}

Result<QList<qint64>> RefundService::normalized(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.isEmpty())
        return fail(Error::make(ErrorCode::BadRequest, QStringLiteral("환불할 좌석을 고르세요."),
                                QStringLiteral("Choose the seats to refund.")));
    if (ids.size() > kMaxReservations)
        return fail(Error::make(
            ErrorCode::BadRequest,
            QStringLiteral("한 번에 %1석까지 환불할 수 있습니다.").arg(kMaxReservations),
            QStringLiteral("At most %1 seats can be refunded at once.").arg(kMaxReservations)));
    return ids;
}

Result<RefundService::Examined> RefundService::load(Connection& conn, const QList<qint64>& ids)
{
    Examined out;
    for (qint64 id : ids) {
        const auto r = BO_TRY(m_reservations.forRefund(conn, id));
        if (!r)
            return fail(aboutReservation(ErrorCode::ReservationNotFound, id));
        out.rows << *r;
    }
    out.customerId = out.rows.first().customerId;
    for (const RefundableReservation& r : out.rows) {
        if (r.customerId != out.customerId)
            return fail(Error::make(ErrorCode::BadRequest,
                                    QStringLiteral("한 번의 환불은 한 고객의 좌석만 다룹니다."),
                                    QStringLiteral("One refund is for one customer's seats."))
                            .withExtra(QStringLiteral("reservationId"), r.id));
    }
    return out;
}

Result<RefundService::Examined> RefundService::examine(Connection& conn, const QList<qint64>& ids,
                                                       qint64 nowMs)
{
    Examined out = BO_TRY(load(conn, ids));
    // Refunded first: naming a seat given back already is the mistake to report, whatever the
    // others are.
    for (const RefundableReservation& r : out.rows) {
        if (r.status == ReservationStatus::Refunded)
            return fail(aboutReservation(ErrorCode::AlreadyRefunded, r.id));
    }
    for (const RefundableReservation& r : out.rows) {
        if (r.status != ReservationStatus::Paid)
            return fail(aboutReservation(ErrorCode::NotPaid, r.id));
    }
    out.paymentId = out.rows.first().paymentId;
    for (const RefundableReservation& r : out.rows) {
        if (r.paymentId != out.paymentId)
            return fail(Error::make(ErrorCode::BadRequest,
                                    QStringLiteral("한 번의 환불은 한 결제의 좌석만 다룹니다."),
                                    QStringLiteral("One refund is for the seats of one payment."))
                            .withExtra(QStringLiteral("reservationId"), r.id));
        if (nowMs >= r.startsAtMs)
            return fail(aboutReservation(ErrorCode::RefundClosed, r.id));
        out.amount += r.price;
    }
    for (const RefundableReservation& r : out.rows) {
        if (BO_TRY(m_checkins.ofReservation(conn, r.id)))
            return fail(Error::make(ErrorCode::AlreadyCheckedIn,
                                    QStringLiteral("이미 입장한 좌석은 환불할 수 없습니다."),
                                    QStringLiteral("A seat already checked in cannot be"
                                                   " refunded."))
                            .withExtra(QStringLiteral("reservationId"), r.id));
    }
    return out;
}

Result<RefundQuote> RefundService::quote(QList<qint64> reservationIds)
{
    const QList<qint64> ids = BO_TRY(normalized(std::move(reservationIds)));
    Connection* conn = BO_TRY(m_db->connection());
    ReadTransaction tx = BO_TRY(ReadTransaction::begin(*conn));
    const Examined e = BO_TRY(examine(*conn, ids, m_clock.nowMs()));
    RefundQuote q;
    q.reservationIds = ids;
    q.paymentId = e.paymentId;
    q.amount = e.amount;
    q.feePercent = m_settings.refundFeePercent;
    q.fee = feeFor(e.amount, q.feePercent);
    return q;
}

Result<Refund> RefundService::refund(QList<qint64> reservationIds, const QString& idempotencyKey,
                                     const Actor& by)
{
    const QList<qint64> ids = BO_TRY(normalized(std::move(reservationIds)));
    // A refund that loses a race (the same seat refunded, the same key used, a check-in) rolls
    // back whole and looks again: the second look answers with what the winner did.
    for (int attempt = 0;; ++attempt) {
        auto r = refundOnce(ids, idempotencyKey, by);
        // On PostgreSQL each statement sees what was committed before it: the key can be looked
        // for before a concurrent refund with it commits and the seat read after, REFUNDED. A
        // second look finds the key first and answers that refund.
        if (!r && r.error().code == ErrorCode::AlreadyRefunded && !idempotencyKey.isEmpty() &&
            attempt == 0)
            continue;
        if (r || r.error().code != ErrorCode::StorageBusy || attempt == 3)
            return r;
    }
}

Result<Refund> RefundService::refundOnce(const QList<qint64>& ids, const QString& idempotencyKey,
                                         const Actor& by)
{
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();
    if (!idempotencyKey.isEmpty()) {
        const Examined seen = BO_TRY(load(*conn, ids));
        if (const auto id = BO_TRY(m_refunds.idWithKey(*conn, seen.customerId, idempotencyKey))) {
            auto earlier = BO_TRY(m_refunds.find(*conn, *id));
            // A client that reuses a key by mistake must not be told its new refund was made.
            if (!earlier || earlier->reservationIds != ids)
                return fail(ErrorCode::IdempotencyKeyReused);
            earlier->replayed = true;
            return *earlier;
        }
    }
    const Examined e = BO_TRY(examine(*conn, ids, now));
    // Each seat changes only if it is still PAID, and its row stays locked until the end: a
    // concurrent refund of it loses here (and, looking again, is told ALREADY_REFUNDED or
    // answered by its key), a check-in or reissue of it waits for this transaction.
    for (qint64 id : ids) {
        if (!BO_TRY(m_reservations.markRefunded(*conn, id, now)))
            return fail(ErrorCode::StorageBusy);
    }
    // A check-in that held a seat's row while we looked has committed by now: read again.
    for (qint64 id : ids) {
        if (BO_TRY(m_checkins.ofReservation(*conn, id)))
            return fail(ErrorCode::StorageBusy);
    }

    Refund r;
    r.paymentId = e.paymentId;
    r.customerId = e.customerId;
    r.reservationIds = ids;
    r.amount = e.amount;
    r.feePercent = m_settings.refundFeePercent;
    r.fee = feeFor(r.amount, r.feePercent);
    r.refundedAtMs = now;
    r.operatorName = by.operatorName;
    const auto id = BO_TRY(m_refunds.insert(*conn, r, idempotencyKey, m_audit.terminal()));
    if (!id) // the same key from a concurrent request: lost the race (see refund())
        return fail(ErrorCode::StorageBusy);
    r.id = *id;
    QList<qint64> prices;
    for (const RefundableReservation& row : e.rows)
        prices << row.price;
    const QList<qint64> shares = feeShares(prices, r.feePercent);
    for (qsizetype i = 0; i < e.rows.size(); ++i) {
        if (!BO_TRY(m_refunds.insertItem(*conn, r.id, e.rows[i].id, prices[i], shares[i])))
            return fail(ErrorCode::StorageBusy);
    }
    BO_TRY(m_tickets.revokeValidOf(*conn, ids, TicketRevocation::Refunded, now));
    const auto after = BO_TRY(m_ledger.credit(*conn, r.customerId, r.returned(), kNoCeiling));
    if (!after)
        return fail(ErrorCode::BalanceNotFound);
    r.balanceAfter = *after;
    LedgerEntry entry;
    entry.kind = LedgerKind::Refund;
    entry.amount = r.returned();
    entry.balanceAfter = r.balanceAfter;
    entry.atMs = now;
    entry.paymentId = r.paymentId;
    entry.refundId = r.id;
    entry.operatorName = by.operatorName;
    BO_TRY(m_ledger.append(*conn, r.customerId, entry));
    BO_TRY(m_audit.append(*conn, by, AuditAction::Refund,
                          {{QStringLiteral("refundId"), r.id},
                           {QStringLiteral("paymentId"), r.paymentId},
                           {QStringLiteral("customerId"), r.customerId},
                           {QStringLiteral("reservationIds"), jsonIds(ids)},
                           {QStringLiteral("amount"), r.amount},
                           {QStringLiteral("fee"), r.fee},
                           {QStringLiteral("feePercent"), r.feePercent},
                           {QStringLiteral("returned"), r.returned()}},
                          now));
    BO_CHECK(tx.commit());
    return r;
}

} // namespace boxoffice
