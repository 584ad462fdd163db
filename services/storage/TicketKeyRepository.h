#pragma once

#include "sales/TicketKeys.h"
#include "storage/Database.h"

namespace boxoffice {

// The ticket_keys table: the public half of every terminal's signing key, under its key id.
// Statements run on the caller's connection, inside the caller's transaction if it has one.
class TicketKeyRepository
{
public:
    // Registers a terminal's public key (nothing of the private key is stored). Registering the
    // same key again changes nothing; a different key under the same id, or the same key as
    // the other kind (real / training), is refused.
    static Result<void> registerKey(Connection& conn, const TicketSigningKey& key,
                                    const QString& terminal, qint64 nowMs);
    // Every key not revoked, of both kinds: what `--export-ticket-keys` writes.
    static Result<TicketKeySet> validKeys(Connection& conn);
    // The key stops being exported and accepted; codes it signed become TICKET_INVALID at doors
    // that load the list again. False: no such key, or already revoked.
    static Result<bool> revoke(Connection& conn, const TicketKeyId& id, qint64 nowMs);
};

} // namespace boxoffice
