#pragma once

#include "http/ChangeWatch.h"
#include "sales/CatalogueService.h"

#include <QByteArray>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace boxoffice {

// The seat list of a schedule (design C3) as the API sends it, built once and kept until that
// list may have changed: a commit this process can know of (ChangeWatch), a hold in it running
// out, the performance starting. So a 50,000-seat list costs one build however many clients
// ask for it, or hang up before it is sent.
class SeatSnapshots
{
public:
    SeatSnapshots(CatalogueService& catalogue, const Clock& clock, ChangeWatch& changes);

    // The answer body for the schedule's available seats, or NO_AVAILABLE_SEATS. Nothing when
    // a build is needed and the caller may not block (then it asks again where it may). The
    // caller has checked the token for the schedule's concert.
    std::optional<Result<QByteArray>> find(const ScheduleInfo& schedule, bool mayBlock);

    // How many lists were built (tests and benchmarks count the work).
    qint64 builds() const { return m_builds.load(); }

private:
    struct Snapshot
    {
        ChangeWatch::Stamp stamp;
        qint64 validUntilMs = 0; // the first hold to run out, or the performance's start
        QByteArray json;         // empty: no seat available
    };
    struct Slot
    {
        std::mutex building; // one build at a time; the others wait for it
        std::shared_ptr<const Snapshot> current;
        quint64 lastUsed = 0;
    };

    static bool fresh(const std::shared_ptr<const Snapshot>& s, const ChangeWatch::Stamp& stamp,
                      qint64 nowMs);
    Slot& slotFor(qint64 scheduleId);
    std::shared_ptr<const Snapshot> currentOf(Slot& slot);
    void store(Slot& slot, std::shared_ptr<const Snapshot> snapshot);
    Result<std::shared_ptr<const Snapshot>> build(const ScheduleInfo& schedule);

    CatalogueService& m_catalogue;
    const Clock& m_clock;
    ChangeWatch& m_changes;
    std::atomic<qint64> m_builds{0};

    std::mutex m_mutex; // the slots, their `current` and `lastUsed`, and the byte count
    std::unordered_map<qint64, std::unique_ptr<Slot>> m_slots;
    qsizetype m_bytes = 0;
    quint64 m_uses = 0;
};

} // namespace boxoffice
