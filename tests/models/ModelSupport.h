#pragma once

// For tests of what reads through the EngineHost (the item models here, the widgets over them
// in tests/views): holding the engine's worker on purpose, moving time so that each timer's call
// lands before the clock moves on, and spying on the signals that make a view lose its place.

#include "support/TestSupport.h"

#include <QAbstractItemModel>
#include <QSemaphore>
#include <QSignalSpy>

#include <memory>

namespace boxoffice::test {

// Holds the host's worker inside a call until released (or destroyed), as a database that does
// not answer would: calls made meanwhile queue up behind it, in order.
class EngineGate
{
public:
    explicit EngineGate(EngineHost& host)
        : m_gate(std::make_shared<QSemaphore>()), m_inside(std::make_shared<QSemaphore>())
    {
        m_blocked = host.call([gate = m_gate, inside = m_inside](Engine&) -> Result<void> {
            inside->release();
            gate->acquire();
            return {};
        });
        m_inside->acquire(); // the worker is in it now, not merely asked
    }
    ~EngineGate()
    {
        release();
        m_blocked.waitForFinished();
    }
    EngineGate(const EngineGate&) = delete;
    EngineGate& operator=(const EngineGate&) = delete;

    void release()
    {
        if (!std::exchange(m_released, true))
            m_gate->release();
    }

private:
    std::shared_ptr<QSemaphore> m_gate;
    std::shared_ptr<QSemaphore> m_inside;
    QFuture<Result<void>> m_blocked;
    bool m_released = false;
};

// Moves the clock `ms` forward in steps of at most `stepMs`, letting what the timers asked of
// the worker come back after each step: a poll or a read then sees the clock of its own step,
// not wherever a long jump happens to be when the worker gets to it.
inline bool advanceSettled(ManualClock& clock, EngineHost& host, qint64 ms, qint64 stepMs = 1000)
{
    while (ms > 0) {
        const qint64 step = std::min(ms, stepMs);
        clock.advanceMs(step);
        ms -= step;
        if (!settleHost(host))
            return false;
    }
    return true;
}

// Spies on every signal that would make a view drop its selection or scroll position.
struct ResetSpies
{
    explicit ResetSpies(QAbstractItemModel* m)
        : aboutToReset(m, &QAbstractItemModel::modelAboutToBeReset),
          reset(m, &QAbstractItemModel::modelReset),
          aboutToChangeLayout(m, &QAbstractItemModel::layoutAboutToBeChanged),
          layoutChanged(m, &QAbstractItemModel::layoutChanged),
          rowsInserted(m, &QAbstractItemModel::rowsInserted),
          rowsRemoved(m, &QAbstractItemModel::rowsRemoved)
    {}
    int total() const
    {
        return int(aboutToReset.count() + reset.count() + aboutToChangeLayout.count() +
                   layoutChanged.count() + rowsInserted.count() + rowsRemoved.count());
    }
    QSignalSpy aboutToReset;
    QSignalSpy reset;
    QSignalSpy aboutToChangeLayout;
    QSignalSpy layoutChanged;
    QSignalSpy rowsInserted;
    QSignalSpy rowsRemoved;
};

} // namespace boxoffice::test
