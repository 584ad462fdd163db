#pragma once

#include "core/Error.h"

#include <QString>

namespace boxoffice {

// This program instance's name on everything it records: audit rows, refunds, check-ins and
// its ticket key (design K2, R5). Each instance with its own data folder is a terminal. The
// name is kept in <data folder>/terminal-id, made on the first start from the host name and
// 32 random bits ("counter-pc-3f9a1c2e"): two instances with their own folders on one machine
// differ, and one keeps its name across restarts and database moves.
class TerminalIdentity
{
public:
    // AppDataLocation/terminal-id.
    static QString defaultPath();
    // The name in `path`, made and written there if the file does not exist yet (several
    // processes starting at once all end up with the one that was written first). A file that
    // does not hold a name (empty, too long, characters other than letters, digits, '.', '_',
    // '-') is refused with the path in the message, not replaced.
    static Result<QString> loadOrCreate(const QString& path);
    // A new name as loadOrCreate() would make one, kept nowhere.
    static QString makeName();
    // Whether `name` is one loadOrCreate() would keep.
    static bool isValidName(QStringView name);
    static constexpr int kMaxLength = 64;
};

} // namespace boxoffice
