#pragma once

#include "storage/Database.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace boxoffice {

// Tells a copy of one performance's seats (the HTTP front's seat lists) whether it may still be
// current: this process's commits through committedSeatChanges() (the repositories note which
// performance each write changed), other processes' through SQLite's PRAGMA data_version on the
// reading thread's connection and then the seat_versions a trigger keeps per performance, or on
// PostgreSQL the NOTIFY boxoffice_changes the reservations trigger sends with the schedule id,
// heard by a thread of its own.
class ChangeWatch
{
public:
    struct Stamp
    {
        SeatChanges::Mark own;     // this process's commits to the performance's seats
        SeatChanges::Mark outside; // what this process has heard of other processes' ones

        // Both only grow: data read after a stamp that is at least `other` holds every commit
        // a reader that took `other` must see.
        bool atLeast(const Stamp& other) const
        {
            return own.one >= other.own.one && own.all >= other.own.all &&
                   outside.one >= other.outside.one && outside.all >= other.outside.all;
        }
    };

    // On PostgreSQL, returns once the listener is listening (or has failed to; then, until it
    // does, no two stamps are equal, so nothing is kept).
    explicit ChangeWatch(std::shared_ptr<Database> db);
    ~ChangeWatch();
    ChangeWatch(const ChangeWatch&) = delete;
    ChangeWatch& operator=(const ChangeWatch&) = delete;

    // Taken on the thread that then reads the performance's seats, before it does: a copy made
    // after stamp A serves any reader whose stamp B it is atLeast (nothing committed since B
    // that A missed).
    Result<Stamp> stamp(qint64 scheduleId);
    // How often a change from outside this process was noticed (or, deaf, assumed), for any
    // performance. On PostgreSQL that counts every schema's changes in the database: NOTIFY
    // knows no schema.
    quint64 outsideChanges() const { return m_heard.load(); }
    // The same for one performance (changes that named none included).
    quint64 outsideChangesTo(qint64 scheduleId) const
    {
        const SeatChanges::Mark m = m_outside.of(scheduleId);
        return m.one + m.all;
    }

private:
    void listen();
    void hear(Connection& conn);
    void ready();

    std::shared_ptr<Database> m_db;
    const quint64 m_id; // this watch's entry in each thread's last data_version (SQLite)
    Result<void> readSeatVersions();
    void heardAbout(qint64 scheduleId); // 0: no performance named, all may have changed

    SeatChanges m_outside;
    std::atomic<quint64> m_heard{0};
    // SQLite: the highest seat version seen per performance, by any thread.
    std::mutex m_versionsMutex;
    std::unordered_map<qint64, qint64> m_versions;
    bool m_versionsRead = false;

    // PostgreSQL: the listening thread.
    std::atomic<bool> m_listening{false};
    std::atomic<bool> m_stop{false};
    int m_wakeFd = -1;
    std::mutex m_readyMutex;
    std::condition_variable m_readyChanged;
    bool m_ready = false;
    std::thread m_listener;
};

} // namespace boxoffice
