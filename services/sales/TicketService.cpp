#include "sales/TicketService.h"

namespace boxoffice {

TicketService::TicketService(std::shared_ptr<Database> db, const Clock& clock, TicketIssuer& issuer,
                             AuditLog& audit)
    : m_db(std::move(db)), m_clock(clock), m_issuer(issuer), m_audit(audit)
{}

Result<QList<Ticket>> TicketService::ofPayment(qint64 paymentId)
{
    Connection* conn = BO_TRY(m_db->connection());
    ReadTransaction tx = BO_TRY(ReadTransaction::begin(*conn));
    if (!BO_TRY(m_payments.find(*conn, paymentId)))
        return fail(ErrorCode::PaymentNotFound);
    return m_tickets.ofPayment(*conn, paymentId);
}

Result<Ticket> TicketService::ticket(qint64 ticketId)
{
    Connection* conn = BO_TRY(m_db->connection());
    const auto t = BO_TRY(m_tickets.detailed(*conn, ticketId));
    if (!t)
        return fail(ErrorCode::TicketNotFound);
    return *t;
}

Result<Ticket> TicketService::reissue(qint64 ticketId, const Actor& by)
{
    // Two reissues of one code at once: one revokes it, the other finds it revoked on its
    // second look and says so.
    for (int attempt = 0;; ++attempt) {
        auto t = reissueOnce(ticketId, by);
        if (t || t.error().code != ErrorCode::StorageBusy || attempt == 3)
            return t;
    }
}

Result<Ticket> TicketService::reissueOnce(qint64 ticketId, const Actor& by)
{
    BO_CHECK(m_issuer.ready());
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();
    const auto old = BO_TRY(m_tickets.stored(*conn, ticketId));
    if (!old)
        return fail(ErrorCode::TicketNotFound);
    // The seat first: a check-in or a refund of it waits for this transaction, and this one
    // decides on what they committed.
    const auto status = BO_TRY(m_reservations.lockStatus(*conn, old->reservationId));
    const auto current = BO_TRY(m_tickets.stored(*conn, ticketId));
    if (!status || !current || *status != ReservationStatus::Paid ||
        current->status != TicketStatus::Valid)
        return fail(
            Error::make(ErrorCode::TicketRevoked).withExtra(QStringLiteral("ticketId"), ticketId));
    if (current->issueNumber >= kMaxIssueNumber)
        return fail(Error::make(ErrorCode::BadRequest,
                                QStringLiteral("이 좌석의 티켓은 더 이상 재발행할 수 없습니다."),
                                QStringLiteral("This seat's ticket cannot be reissued again.")));
    if (!BO_TRY(m_tickets.revoke(*conn, ticketId, TicketRevocation::Reissued, now)))
        return fail(ErrorCode::StorageBusy);
    const auto seat = BO_TRY(m_tickets.reservationForTicket(*conn, current->reservationId));
    if (!seat)
        return fail(ErrorCode::StorageBusy);
    const Ticket issued =
        BO_TRY(m_issuer.issue(*conn, *seat, current->issueNumber + 1, by.operatorName, now));
    BO_TRY(m_audit.append(*conn, by, AuditAction::Reissue,
                          {{QStringLiteral("ticketId"), issued.id},
                           {QStringLiteral("replacedTicketId"), ticketId},
                           {QStringLiteral("reservationId"), issued.reservationId},
                           {QStringLiteral("paymentId"), issued.paymentId},
                           {QStringLiteral("issueNumber"), issued.issueNumber}},
                          now));
    const auto detailed = BO_TRY(m_tickets.detailed(*conn, issued.id));
    BO_CHECK(tx.commit());
    return detailed ? *detailed : issued;
}

Result<int> TicketService::issueMissing()
{
    constexpr int kBatch = 500;
    int issued = 0;
    for (;;) {
        Connection* conn = BO_TRY(m_db->connection());
        // Looked for first, so that a terminal that never sells makes no key (K2: on first need).
        if (BO_TRY(m_tickets.paidWithoutTicket(*conn, 1)).isEmpty())
            return issued;
        BO_CHECK(m_issuer.ready());
        WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
        const qint64 now = m_clock.nowMs();
        const QList<qint64> missing = BO_TRY(m_tickets.paidWithoutTicket(*conn, kBatch));
        for (qint64 id : missing) {
            const auto seat = BO_TRY(m_tickets.reservationForTicket(*conn, id));
            if (!seat)
                continue;
            const int issue = BO_TRY(m_tickets.lastIssueNumber(*conn, id)) + 1;
            BO_TRY(m_issuer.issue(*conn, *seat, issue, QString(), now));
            ++issued;
        }
        BO_CHECK(tx.commit());
    }
}

} // namespace boxoffice
