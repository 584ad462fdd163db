#pragma once

#include <csignal>

// Shared by the many-terminal tests (tst_terminals, tst_lostdatabase): a schema of their own on
// the test PostgreSQL server, `boxoffice --serve` processes on it, HTTP calls to them, and
// stopping and starting the server itself (scripts/with-postgres.sh exports where it lives).
// Nothing here depends on TestSupport.h (AsyncSupport.h is shared).

#include "core/Clock.h"
#include "demo/DemoSeeder.h"
#include "engine/Engine.h"
#include "support/AsyncSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <memory>
#include <optional>
#include <unistd.h>
#include <vector>

namespace boxoffice::terminals {

inline constexpr char kNoServer[] =
    "BOXOFFICE_TEST_POSTGRES is not set: these tests need a PostgreSQL server; run them under "
    "scripts/with-postgres.sh (scripts/test.sh does), which starts a throwaway one";

// The servers' own clock (their SystemClock), to compare with the times they wrote.
inline qint64 nowMs()
{
    return boxoffice::SystemClock().nowMs();
}

inline QString baseUrl()
{
    return qEnvironmentVariable("BOXOFFICE_TEST_POSTGRES");
}

inline QString newSchemaName()
{
    return QStringLiteral("t_%1").arg(
        QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, u'0'));
}

// BASE?schema=NAME: what the processes are given.
inline QString schemaUrl(const QString& schema)
{
    QUrl url(baseUrl());
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("schema"));
    query.addQueryItem(QStringLiteral("schema"), schema);
    url.setQuery(query);
    return url.toString();
}

// The test's own connection to the server (not any engine's), optionally inside a schema.
class Pg
{
public:
    explicit Pg(const QString& schema = {})
        : m_name(QStringLiteral("terminals-admin-%1").arg(counter().fetch_add(1)))
    {
        const QUrl url(baseUrl());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        QString options = QStringLiteral("connect_timeout=5");
        if (!schema.isEmpty())
            options += QStringLiteral(";options='-csearch_path=%1'").arg(schema);
        db.setConnectOptions(options);
        if (!db.open())
            m_error = db.lastError().text();
    }
    ~Pg()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    Pg(const Pg&) = delete;
    Pg& operator=(const Pg&) = delete;

    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }

    bool exec(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        if (!q.exec(sql)) {
            m_error = sql.left(200) + QStringLiteral(": ") + q.lastError().text();
            return false;
        }
        return true;
    }

    // Every row of a query, or nothing (error() says why).
    std::optional<QList<QVariantList>> rows(const QString& sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name, false));
        q.setForwardOnly(true);
        if (!q.exec(sql)) {
            m_error = sql.left(200) + QStringLiteral(": ") + q.lastError().text();
            return std::nullopt;
        }
        QList<QVariantList> out;
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i);
            out << row;
        }
        return out;
    }

    // The first column of the first row as a number; -1 (and error()) on failure.
    qint64 scalar(const QString& sql)
    {
        const auto r = rows(sql);
        if (!r || r->isEmpty() || r->first().isEmpty())
            return -1;
        return r->first().first().toLongLong();
    }

private:
    static std::atomic<int>& counter()
    {
        static std::atomic<int> c{0};
        return c;
    }
    QString m_name;
    QString m_error;
};

// One `boxoffice --serve` process. PGAPPNAME names its connections on the server, so a trigger
// can record which process wrote a row.
struct Terminal
{
    std::unique_ptr<QProcess> process;
    QByteArray out;
    QByteArray err;
    quint16 port = 0;
    QString app;

    bool start(const QString& database, const QStringList& extra, const QString& appName)
    {
        app = appName;
        process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGAPPNAME"), appName);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(BOXOFFICE_BIN),
                       QStringList{QStringLiteral("--serve"), QStringLiteral("--database"),
                                   database, QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:0")} +
                           extra);
        return process->waitForStarted(10000);
    }

    // Reads what the process printed; true once it said where it serves.
    bool ready()
    {
        drain();
        if (port != 0)
            return true;
        static const QRegularExpression line(
            QStringLiteral("boxoffice: serving .* on http://127\\.0\\.0\\.1:(\\d+)"));
        const auto m = line.match(QString::fromUtf8(out));
        if (m.hasMatch())
            port = quint16(m.captured(1).toUInt());
        return port != 0;
    }

    void drain()
    {
        if (!process)
            return;
        out += process->readAllStandardOutput();
        err += process->readAllStandardError();
    }

    bool running() const { return process && process->state() == QProcess::Running; }

    QByteArray log()
    {
        drain();
        return app.toUtf8() + " stdout:\n" + out + "\n" + app.toUtf8() + " stderr (tail):\n" +
               err.right(3000);
    }

    void kill()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(10000);
        }
    }
};

struct Answer
{
    int status = 0; // 0: no HTTP answer at all
    QJsonObject body;
    qint64 ms = 0;         // how long the answer took
    QString error;         // the network error, if any
    QByteArray retryAfter; // the Retry-After header

