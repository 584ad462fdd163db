#pragma once

#include <QString>
#include <QStringList>

namespace boxoffice {

// The command line that starts this program again on another database: the same options with
// --database (in any spelling QCommandLineParser takes) replaced. `arguments` without the
// program's name.
QStringList relaunchArguments(const QStringList& arguments, const QString& database);

// Starts this program again on `database` (a new process; the caller then closes its window).
// False, with nothing started, when the program could not be started.
bool relaunchOn(const QString& database);

} // namespace boxoffice
