#include "common/ConnectionWatch.h"

#include "Format.h"
#include "engine/EngineHost.h"

namespace boxoffice {

ConnectionWatch::ConnectionWatch(EngineHost& host, QObject* parent) : QObject(parent)
{
    connect(&host, &EngineHost::databaseUnavailable, this, [this](const Error& e) {
        m_unavailable = errorText(e);
        update();
    });
    connect(&host, &EngineHost::databaseAvailable, this, [this] {
        m_unavailable.clear();
        update();
    });
    connect(&host, &EngineHost::stalledChanged, this, [this](bool stalled) {
        m_stalled = stalled;
        update();
    });
    // A window made while the database is already out of reach says so from the start, not
    // only once it changes.
    if (!host.isDatabaseAvailable())
        m_unavailable = errorText(Error::make(ErrorCode::StorageUnavailable));
    m_stalled = host.isStalled();
    m_said = problem();
}

QString ConnectionWatch::problem() const
{
    if (!m_unavailable.isEmpty())
        return m_unavailable;
    if (m_stalled)
        return tr("The database is not answering. Waiting for it; what was asked is kept until it"
                  " answers.");
    return {};
}

void ConnectionWatch::update()
{
    const QString now = problem();
    if (now == m_said)
        return;
    const bool wasShown = !m_said.isEmpty();
    m_said = now;
    Q_EMIT problemChanged(now);
    if (wasShown && now.isEmpty())
        Q_EMIT back();
}

} // namespace boxoffice
