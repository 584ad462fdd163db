#include "engine/ChangeWatch.h"

#include "storage/Database.h"

#include <QDebug>

namespace boxoffice {

ChangeWatch::ChangeWatch(Database& db, QObject* parent) : QObject(parent), m_db(db) {}

void ChangeWatch::look()
{
    const auto version = m_db.dataVersion();
    if (!version) {
        if (!m_down) {
            m_down = true;
            Error e = version.error();
            qWarning().noquote() << "change watch:" << e.codeName() << e.internal;
            e.internal.clear();
            Q_EMIT unavailable(e);
        }
        return;
    }
    if (m_down) {
        m_down = false;
        Q_EMIT available();
    }
    const bool changedSince = m_version >= 0 && *version != m_version;
    m_version = *version;
    if (changedSince)
        Q_EMIT changed();
}

} // namespace boxoffice
