#include "storage/Schema.h"

namespace boxoffice {

namespace {

// Version 1. Invariants the schema itself enforces (design §2): one live hold or sale per seat,
// balance never negative, one live queue entry per (customer, concert).
QStringList version1(Dialect d)
{
    const QString id = d == Dialect::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY")
                                            : QStringLiteral("BIGSERIAL PRIMARY KEY");
    const QString big = d == Dialect::Sqlite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT");
    const QString noRowId = d == Dialect::Sqlite ? QStringLiteral(" WITHOUT ROWID") : QString();
    QStringList s;
    s << QStringLiteral("CREATE TABLE customers ("
                        " id %1, name TEXT NOT NULL, phone TEXT NOT NULL DEFAULT '',"
                        " balance %2 NOT NULL DEFAULT 0 CHECK (balance >= 0),"
                        " created_at %2 NOT NULL)")
             .arg(id, big);
    s << QStringLiteral("CREATE INDEX customers_phone ON customers (phone)");
    s << QStringLiteral("CREATE TABLE concerts (id %1, title TEXT NOT NULL,"
                        " venue TEXT NOT NULL DEFAULT '')")
             .arg(id);
    s << QStringLiteral("CREATE TABLE schedules ("
                        " id %1, concert_id %2 NOT NULL REFERENCES concerts (id),"
                        " starts_at %2 NOT NULL, layout TEXT NOT NULL DEFAULT 'demo50')")
             .arg(id, big);
    s << QStringLiteral("CREATE INDEX schedules_concert ON schedules (concert_id, starts_at)");
    s << QStringLiteral("CREATE TABLE seats ("
                        " id %1, schedule_id %2 NOT NULL REFERENCES schedules (id),"
                        " seat_number %2 NOT NULL, section TEXT NOT NULL DEFAULT '',"
                        " row_label TEXT NOT NULL DEFAULT '', tier TEXT NOT NULL,"
                        " price %2 NOT NULL CHECK (price > 0),"
                        " UNIQUE (schedule_id, seat_number))")
             .arg(id, big);
    s << QStringLiteral("CREATE TABLE payments ("
                        " id %1, customer_id %2 NOT NULL REFERENCES customers (id),"
                        " amount %2 NOT NULL CHECK (amount > 0), idempotency_key TEXT,"
                        " queue_entry_id %2, created_at %2 NOT NULL)")
             .arg(id, big);
    s << QStringLiteral("CREATE UNIQUE INDEX payments_idempotency ON payments"
                        " (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL");
    s << QStringLiteral("CREATE TABLE reservations ("
                        " id %1, seat_id %2 NOT NULL REFERENCES seats (id),"
                        " schedule_id %2 NOT NULL REFERENCES schedules (id),"
                        " customer_id %2 NOT NULL REFERENCES customers (id),"
                        " price %2 NOT NULL CHECK (price > 0),"
                        " status TEXT NOT NULL CHECK (status IN ('HELD', 'PAID', 'EXPIRED')),"
                        " held_at %2 NOT NULL, expires_at %2 NOT NULL,"
                        " payment_id %2 REFERENCES payments (id), updated_at %2 NOT NULL)")
             .arg(id, big);
    s << QStringLiteral("CREATE UNIQUE INDEX reservations_live_seat ON reservations (seat_id)"
                        " WHERE status IN ('HELD', 'PAID')");
    s << QStringLiteral("CREATE INDEX reservations_customer ON reservations"
                        " (customer_id, schedule_id, status)");
    s << QStringLiteral("CREATE INDEX reservations_hold_expiry ON reservations (expires_at)"
                        " WHERE status = 'HELD'");
    s << QStringLiteral("CREATE INDEX reservations_schedule ON reservations (schedule_id, status)");
    s << QStringLiteral("CREATE INDEX reservations_payment ON reservations (payment_id)");
    s << QStringLiteral("CREATE TABLE ledger ("
                        " id %1, customer_id %2 NOT NULL REFERENCES customers (id),"
                        " kind TEXT NOT NULL CHECK (kind IN ('CHARGE', 'PAYMENT', 'REFUND')),"
                        " amount %2 NOT NULL, balance_after %2 NOT NULL CHECK (balance_after >= 0),"
                        " payment_id %2 REFERENCES payments (id), at %2 NOT NULL)")
             .arg(id, big);
    s << QStringLiteral("CREATE INDEX ledger_customer ON ledger (customer_id, id)");
    s << QStringLiteral("CREATE TABLE queues ("
                        " concert_id %1 PRIMARY KEY REFERENCES concerts (id),"
                        " next_seq %1 NOT NULL DEFAULT 1, head_seq %1 NOT NULL DEFAULT 0,"
                        " head_evicted %1 NOT NULL DEFAULT 0)")
             .arg(big);
    s << QStringLiteral("CREATE TABLE queue_entries ("
                        " id %1, concert_id %2 NOT NULL REFERENCES concerts (id),"
                        " customer_id %2 NOT NULL REFERENCES customers (id), seq %2 NOT NULL,"
                        " token_hash TEXT NOT NULL,"
                        " state TEXT NOT NULL CHECK (state IN ('WAITING', 'ACTIVE', 'EXPIRED')),"
                        " created_at %2 NOT NULL, last_polled_at %2 NOT NULL, activated_at %2,"
                        " deadline_at %2 NOT NULL, expired_at %2, payment_id %2)")
             .arg(id, big);
    s << QStringLiteral("CREATE UNIQUE INDEX queue_entries_token ON queue_entries (token_hash)");
    s << QStringLiteral("CREATE UNIQUE INDEX queue_entries_live ON queue_entries"
                        " (customer_id, concert_id) WHERE state IN ('WAITING', 'ACTIVE')");
    s << QStringLiteral("CREATE UNIQUE INDEX queue_entries_seq ON queue_entries (concert_id, seq)");
    s << QStringLiteral("CREATE INDEX queue_entries_waiting ON queue_entries (concert_id, seq)"
                        " WHERE state = 'WAITING'");
    s << QStringLiteral("CREATE INDEX queue_entries_deadline ON queue_entries (deadline_at)"
                        " WHERE state IN ('WAITING', 'ACTIVE')");
    // Counts of evicted entries by sequence number, as a Fenwick tree, so that a position is
    // exact and costs O(log n) however long the queue is (design Q5).
    s << QStringLiteral("CREATE TABLE queue_fenwick ("
                        " concert_id %1 NOT NULL, idx %1 NOT NULL, cnt %1 NOT NULL,"
                        " PRIMARY KEY (concert_id, idx))%2")
             .arg(big, noRowId);
    s << QStringLiteral(
             "CREATE TABLE scheduler_runs (job TEXT PRIMARY KEY, last_run_at %1 NOT NULL)")
             .arg(big);
    return s;
}

// Version 2: where a seat sits on the venue's floor plan and what its ticket says ("B-12-34"),
// for large venues from a layout file. Demo seats leave them NULL: ten to a row, label = number.
QStringList version2(Dialect d)
{
    const QString big = d == Dialect::Sqlite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT");
    return {QStringLiteral("ALTER TABLE seats ADD COLUMN pos_x %1").arg(big),
            QStringLiteral("ALTER TABLE seats ADD COLUMN pos_y %1").arg(big),
            QStringLiteral("ALTER TABLE seats ADD COLUMN label TEXT")};
}

// Version 3: idempotent charges, and live updates. On PostgreSQL every change to reservations
// NOTIFYs listening terminals; SQLite terminals watch PRAGMA data_version instead, so nothing to
// add there.
QStringList version3(Dialect d)
{
    // A charge may carry the client's Idempotency-Key: repeating it (after a lost answer)
    // answers the first charge instead of charging again.
    QStringList s = {QStringLiteral("ALTER TABLE ledger ADD COLUMN idempotency_key TEXT"),
                     QStringLiteral("CREATE UNIQUE INDEX ledger_idempotency ON ledger"
                                    " (customer_id, idempotency_key)"
                                    " WHERE idempotency_key IS NOT NULL")};
    if (d == Dialect::Sqlite)
        return s;
    return s +
           QStringList{
               QStringLiteral(
                   "CREATE OR REPLACE FUNCTION boxoffice_notify_change() RETURNS trigger"
                   " AS $$ BEGIN PERFORM pg_notify('boxoffice_changes', ''); RETURN NULL;"
                   " END $$ LANGUAGE plpgsql"),
               // Per row: a sweep that changes nothing wakes nobody, and PostgreSQL folds a
               // transaction's identical notifications into one.
               QStringLiteral("CREATE TRIGGER reservations_notify AFTER INSERT OR UPDATE OR DELETE"
                              " ON reservations FOR EACH ROW"
                              " EXECUTE FUNCTION boxoffice_notify_change()")};
}

} // namespace

std::vector<QStringList> schemaMigrations(Dialect dialect)
{
    return {version1(dialect), version2(dialect), version3(dialect)};
}

} // namespace boxoffice
