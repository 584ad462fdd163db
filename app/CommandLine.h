#pragma once

#include "core/EngineSettings.h"
#include "http/HttpRules.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <expected>

namespace boxoffice {

// What `boxoffice` was asked to do (design §3).
struct AppOptions
{
    QString database; // empty: AppDataLocation/boxoffice.sqlite
    bool serve = false;
    bool check = false;
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8080;
    EngineSettings settings;
    QString lang; // "ko", "en" or empty (system locale)
    bool kiosk = false;
    bool kioskNoCharge = false; // a kiosk that sends short balances to the counter
    bool demo = false;
    QString apiKeyFile;
    // Tickets (design K2, K6).
    QString ticketKeyFile;        // --ticket-key FILE; empty: AppDataLocation/ticket-key.pem
    QString verifyTicket;         // --verify-ticket CODE, checked offline against ...
    QString ticketKeysFile;       // ... --ticket-keys FILE (exported public keys)
    bool verifyTicketSet = false; // --verify-ticket given (an empty CODE is still a question)
    QString exportTicketKeysFile; // --export-ticket-keys FILE
    // Who is at this terminal (design R5): --operator NAME; empty: the window asks at start.
    QString operatorName;
    HttpLimits http; // --http-threads, --http-max-connections
    bool showHelp = false;
    bool showVersion = false;
    QString helpText;
};

// Parses argv (without touching anything). An error is one line naming the option.
std::expected<AppOptions, QString> parseCommandLine(const QStringList& arguments);

// The default database file: AppDataLocation/boxoffice.sqlite.
QString defaultDatabasePath();

} // namespace boxoffice
