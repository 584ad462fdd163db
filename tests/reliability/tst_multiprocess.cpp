// Four `boxoffice --serve` processes on one database (design H1 across processes): 64
// customers race for one seat through all four at once; exactly one wins, and
// `boxoffice --check` finds every invariant intact. The database is a SQLite file, or with
// BOXOFFICE_TEST_ENGINE=postgres a fresh schema on the test PostgreSQL server.

#include "storage/Database.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace boxoffice;

namespace {

constexpr int kServers = 4;
constexpr int kCustomers = 64;

struct Server
{
    std::unique_ptr<QProcess> process;
    QByteArray output;
    quint16 port = 0;
};

struct Answer
{
    int status = -1;
    QJsonObject body;
};

} // namespace

class TestMultiProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void fourServersOneSeat();

private:
    bool startServer(Server& s);
    bool readPort(Server& s);
    void stopServers();
    QNetworkRequest request(int server, const QString& path, const QString& token = {}) const;
    // Sends every request at once (one manager each, so none waits for a free connection) and
    // waits for all the answers.
    QList<Answer> sendAll(const QList<std::pair<QNetworkRequest, QByteArray>>& requests,
                          const QByteArray& method);
    int runCheck(QByteArray* output);

    QTemporaryDir m_dir;
    QString m_database;
    QString m_schema; // PostgreSQL only
    std::vector<Server> m_servers;
};

void TestMultiProcess::init()
{
    m_servers.clear();
    if (test::postgresRequested()) {
        m_schema = test::createPostgresSchema();
        m_database = test::postgresUrlFor(m_schema);
    } else {
        QVERIFY(m_dir.isValid());
        m_database = m_dir.filePath(QStringLiteral("shared.sqlite"));
        QFile::remove(m_database);
    }
    m_servers.resize(kServers);
}

void TestMultiProcess::cleanup()
{
    stopServers();
    if (!m_schema.isEmpty())
        test::dropPostgresSchema(std::exchange(m_schema, QString()));
}

void TestMultiProcess::stopServers()
{
    for (Server& s : m_servers) {
        if (s.process && s.process->state() != QProcess::NotRunning) {
            s.process->kill();
            s.process->waitForFinished(10000);
        }
    }
    m_servers.clear();
}

bool TestMultiProcess::startServer(Server& s)
{
    s.process = std::make_unique<QProcess>();
    s.process->setProcessChannelMode(QProcess::SeparateChannels);
    s.process->start(QStringLiteral(BOXOFFICE_BIN),
                     {QStringLiteral("--serve"), QStringLiteral("--database"), m_database,
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--activate-every"), QStringLiteral("1"),
                      QStringLiteral("--activate-count"), QStringLiteral("100")});
    return s.process->waitForStarted(10000);
}

bool TestMultiProcess::readPort(Server& s)
{
    s.output += s.process->readAllStandardOutput();
    static const QRegularExpression line(
        QStringLiteral("boxoffice: serving .* on http://127\\.0\\.0\\.1:(\\d+)"));
    const auto m = line.match(QString::fromUtf8(s.output));
    if (!m.hasMatch())
        return false;
    s.port = quint16(m.captured(1).toUInt());
    return s.port != 0;
}

QNetworkRequest TestMultiProcess::request(int server, const QString& path,
                                          const QString& token) const
{
    QNetworkRequest req(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_servers.at(server).port).arg(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept-Language", "en");
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return req;
}

QList<Answer>
TestMultiProcess::sendAll(const QList<std::pair<QNetworkRequest, QByteArray>>& requests,
                          const QByteArray& method)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    for (const auto& [req, body] : requests) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        replies.emplace_back(managers.back()->sendCustomRequest(req, method, body));
    }
    auto allFinished = [&] {
        return std::all_of(replies.begin(), replies.end(),
                           [](const auto& r) { return r->isFinished(); });
    };
    QList<Answer> answers;
    [&] { QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 30000); }();
    for (const auto& r : replies) {
        Answer a;
        if (r->isFinished()) {
            a.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            a.body = QJsonDocument::fromJson(r->readAll()).object();
        }
        answers << a;
    }
    replies.clear();
    managers.clear();
    return answers;
}

