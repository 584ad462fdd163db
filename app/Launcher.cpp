#include "Launcher.h"

#include "demo/DemoSeeder.h"
#include "engine/Scheduler.h"
#include "http/ApiServer.h"
#include "storage/InvariantChecker.h"

#include <QCoreApplication>
#include <QFile>
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

Result<std::unique_ptr<Engine>> openEngine(const AppOptions& options, const Clock& clock)
{
    DatabaseOptions db;
    db.location = options.database.isEmpty() ? defaultDatabasePath() : options.database;
    auto engine = Engine::open(db, options.settings, clock);
    if (!engine) {
        const QString where =
            isPostgresLocation(db.location) ? QStringLiteral("PostgreSQL") : db.location;
        return fail(forPeople(engine.error(), where));
    }
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
    for (const QString& p : report->problems)
        out << "  PROBLEM: " << p << Qt::endl;
    out << (report->ok() ? "check: all invariants hold" : "check: invariants BROKEN") << Qt::endl;
    return report->ok() ? 0 : 1;
}

} // namespace boxoffice