    QString code() const { return body.value(QStringLiteral("code")).toString(); }
    QString text() const
    {
        return QStringLiteral("%1 %2%3")
            .arg(status)
            .arg(QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact)))
            .arg(error.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error));
    }
};

struct Call
{
    quint16 port = 0;
    QByteArray method;
    QString path;
    QByteArray body;
    QString token;
    QString idempotencyKey;
};

inline QNetworkRequest apiRequest(const Call& c)
{
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(c.port).arg(c.path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Accept-Language", "en");
    if (!c.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + c.token.toUtf8());
    if (!c.idempotencyKey.isEmpty())
        req.setRawHeader("Idempotency-Key", c.idempotencyKey.toUtf8());
    req.setTransferTimeout(20000); // a hang becomes an answer with status 0, never a stuck test
    return req;
}

inline Answer answerOf(QNetworkReply* r, qint64 startedMs)
{
    Answer a;
    a.ms = nowMs() - startedMs;
    a.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = QJsonDocument::fromJson(r->readAll()).object();
    a.retryAfter = r->rawHeader("Retry-After");
    if (r->error() != QNetworkReply::NoError && a.status == 0)
        a.error = r->errorString();
    return a;
}

// Sends every call at once, each on a connection of its own (one manager per call, so none
// waits behind another), and waits for all the answers.
inline QList<Answer> sendAll(const QList<Call>& calls, int timeoutMs = 30000)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    const qint64 started = nowMs();
    for (const Call& c : calls) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        replies.emplace_back(managers.back()->sendCustomRequest(apiRequest(c), c.method, c.body));
    }
    QList<Answer> answers;
    QList<qint64> finishedAt(calls.size(), 0);
    auto allFinished = [&] {
        bool all = true;
        for (size_t i = 0; i < replies.size(); ++i) {
            if (replies[i]->isFinished()) {
                if (!finishedAt[qsizetype(i)])
                    finishedAt[qsizetype(i)] = nowMs();
            } else {
                all = false;
            }
        }
        return all;
    };
    (void)QTest::qWaitFor(allFinished, timeoutMs); // unfinished ones are reported below
    for (size_t i = 0; i < replies.size(); ++i) {
        Answer a;
        if (replies[i]->isFinished()) {
            a = answerOf(replies[i].get(), started);
            a.ms = finishedAt[qsizetype(i)] - started;
        } else {
            a.error = QStringLiteral("no answer within %1 ms").arg(timeoutMs);
            replies[i]->abort();
        }
        answers << a;
    }
    replies.clear();
    managers.clear();
    return answers;
}

inline Answer send(const Call& c, int timeoutMs = 30000)
{
    return sendAll({c}, timeoutMs).constFirst();
}

// `boxoffice --check --database URL`: its exit code (-1 when it crashed or hung).
inline int runCheck(const QString& database, QByteArray* output)
{
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(BOXOFFICE_BIN),
                {QStringLiteral("--check"), QStringLiteral("--database"), database});
    if (!check.waitForFinished(60000)) {
        check.kill();
        check.waitForFinished(5000);
        *output = check.readAll();
        return -1;
    }
    *output = check.readAll();
    return check.exitStatus() == QProcess::NormalExit ? check.exitCode() : -1;
}

// The PostgreSQL server itself, stopped and started with pg_ctl as scripts/with-postgres.sh
// started it (as the postgres user when the tests run as root).
class PgServer
{
public:
    static QString missing()
    {
        QStringList names;
        for (const char* v : {"BOXOFFICE_PG_BIN", "BOXOFFICE_PG_DATA", "BOXOFFICE_PG_PORT"}) {
            if (qEnvironmentVariableIsEmpty(v))
                names << QString::fromLatin1(v);
        }
        if (names.isEmpty())
            return {};
        return QStringLiteral("%1 not set: run under scripts/with-postgres.sh, which exports"
                              " where its server lives so a test can stop and start it")
            .arg(names.join(QStringLiteral(", ")));
    }