int TestMultiProcess::runCheck(QByteArray* output)
{
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(BOXOFFICE_BIN),
                {QStringLiteral("--check"), QStringLiteral("--database"), m_database});
    if (!check.waitForFinished(30000)) {
        check.kill();
        check.waitForFinished(5000);
        return -1;
    }
    *output = check.readAll();
    return check.exitStatus() == QProcess::NormalExit ? check.exitCode() : -1;
}

void TestMultiProcess::fourServersOneSeat()
{
    // The first server creates and seeds the database; the others open it.
    QVERIFY(startServer(m_servers[0]));
    QTRY_VERIFY2_WITH_TIMEOUT(
        readPort(m_servers[0]),
        (m_servers[0].output + m_servers[0].process->readAllStandardError()).constData(), 20000);
    for (int i = 1; i < kServers; ++i)
        QVERIFY(startServer(m_servers[i]));
    for (int i = 1; i < kServers; ++i) {
        QTRY_VERIFY2_WITH_TIMEOUT(
            readPort(m_servers[i]),
            (m_servers[i].output + m_servers[i].process->readAllStandardError()).constData(),
            20000);
    }
    for (int i = 0; i < kServers; ++i) {
        for (int j = i + 1; j < kServers; ++j)
            QVERIFY(m_servers[i].port != m_servers[j].port);
    }

    // 64 customers enter concert 1's queue, spread over the servers.
    QList<std::pair<QNetworkRequest, QByteArray>> enter;
    for (int c = 1; c <= kCustomers; ++c) {
        enter << std::pair{request(c % kServers, QStringLiteral("/api/v1/queue/tokens")),
                           QStringLiteral(R"({"userId":%1,"concertId":1})").arg(c).toUtf8()};
    }
    const QList<Answer> entered = sendAll(enter, "POST");
    QStringList tokens;
    for (const Answer& a : entered) {
        QCOMPARE(a.status, 201);
        tokens << a.body.value(QStringLiteral("token")).toString();
        QVERIFY(!tokens.last().isEmpty());
    }
    QCOMPARE(QSet<QString>(tokens.begin(), tokens.end()).size(), kCustomers);

    // Admission runs every second in every server (one admission per period between them).
    auto activeCount = [&] {
        QList<std::pair<QNetworkRequest, QByteArray>> polls;
        for (int c = 0; c < kCustomers; ++c) {
            polls << std::pair{
                request(c % kServers, QStringLiteral("/api/v1/queue/tokens/current"), tokens.at(c)),
                QByteArray()};
        }
        int active = 0;
        for (const Answer& a : sendAll(polls, "GET")) {
            if (a.status == 200 &&
                a.body.value(QStringLiteral("status")).toString() == QLatin1String("ACTIVE"))
                ++active;
        }
        return active;
    };
    QTRY_COMPARE_WITH_TIMEOUT(activeCount(), kCustomers, 20000);

    // The first date of concert 1.
    QList<std::pair<QNetworkRequest, QByteArray>> dates{
        {request(0, QStringLiteral("/api/v1/concerts/1/schedules"), tokens.at(0)), {}}};
    const Answer schedules = sendAll(dates, "GET").constFirst();
    QCOMPARE(schedules.status, 200);
    const qint64 scheduleId = schedules.body.value(QStringLiteral("schedules"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QStringLiteral("scheduleId"))
                                  .toInteger();
    QVERIFY(scheduleId > 0);

    // The race: 64 holds of one seat, round-robin over the four servers, all in flight at once.
    QList<std::pair<QNetworkRequest, QByteArray>> holds;
    for (int c = 0; c < kCustomers; ++c) {
        holds << std::pair{
            request(c % kServers, QStringLiteral("/api/v1/reservations"), tokens.at(c)),
            QStringLiteral(R"({"scheduleId":%1,"seatNumber":7})").arg(scheduleId).toUtf8()};
    }
    const QList<Answer> answers = sendAll(holds, "POST");
    QCOMPARE(answers.size(), kCustomers);
    int won = 0, taken = 0, winner = -1;
    QStringList other;
    for (int c = 0; c < kCustomers; ++c) {
        const Answer& a = answers.at(c);
        if (a.status == 201) {
            ++won;
            winner = c;
            QCOMPARE(a.body.value(QStringLiteral("status")).toString(), QStringLiteral("HELD"));
            QCOMPARE(a.body.value(QStringLiteral("seatNumber")).toInteger(), 7);
        } else if (a.status == 409 && a.body.value(QStringLiteral("code")).toString() ==
                                          QLatin1String("SEAT_ALREADY_TAKEN")) {
            ++taken;
        } else {
            other << QStringLiteral("customer %1: %2 %3")
                         .arg(c + 1)
                         .arg(a.status)
                         .arg(QString::fromUtf8(
                             QJsonDocument(a.body).toJson(QJsonDocument::Compact)));
        }
    }
    QVERIFY2(other.isEmpty(), qPrintable(other.join(QLatin1Char('\n'))));
    QCOMPARE(won, 1);
    QCOMPARE(taken, kCustomers - 1);

    // The database agrees: one live reservation for the seat, the winner's.
    {
        DatabaseOptions options;
        options.location = m_database;
        options.migrate = false;
        auto db = Database::open(options);
        QVERIFY2(db.has_value(), db ? "" : qPrintable(db.error().internal));
        auto conn = (*db)->connection();
        QVERIFY(conn.has_value());
        {
            auto q =
                (*conn)->run(QStringLiteral("SELECT COUNT(*), MIN(r.customer_id)"
                                            " FROM reservations r JOIN seats s ON s.id = r.seat_id"
                                            " WHERE s.schedule_id = ? AND s.seat_number = 7"
                                            " AND r.status IN ('HELD', 'PAID')"),
                             {scheduleId});
            QVERIFY(q.has_value());
            QVERIFY(q->next());
            QCOMPARE(q->i64(0), 1);
            QCOMPARE(q->i64(1), winner + 1);
        } // let go before the next statement runs on the connection
        auto q = (*conn)->run(QStringLiteral("SELECT COUNT(*) FROM reservations"));
        QVERIFY(q.has_value());
        QVERIFY(q->next());
        QCOMPARE(q->i64(0), 1);
    }

    // The winner charges through one server and pays through another.
    const qint64 reservationId =
        answers.at(winner).body.value(QStringLiteral("reservationId")).toInteger();
    QList<std::pair<QNetworkRequest, QByteArray>> charge{
        {request((winner + 1) % kServers,
                 QStringLiteral("/api/v1/users/%1/balance/charge").arg(winner + 1)),
         R"({"amount":1000000})"}};
    QCOMPARE(sendAll(charge, "POST").constFirst().status, 200);
    QList<std::pair<QNetworkRequest, QByteArray>> pay{
        {request((winner + 2) % kServers, QStringLiteral("/api/v1/payments"), tokens.at(winner)),
         QStringLiteral(R"({"reservationIds":[%1]})").arg(reservationId).toUtf8()}};
    const Answer paid = sendAll(pay, "POST").constFirst();
    QCOMPARE(paid.status, 201);
    QCOMPARE(paid.body.value(QStringLiteral("status")).toString(), QStringLiteral("PAID"));

    // W5 holds, checked while the servers run and after they are gone.
    QByteArray report;
    QCOMPARE(runCheck(&report), 0);
    QVERIFY2(report.contains("all invariants hold"), report.constData());
    for (const Server& s : m_servers)
        QCOMPARE(s.process->state(), QProcess::Running); // nobody crashed along the way
    stopServers();
    QCOMPARE(runCheck(&report), 0);
    QVERIFY2(report.contains("sold seats 1"), report.constData());
}

QTEST_GUILESS_MAIN(TestMultiProcess)
#include "tst_multiprocess.moc"
