// The seat list served from a snapshot (design A8: an answer whose client has gone costs no
// more work), on both engines: one build however many clients ask, or hang up, while nothing
// changes; never a seat state older than a change this process can see, whether the change was
// committed here (the repositories note each write's performance), by another process (SQLite's
// data_version, then its seat_versions; or PostgreSQL's NOTIFY naming the schedule, which
// arrives a moment later), or is a hold running out on the clock. A change to one performance
// leaves the others' lists as they were.

#include "http/ApiServer.h"
#include "http/ChangeWatch.h"
#include "http/SeatSnapshots.h"
#include "support/TestSupport.h"

#include "RawHttp.h"

#include <QJsonArray>

#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// A connection of the test's own, as another process would have: its commits go past this
// process's count of write transactions.
class Outsider
{
public:
    explicit Outsider(const TestEngine& t)
    {
        if (t.isPostgres()) {
            const QUrl url(t.location());
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), kName);
            m_db.setHostName(url.host());
            m_db.setPort(url.port(5432));
            m_db.setUserName(url.userName());
            m_db.setPassword(url.password());
            m_db.setDatabaseName(url.path().mid(1));
            m_db.setConnectOptions(QStringLiteral("options='-csearch_path=%1'").arg(t.schema()));
        } else {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kName);
            m_db.setDatabaseName(t.location());
        }
        if (!m_db.open())
            qFatal("outsider: %s", qPrintable(m_db.lastError().text()));
    }
    ~Outsider()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(kName);
    }
    bool run(const QString& sql, const QVariantList& args)
    {
        QSqlQuery q(m_db);
        q.prepare(sql);
        for (int i = 0; i < args.size(); ++i)
            q.bindValue(i, args[i]);
        return q.exec();
    }

private:
    static constexpr auto kName = "tst_seatsnapshot-outsider";
    QSqlDatabase m_db;
};

// Builds since it was made, against changes noticed from outside since: on SQLite nothing
// outside writes, so no build may happen; the PostgreSQL test server is shared by tests running
// side by side, and NOTIFY cannot tell their schemas from this one, so each notification may
// cost one build, never more.
class Rebuilds
{
public:
    // scheduleId: count only what was heard about that performance (0: about any).
    explicit Rebuilds(const ApiServer& api, qint64 scheduleId = 0)
        : m_api(api), m_schedule(scheduleId), m_builds(api.seatSnapshots().builds()),
          m_outside(heard())
    {}
    qint64 builds() const { return m_api.seatSnapshots().builds() - m_builds; }
    qint64 outside() const { return qint64(heard() - m_outside); }
    bool noneUncalledFor() const { return builds() <= outside(); }
    QString describe() const
    {
        return QStringLiteral("%1 builds for %2 changes noticed").arg(builds()).arg(outside());
    }

private:
    quint64 heard() const
    {
        return m_schedule ? m_api.changes().outsideChangesTo(m_schedule)
                          : m_api.changes().outsideChanges();
    }

    const ApiServer& m_api;
    const qint64 m_schedule;
    const qint64 m_builds;
    const quint64 m_outside;
};

} // namespace

class TestSeatSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oneBuildWhileNothingChanges();
    void holdCommittedHereShowsAtOnce();
    void holdRunningOutShowsAtOnce();
    void startedPerformanceHasNoSeats();
    void changeByAnotherProcessShows();
    void changeToAnotherPerformanceKeepsTheList();
    void anotherProcessChangingAnotherPerformanceKeepsTheList();
    void abandonedListRequestsCostOneBuild();
    void listClientsDoNotHoldAPoll();

private:
    // The seat numbers of a schedule's list as a client gets it (empty: not a 200).
    QList<int> seatNumbers(qint64 scheduleId, const QByteArray& bearer);
    qint64 seedStadium();

    std::unique_ptr<TestEngine> m_t;
    std::unique_ptr<ApiServer> m_api;
    quint16 m_port = 0;
    qint64 m_schedule = 0;
    qint64 m_otherSchedule = 0; // another performance of the same concert
    QByteArray m_bearer;
};

