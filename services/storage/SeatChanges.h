#pragma once

#include <QtGlobal>

#include <array>
#include <atomic>
#include <cstddef>

namespace boxoffice {

// A counter per performance that only grows: a copy of one performance's seats taken when its
// counter read v is current while the counter still reads v. Schedules whose ids are equal
// modulo kSlots share a counter; a collision only makes a copy rebuilt sooner. `all` moves for a
// change that names no performance, and makes every copy stale.
class SeatChanges
{
public:
    static constexpr std::size_t kSlots = 1024;

    struct Mark
    {
        quint64 one = 0;
        quint64 all = 0;
        bool operator==(const Mark&) const = default;
    };

    Mark of(qint64 scheduleId) const
    {
        return {slot(scheduleId).load(std::memory_order_acquire),
                m_all.load(std::memory_order_acquire)};
    }
    void bump(qint64 scheduleId) { slot(scheduleId).fetch_add(1, std::memory_order_release); }
    void bumpAll() { m_all.fetch_add(1, std::memory_order_release); }

private:
    std::atomic<quint64>& slot(qint64 id) { return m_slots[std::size_t(quint64(id) % kSlots)]; }
    const std::atomic<quint64>& slot(qint64 id) const
    {
        return m_slots[std::size_t(quint64(id) % kSlots)];
    }

    std::array<std::atomic<quint64>, kSlots> m_slots{};
    std::atomic<quint64> m_all{0};
};

// The reservation changes this process has committed, by performance, on any Database and
// thread: WriteTransaction::commit bumps what the repositories noted (Connection::noteSeatChange)
// once the commit succeeded, so a reader that sees the counter move also sees the change.
SeatChanges& committedSeatChanges();

} // namespace boxoffice
