#include "Launcher.h"

#include "audit/TerminalIdentity.h"
#include "demo/DemoSeeder.h"
#include "engine/Scheduler.h"
#include "http/ApiServer.h"
#include "sales/TicketCode.h"
#include "storage/InvariantChecker.h"
#include "storage/TicketKeyRepository.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/stat.h>

namespace boxoffice {

namespace {

// People need to know which database is meant; the driver's own words go to the log.
Error forPeople(Error e, const QString& where)
{
    if (!e.internal.isEmpty())
        qWarning().noquote() << "boxoffice:" << e.codeName() << where << e.internal;
    if (!e.english.contains(where)) {
        e.korean += QStringLiteral(" (%1)").arg(where);
        e.english += QStringLiteral(" (%1)").arg(where);
    }
    e.internal.clear();
    return e;
}

} // namespace

Result<TerminalSettings> terminalSettings(const AppOptions& options)
{
    TerminalSettings t;
    const QString path = TerminalIdentity::defaultPath();
    auto id = TerminalIdentity::loadOrCreate(path);
    if (!id && QFileInfo::exists(path))
        return fail(id.error()); // a damaged name is the owner's to look at, not to replace
    if (!id) {
        // No data folder to keep a name in (a service user without a home, a read-only
        // disk): this run signs its records with a name of its own, and says so, rather than
        // refusing to start for want of a file only the audit log reads.
        t.id = TerminalIdentity::makeName();
        qWarning().noquote() << id.error().english << QStringLiteral("; this run is called")
                             << t.id;
    } else {
        t.id = *id;
    }
    t.ticketMode = TicketMode::Real;
    t.ticketKeyPath = ticketKeyPath(options, t.ticketMode);
    return t;
}

Result<std::unique_ptr<Engine>> openEngine(const AppOptions& options, const Clock& clock)
{
    DatabaseOptions db;
    db.location = options.database.isEmpty() ? defaultDatabasePath() : options.database;
    // The database first: what is wrong with it (read-only, damaged, unreachable) is what
    // people need to hear, before anything about this terminal's own files.
    auto database = Database::open(db);
    if (!database) {
        const QString where =
            isPostgresLocation(db.location) ? QStringLiteral("PostgreSQL") : db.location;
        return fail(forPeople(database.error(), where));
    }
    const TerminalSettings terminal = BO_TRY(terminalSettings(options));
    Result<std::unique_ptr<Engine>> engine =
        std::make_unique<Engine>(std::move(*database), options.settings, clock, terminal);
    const QString where = (*engine)->db->displayName();
    const auto seeded = DemoSeeder::seedIfEmpty(*(*engine)->db, clock);
    if (!seeded)
        return fail(forPeople(seeded.error(), where));
    if (*seeded) {
        // A fresh demo database also gets the stadium: 50,000 seats in sections and rows.
        if (const auto big = DemoSeeder::seedLargeVenue(*(*engine)->db, clock); !big)
            return fail(forPeople(big.error(), where));
    }
    if (options.demo && !*seeded)
        qInfo().noquote() << "--demo: the database already holds data; nothing seeded";
    // Seats sold before tickets existed (a database from before schema 4) get theirs now, so
    // that every sold seat has one (R4) before anyone asks for it.
    const auto issued = (*engine)->tickets.issueMissing();
    if (!issued)
        return fail(forPeople(issued.error(), where));
    if (*issued > 0)
        qInfo().noquote() << "boxoffice:" << *issued << "ticket(s) issued for earlier sales";
    return std::move(*engine);
}

std::expected<QByteArray, QString> loadApiKey(const AppOptions& options)
{
    const bool local = options.listenAddress.isLoopback();
    if (options.apiKeyFile.isEmpty()) {
        if (local)
            return QByteArray();
        return std::unexpected(QStringLiteral("--listen: %1 can be reached from other machines;"
                                              " give --api-key-file FILE (a file holding the key)")
                                   .arg(options.listenHost));
    }
    // As ssh refuses a private key others can read: a key anyone on the machine can read (or
    // replace) guards nothing.
    struct stat st = {};
    if (::stat(QFile::encodeName(options.apiKeyFile).constData(), &st) == 0 &&
        (st.st_mode & 077) != 0) {
        return std::unexpected(
            QStringLiteral("--api-key-file: other users can read or change %1 (mode %2); make it"
                           " private with: chmod 600 %1")
                .arg(options.apiKeyFile)
                .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    QFile f(options.apiKeyFile);
    if (!f.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("--api-key-file: cannot read %1 (%2)")
                                   .arg(options.apiKeyFile, f.errorString()));
    const QByteArray key = f.read(4096).trimmed();
    if (key.size() < 16)
        return std::unexpected(QStringLiteral("--api-key-file: the key in %1 is shorter than 16"
                                              " characters")
                                   .arg(options.apiKeyFile));
    return key;
}

namespace {

// Every connection is a descriptor: the soft limit (often 1024) goes up to what
// --http-max-connections needs, as far as the hard limit lets it.
void allowDescriptorsFor(const HttpLimits& limits)
{
    const rlim_t wanted = rlim_t(limits.maxConnections) * 5 / 4 + 256;
    rlimit lim{};
    if (::getrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur >= wanted)
        return;
    lim.rlim_cur = lim.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, lim.rlim_max);
    if (::setrlimit(RLIMIT_NOFILE, &lim) != 0 || lim.rlim_cur < wanted)
        qWarning().noquote() << "boxoffice: only" << lim.rlim_cur
                             << "open files allowed; fewer connections than"
                             << limits.maxConnections << "can be served";
}

} // namespace

int runServer(const AppOptions& options, const Clock& clock)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Anything but loopback is reachable from other machines: not without a key.
    const auto key = loadApiKey(options);
    if (!key) {
        err << "boxoffice: " << key.error() << Qt::endl;
        return 2;
    }
    auto engine = openEngine(options, clock);
    if (!engine) {
        err << "boxoffice: " << engine.error().message(Language::English) << Qt::endl;
        return 1;
    }
    allowDescriptorsFor(options.http);
    ApiServer api(**engine, options.http);
    api.setApiKey(*key);
    const auto port = api.listen(options.listenAddress, options.listenPort);
    if (!port) {
        err << "boxoffice: --listen: " << port.error() << Qt::endl;
        return 1;
    }
    Scheduler scheduler((*engine)->queue, (*engine)->reservations, clock, (*engine)->settings);
    scheduler.start();
    const QString host = options.listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + options.listenAddress.toString() + u']'
                             : options.listenAddress.toString();
    const int threads = api.limits().threadCount();
    out << "boxoffice: serving " << (*engine)->db->displayName() << " on http://" << host << ':'
        << *port << " (" << threads << (threads == 1 ? " thread" : " threads") << ", up to "
        << api.limits().maxConnections << " connections)" << Qt::endl;
    return QCoreApplication::exec();
}

int runCheck(const AppOptions& options, const Clock& clock)
{
    QTextStream out(stdout);
    DatabaseOptions db;
    db.location = options.database.isEmpty() ? defaultDatabasePath() : options.database;
    const QString where =
        isPostgresLocation(db.location) ? QStringLiteral("PostgreSQL") : db.location;
    auto database = Database::open(db);
    if (!database) {
        out << "check: cannot open: "
            << forPeople(database.error(), where).message(Language::English) << Qt::endl;
        return 1;
    }
    Q_UNUSED(clock);
    const auto report = InvariantChecker::check(**database);
    if (!report) {
        out << "check: " << forPeople(report.error(), where).message(Language::English) << Qt::endl;
        return 1;
    }
    out << "check: " << (*database)->displayName() << Qt::endl;
    out << "  customers " << report->customers << ", ledger entries " << report->ledgerEntries
        << ", payments " << report->payments << ", sold seats " << report->soldSeats
        << ", live holds " << report->liveHolds << Qt::endl;
    out << "  refunds " << report->refunds << ", refunded seats " << report->refundedSeats
        << ", valid tickets " << report->validTickets << ", check-ins " << report->checkIns
        << Qt::endl;
    for (const QString& p : report->problems)
        out << "  PROBLEM: " << p << Qt::endl;
    out << (report->ok() ? "check: all invariants hold" : "check: invariants BROKEN") << Qt::endl;
    return report->ok() ? 0 : 1;
}

// ---- Tickets (design K2, K6) ----

QString ticketKeyPath(const AppOptions& options, TicketMode mode)
{
    return options.ticketKeyFile.isEmpty() ? TicketSigningKey::defaultPath(mode)
                                           : options.ticketKeyFile;
}

bool isTicketCommand(const QStringList& arguments)
{
    for (const QString& a : arguments) {
        for (const QLatin1String name :
             {QLatin1String("verify-ticket"), QLatin1String("export-ticket-keys")}) {
            const QString bare = a.startsWith(QLatin1String("--")) ? a.mid(2)
                                 : a.startsWith(u'-')              ? a.mid(1)
                                                                   : QString();
            if (bare == name || bare.startsWith(name + u'='))
                return true;
        }
    }
    return false;
}

std::optional<int> runTicketCommand(const AppOptions& options)
{
    if (options.verifyTicketSet)
        return runVerifyTicket(options);
    if (!options.exportTicketKeysFile.isEmpty())
        return runExportTicketKeys(options);
    return std::nullopt;
}

int runVerifyTicket(const AppOptions& options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto keys = TicketKeySet::readFile(options.ticketKeysFile);
    if (!keys) {
        err << "boxoffice: --ticket-keys: " << keys.error().message(Language::English) << Qt::endl;
        return 2;
    }
    const auto payload = TicketCode::verify(options.verifyTicket, *keys, TicketMode::Real);
    if (!payload) {
        out << "ticket: INVALID "
            << payload.error().extra.value(QStringLiteral("reason")).toString() << Qt::endl
            << "  " << payload.error().message(Language::English) << Qt::endl
            << "  " << payload.error().message(Language::Korean) << Qt::endl;
        return 1;
    }
    const TicketKeyInfo* key = keys->find(payload->keyId);
    out << "ticket: VALID" << Qt::endl
        << "  ticket id:      " << payload->ticketId << Qt::endl
        << "  reservation id: " << payload->reservationId << Qt::endl
        << "  schedule id:    " << payload->scheduleId << Qt::endl
        << "  seat:           " << payload->seatLabel << Qt::endl
        << "  issue:          " << payload->issueNumber << Qt::endl
        << "  key id:         " << payload->keyId.toHex() << " (" << key->terminal << ')'
        << Qt::endl
        << "  training:       " << (payload->training ? "yes" : "no") << Qt::endl;
    // Whether this is the current code of its seat, or already used, only the database knows:
    // a signature says who issued it, not that it was not revoked or scanned since.
    out << "  (signature and key checked offline; revocation and check-in need the database)"
        << Qt::endl;
    return 0;
}

int runExportTicketKeys(const AppOptions& options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    DatabaseOptions db;
    db.location = options.database.isEmpty() ? defaultDatabasePath() : options.database;
    // Exporting reads keys that terminals registered; a database made here would have none.
    if (!isPostgresLocation(db.location) && !QFileInfo::exists(db.location)) {
        err << "boxoffice: --export-ticket-keys: there is no database at " << db.location
            << Qt::endl;
        return 1;
    }
    auto database = Database::open(db);
    if (!database) {
        const QString where =
            isPostgresLocation(db.location) ? QStringLiteral("PostgreSQL") : db.location;
        err << "boxoffice: " << forPeople(database.error(), where).message(Language::English)
            << Qt::endl;
        return 1;
    }
    auto conn = (*database)->connection();
    auto keys =
        conn ? TicketKeyRepository::validKeys(**conn) : Result<TicketKeySet>(fail(conn.error()));
    if (!keys) {
        err << "boxoffice: "
            << forPeople(keys.error(), (*database)->displayName()).message(Language::English)
            << Qt::endl;
        return 1;
    }
    if (auto written = keys->writeFile(options.exportTicketKeysFile); !written) {
        err << "boxoffice: --export-ticket-keys: " << written.error().message(Language::English)
            << Qt::endl;
        return 1;
    }
    out << "boxoffice: " << keys->keys().size() << " ticket key(s) from "
        << (*database)->displayName() << " written to " << options.exportTicketKeysFile << Qt::endl;
    return 0;
}

} // namespace boxoffice
