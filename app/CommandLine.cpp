#include "CommandLine.h"

#include "audit/Actor.h"

#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>

namespace boxoffice {

namespace {

std::expected<int, QString> wholeNumber(const QCommandLineParser& p, const QCommandLineOption& o,
                                        int min, int max)
{
    const QString name = o.names().constFirst();
    const QString text = p.value(o);
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max) {
        return std::unexpected(QStringLiteral("--%1: \"%2\" is not a whole number from %3 to %4")
                                   .arg(name, text)
                                   .arg(min)
                                   .arg(max));
    }
    return v;
}

struct TicketOptions
{
    QCommandLineOption key{QStringLiteral("ticket-key"),
                           QStringLiteral("This terminal's ticket signing key (a PEM file only its"
                                          " user can read; made on first need; default"
                                          " AppDataLocation/ticket-key.pem)."),
                           QStringLiteral("FILE")};
    QCommandLineOption verify{QStringLiteral("verify-ticket"),
                              QStringLiteral("Check a ticket code offline against --ticket-keys,"
                                             " print what it says, then exit (0 valid, 1 not)."),
                              QStringLiteral("CODE")};
    QCommandLineOption keys{QStringLiteral("ticket-keys"),
                            QStringLiteral("Public ticket keys for --verify-ticket (a file"
                                           " written by --export-ticket-keys)."),
                            QStringLiteral("FILE")};
    QCommandLineOption exportKeys{QStringLiteral("export-ticket-keys"),
                                  QStringLiteral("Write the database's valid public ticket keys"
                                                 " as JSON, for offline scanners, then exit."),
                                  QStringLiteral("FILE")};
};

// The ticket options' values and the combinations that make sense: --verify-ticket never
// touches a database, so nothing that needs one goes with it.
std::expected<void, QString> readTicketOptions(const QCommandLineParser& p, const TicketOptions& t,
                                               AppOptions& o)
{
    const auto path = [&](const QCommandLineOption& option,
                          QString* target) -> std::expected<void, QString> {
        if (!p.isSet(option))
            return {};
        *target = p.value(option).trimmed();
        if (target->isEmpty())
            return std::unexpected(
                QStringLiteral("--%1: the file name is empty").arg(option.names().constFirst()));
        return {};
    };
    if (auto r = path(t.key, &o.ticketKeyFile); !r)
        return r;
    if (auto r = path(t.keys, &o.ticketKeysFile); !r)
        return r;
    if (auto r = path(t.exportKeys, &o.exportTicketKeysFile); !r)
        return r;
    o.verifyTicketSet = p.isSet(t.verify);
    if (o.verifyTicketSet)
        o.verifyTicket = p.value(t.verify).trimmed(); // a scanner may add a newline
    if (o.verifyTicketSet && o.ticketKeysFile.isEmpty())
        return std::unexpected(QStringLiteral("--verify-ticket: give --ticket-keys FILE (the"
                                              " public keys written by --export-ticket-keys)"));
    if (!o.verifyTicketSet && !o.ticketKeysFile.isEmpty())
        return std::unexpected(QStringLiteral("--ticket-keys: only used with --verify-ticket"));
    if (o.verifyTicketSet &&
        (o.serve || o.check || !o.database.isEmpty() || !o.exportTicketKeysFile.isEmpty()))
        return std::unexpected(QStringLiteral("--verify-ticket: checks a code without any"
                                              " database; it cannot be combined with --serve,"
                                              " --check, --database or --export-ticket-keys"));
    if (!o.exportTicketKeysFile.isEmpty() && (o.serve || o.check))
        return std::unexpected(
            QStringLiteral("--export-ticket-keys: cannot be combined with --serve or --check"));
    return {};
}

} // namespace

QString defaultDatabasePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("boxoffice.sqlite"));
}

