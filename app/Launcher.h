#pragma once

#include "CommandLine.h"
#include "engine/Engine.h"

namespace boxoffice {

// Opens the storage an AppOptions names, seeding demo data into an empty database. The error
// says what is wrong and where, in both languages; driver details go to the log only.
Result<std::unique_ptr<Engine>> openEngine(const AppOptions& options, const Clock& clock);

// The API key of --api-key-file; required (else an error line) when --listen is not loopback.
std::expected<QByteArray, QString> loadApiKey(const AppOptions& options);

// `boxoffice --serve`: the HTTP API and the scheduler, until the process is stopped.
int runServer(const AppOptions& options, const Clock& clock);
// `boxoffice --check`: W5 and integrity; exit code 0 when everything holds.
int runCheck(const AppOptions& options, const Clock& clock);

} // namespace boxoffice
