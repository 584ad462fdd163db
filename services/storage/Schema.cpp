#include "storage/Schema.h"

namespace boxoffice {

namespace {

QString idType(Dialect d)
{
    return d == Dialect::Sqlite ? QStringLiteral("INTEGER PRIMARY KEY")
                                : QStringLiteral("BIGSERIAL PRIMARY KEY");
}

QString bigType(Dialect d)
{
    return d == Dialect::Sqlite ? QStringLiteral("INTEGER") : QStringLiteral("BIGINT");
}

// The reservations table as version 1 made it, with the given set of statuses: version 4 makes
// it again on SQLite, which cannot change a CHECK in place.
QString reservationsTable(Dialect d, const QString& name, const QString& statuses)
{
    return QStringLiteral("CREATE TABLE %3 ("
                          " id %1, seat_id %2 NOT NULL REFERENCES seats (id),"
                          " schedule_id %2 NOT NULL REFERENCES schedules (id),"
                          " customer_id %2 NOT NULL REFERENCES customers (id),"
                          " price %2 NOT NULL CHECK (price > 0),"
                          " status TEXT NOT NULL CHECK (status IN (%4)),"
                          " held_at %2 NOT NULL, expires_at %2 NOT NULL,"
                          " payment_id %2 REFERENCES payments (id), updated_at %2 NOT NULL)")
        .arg(idType(d), bigType(d), name, statuses);
}

// One live hold or sale per seat (H1), and the lookups the services make.
QStringList reservationsIndexes()
{
    return {
        QStringLiteral("CREATE UNIQUE INDEX reservations_live_seat ON reservations (seat_id)"
                       " WHERE status IN ('HELD', 'PAID')"),
        QStringLiteral("CREATE INDEX reservations_customer ON reservations"
                       " (customer_id, schedule_id, status)"),
        QStringLiteral("CREATE INDEX reservations_hold_expiry ON reservations (expires_at)"
                       " WHERE status = 'HELD'"),
        QStringLiteral("CREATE INDEX reservations_schedule ON reservations (schedule_id, status)"),
        QStringLiteral("CREATE INDEX reservations_payment ON reservations (payment_id)")};
}

// Version 1. Invariants the schema itself enforces (design §2): one live hold or sale per seat,
// balance never negative, one live queue entry per (customer, concert).
QStringList version1(Dialect d)
{
    const QString id = idType(d);
    const QString big = bigType(d);
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
    s << reservationsTable(d, QStringLiteral("reservations"),
                           QStringLiteral("'HELD', 'PAID', 'EXPIRED'"));
    s << reservationsIndexes();
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
    const QString big = bigType(d);
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

// Version 4: after the sale (design §6). Signed tickets and the keys that check them, check-ins
// at the door, refunds, and an append-only log of staff actions. Each rule that two terminals
// could race on is a constraint here, so the database decides the race, not the services.
QStringList version4(Dialect d)
{
    const QString id = idType(d);
    const QString big = bigType(d);
    const bool sqlite = d == Dialect::Sqlite;
    QStringList s;

    // A refund gives a seat back: REFUNDED joins the statuses and, like EXPIRED, is outside the
    // live-seat index, so the seat is on sale again the moment the refund commits. PostgreSQL
    // swaps the CHECK in place (its NOTIFY trigger stays). SQLite cannot alter a CHECK: the
    // table is made again under a new name, filled, and renamed over the old one, and its
    // indexes made again. Nothing references reservations before this version, so dropping it
    // with foreign keys on is safe; after it, tickets, check-ins and refunds do, and a later
    // rebuild would need foreign keys off outside the migration's transaction.
    const QString statuses = QStringLiteral("'HELD', 'PAID', 'EXPIRED', 'REFUNDED'");
    if (sqlite) {
        const QString columns = QStringLiteral("id, seat_id, schedule_id, customer_id, price,"
                                               " status, held_at, expires_at, payment_id,"
                                               " updated_at");
        s << reservationsTable(d, QStringLiteral("reservations_v4"), statuses);
        s << QStringLiteral("INSERT INTO reservations_v4 (%1) SELECT %1 FROM reservations")
                 .arg(columns);
        s << QStringLiteral("DROP TABLE reservations");
        s << QStringLiteral("ALTER TABLE reservations_v4 RENAME TO reservations");
        s << reservationsIndexes();
    } else {
        s << QStringLiteral("ALTER TABLE reservations DROP CONSTRAINT reservations_status_check,"
                            " ADD CONSTRAINT reservations_status_check CHECK (status IN (%1))")
                 .arg(statuses);
    }

    // Public keys only, under the id every scanner derives from the key itself (the first 8
    // bytes of its SHA-256, hex). Private keys stay in each terminal's 0600 file: there is no
    // column a copy of the database could leak one from. `training` keys sign training tickets
    // only; revoked_at set: no longer exported to doors.
    s << QStringLiteral("CREATE TABLE ticket_keys ("
                        " key_id TEXT PRIMARY KEY CHECK (length(key_id) = 16),"
                        " public_key TEXT NOT NULL UNIQUE,"
                        " training %1 NOT NULL CHECK (training IN (0, 1)),"
                        " terminal TEXT NOT NULL DEFAULT '', created_at %1 NOT NULL,"
                        " revoked_at %1)")
             .arg(big);

    // One row per code ever issued. A reissue revokes the row and adds one with the next issue
    // number; at most one VALID row per reservation (partial unique index), and the code is
    // kept so that a reprint repeats it exactly. The id is the one the code carries, so the
    // issuer takes it before it signs.
    s << QStringLiteral("CREATE TABLE tickets ("
                        " id %1, reservation_id %2 NOT NULL REFERENCES reservations (id),"
                        " schedule_id %2 NOT NULL REFERENCES schedules (id),"
                        " issue_number %2 NOT NULL CHECK (issue_number BETWEEN 1 AND 65535),"
                        " key_id TEXT NOT NULL REFERENCES ticket_keys (key_id),"
                        " code TEXT NOT NULL UNIQUE,"
                        " status TEXT NOT NULL CHECK (status IN ('VALID', 'REVOKED')),"
                        " issued_at %2 NOT NULL, revoked_at %2,"
                        " revoked_reason TEXT CHECK (revoked_reason IN ('REISSUED', 'REFUNDED')),"
                        " operator TEXT NOT NULL DEFAULT '',"
                        " UNIQUE (reservation_id, issue_number),"
                        " CHECK ((status = 'VALID' AND revoked_at IS NULL AND revoked_reason IS"
                        " NULL) OR (status = 'REVOKED' AND revoked_at IS NOT NULL AND"
                        " revoked_reason IS NOT NULL)))")
             .arg(id, big);
    s << QStringLiteral("CREATE UNIQUE INDEX tickets_valid ON tickets (reservation_id)"
                        " WHERE status = 'VALID'");
    s << QStringLiteral("CREATE INDEX tickets_schedule ON tickets (schedule_id)");

    // One check-in per ticket, and per sold seat: any number of concurrent scans insert, exactly
    // one wins and the others see ALREADY_CHECKED_IN with the winner's time. The seat's rule
    // also holds across a reissue (the new code of a seat already inside does not let a second
    // person in).
    s << QStringLiteral("CREATE TABLE checkins ("
                        " id %1, ticket_id %2 NOT NULL UNIQUE REFERENCES tickets (id),"
                        " reservation_id %2 NOT NULL UNIQUE REFERENCES reservations (id),"
                        " schedule_id %2 NOT NULL REFERENCES schedules (id),"
                        " checked_in_at %2 NOT NULL, terminal TEXT NOT NULL DEFAULT '',"
                        " operator TEXT NOT NULL DEFAULT '')")
             .arg(id, big);
    s << QStringLiteral("CREATE INDEX checkins_schedule ON checkins (schedule_id, checked_in_at)");

    // A refund of some of one payment's seats. `amount` is their prices, `fee` what the venue
    // keeps (floor(amount x fee_percent / 100)), and the wallet's REFUND ledger entry is
    // amount - fee. A repeat with the same Idempotency-Key (per customer, as for payments and
    // charges) finds the first refund.
    s << QStringLiteral("CREATE TABLE refunds ("
                        " id %1, payment_id %2 NOT NULL REFERENCES payments (id),"
                        " customer_id %2 NOT NULL REFERENCES customers (id),"
                        " amount %2 NOT NULL CHECK (amount > 0),"
                        " fee %2 NOT NULL CHECK (fee >= 0 AND fee <= amount),"
                        " fee_percent %2 NOT NULL CHECK (fee_percent BETWEEN 0 AND 100),"
                        " idempotency_key TEXT, refunded_at %2 NOT NULL,"
                        " terminal TEXT NOT NULL DEFAULT '', operator TEXT NOT NULL DEFAULT '')")
             .arg(id, big);
    s << QStringLiteral("CREATE UNIQUE INDEX refunds_idempotency ON refunds"
                        " (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL");
    s << QStringLiteral("CREATE INDEX refunds_payment ON refunds (payment_id)");
    s << QStringLiteral("CREATE INDEX refunds_at ON refunds (refunded_at)");
    // Which reservations a refund gave back. The reservation is the key: refunded at most once
    // (R3), whatever races. Each carries its price and its share of the fee (the shares add up
    // to the refund's fee), so a report sums refunds and fees per performance, tier and day
    // without splitting a refund after the fact.
    s << QStringLiteral("CREATE TABLE refund_items ("
                        " reservation_id %1 PRIMARY KEY REFERENCES reservations (id),"
                        " refund_id %1 NOT NULL REFERENCES refunds (id),"
                        " amount %1 NOT NULL CHECK (amount > 0),"
                        " fee %1 NOT NULL CHECK (fee >= 0 AND fee <= amount))")
             .arg(big);
    s << QStringLiteral("CREATE INDEX refund_items_refund ON refund_items (refund_id)");

    // The REFUND ledger entry names its refund, once. Who took a charge, a payment or a refund
    // is recorded where the money is, so the per-operator cash-up (design S1) is a plain sum;
    // empty: the customer's own, through the API or the kiosk.
    s << QStringLiteral("ALTER TABLE ledger ADD COLUMN refund_id %1 REFERENCES refunds (id)")
             .arg(big);
    s << QStringLiteral("CREATE UNIQUE INDEX ledger_refund ON ledger (refund_id)"
                        " WHERE refund_id IS NOT NULL");
    s << QStringLiteral("ALTER TABLE ledger ADD COLUMN operator TEXT NOT NULL DEFAULT ''");
    s << QStringLiteral("ALTER TABLE payments ADD COLUMN operator TEXT NOT NULL DEFAULT ''");

    // Every staff action, appended. The database itself refuses to change or remove a row, so
    // the log holds even against a service with a bug or a hand at a SQL prompt.
    if (sqlite) {
        s << QStringLiteral("CREATE TABLE audit_log ("
                            " id INTEGER PRIMARY KEY, at INTEGER NOT NULL,"
                            " terminal TEXT NOT NULL, operator TEXT NOT NULL,"
                            " action TEXT NOT NULL CHECK (action <> ''),"
                            " detail TEXT NOT NULL CHECK (json_valid(detail)))");
        for (const char* event : {"UPDATE", "DELETE"}) {
            s << QStringLiteral("CREATE TRIGGER audit_log_no_%1 BEFORE %2 ON audit_log"
                                " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
                     .arg(QString::fromLatin1(event).toLower(), QLatin1String(event));
        }
    } else {
        s << QStringLiteral("CREATE TABLE audit_log ("
                            " id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL,"
                            " terminal TEXT NOT NULL, operator TEXT NOT NULL,"
                            " action TEXT NOT NULL CHECK (action <> ''), detail JSONB NOT NULL)");
        s << QStringLiteral("CREATE OR REPLACE FUNCTION boxoffice_audit_append_only()"
                            " RETURNS trigger AS $$ BEGIN"
                            " RAISE EXCEPTION 'audit_log is append-only'; END $$"
                            " LANGUAGE plpgsql");
        s << QStringLiteral("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE"
                            " ON audit_log FOR EACH ROW"
                            " EXECUTE FUNCTION boxoffice_audit_append_only()");
        s << QStringLiteral("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
                            " FOR EACH STATEMENT EXECUTE FUNCTION boxoffice_audit_append_only()");
        // Other terminals' screens follow tickets and check-ins as they follow reservations.
        for (const char* table : {"tickets", "checkins"}) {
            s << QStringLiteral("CREATE TRIGGER %1_notify AFTER INSERT OR UPDATE OR DELETE"
                                " ON %1 FOR EACH ROW EXECUTE FUNCTION boxoffice_notify_change()")
                     .arg(QLatin1String(table));
        }
    }
    s << QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)");
    return s;
}

// Version 5: which performance a change is about, so that a copy of one performance's seat list
// (the HTTP front's) outlives changes to the others. SQLite keeps a version per schedule, bumped
// by a trigger in the writer's own transaction (SQLite has one writer at a time, so the row costs
// no concurrency); a reader that sees PRAGMA data_version move reads them to learn which
// schedules moved. PostgreSQL's NOTIFY carries the schedule id instead: a shared row would make
// every hold on a performance wait for the one before it to commit.
QStringList version5(Dialect d)
{
    if (d == Dialect::Sqlite) {
        QStringList s = {
            QStringLiteral("CREATE TABLE seat_versions ("
                           " schedule_id INTEGER PRIMARY KEY REFERENCES schedules (id),"
                           " version INTEGER NOT NULL)")};
        for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
            const QLatin1String row(qstrcmp(event, "DELETE") == 0 ? "OLD" : "NEW");
            s << QStringLiteral("CREATE TRIGGER reservations_seat_version_%1 AFTER %2"
                                " ON reservations FOR EACH ROW BEGIN"
                                " INSERT INTO seat_versions (schedule_id, version)"
                                " VALUES (%3.schedule_id, 1) ON CONFLICT (schedule_id)"
                                " DO UPDATE SET version = version + 1; END")
                     .arg(QString::fromLatin1(event).toLower(), QLatin1String(event), row);
        }
        return s;
    }
    return {QStringLiteral(
        "CREATE OR REPLACE FUNCTION boxoffice_notify_change() RETURNS trigger AS $$ BEGIN"
        " IF TG_OP = 'DELETE' THEN"
        " PERFORM pg_notify('boxoffice_changes', OLD.schedule_id::text);"
        " ELSE PERFORM pg_notify('boxoffice_changes', NEW.schedule_id::text); END IF;"
        " RETURN NULL; END $$ LANGUAGE plpgsql")};
}

} // namespace

std::vector<QStringList> schemaMigrations(Dialect dialect)
{
    return {version1(dialect), version2(dialect), version3(dialect), version4(dialect),
            version5(dialect)};
}

} // namespace boxoffice
