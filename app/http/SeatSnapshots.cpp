#include "http/SeatSnapshots.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace boxoffice {

namespace {

// What the kept lists may hold together (the stadium's is about 2.3 MB); the least recently
// asked for go first.
constexpr qsizetype kMaxBytes = 64 * 1024 * 1024;

} // namespace

SeatSnapshots::SeatSnapshots(CatalogueService& catalogue, const Clock& clock, ChangeWatch& changes)
    : m_catalogue(catalogue), m_clock(clock), m_changes(changes)
{}

bool SeatSnapshots::fresh(const std::shared_ptr<const Snapshot>& s, const ChangeWatch::Stamp& stamp,
                          qint64 nowMs)
{
    return s && s->stamp.atLeast(stamp) && nowMs < s->validUntilMs;
}

SeatSnapshots::Slot& SeatSnapshots::slotFor(qint64 scheduleId)
{
    std::lock_guard lock(m_mutex);
    auto& slot = m_slots[scheduleId];
    if (!slot)
        slot = std::make_unique<Slot>();
    slot->lastUsed = ++m_uses;
    return *slot;
}

std::shared_ptr<const SeatSnapshots::Snapshot> SeatSnapshots::currentOf(Slot& slot)
{
    std::lock_guard lock(m_mutex);
    return slot.current;
}

void SeatSnapshots::store(Slot& slot, std::shared_ptr<const Snapshot> snapshot)
{
    std::lock_guard lock(m_mutex);
    m_bytes -= slot.current ? slot.current->json.size() : 0;
    m_bytes += snapshot->json.size();
    slot.current = std::move(snapshot);
    while (m_bytes > kMaxBytes) {
        Slot* oldest = nullptr;
        for (auto& [id, other] : m_slots) {
            if (other.get() != &slot && other->current &&
                (!oldest || other->lastUsed < oldest->lastUsed))
                oldest = other.get();
        }
        if (!oldest)
            break;
        m_bytes -= oldest->current->json.size();
        oldest->current.reset();
    }
}

std::optional<Result<QByteArray>> SeatSnapshots::find(const ScheduleInfo& schedule, bool mayBlock)
{
    auto answer = [](const Snapshot& s) -> Result<QByteArray> {
        if (s.json.isEmpty())
            return fail(ErrorCode::NoAvailableSeats);
        return s.json;
    };
    const qint64 now = m_clock.nowMs();
    if (schedule.startsAtMs <= now)
        return fail(ErrorCode::NoAvailableSeats);
    const auto stamp = m_changes.stamp(schedule.id);
    if (!stamp)
        return fail(stamp.error());
    Slot& slot = slotFor(schedule.id);
    if (const auto s = currentOf(slot); fresh(s, *stamp, now))
        return answer(*s);
    if (!mayBlock)
        return std::nullopt;
    std::lock_guard building(slot.building);
    // Built while this one waited, from data read after this request's stamp: as good, even
    // if more was committed meanwhile (then the next request builds again).
    if (const auto s = currentOf(slot); fresh(s, *stamp, now))
        return answer(*s);
    auto built = build(schedule);
    if (!built)
        return fail(built.error());
    store(slot, *built);
    return answer(**built);
}

Result<std::shared_ptr<const SeatSnapshots::Snapshot>>
SeatSnapshots::build(const ScheduleInfo& schedule)
{
    auto snapshot = std::make_shared<Snapshot>();
    // Taken before the seats are read: a commit after it makes a later stamp differ.
    snapshot->stamp = BO_TRY(m_changes.stamp(schedule.id));
    const QList<SeatInfo> seats = BO_TRY(m_catalogue.seatMap(schedule.id, 0));
    snapshot->validUntilMs = schedule.startsAtMs;
    QJsonArray list;
    for (const SeatInfo& s : seats) {
        if (s.state == SeatState::HeldByOther || s.state == SeatState::HeldByMe) {
            snapshot->validUntilMs = std::min(snapshot->validUntilMs, s.holdExpiresAtMs);
        } else if (s.state == SeatState::Available) {
            list.append(QJsonObject{{QStringLiteral("seatNumber"), s.number},
                                    {QStringLiteral("price"), s.price},
                                    {QStringLiteral("tier"), s.tier}});
        }
    }
    if (!list.isEmpty()) {
        snapshot->json = QJsonDocument(QJsonObject{{QStringLiteral("scheduleId"), schedule.id},
                                                   {QStringLiteral("seats"), list}})
                             .toJson(QJsonDocument::Compact);
    }
    m_builds.fetch_add(1);
    return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

} // namespace boxoffice
