#pragma once

#include "storage/Database.h"

#include <QStringList>
#include <vector>

namespace boxoffice {

// The schema migrations, oldest first: migration i brings the schema to version i + 1.
// Each is applied in its own transaction.
std::vector<QStringList> schemaMigrations(Dialect dialect);

} // namespace boxoffice
