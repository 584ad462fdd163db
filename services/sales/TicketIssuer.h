#pragma once

#include "core/Clock.h"
#include "sales/TicketKeys.h"
#include "storage/TicketRepository.h"

#include <memory>
#include <mutex>

namespace boxoffice {

// Signs and stores tickets with this terminal's key (design K1, K2). The key is read from its
// file (made there on first need, mode 0600) and its public half registered in the database the
// first time a ticket is needed, once per engine; after that a ticket costs one signature and
// one row. Safe to use from several threads at once.
class TicketIssuer
{
public:
    // `keyPath` empty: a key made in memory for this issuer's life (tests and tools that keep no
    // key file). `terminal` is recorded with the public key.
    TicketIssuer(std::shared_ptr<Database> db, const Clock& clock, QString keyPath, TicketMode mode,
                 QString terminal);

    TicketMode mode() const { return m_mode; }
    // Loads the key and registers it if that has not been done yet. Call it on no open
    // transaction of this thread's connection: the registration commits by itself, so that a
    // sale that rolls back does not take the key's row with it.
    Result<void> ready();
    // A new VALID ticket for the paid reservation with the given issue number, signed and
    // inserted in the caller's transaction (after ready()). STORAGE_BUSY when a concurrent
    // issuer gave the reservation its ticket first (the caller's transaction is to be retried).
    Result<Ticket> issue(Connection& conn, const TicketableReservation& reservation,
                         int issueNumber, const QString& operatorName, qint64 nowMs);

private:
    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    const QString m_keyPath;
    const TicketMode m_mode;
    const QString m_terminal;
    TicketRepository m_tickets;
    std::mutex m_mutex;
    std::shared_ptr<const TicketSigningKey> m_key; // set once loaded and registered
};

} // namespace boxoffice
