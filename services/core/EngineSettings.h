#pragma once

namespace boxoffice {

// The timers and limits of design §1 and §6, settable from the command line (§3).
struct EngineSettings
{
    int activateEverySeconds = 10; // Q4: N
    int activateCount = 50;        // Q4: K
    int holdSeconds = 300;         // H2
    int activeSeconds = 600;       // Q6
    int idleSeconds = 300;         // Q6
    int maxHolds = 4;              // H3
    int refundFeePercent = 0;      // R2: what the venue keeps of a refund, 0–100
};

} // namespace boxoffice
