#include "door/CheckInService.h"

#include "storage/TicketKeyRepository.h"

namespace boxoffice {

namespace {

Error aboutTicket(ErrorCode code, const StoredTicket& t)
{
    Error e = Error::make(code);
    e.withExtra(QStringLiteral("ticketId"), t.id)
        .withExtra(QStringLiteral("seatLabel"), t.seatLabel);
    return e;
}

Error alreadyIn(const StoredTicket& t, qint64 atMs)
{
    return aboutTicket(ErrorCode::AlreadyCheckedIn, t)
        .withExtra(QStringLiteral("checkedInAtMs"), atMs);
}

} // namespace

CheckInService::CheckInService(std::shared_ptr<Database> db, const Clock& clock, TicketMode mode,
                               AuditLog& audit)
    : m_db(std::move(db)), m_clock(clock), m_mode(mode), m_audit(audit)
{}

Result<TicketPayload> CheckInService::verifySignature(Connection& conn, const QString& code)
{
    std::shared_ptr<const TicketKeySet> keys;
    {
        std::lock_guard lock(m_keysMutex);
        keys = m_keys;
    }
    if (keys) {
        auto payload = TicketCode::verify(code, *keys, m_mode);
        if (payload || payload.error().extra.value(QStringLiteral("reason")).toString() !=
                           ticketCodeProblemName(TicketCodeProblem::UnknownKey))
            return payload;
    }
    // First use, or a key registered since the list was read (another terminal sells too).
    auto fresh = std::make_shared<const TicketKeySet>(BO_TRY(TicketKeyRepository::validKeys(conn)));
    {
        std::lock_guard lock(m_keysMutex);
        m_keys = fresh;
    }
    return TicketCode::verify(code, *fresh, m_mode);
}

Result<CheckIn> CheckInService::judge(Connection& conn, const QString& code,
                                      const TicketPayload& payload, qint64 scheduleId,
                                      std::optional<ReservationStatus> seatStatus)
{
    const auto stored = BO_TRY(m_tickets.stored(conn, payload.ticketId));
    // Signed by a key of ours but not a code this database issued (another database's, or one
    // made with a stolen key): nothing here lets it in.
    if (!stored || stored->code != code || stored->reservationId != payload.reservationId)
        return fail(Error::make(ErrorCode::TicketInvalid)
                        .withExtra(QStringLiteral("reason"), QStringLiteral("UNKNOWN_TICKET")));
    if (stored->status != TicketStatus::Valid || seatStatus != ReservationStatus::Paid) {
        const TicketRevocation why =
            seatStatus == ReservationStatus::Refunded
                ? TicketRevocation::Refunded
                : stored->revokedReason.value_or(TicketRevocation::Refunded);
        return fail(aboutTicket(ErrorCode::TicketRevoked, *stored)
                        .withExtra(QStringLiteral("reason"), ticketRevocationName(why)));
    }
    if (stored->scheduleId != scheduleId)
        return fail(aboutTicket(ErrorCode::TicketWrongSchedule, *stored)
                        .withExtra(QStringLiteral("scheduleId"), stored->scheduleId));
    if (const auto earlier = BO_TRY(m_checkins.ofReservation(conn, stored->reservationId)))
        return fail(alreadyIn(*stored, earlier->checkedInAtMs));
    CheckIn c;
    c.ticketId = stored->id;
    c.reservationId = stored->reservationId;
    c.scheduleId = stored->scheduleId;
    c.seatLabel = stored->seatLabel;
    return c;
}

Result<CheckIn> CheckInService::checkIn(const QString& code, qint64 scheduleId, const Actor& by)
{
    // On SQLite a crowd of doors can find the write lock taken past the busy timeout: looking
    // again answers them (the winner's time, for most).
    for (int attempt = 0;; ++attempt) {
        auto c = checkInOnce(code, scheduleId, by);
        if (c || c.error().code != ErrorCode::StorageBusy || attempt == 3)
            return c;
    }
}

Result<CheckIn> CheckInService::checkInOnce(const QString& scanned, qint64 scheduleId,
                                            const Actor& by)
{
    const QString code = scanned.trimmed(); // a scanner ends with Enter, some with a space
    Connection* conn = BO_TRY(m_db->connection());
    const TicketPayload payload = BO_TRY(verifySignature(*conn, code));
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    const qint64 now = m_clock.nowMs();
    // The seat's row first: a refund or a reissue of it waits for this transaction, or this
    // one for theirs, and each decides on what the other committed.
    const auto status = BO_TRY(m_reservations.lockStatus(*conn, payload.reservationId));
    CheckIn c = BO_TRY(judge(*conn, code, payload, scheduleId, status));
    c.checkedInAtMs = now;
    const auto id = BO_TRY(m_checkins.insert(*conn, c, m_audit.terminal(), by.operatorName));
    if (!id) {
        // Another scan of this seat got in first (PostgreSQL lets it commit between our look
        // and our insert): its time is the answer.
        const auto winner = BO_TRY(m_checkins.ofReservation(*conn, c.reservationId));
        if (!winner)
            return fail(ErrorCode::StorageBusy);
        StoredTicket t;
        t.id = c.ticketId;
        t.seatLabel = c.seatLabel;
        return fail(alreadyIn(t, winner->checkedInAtMs));
    }
    c.id = *id;
    BO_TRY(m_audit.append(*conn, by, AuditAction::CheckIn,
                          {{QStringLiteral("checkInId"), c.id},
                           {QStringLiteral("ticketId"), c.ticketId},
                           {QStringLiteral("reservationId"), c.reservationId},
                           {QStringLiteral("scheduleId"), c.scheduleId},
                           {QStringLiteral("seatLabel"), c.seatLabel}},
                          now));
    BO_CHECK(tx.commit());
    return c;
}

Result<CheckIn> CheckInService::verify(const QString& scanned, qint64 scheduleId)
{
    const QString code = scanned.trimmed();
    Connection* conn = BO_TRY(m_db->connection());
    const TicketPayload payload = BO_TRY(verifySignature(*conn, code));
    ReadTransaction tx = BO_TRY(ReadTransaction::begin(*conn));
    const auto seat = BO_TRY(m_reservations.ownerAndStatus(*conn, payload.reservationId));
    return judge(*conn, code, payload, scheduleId,
                 seat ? std::optional<ReservationStatus>(seat->status) : std::nullopt);
}

Result<qint64> CheckInService::checkedInCount(qint64 scheduleId)
{
    Connection* conn = BO_TRY(m_db->connection());
    return m_checkins.countFor(*conn, scheduleId);
}

} // namespace boxoffice