void TestSeatSnapshot::init()
{
    m_t = std::make_unique<TestEngine>();
    auto front = startFront(**m_t, HttpLimits{});
    QVERIFY2(front, front ? "" : qPrintable(front.error()));
    std::tie(m_api, m_port) = std::move(*front);
    const auto schedules = m_t->engine->catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    QVERIFY(schedules->size() >= 2);
    m_schedule = schedules->constFirst().id;
    m_otherSchedule = schedules->at(1).id;
    m_bearer = "Bearer " + m_t->activeToken(1, 1).toLatin1();
}

void TestSeatSnapshot::cleanup()
{
    m_api.reset();
    m_t.reset();
}

QList<int> TestSeatSnapshot::seatNumbers(qint64 scheduleId, const QByteArray& bearer)
{
    RawClient c(m_port);
    c.send("GET /api/v1/schedules/" + QByteArray::number(scheduleId) +
           "/seats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer + "\r\n\r\n");
    const RawAnswer a = c.read(30000);
    QList<int> out;
    if (a.status != 200)
        return out;
    for (const QJsonValue& v : a.json().value(QStringLiteral("seats")).toArray())
        out << v.toObject().value(QStringLiteral("seatNumber")).toInt();
    return out;
}

qint64 TestSeatSnapshot::seedStadium()
{
    const auto big = DemoSeeder::seedLargeVenue(*m_t->engine->db, m_t->clock);
    if (!big)
        qFatal("cannot seed the stadium: %s", qPrintable(big.error().internal));
    return *big;
}

// Repeated asks reuse the list; only each serving thread's first look may rebuild it once
// (a thread's first data_version has nothing to be compared with).
void TestSeatSnapshot::oneBuildWhileNothingChanges()
{
    const QList<int> first = seatNumbers(m_schedule, m_bearer);
    QCOMPARE(first.size(), 50);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(seatNumbers(m_schedule, m_bearer), first);
    const qint64 warm = m_api->seatSnapshots().builds();
    QVERIFY2(warm >= 1 && warm <= 1 + 2 * m_api->limits().threadCount(),
             qPrintable(QString::number(warm)));
    const Rebuilds rebuilds(*m_api);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(seatNumbers(m_schedule, m_bearer), first);
    QVERIFY2(rebuilds.noneUncalledFor(), qPrintable(rebuilds.describe()));
}

void TestSeatSnapshot::holdCommittedHereShowsAtOnce()
{
    QVERIFY(seatNumbers(m_schedule, m_bearer).contains(7));
    const QString other = m_t->activeToken(2, 1);
    QVERIFY_RESULT(m_t->engine->reservations.hold(other, m_schedule, 7));
    const QList<int> after = seatNumbers(m_schedule, m_bearer);
    QCOMPARE(after.size(), 49);
    QVERIFY(!after.contains(7));
}

// A hold's time passing is no commit: the snapshot keeps the first expiry as its own end.
void TestSeatSnapshot::holdRunningOutShowsAtOnce()
{
    const QString other = m_t->activeToken(2, 1);
    QVERIFY_RESULT(m_t->engine->reservations.hold(other, m_schedule, 8));
    QVERIFY(!seatNumbers(m_schedule, m_bearer).contains(8));
    const SeatChanges::Mark writes = committedSeatChanges().of(m_schedule);
    m_t->clock.advanceSeconds(m_t->engine->settings.holdSeconds - 1);
    QVERIFY(!seatNumbers(m_schedule, m_bearer).contains(8));
    m_t->clock.advanceSeconds(1);
    QVERIFY(seatNumbers(m_schedule, m_bearer).contains(8));
    QVERIFY(committedSeatChanges().of(m_schedule) ==
            writes); // no sweeper ran: the clock alone did it
}

void TestSeatSnapshot::startedPerformanceHasNoSeats()
{
    QCOMPARE(seatNumbers(m_schedule, m_bearer).size(), 50);
    const auto s = m_t->engine->catalogue.schedule(m_schedule);
    QVERIFY_RESULT(s);
    m_t->clock.setMs(s->startsAtMs);
    const QByteArray bearer = "Bearer " + m_t->activeToken(3, 1).toLatin1();
    RawClient c(m_port);
    c.send("GET /api/v1/schedules/" + QByteArray::number(m_schedule) +
           "/seats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer + "\r\n\r\n");
    const RawAnswer a = c.read();
    QCOMPARE(a.status, 404);
    QCOMPARE(a.code(), QStringLiteral("NO_AVAILABLE_SEATS"));
}

void TestSeatSnapshot::changeByAnotherProcessShows()
{
    const QString other = m_t->activeToken(2, 1);
    const auto held = m_t->engine->reservations.hold(other, m_schedule, 9);
    QVERIFY_RESULT(held);
    QVERIFY(!seatNumbers(m_schedule, m_bearer).contains(9));
    const SeatChanges::Mark writes = committedSeatChanges().of(m_schedule);
    {
        Outsider outsider(*m_t);
        QVERIFY(outsider.run(QStringLiteral("UPDATE reservations SET status = 'EXPIRED'"
                                            " WHERE id = ?"),
                             {held->id}));
    }
    QVERIFY(committedSeatChanges().of(m_schedule) == writes);
    if (m_t->isPostgres()) {
        // The notification travels from the server to the listening thread.
        QTRY_VERIFY(seatNumbers(m_schedule, m_bearer).contains(9));
    } else {
        QVERIFY(seatNumbers(m_schedule, m_bearer).contains(9));
    }
}

// A sale on one performance leaves every other performance's list as it was built: the list is
// kept until its own performance's seats change.
void TestSeatSnapshot::changeToAnotherPerformanceKeepsTheList()
{
    const QList<int> first = seatNumbers(m_schedule, m_bearer);
    QCOMPARE(first.size(), 50);
    for (int i = 0; i < 5; ++i) // every serving thread has looked once
        QCOMPARE(seatNumbers(m_schedule, m_bearer), first);
    const Rebuilds rebuilds(*m_api, m_schedule);
    const QString other = m_t->activeToken(2, 1);
    for (int seat = 1; seat <= m_t->engine->settings.maxHolds; ++seat) {
        QVERIFY_RESULT(m_t->engine->reservations.hold(other, m_otherSchedule, seat));
        QCOMPARE(seatNumbers(m_schedule, m_bearer), first);
    }
    QVERIFY2(rebuilds.noneUncalledFor(), qPrintable(rebuilds.describe()));
    // The performance that changed shows it at once.
    const QList<int> changed = seatNumbers(m_otherSchedule, m_bearer);
    QCOMPARE(changed.size(), 50 - m_t->engine->settings.maxHolds);
    QVERIFY(!changed.contains(1));
}

void TestSeatSnapshot::anotherProcessChangingAnotherPerformanceKeepsTheList()
{
    const QString other = m_t->activeToken(2, 1);
    const auto held = m_t->engine->reservations.hold(other, m_otherSchedule, 4);
    QVERIFY_RESULT(held);
    const QList<int> first = seatNumbers(m_schedule, m_bearer);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(seatNumbers(m_schedule, m_bearer), first);
    QVERIFY(!seatNumbers(m_otherSchedule, m_bearer).contains(4));
    const Rebuilds rebuilds(*m_api, m_schedule);
    const quint64 heardBefore = m_api->changes().outsideChangesTo(m_otherSchedule);
    {
        Outsider outsider(*m_t);
        QVERIFY(outsider.run(QStringLiteral("UPDATE reservations SET status = 'EXPIRED'"
                                            " WHERE id = ?"),
                             {held->id}));
    }
    // The first list's requests are what notice the change on SQLite; on PostgreSQL the
    // notification has reached the listening thread before they are sent.
    if (m_t->isPostgres())
        QTRY_VERIFY(m_api->changes().outsideChangesTo(m_otherSchedule) > heardBefore);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(seatNumbers(m_schedule, m_bearer), first);
    QVERIFY(m_api->changes().outsideChangesTo(m_otherSchedule) > heardBefore);
    // SQLite's seat versions say which performance moved; only other tests' notifications
    // about a schedule 1 of their own may cost builds on the shared PostgreSQL server.
    if (m_t->isPostgres())
        QVERIFY2(rebuilds.noneUncalledFor(), qPrintable(rebuilds.describe()));
    else
        QCOMPARE(rebuilds.builds(), 0);
    QVERIFY(seatNumbers(m_otherSchedule, m_bearer).contains(4));
}

// Clients that ask for the 50,000-seat list and hang up at once used
// to leave the server busy for seconds. Now a poll meanwhile is answered, and the list is
// built once, cold, and not again while it stays current.
void TestSeatSnapshot::abandonedListRequestsCostOneBuild()
{
    const qint64 stadium = seedStadium();
    const auto s = m_t->engine->catalogue.schedule(stadium);
    QVERIFY_RESULT(s);
    const QByteArray bearer = "Bearer " + m_t->activeToken(4, s->concertId).toLatin1();
    const auto ticket = m_t->engine->queue.enter(5, 1);
    QVERIFY_RESULT(ticket);
    const QByteArray poll = "Bearer " + ticket->token.toLatin1();
    const QByteArray request = "GET /api/v1/schedules/" + QByteArray::number(stadium) +
                               "/seats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer +
                               "\r\n\r\n";
    std::optional<Rebuilds> rebuilds;
    for (int round = 0; round < 2; ++round) {
        NormalClient normal(m_port, "/api/v1/queue/tokens/current", poll, 10);
        for (int i = 0; i < 200; ++i) {
            RawClient c(m_port);
            QVERIFY(c.send(request));
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_api->openConnections() <= 1, 30000);
        const QString verdict = judge(normal.stop(), 200, 50);
        QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
        if (round == 0) {
            // Cold: built once, and once more at most per thread's first look.
            const qint64 builds = m_api->seatSnapshots().builds();
            QVERIFY2(builds >= 1 && builds <= 1 + 2 * m_api->limits().threadCount(),
                     qPrintable(QString::number(builds)));
            rebuilds.emplace(*m_api);
        } else {
            QVERIFY2(rebuilds->noneUncalledFor(), qPrintable(rebuilds->describe())); // warm
        }
    }
    QCOMPARE(seatNumbers(stadium, bearer).size(), 50000);
    QVERIFY2(rebuilds->noneUncalledFor(), qPrintable(rebuilds->describe()));
}

// Four clients fetching the 50,000-seat list over and over: a poll on another connection is
// still answered within 50 ms (one thread held every poll behind the lists before).
void TestSeatSnapshot::listClientsDoNotHoldAPoll()
{
    const qint64 stadium = seedStadium();
    const auto s = m_t->engine->catalogue.schedule(stadium);
    QVERIFY_RESULT(s);
    const QByteArray bearer = "Bearer " + m_t->activeToken(4, s->concertId).toLatin1();
    QCOMPARE(seatNumbers(stadium, bearer).size(), 50000); // built once, before the clock starts
    const auto ticket = m_t->engine->queue.enter(5, 1);
    QVERIFY_RESULT(ticket);
    std::atomic<bool> stop = false;
    std::vector<int> lists(4, 0);
    std::vector<std::thread> fetchers;
    const QByteArray request = "GET /api/v1/schedules/" + QByteArray::number(stadium) +
                               "/seats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer +
                               "\r\n\r\n";
    for (int i = 0; i < 4; ++i) {
        fetchers.emplace_back([&, i] {
            RawClient c(m_port);
            while (!stop) {
                if (!c.send(request) || c.read(30000).status != 200)
                    return;
                ++lists[i];
            }
        });
    }
    NormalClient normal(m_port, "/api/v1/queue/tokens/current",
                        "Bearer " + ticket->token.toLatin1(), 30);
    const QList<Timed> polls = normal.stop();
    stop = true;
    for (std::thread& t : fetchers)
        t.join();
    const QString verdict = judge(polls, 200, 50);
    QVERIFY2(verdict.isEmpty(), qPrintable(verdict));
    for (int n : lists)
        QVERIFY(n >= 1);
}

QTEST_GUILESS_MAIN(TestSeatSnapshot)
#include "tst_seatsnapshot.moc"
