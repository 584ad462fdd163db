#pragma once

#include "sales/TicketKeys.h"

#include <QString>

namespace boxoffice {

// Which terminal an engine is (design K2, R5): the name on its records and the key it signs
// tickets with. The program takes both from its data folder (TerminalIdentity, --ticket-key);
// tests leave the defaults.
struct TerminalSettings
{
    QString id = QStringLiteral("local");
    // Empty: a signing key made in memory for the engine's life (tests and tools that keep no
    // key file); the program always names a file.
    QString ticketKeyPath;
    // The kind of ticket this terminal signs and its door accepts (training: X1).
    TicketMode ticketMode = TicketMode::Real;
};

} // namespace boxoffice
