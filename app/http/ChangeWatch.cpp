#include "http/ChangeWatch.h"

#include <QSqlDriver>

#include <libpq-fe.h>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <unordered_map>

namespace boxoffice {

namespace {

std::atomic<quint64> g_nextWatchId{1};

// The data_version each thread last read, by watch: it changes when another connection commits.
thread_local std::unordered_map<quint64, qint64> t_dataVersions;

// How long the listener waits before connecting again after losing its connection.
constexpr int kReconnectMs = 1000;

PGconn* pgHandle(Connection& conn)
{
    // Qt names the type after libpq's struct: "pg_conn*" (PGconn is its typedef).
    const QVariant h = conn.handle().driver()->handle();
    if (!h.isValid() ||
        (qstrcmp(h.typeName(), "pg_conn*") != 0 && qstrcmp(h.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn* const*>(h.constData());
}

} // namespace

ChangeWatch::ChangeWatch(std::shared_ptr<Database> db)
    : m_db(std::move(db)), m_id(g_nextWatchId.fetch_add(1))
{
    if (m_db->dialect() != Dialect::Postgres)
        return;
    m_wakeFd = eventfd(0, EFD_CLOEXEC);
    m_listener = std::thread([this] { listen(); });
    std::unique_lock lock(m_readyMutex);
    m_readyChanged.wait(lock, [this] { return m_ready; });
}

ChangeWatch::~ChangeWatch()
{
    if (!m_listener.joinable())
        return;
    m_stop = true;
    const quint64 one = 1;
    (void)::write(m_wakeFd, &one, sizeof one);
    m_listener.join();
    ::close(m_wakeFd);
}

Result<ChangeWatch::Stamp> ChangeWatch::stamp(qint64 scheduleId)
{
    const SeatChanges::Mark own = committedSeatChanges().of(scheduleId);
    if (m_db->dialect() == Dialect::Postgres) {
        // Deaf (no connection to listen on): nothing heard means nothing known, keep nothing.
        if (!m_listening)
            heardAbout(0);
        return Stamp{own, m_outside.of(scheduleId)};
    }
    const qint64 version = BO_TRY(m_db->dataVersion());
    const auto [seen, first] = t_dataVersions.try_emplace(m_id, version);
    if (first || seen->second != version) {
        seen->second = version;
        // Another connection committed (this process's or another's): the seat versions say
        // which performances it changed. Unreadable, every performance may have.
        if (!readSeatVersions())
            heardAbout(0);
    }
    return Stamp{own, m_outside.of(scheduleId)};
}

Result<void> ChangeWatch::readSeatVersions()
{
    const auto versions = BO_TRY(m_db->seatVersions());
    std::lock_guard lock(m_versionsMutex);
    const bool first = !std::exchange(m_versionsRead, true);
    if (first)
        heardAbout(0);
    for (const auto& [schedule, version] : versions) {
        auto [known, added] = m_versions.try_emplace(schedule, version);
        if (!added && known->second >= version)
            continue;
        known->second = version;
        if (!first)
            heardAbout(schedule);
    }
    return {};
}

void ChangeWatch::heardAbout(qint64 scheduleId)
{
    if (scheduleId > 0)
        m_outside.bump(scheduleId);
    else
        m_outside.bumpAll();
    m_heard.fetch_add(1);
}

void ChangeWatch::ready()
{
    std::lock_guard lock(m_readyMutex);
    m_ready = true;
    m_readyChanged.notify_all();
}

void ChangeWatch::listen()
{
    while (!m_stop) {
        auto conn = m_db->connection();
        if (conn && pgHandle(**conn) &&
            (*conn)->runOnce(QStringLiteral("LISTEN boxoffice_changes"))) {
            // Whatever was committed while nobody listened counts as a change.
            heardAbout(0);
            m_listening = true;
            ready();
            hear(**conn);
            m_listening = false;
            heardAbout(0);
            continue;
        }
        qWarning().noquote() << "http: cannot listen for other processes' changes:"
                             << (conn ? QStringLiteral("LISTEN failed")
                                      : conn.error().english + u' ' + conn.error().internal);
        ready();
        pollfd wake{m_wakeFd, POLLIN, 0};
        (void)::poll(&wake, 1, kReconnectMs);
    }
}

// Until the connection fails or the watch stops: every notification is a change to the
// performance it names.
void ChangeWatch::hear(Connection& conn)
{
    PGconn* pg = pgHandle(conn);
    pollfd fds[2] = {{PQsocket(pg), POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
    while (!m_stop) {
        // Notifications read along with a statement's answer wait in libpq already.
        // The trigger names the schedule; anything else (an older trigger's empty payload)
        // may be about any performance.
        while (PGnotify* n = PQnotifies(pg)) {
            bool ok = false;
            const qint64 schedule = QByteArray(n->extra).toLongLong(&ok);
            PQfreemem(n);
            heardAbout(ok ? schedule : 0);
        }
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (fds[1].revents != 0)
            return;
        if (PQconsumeInput(pg) == 0 || PQstatus(pg) != CONNECTION_OK) {
            // Marks the connection lost, so the next Database::connection() opens a new one.
            (void)conn.runOnce(QStringLiteral("SELECT 1"));
            qWarning().noquote() << "http: lost the connection that listens for changes:"
                                 << PQerrorMessage(pg);
            return;
        }
    }
}

} // namespace boxoffice
