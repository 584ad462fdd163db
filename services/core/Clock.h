#pragma once

#include <QtGlobal>

#include <atomic>

namespace boxoffice {

// Source of "now" for every service (design T1): UTC milliseconds since the epoch.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
};

// The wall clock; the only place in the product that reads it.
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that moves only when told to; tests and the trainer's demo drive it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'767'225'600'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }
    void advanceSeconds(qint64 s) { m_now.fetch_add(s * 1000); }

private:
    std::atomic<qint64> m_now;
};

} // namespace boxoffice
