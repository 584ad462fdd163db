#pragma once

#include "storage/Database.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace boxoffice {

// Tells a copy of database data (the HTTP front's seat lists) whether it may still be current:
// this process's commits through Database::committedWrites(), other processes' through SQLite's
// PRAGMA data_version on the reading thread's connection, or on PostgreSQL the reservations
// trigger's NOTIFY boxoffice_changes, heard by a thread of its own.
class ChangeWatch
{
public:
    struct Stamp
    {
        quint64 writes = 0;  // this process's commits
        quint64 outside = 0; // what this process has heard of other processes' commits

        // Both only grow: data read after a stamp that is at least `other` holds every commit
        // a reader that took `other` must see.
        bool atLeast(const Stamp& other) const
        {
            return writes >= other.writes && outside >= other.outside;
        }
    };

    // On PostgreSQL, returns once the listener is listening (or has failed to; then, until it
    // does, no two stamps are equal, so nothing is kept).
    explicit ChangeWatch(std::shared_ptr<Database> db);
    ~ChangeWatch();
    ChangeWatch(const ChangeWatch&) = delete;
    ChangeWatch& operator=(const ChangeWatch&) = delete;

    // Taken on the thread that then reads the data, before it does: a copy made after stamp A
    // serves any reader whose stamp B it is atLeast (nothing committed since B that A missed).
    Result<Stamp> stamp();
    // How often a change from outside this process was noticed (or, deaf, assumed). On
    // PostgreSQL that counts every schema's changes in the database: NOTIFY knows no schema.
    quint64 outsideChanges() const { return m_outside.load(); }

private:
    void listen();
    void hear(Connection& conn);
    void ready();

    std::shared_ptr<Database> m_db;
    const quint64 m_id; // this watch's entry in each thread's last data_version (SQLite)
    std::atomic<quint64> m_outside{1};

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