    // A pg_ctl command, started (not waited for).
    static std::unique_ptr<QProcess> launch(const QStringList& args)
    {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        const QString pgCtl = qEnvironmentVariable("BOXOFFICE_PG_BIN") + QStringLiteral("/pg_ctl");
        QStringList full = {QStringLiteral("-D"), qEnvironmentVariable("BOXOFFICE_PG_DATA")};
        full += args;
        if (::geteuid() == 0) {
            p->start(QStringLiteral("runuser"),
                     QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                 QStringLiteral("--"), pgCtl} +
                         full);
        } else {
            p->start(pgCtl, full);
        }
        return p;
    }

    static QStringList stopArgs()
    {
        return {QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("-w"),
                QStringLiteral("-t"), QStringLiteral("60"),   QStringLiteral("stop")};
    }

    static QStringList startArgs()
    {
        const QString data = qEnvironmentVariable("BOXOFFICE_PG_DATA");
        const QString parent = QFileInfo(data).absolutePath();
        const QString port = qEnvironmentVariable("BOXOFFICE_PG_PORT");
        return {QStringLiteral("-l"),
                parent + QStringLiteral("/server.log"),
                QStringLiteral("-w"),
                QStringLiteral("-t"),
                QStringLiteral("60"),
                QStringLiteral("-o"),
                QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=on"
                               " -c max_connections=300")
                    .arg(port, parent),
                QStringLiteral("start")};
    }

    static bool run(const QStringList& args, QByteArray* output)
    {
        auto p = launch(args);
        const bool finished = p->waitForFinished(90000);
        *output = p->readAll();
        if (!finished) {
            p->kill();
            p->waitForFinished(5000);
            return false;
        }
        return p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0;
    }

    static bool isRunning()
    {
        QByteArray out;
        return run({QStringLiteral("status")}, &out);
    }

    static bool stop(QByteArray* output) { return run(stopArgs(), output); }
    static bool start(QByteArray* output) { return run(startArgs(), output); }

    // The server and every backend it forked: what SIGSTOP must reach so that a connection's
    // queries really go unanswered (a stopped process whose kernel still acknowledges TCP, as a
    // hung server does).
    static QList<qint64> processes()
    {
        QFile pidFile(qEnvironmentVariable("BOXOFFICE_PG_DATA") +
                      QStringLiteral("/postmaster.pid"));
        if (!pidFile.open(QIODevice::ReadOnly))
            return {};
        const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
        if (postmaster <= 0)
            return {};
        QList<qint64> pids{postmaster};
        for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool isPid = false;
            const qint64 pid = entry.toLongLong(&isPid);
            if (!isPid)
                continue;
            QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            // "pid (comm) state ppid ...": the name may hold spaces, so read after the ')'.
            const QByteArray line = stat.readAll();
            const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
            if (rest.size() > 1 && rest.at(1).toLongLong() == postmaster)
                pids << pid;
        }
        return pids;
    }
    static bool signalAll(int signal)
    {
        const QList<qint64> pids = processes();
        for (qint64 pid : pids)
            ::kill(pid_t(pid), signal);
        return !pids.isEmpty();
    }
    static bool freeze() { return signalAll(SIGSTOP); }
    static bool thaw() { return signalAll(SIGCONT); }
};

// Lets a frozen server run again, whatever happened to the test that froze it.
struct ServerThawer
{
    ServerThawer() = default;
    ServerThawer(const ServerThawer&) = delete;
    ServerThawer& operator=(const ServerThawer&) = delete;
    ~ServerThawer() { PgServer::thaw(); }
};

// Starts the server again when it is down, whatever happened to the test that stopped it.
struct ServerRestorer
{
    ServerRestorer() = default;
    ServerRestorer(const ServerRestorer&) = delete;
    ServerRestorer& operator=(const ServerRestorer&) = delete;
    ~ServerRestorer()
    {
        if (!PgServer::missing().isEmpty() || PgServer::isRunning())
            return;
        QByteArray out;
        if (!PgServer::start(&out))
            qWarning("could not start the PostgreSQL server again: %s", out.constData());
    }
};

// What a test of several terminals stands on: a fresh schema on the test server, migrated and
// seeded (without the stadium) by the test's own engine, and the terminals it starts. The test
// classes derive from it; init() calls openSchema(), cleanup() closeSchema().
class TerminalFixture
{
protected:
    // Empty on success, else what went wrong.
    QString openSchema()
    {
        m_schema = newSchemaName();
        {
            Pg admin;
            if (!admin.ok())
                return QStringLiteral("cannot reach the test PostgreSQL server: ") + admin.error();
            if (!admin.exec(QStringLiteral("CREATE SCHEMA %1").arg(m_schema)))
                return admin.error();
        }
        m_url = schemaUrl(m_schema);
        // Migrated and seeded here so that every process finds the same data and none of them
        // spends the test seeding.
        DatabaseOptions options;
        options.location = m_url;
        auto engine = Engine::open(options, EngineSettings{}, m_clock);
        if (!engine)
            return engine.error().internal;
        m_engine = std::move(*engine);
        const auto seeded = DemoSeeder::seedIfEmpty(*m_engine->db, m_clock);
        if (!seeded || !*seeded)
            return QStringLiteral("cannot seed the demo data");
        return {};
    }

    // Stops the terminals (printing their logs after a failure) and drops the schema.
    void closeSchema(bool failed)
    {
        if (failed)
            qWarning().noquote() << logs();
        for (Terminal& t : m_terms)
            t.kill();
        m_terms.clear();
        m_engine.reset();
        if (!m_schema.isEmpty()) {
            Pg admin;
            if (!admin.exec(QStringLiteral("SET lock_timeout = '30s'")) ||
                !admin.exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(m_schema)))
                qWarning().noquote() << "cannot drop" << m_schema << admin.error();
            m_schema.clear();
        }
    }

    QString logs()
    {
        QByteArray all;
        for (Terminal& t : m_terms)
            all += t.log() + '\n';
        return QString::fromUtf8(all);
    }

    QString m_schema;
    QString m_url;
    SystemClock m_clock;
    std::unique_ptr<Engine> m_engine; // the test's own terminal, for setup and checks
    std::vector<Terminal> m_terms;
};

} // namespace boxoffice::terminals
