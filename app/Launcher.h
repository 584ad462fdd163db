#pragma once

#include "CommandLine.h"
#include "engine/Engine.h"
#include "sales/TicketKeys.h"

#include <optional>

namespace boxoffice {

// Opens the storage an AppOptions names, seeding demo data into an empty database and giving
// tickets to seats sold before tickets existed. The error says what is wrong and where, in both
// languages; driver details go to the log only.
Result<std::unique_ptr<Engine>> openEngine(const AppOptions& options, const Clock& clock);
// Which terminal this program instance is: its name from the data folder
// (TerminalIdentity: AppDataLocation/terminal-id, made on the first start) and its ticket key
// (--ticket-key, or AppDataLocation/ticket-key.pem).
Result<TerminalSettings> terminalSettings(const AppOptions& options);

// The API key of --api-key-file; required (else an error line) when --listen is not loopback.
std::expected<QByteArray, QString> loadApiKey(const AppOptions& options);

// `boxoffice --serve`: the HTTP API and the scheduler, until the process is stopped.
int runServer(const AppOptions& options, const Clock& clock);
// `boxoffice --check`: W5 and integrity; exit code 0 when everything holds.
int runCheck(const AppOptions& options, const Clock& clock);

// ---- Tickets (design K2, K6) ----

// This terminal's signing key file: --ticket-key, or AppDataLocation's default for the mode.
// The key is made there on first need (TicketSigningKey::loadOrCreate).
QString ticketKeyPath(const AppOptions& options, TicketMode mode);
// Whether the command line asks for a ticket command (no window needed), in any spelling
// QCommandLineParser accepts (--verify-ticket CODE, --verify-ticket=CODE, -verify-ticket ...).
bool isTicketCommand(const QStringList& arguments);
// Runs the ticket command the options name, if any: --verify-ticket or --export-ticket-keys.
// The exit code; std::nullopt when there is none to run.
std::optional<int> runTicketCommand(const AppOptions& options);
// `boxoffice --verify-ticket CODE --ticket-keys FILE`: offline, no database opened. Prints the
// payload and returns 0, or why the code is not valid and 1; an unreadable key list is 2.
int runVerifyTicket(const AppOptions& options);
// `boxoffice --export-ticket-keys FILE`: the database's valid public keys as JSON; 0 or 1.
int runExportTicketKeys(const AppOptions& options);

} // namespace boxoffice
