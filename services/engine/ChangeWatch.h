#pragma once

#include "core/Error.h"

#include <QObject>

namespace boxoffice {

class Database;

// Notices other terminals' commits (SQLite's PRAGMA data_version, PostgreSQL's NOTIFY) and a
// database that stops or starts answering, one look at a time. Lives on the thread whose
// connection it looks through (the engine's worker); EngineHost asks it to look every kIntervalMs.
class ChangeWatch : public QObject
{
    Q_OBJECT

public:
    // Often enough that a sale shows everywhere within a second; a look is one cheap statement.
    static constexpr qint64 kIntervalMs = 250;

    explicit ChangeWatch(Database& db, QObject* parent = nullptr);

    // Emits changed() if someone committed since the last look, and unavailable() or
    // available() when the database's state changes.
    void look();
    bool isAvailable() const { return !m_down; }

Q_SIGNALS:
    void changed();
    void unavailable(const boxoffice::Error& error);
    void available();

private:
    Database& m_db;
    qint64 m_version = -1;
    bool m_down = false;
};

} // namespace boxoffice
