#include "storage/TicketKeyRepository.h"

#include "sales/TicketBase64.h"

namespace boxoffice {

namespace {

Error keyConflict(const TicketKeyId& id)
{
    return Error::make(
        ErrorCode::BadRequest,
        QStringLiteral("티켓 서명 키 %1이(가) 이미 다르게 등록되어 있습니다").arg(id.toHex()),
        QStringLiteral("The ticket signing key %1 is already registered differently")
            .arg(id.toHex()));
}

} // namespace

Result<void> TicketKeyRepository::registerKey(Connection& conn, const TicketSigningKey& key,
                                              const QString& terminal, qint64 nowMs)
{
    const QString id = key.id().toHex();
    const QString pub = QString::fromLatin1(toBase64url(key.publicKey().raw()));
    const int training = key.mode() == TicketMode::Training ? 1 : 0;
    BO_TRY(conn.run(QStringLiteral("INSERT INTO ticket_keys (key_id, public_key, training,"
                                   " terminal, created_at) VALUES (?, ?, ?, ?, ?)"
                                   " ON CONFLICT DO NOTHING"),
                    {id, pub, training, terminal, nowMs}));
    // Whichever insert won (this one, an earlier start, another terminal), the row must be
    // this key as this kind.
    auto q = BO_TRY(conn.run(
        QStringLiteral("SELECT public_key, training FROM ticket_keys WHERE key_id = ?"), {id}));
    if (!q.next() || q.str(0) != pub || q.i32(1) != training)
        return fail(keyConflict(key.id()));
    return {};
}

Result<TicketKeySet> TicketKeyRepository::validKeys(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT key_id, public_key, training, terminal,"
                                            " created_at FROM ticket_keys"
                                            " WHERE revoked_at IS NULL ORDER BY created_at,"
                                            " key_id")));
    TicketKeySet set;
    while (q.next()) {
        const auto raw = fromCanonicalBase64url(q.str(1).toLatin1());
        auto key = raw ? TicketPublicKey::fromRaw(*raw)
                       : Result<TicketPublicKey>(fail(ErrorCode::StorageCorrupt));
        if (!key || key->id().toHex() != q.str(0))
            return fail(Error::make(ErrorCode::StorageCorrupt)
                            .withInternal(QStringLiteral("ticket_keys row %1 does not hold its"
                                                         " key")
                                              .arg(q.str(0))));
        BO_CHECK(set.add(TicketKeyInfo{
            *key, q.i32(2) != 0 ? TicketMode::Training : TicketMode::Real, q.str(3), q.i64(4)}));
    }
    return set;
}

Result<bool> TicketKeyRepository::revoke(Connection& conn, const TicketKeyId& id, qint64 nowMs)
{
    auto q = BO_TRY(conn.run(QStringLiteral("UPDATE ticket_keys SET revoked_at = ?"
                                            " WHERE key_id = ? AND revoked_at IS NULL"),
                             {nowMs, id.toHex()}));
    return q.rowsAffected() > 0;
}

} // namespace boxoffice
