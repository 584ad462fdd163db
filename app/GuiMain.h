#pragma once

#include "CommandLine.h"

namespace boxoffice {

class Clock;

// The desktop application: main window (or kiosk) over the engine.
int runGui(const AppOptions& options, const Clock& clock);

} // namespace boxoffice