std::expected<AppOptions, QString> parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Box Office: sells concert seats."));
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"),
                                     QStringLiteral("Show the version."));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("Storage: a SQLite file, or postgres://user:pass@host:port/db."),
        QStringLiteral("PATH|URL"));
    const QCommandLineOption serve(QStringLiteral("serve"),
                                   QStringLiteral("Headless: no window, serve the HTTP API."));
    const QCommandLineOption check(
        QStringLiteral("check"),
        QStringLiteral("Verify the database's invariants (W5) and integrity, then exit."));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("HTTP address (default 127.0.0.1:8080)."),
                                    QStringLiteral("HOST:PORT"));
    const QCommandLineOption every(
        QStringLiteral("activate-every"),
        QStringLiteral("Queue admission period in seconds (default 10)."), QStringLiteral("S"));
    const QCommandLineOption count(QStringLiteral("activate-count"),
                                   QStringLiteral("Customers admitted per period (default 50)."),
                                   QStringLiteral("K"));
    const QCommandLineOption hold(QStringLiteral("hold-seconds"),
                                  QStringLiteral("Seat hold time (default 300)."),
                                  QStringLiteral("S"));
    const QCommandLineOption active(QStringLiteral("active-seconds"),
                                    QStringLiteral("Admitted token lifetime (default 600)."),
                                    QStringLiteral("S"));
    const QCommandLineOption idle(QStringLiteral("idle-seconds"),
                                  QStringLiteral("Waiting token evicted after this long unpolled"
                                                 " (default 300)."),
                                  QStringLiteral("S"));
    const QCommandLineOption maxHolds(QStringLiteral("max-holds"),
                                      QStringLiteral("Seats one customer may hold per schedule"
                                                     " (default 4)."),
                                      QStringLiteral("N"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("UI language: ko or en (default: system locale)."),
                                  QStringLiteral("ko|en"));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"),
                                   QStringLiteral("Full-screen self-service mode."));
    const QCommandLineOption kioskNoCharge(
        QStringLiteral("kiosk-no-charge"),
        QStringLiteral("With --kiosk: no wallet top-up at the kiosk; short balances are sent to"
                       " the counter."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Seed demo data into an empty database."));
    const QCommandLineOption apiKeyFile(QStringLiteral("api-key-file"),
                                        QStringLiteral("File holding the HTTP API key."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption operatorName(
        QStringLiteral("operator"),
        QStringLiteral("Who is working at this terminal, recorded with every staff action"
                       " (default: the window asks at start)."),
        QStringLiteral("NAME"));
    const QCommandLineOption refundFee(
        QStringLiteral("refund-fee-percent"),
        QStringLiteral("What the venue keeps of a refund, in percent (0-100, default 0)."),
        QStringLiteral("P"));
    const QCommandLineOption httpThreads(
        QStringLiteral("http-threads"),
        QStringLiteral("Threads serving the HTTP API (default: one per core)."),
        QStringLiteral("N"));
    const QCommandLineOption httpMaxConnections(
        QStringLiteral("http-max-connections"),
        QStringLiteral("Open HTTP connections beyond which clients are told to come back"
                       " (default 1000)."),
        QStringLiteral("N"));
    p.addOptions({help,
                  version,
                  database,
                  serve,
                  check,
                  listen,
                  every,
                  count,
                  hold,
                  active,
                  idle,
                  maxHolds,
                  lang,
                  kiosk,
                  kioskNoCharge,
                  demo,
                  apiKeyFile,
                  httpThreads,
                  httpMaxConnections,
                  operatorName,
                  refundFee});
    const TicketOptions ticketOptions;
    p.addOptions(
        {ticketOptions.key, ticketOptions.verify, ticketOptions.keys, ticketOptions.exportKeys});

    if (!p.parse(arguments))
        return std::unexpected(p.errorText());
    if (!p.positionalArguments().isEmpty()) {
        return std::unexpected(QStringLiteral("unexpected argument \"%1\" (options start with --)")
                                   .arg(p.positionalArguments().constFirst()));
    }

    AppOptions o;
    o.showHelp = p.isSet(help);
    o.showVersion = p.isSet(version);
    if (o.showHelp)
        o.helpText = p.helpText(); // needs the application object; main() may parse before it
    o.serve = p.isSet(serve);
    o.check = p.isSet(check);
    o.kiosk = p.isSet(kiosk);
    o.kioskNoCharge = p.isSet(kioskNoCharge);
    if (o.kioskNoCharge && !o.kiosk)
        return std::unexpected(QStringLiteral("--kiosk-no-charge: only with --kiosk"));
    o.demo = p.isSet(demo);
    if (o.serve && o.kiosk)
        return std::unexpected(QStringLiteral("--kiosk: cannot be combined with --serve"));
    if (p.isSet(database)) {
        o.database = p.value(database).trimmed();
        if (o.database.isEmpty())
            return std::unexpected(QStringLiteral("--database: the path is empty"));
    }
    if (p.isSet(listen)) {
        const QString text = p.value(listen);
        const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const int port = colon > 0 ? text.mid(colon + 1).toInt(&ok) : -1;
        QString host = colon > 0 ? text.left(colon) : QString();
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        QHostAddress address;
        if (host == QLatin1String("localhost"))
            address = QHostAddress(QHostAddress::LocalHost);
        else if (host == QLatin1String("*") || host == QLatin1String("0.0.0.0"))
            address = QHostAddress(QHostAddress::AnyIPv4);
        else
            address = QHostAddress(host);
        if (!ok || port < 0 || port > 65535 || address.isNull()) {
            return std::unexpected(
                QStringLiteral("--listen: \"%1\" is not HOST:PORT (for example 127.0.0.1:8080)")
                    .arg(text));
        }
        o.listenAddress = address;
        o.listenHost = host;
        o.listenPort = quint16(port);
    }
    struct IntOption
    {
        const QCommandLineOption& option;
        int* target;
        int min;
        int max;
    };
    const IntOption ints[] = {
        {every, &o.settings.activateEverySeconds, 1, 86400},
        {count, &o.settings.activateCount, 1, 1000000},
        {hold, &o.settings.holdSeconds, 1, 86400},
        {active, &o.settings.activeSeconds, 1, 86400},
        {idle, &o.settings.idleSeconds, 1, 86400},
        {maxHolds, &o.settings.maxHolds, 1, 100},
        {refundFee, &o.settings.refundFeePercent, 0, 100},
        {httpThreads, &o.http.threads, 1, 256},
        {httpMaxConnections, &o.http.maxConnections, 1, 100000},
    };
    for (const IntOption& i : ints) {
        if (!p.isSet(i.option))
            continue;
        auto v = wholeNumber(p, i.option, i.min, i.max);
        if (!v)
            return std::unexpected(v.error());
        *i.target = *v;
    }
    if (p.isSet(lang)) {
        o.lang = p.value(lang).toLower();
        if (o.lang != QLatin1String("ko") && o.lang != QLatin1String("en"))
            return std::unexpected(
                QStringLiteral("--lang: \"%1\" is not a language here (ko or en)")
                    .arg(p.value(lang)));
    }
    if (p.isSet(apiKeyFile))
        o.apiKeyFile = p.value(apiKeyFile);
    if (p.isSet(operatorName)) {
        const auto name = Actor::checkedName(p.value(operatorName));
        if (!name)
            return std::unexpected(QStringLiteral("--operator: %1").arg(name.error().english));
        if (o.kiosk)
            return std::unexpected(QStringLiteral("--operator: a kiosk is self-service; it has"
                                                  " no operator"));
        o.operatorName = *name;
    }
    if (auto r = readTicketOptions(p, ticketOptions, o); !r)
        return std::unexpected(r.error());
    return o;
}

} // namespace boxoffice
