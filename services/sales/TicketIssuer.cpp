#include "sales/TicketIssuer.h"

#include "sales/TicketCode.h"
#include "storage/TicketKeyRepository.h"

namespace boxoffice {

TicketIssuer::TicketIssuer(std::shared_ptr<Database> db, const Clock& clock, QString keyPath,
                           TicketMode mode, QString terminal)
    : m_db(std::move(db)), m_clock(clock), m_keyPath(std::move(keyPath)), m_mode(mode),
      m_terminal(std::move(terminal))
{}

Result<void> TicketIssuer::ready()
{
    std::lock_guard lock(m_mutex);
    if (m_key)
        return {};
    auto key = m_keyPath.isEmpty() ? TicketSigningKey::generate(m_mode)
                                   : TicketSigningKey::loadOrCreate(m_keyPath, m_mode);
    if (!key)
        return std::unexpected(key.error());
    Connection* conn = BO_TRY(m_db->connection());
    BO_CHECK(TicketKeyRepository::registerKey(*conn, *key, m_terminal, m_clock.nowMs()));
    m_key = std::make_shared<const TicketSigningKey>(std::move(*key));
    return {};
}

Result<Ticket> TicketIssuer::issue(Connection& conn, const TicketableReservation& r,
                                   int issueNumber, const QString& operatorName, qint64 nowMs)
{
    std::shared_ptr<const TicketSigningKey> key;
    {
        std::lock_guard lock(m_mutex);
        key = m_key;
    }
    if (!key)
        return fail(Error::make(ErrorCode::StorageError)
                        .withInternal(QStringLiteral("TicketIssuer::issue before ready()")));
    Ticket t;
    t.id = BO_TRY(m_tickets.nextId(conn));
    t.reservationId = r.reservationId;
    t.scheduleId = r.scheduleId;
    t.paymentId = r.paymentId;
    t.issueNumber = issueNumber;
    t.seatLabel = r.seatLabel;
    t.issuedAtMs = nowMs;
    t.training = m_mode == TicketMode::Training;
    TicketPayload payload;
    payload.ticketId = t.id;
    payload.reservationId = r.reservationId;
    payload.scheduleId = r.scheduleId;
    payload.seatLabel = r.seatLabel;
    payload.issueNumber = issueNumber;
    payload.keyId = key->id();
    payload.training = t.training;
    t.code = BO_TRY(TicketCode::sign(payload, *key));
    if (!BO_TRY(m_tickets.insert(conn, t, key->id().toHex(), operatorName)))
        return fail(ErrorCode::StorageBusy);
    return t;
}

} // namespace boxoffice
