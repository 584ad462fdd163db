// HTTP over loopback, measured with wrk (Debian's package), each figure beside a baseline built
// and measured in this same run and process:
//   - poll throughput on the libmicrohttpd front with 2 threads ÷ 1 thread (target ≥ 1.6 on a
//     2-core machine), three ways: as wrk sends by default; with each wrk connection
//     pipelining 16 polls; and with the lean pipelined client (PipelinedClient.h, this program
//     run again with --client), which checks every answer and spends about an eighth of the
//     server's CPU on each poll. The client shares the two cores with the server it measures:
//     with wrk's own cost per poll no server could show much more than 1.1-1.3 (the ceiling
//     printed under the first figure), so the lean client's figure is the one that says how
//     the front itself scales. Also poll ÷ a bare libmicrohttpd route (same threads, a fixed
//     JSON answer, no front) and ÷ a bare QHttpServer route (what the API ran on before;
//     target ≥ 0.8);
//   - poll p99 alone vs while 4 clients fetch the 50,000-seat list (target ≤ 5× and ≤ 100 ms);
//   - resident memory at its peak while 8 clients each send a 100 MB body (target ≤ 100 MB over
//     idle), beside the same eight bodies sent to the bare QHttpServer route;
//   - seat holds (an fsync'd transaction each), for the record.
// Sides alternate within each round, and every ratio printed is the median of the rounds' own
// ratios: a machine that slows down halfway moves both sides of a ratio, not one.
// Usage: bench_http [--quick]. Exits non-zero only if wrk is missing or something fails.
// bench_http --client ... is the lean client itself (see pipelinedClientMain).

#include "support/TestSupport.h"

#include "PipelinedClient.h"
#include "RawHttp.h"
#include "http/ApiServer.h"
#include "http/SeatSnapshots.h"

#include <QCoreApplication>
#include <QHttpServer>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTextStream>

#include <microhttpd.h>

#include <sys/resource.h>

#include <algorithm>
#include <ctime>
#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

struct WrkResult
{
    double requestsPerSecond = 0;
    QString p50;
    QString p99;
    double p99Ms = 0;
    qint64 requests = 0;
    qint64 non2xx = 0;
    double serverCpuUs = 0; // this process's CPU time (the servers run in it) per request
    double clientCpuUs = 0; // wrk's, per request (shared among side-by-side wrk runs)
    bool ok = false;
    QString output;
};

qint64 processCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// The CPU time of the children that have ended (wrk): it competes for the same cores.
qint64 childrenCpuNs()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return (qint64(u.ru_utime.tv_sec) + u.ru_stime.tv_sec) * 1'000'000'000 +
           (qint64(u.ru_utime.tv_usec) + u.ru_stime.tv_usec) * 1000;
}

double toMs(const QString& wrkTime)
{
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)(us|ms|s|m)$"));
    const auto m = re.match(wrkTime);
    const double v = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    return unit == QLatin1String("us")  ? v / 1000
           : unit == QLatin1String("s") ? v * 1000
           : unit == QLatin1String("m") ? v * 60000
                                        : v;
}

WrkResult parseWrk(QProcess& wrk, qint64 cpuNs, qint64 clientNs, qint64 allRequests)
{
    WrkResult r;
    r.output = QString::fromUtf8(wrk.readAll());
    const auto rps =
        QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(r.output);
    const auto p50 = QRegularExpression(QStringLiteral("\\n\\s+50%\\s+(\\S+)")).match(r.output);
    const auto p99 = QRegularExpression(QStringLiteral("\\n\\s+99%\\s+(\\S+)")).match(r.output);
    const auto total = QRegularExpression(QStringLiteral("(\\d+) requests in")).match(r.output);
    const auto non2xx =
        QRegularExpression(QStringLiteral("Non-2xx or 3xx responses: (\\d+)")).match(r.output);
    r.ok = wrk.exitCode() == 0 && rps.hasMatch();
    r.requestsPerSecond = rps.captured(1).toDouble();
    r.p50 = p50.captured(1);
    r.p99 = p99.captured(1);
    r.p99Ms = toMs(r.p99);
    r.requests = total.captured(1).toLongLong();
    r.non2xx = non2xx.hasMatch() ? non2xx.captured(1).toLongLong() : 0;
    r.serverCpuUs = r.requests > 0 ? cpuNs / 1000.0 / double(r.requests) : 0;
    r.clientCpuUs = allRequests > 0 ? clientNs / 1000.0 / double(allRequests) : 0;
    return r;
}

// What the pipelined client (bench_http --client) printed, in wrk's terms.
WrkResult parsePipelined(QProcess& client, qint64 cpuNs)
{
    WrkResult r;
    r.output = QString::fromUtf8(client.readAll());
    const auto m =
        QRegularExpression(QStringLiteral("answers (\\d+) wrong (\\d+) seconds ([0-9.]+) ok 1"))
            .match(r.output);
    r.ok = client.exitCode() == 0 && m.hasMatch();
    r.requests = m.captured(1).toLongLong();
    r.non2xx = m.captured(2).toLongLong();
    const double seconds = m.captured(3).toDouble();
    r.requestsPerSecond = seconds > 0 ? double(r.requests) / seconds : 0;
    r.p50 = r.p99 = QStringLiteral("-");
    r.serverCpuUs = r.requests > 0 ? cpuNs / 1000.0 / double(r.requests) : 0;
    return r;
}

// Runs wrk processes (or, with `program` this executable, pipelined clients) side by side
// while this thread's event loop keeps serving (the QHttpServer baseline lives on it);
// returns their results in order.
QList<WrkResult> runWrks(const QList<QStringList>& argsList,
                         const QString& program = QStringLiteral("wrk"))
{
    std::vector<std::unique_ptr<QProcess>> wrks;
    QEventLoop loop;
    int running = 0;
    for (const QStringList& args : argsList) {
        auto& wrk = wrks.emplace_back(std::make_unique<QProcess>());
        wrk->setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(wrk.get(), &QProcess::finished, &loop, [&] {
            if (--running == 0)
                loop.quit();
        });
        wrk->start(program, args);
        if (!wrk->waitForStarted(5000))
            return {};
        ++running;
    }
    const qint64 cpuBefore = processCpuNs();
    const qint64 clientBefore = childrenCpuNs();
    loop.exec();
    for (auto& wrk : wrks)
        wrk->waitForFinished(5000); // reaped, so its CPU time counts
    const qint64 cpuNs = processCpuNs() - cpuBefore;
    const qint64 clientNs = childrenCpuNs() - clientBefore;
    QList<WrkResult> out;
    for (auto& wrk : wrks)
        out << (program == QLatin1String("wrk") ? parseWrk(*wrk, cpuNs, clientNs, 0)
                                                : parsePipelined(*wrk, cpuNs));
    qint64 all = 0;
    for (const WrkResult& r : out)
        all += r.requests;
    for (WrkResult& r : out)
        r.clientCpuUs = all > 0 ? clientNs / 1000.0 / double(all) : 0;
    return out;
}

WrkResult runWrk(const QStringList& args)
{
    const QList<WrkResult> r = runWrks({args});
    return r.isEmpty() ? WrkResult{} : r.first();
}

// The pipelined client (PipelinedClient.h) polling `token` on `port`, as its own process.
WrkResult runPipelined(quint16 port, int connections, int depth, double seconds,
                       const QString& token)
{
    const QList<WrkResult> r =
        runWrks({{QStringLiteral("--client"), QString::number(port), QString::number(connections),
                  QString::number(depth), QString::number(seconds), token}},
                QCoreApplication::applicationFilePath());
    return r.isEmpty() ? WrkResult{} : r.first();
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

QString joined(const QList<double>& values, int decimals = 2)
{
    QStringList each;
    for (double v : values)
        each << QString::number(v, 'f', decimals);
    return each.join(QStringLiteral(", "));
}

// The bare libmicrohttpd route: the library alone, with the front's threading, answering
// every request with one fixed JSON object (no routing, no limits, no handler).
class BareMhd
{
public:
    explicit BareMhd(int threads)
    {
        static const char body[] = R"({"concertId":1,"estimatedWaitSeconds":10,"position":1,)"
                                   R"("status":"WAITING","userId":1})";
        m_response = MHD_create_response_from_buffer(sizeof body - 1, const_cast<char*>(body),
                                                     MHD_RESPMEM_PERSISTENT);
        MHD_add_response_header(m_response, "Content-Type", "application/json; charset=utf-8");
        sockaddr_in where{};
        where.sin_family = AF_INET;
        where.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_daemon = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, nullptr, nullptr,
                                    &BareMhd::answer, this, MHD_OPTION_SOCK_ADDR, &where,
                                    MHD_OPTION_THREAD_POOL_SIZE, unsigned(threads), MHD_OPTION_END);
        if (m_daemon)
            m_port = MHD_get_daemon_info(m_daemon, MHD_DAEMON_INFO_BIND_PORT)->port;
    }
    ~BareMhd()
    {
        if (m_daemon)
            MHD_stop_daemon(m_daemon);
        MHD_destroy_response(m_response);
    }
    quint16 port() const { return m_port; }

private:
    static MHD_Result answer(void* self, MHD_Connection* c, const char*, const char*, const char*,
                             const char*, size_t*, void** state)
    {
        if (!*state) { // the first call brings the head; answer on the second
            *state = self;
            return MHD_YES;
        }
        return MHD_queue_response(c, 200, static_cast<BareMhd*>(self)->m_response);
    }

    MHD_Daemon* m_daemon = nullptr;
    MHD_Response* m_response = nullptr;
    quint16 m_port = 0;
};

// Eight clients each send a 100 MB charge body at once; returns how far resident memory rose
// above what it was before, at its peak. `serve` runs while they send (the QHttpServer baseline
// reads on this thread's event loop).
qint64 eightBodies(quint16 port, const QByteArray& target, const std::function<void()>& serve,
                   std::atomic<int>* done)
{
    const qint64 idle = residentBytes();
    PeakMemory memory;
    std::vector<std::thread> clients;
    done->store(0);
    for (int i = 0; i < 8; ++i) {
        clients.emplace_back([=] {
            RawClient c(port);
            c.send("POST " + target +
                   " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   "Content-Length: 104857600\r\n\r\n");
            QByteArray chunk = R"({"amount":1000})";
            chunk += QByteArray(64 * 1024 - chunk.size(), ' ');
            c.stream(chunk, 100LL * 1024 * 1024, 120000);
            c.read(60000);
            done->fetch_add(1);
        });
    }
    serve();
    for (std::thread& t : clients)
        t.join();
    return memory.peak() - idle;
}

} // namespace

// bench_http --client PORT CONNECTIONS DEPTH SECONDS TOKEN: the pipelined client, as a process
// of its own beside the server (as wrk is), printing "answers N wrong N seconds S ok 0|1".
int pipelinedClientMain(const QStringList& a)
{
    const QByteArray request = "GET /api/v1/queue/tokens/current HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                               "Authorization: Bearer " +
                               a[6].toLatin1() + "\r\n\r\n";
    PipelinedClient client(quint16(a[2].toUInt()), request, a[3].toInt(), a[4].toInt());
    const PipelinedResult r = client.run(a[5].toDouble());
    std::printf("answers %lld wrong %lld seconds %.3f ok %d reads %lld\n", r.answers, r.wrong,
                r.seconds, r.ok ? 1 : 0, r.reads);
    return r.ok && r.wrong == 0 ? 0 : 1;
}

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() == 7 && app.arguments()[1] == QLatin1String("--client"))
        return pipelinedClientMain(app.arguments());
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const QString duration = quick ? QStringLiteral("2s") : QStringLiteral("5s");
    const QString connections = QStringLiteral("32");
    QTextStream out(stdout);

    // The baseline of before: QHttpServer alone, one route, a fixed JSON object.
    QHttpServer bare;
    bare.route(QStringLiteral("/bare"), QHttpServerRequest::Method::Get, [] {
        return QJsonObject{{QStringLiteral("status"), QStringLiteral("WAITING")},
                           {QStringLiteral("position"), 1},
                           {QStringLiteral("estimatedWaitSeconds"), 10},
                           {QStringLiteral("concertId"), 1},
                           {QStringLiteral("userId"), 1}};
    });
    const quint16 barePort = bare.listen(QHostAddress::LocalHost, 0);
    BareMhd bareMhd(2);

    // Box Office on a real database file (synchronous=FULL, as shipped).
    EngineSettings settings;
    settings.maxHolds = 1'000'000; // one customer may hold thousands here
    settings.idleSeconds = 3600;
    settings.activeSeconds = 86400; // the hold token outlives the idle evictions below
    TestEngine engine(settings);
    const auto big = DemoSeeder::seedLargeVenue(*engine->db, engine.clock);
    if (!big) {
        out << "cannot seed the stadium" << Qt::endl;
        return 1;
    }
    const qint64 stadium = engine->catalogue.schedule(*big)->concertId;
    const QString active = engine.activeToken(7, stadium);
    // The polled token waits in a line with evictions before it, so its position takes the
    // Fenwick sum: 30 entries go idle and are evicted, 30 stay, then it enters (position 31).
    // No admission runs after this, so it stays WAITING.
    for (qint64 customer = 10; customer < 40; ++customer)
        (void)engine->queue.enter(customer, 1);
    engine.clock.advanceSeconds(settings.idleSeconds + 1);
    for (qint64 customer = 40; customer < 70; ++customer)
        (void)engine->queue.enter(customer, 1);
    (void)engine->queue.expireDue(engine.clock.nowMs());
    const QString waiting = engine->queue.enter(99, 1)->token;
    const auto polled = engine->queue.poll(waiting);
    if (!polled || polled->state != QueueState::Waiting || polled->position != 31) {
        out << "the polled token is not WAITING at position 31" << Qt::endl;
        return 1;
    }
    HttpLimits one;
    one.threads = 1;
    HttpLimits two;
    two.threads = 2;
    ApiServer api1(*engine, one);
    ApiServer api2(*engine, two);
    const auto port1 = api1.listen(QHostAddress::LocalHost, 0);
    const auto port2 = api2.listen(QHostAddress::LocalHost, 0);
    if (!port1 || !port2 || !barePort || !bareMhd.port()) {
        out << "cannot listen" << Qt::endl;
        return 1;
    }

    const int rounds = quick ? 2 : 5;
    out << "Box Office HTTP benchmark (" << (quick ? "quick" : "full") << " run): wrk -t2 -c"
        << connections << " -d" << duration << " --latency, 127.0.0.1, Qt " << qVersion()
        << ", libmicrohttpd " << MHD_get_version() << ", " << QThread::idealThreadCount()
        << " cores, " << rounds << " rounds of: bare QHttpServer, bare libmicrohttpd (2 threads),"
        << " poll on 1 thread, poll on 2 threads, each again with 16 pipelined polls and with"
        << " the lean client (32 connections, 16 polls a batch, two batches in flight)" << Qt::endl;
    const QStringList common = {QStringLiteral("-t2"), QStringLiteral("-c") + connections,
                                QStringLiteral("-d") + duration, QStringLiteral("--latency")};
    const QString bearer = QStringLiteral("Authorization: Bearer ") + waiting;
    auto pollArgs = [&](quint16 port) {
        return common +
               QStringList{
                   QStringLiteral("-H"), bearer,
                   QStringLiteral("http://127.0.0.1:%1/api/v1/queue/tokens/current").arg(port)};
    };

    // The same polls, 16 to a write on each connection: wrk then parses answers in batches and
    // makes one system call where it made sixteen, so its CPU per poll falls. If the client's
    // share of the two cores were what holds the second thread back, this ratio would rise.
    QTemporaryFile pipeline(QStringLiteral("bench_http_pipeline_XXXXXX.lua"));
    pipeline.open();
    pipeline.write(QStringLiteral("init = function(args)\n"
                                  "  local r = {}\n"
                                  "  for i = 1, 16 do r[i] = wrk.format('GET',"
                                  " '/api/v1/queue/tokens/current', {['Authorization'] ="
                                  " 'Bearer %1'}) end\n"
                                  "  req = table.concat(r)\n"
                                  "end\n"
                                  "request = function() return req end\n")
                       .arg(waiting)
                       .toUtf8());
    pipeline.close();
    auto pipelinedArgs = [&](quint16 port) {
        return common + QStringList{QStringLiteral("-s"), pipeline.fileName(),
                                    QStringLiteral("http://127.0.0.1:%1").arg(port)};
    };

    struct Round
    {
        WrkResult bareQt, bareMhd, poll1, poll2, piped1, piped2, lean1, lean2;
    };
    QList<Round> results;
    QList<double> scaling, pipedScaling, leanScaling, ofBareMhd, ofBareQt;
    const double seconds = quick ? 2 : 5;
    for (int round = 0; round < rounds; ++round) {
        Round r;
        r.bareQt =
            runWrk(common + QStringList{QStringLiteral("http://127.0.0.1:%1/bare").arg(barePort)});
        r.bareMhd = runWrk(
            common + QStringList{QStringLiteral("http://127.0.0.1:%1/bare").arg(bareMhd.port())});
        r.poll1 = runWrk(pollArgs(*port1));
        r.poll2 = runWrk(pollArgs(*port2));
        r.piped1 = runWrk(pipelinedArgs(*port1));
        r.piped2 = runWrk(pipelinedArgs(*port2));
        // 1 thread first in odd rounds, 2 threads first in even ones.
        if (round % 2 == 0) {
            r.lean1 = runPipelined(*port1, 32, 16, seconds, waiting);
            r.lean2 = runPipelined(*port2, 32, 16, seconds, waiting);
        } else {
            r.lean2 = runPipelined(*port2, 32, 16, seconds, waiting);
            r.lean1 = runPipelined(*port1, 32, 16, seconds, waiting);
        }
        for (const WrkResult* w : {&r.bareQt, &r.bareMhd, &r.poll1, &r.poll2, &r.piped1, &r.piped2,
                                   &r.lean1, &r.lean2}) {
            if (!w->ok) {
                out << "wrk failed:\n" << w->output << Qt::endl;
                return 1;
            }
        }
        scaling << r.poll2.requestsPerSecond / r.poll1.requestsPerSecond;
        pipedScaling << r.piped2.requestsPerSecond / r.piped1.requestsPerSecond;
        leanScaling << r.lean2.requestsPerSecond / r.lean1.requestsPerSecond;
        ofBareMhd << r.poll2.requestsPerSecond / r.bareMhd.requestsPerSecond;
        ofBareQt << r.poll2.requestsPerSecond / r.bareQt.requestsPerSecond;
        results << r;
    }

    // Poll latency alone, then beside four clients fetching the 50,000-seat list (about 2.3 MB
    // an answer, from the snapshot).
    const QString seatsUrl =
        QStringLiteral("http://127.0.0.1:%1/api/v1/schedules/%2/seats").arg(*port2).arg(*big);
    const QString listBearer = QStringLiteral("Authorization: Bearer ") + active;
    {
        // Built once before the clock starts, as any first client would.
        const Timed first =
            timedGet(*port2, QStringLiteral("/api/v1/schedules/%1/seats").arg(*big).toUtf8(),
                     "Bearer " + active.toLatin1());
        if (first.status != 200) {
            out << "the seat list answered " << first.status << Qt::endl;
            return 1;
        }
    }
    const qint64 buildsBefore = api2.seatSnapshots().builds();
    const int latencyRounds = quick ? 1 : 3;
    const QString latencyDuration = quick ? QStringLiteral("2s") : QStringLiteral("5s");
    const QStringList pollLatency = {
        QStringLiteral("-t1"),
        QStringLiteral("-c8"),
        QStringLiteral("-d") + latencyDuration,
        QStringLiteral("--latency"),
        QStringLiteral("-H"),
        bearer,
        QStringLiteral("http://127.0.0.1:%1/api/v1/queue/tokens/current").arg(*port2)};
    const QStringList lists = {QStringLiteral("-t1"),
                               QStringLiteral("-c4"),
                               QStringLiteral("-d") + latencyDuration,
                               QStringLiteral("--latency"),
                               QStringLiteral("--timeout"),
                               QStringLiteral("10s"),
                               QStringLiteral("-H"),
                               listBearer,
                               seatsUrl};
    QList<WrkResult> alone, beside, listing;
    QList<double> latencyRatios;
    for (int round = 0; round < latencyRounds; ++round) {
        alone << runWrk(pollLatency);
        const QList<WrkResult> both = runWrks({lists, pollLatency});
        if (both.size() != 2 || !alone.last().ok || !both[0].ok || !both[1].ok) {
            out << "wrk failed (latency)" << Qt::endl;
            return 1;
        }
        listing << both[0];
        beside << both[1];
        latencyRatios << beside.last().p99Ms / std::max(alone.last().p99Ms, 0.001);
    }
    const qint64 listBuilds = api2.seatSnapshots().builds() - buildsBefore;

    // Eight 100 MB bodies at once, to the front and then (last: its memory may stay taken) to
    // the bare QHttpServer route, which reads whole bodies before it routes.
    std::atomic<int> sent{0};
    const qint64 frontMemory = eightBodies(
        *port2, "/api/v1/users/1/balance/charge", [] {}, &sent);
    qint64 bareQtMemory = -1;
    if (!quick) {
        bareQtMemory = eightBodies(
            barePort, "/bare",
            [&] {
                while (sent.load() < 8)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            },
            &sent);
    }

    // Holds: every request a different seat of the 50,000 (a counter per wrk thread).
    QTemporaryFile script(QStringLiteral("bench_http_XXXXXX.lua"));
    script.open();
    script.write(
        QStringLiteral(
            "local counter = 0\n"
            "local threads = 0\n"
            "function setup(thread) thread:set('first', threads * 25000); threads = threads + 1 "
            "end\n"
            "function init(args) counter = tonumber(first) or 0 end\n"
            "function request()\n"
            "  counter = counter + 1\n"
            "  local body = string.format('{\"scheduleId\":%d,\"seatNumber\":%d}', %1, counter)\n"
            "  return wrk.format('POST', '/api/v1/reservations', {['Authorization'] = 'Bearer %2',"
            " ['Content-Type'] = 'application/json'}, body)\n"
            "end\n")
            .arg(*big)
            .arg(active)
            .toUtf8());
    script.close();
    const WrkResult hold = runWrk(
        QStringList{QStringLiteral("-t2"), QStringLiteral("-c8"), QStringLiteral("-d") + duration,
                    QStringLiteral("--latency"), QStringLiteral("-s"), script.fileName(),
                    QStringLiteral("http://127.0.0.1:%1").arg(*port2)});
    if (!hold.ok) {
        out << "wrk failed:\n" << hold.output << Qt::endl;
        return 1;
    }

    auto row = [&](const QString& name, const WrkResult& r) {
        out << QStringLiteral("  %1 %2 req/s   p50 %3   p99 %4   CPU us/req: server %7, wrk %8"
                              "   (%5 requests, %6 non-2xx)")
                   .arg(name, -50)
                   .arg(r.requestsPerSecond, 9, 'f', 0)
                   .arg(r.p50, 8)
                   .arg(r.p99, 8)
                   .arg(r.requests)
                   .arg(r.non2xx)
                   .arg(r.serverCpuUs, 0, 'f', 1)
                   .arg(r.clientCpuUs, 0, 'f', 1)
            << Qt::endl;
    };
    auto verdict = [](bool met) {
        return met ? QStringLiteral("target met") : QStringLiteral("target missed");
    };
    for (int round = 0; round < rounds; ++round) {
        const Round& r = results[round];
        row(QStringLiteral("round %1 baseline: bare QHttpServer route").arg(round + 1), r.bareQt);
        row(QStringLiteral("round %1 baseline: bare libmicrohttpd route, 2 thr").arg(round + 1),
            r.bareMhd);
        row(QStringLiteral("round %1 poll, front on 1 thread").arg(round + 1), r.poll1);
        row(QStringLiteral("round %1 poll, front on 2 threads").arg(round + 1), r.poll2);
        row(QStringLiteral("round %1 poll, 1 thread, 16 pipelined").arg(round + 1), r.piped1);
        row(QStringLiteral("round %1 poll, 2 threads, 16 pipelined").arg(round + 1), r.piped2);
        row(QStringLiteral("round %1 poll, 1 thread, lean client").arg(round + 1), r.lean1);
        row(QStringLiteral("round %1 poll, 2 threads, lean client").arg(round + 1), r.lean2);
    }
    for (int round = 0; round < latencyRounds; ++round) {
        row(QStringLiteral("latency %1: poll alone (-c8)").arg(round + 1), alone[round]);
        row(QStringLiteral("latency %1: poll beside 4 seat-list clients").arg(round + 1),
            beside[round]);
        row(QStringLiteral("latency %1: the 4 seat-list clients (50,000 seats)").arg(round + 1),
            listing[round]);
    }
    row(QStringLiteral("POST /api/v1/reservations (hold, -c8)"), hold);

    // One line a ratio: its median, each round's, and the verdict where there is a target.
    auto ratioLine = [&](const QString& name, const QList<double>& perRound, double target) {
        const double m = median(perRound);
        out << QStringLiteral("  %1 = %2 median of rounds (%3)   %4")
                   .arg(name)
                   .arg(m, 0, 'f', 2)
                   .arg(joined(perRound))
                   .arg(target > 0 ? QStringLiteral("(target >= %1) -> %2")
                                         .arg(target)
                                         .arg(verdict(m >= target))
                                   : QStringLiteral("(no target)"))
            << Qt::endl;
    };
    ratioLine(QStringLiteral("poll 2 threads / 1 thread"), scaling, 1.6);
    {
        // What this machine allows with wrk on its cores too: both sides' CPU per poll shares
        // the cores, and one server thread uses one core at the most.
        QList<double> ceilings;
        for (const Round& r : results) {
            const double both = r.poll2.serverCpuUs + r.poll2.clientCpuUs;
            const double two = QThread::idealThreadCount() * 1e6 / both;
            const double one = std::min(1e6 / r.poll1.serverCpuUs,
                                        QThread::idealThreadCount() * 1e6 /
                                            (r.poll1.serverCpuUs + r.poll1.clientCpuUs));
            ceilings << two / one;
        }
        out << QStringLiteral(
                   "    (the most 2 threads could give over 1 here, from the CPU per poll"
                   " of server and wrk on %1 cores: %2 median, rounds %3)")
                   .arg(QThread::idealThreadCount())
                   .arg(median(ceilings), 0, 'f', 2)
                   .arg(joined(ceilings))
            << Qt::endl;
    }
    ratioLine(QStringLiteral("poll 2 threads / 1 thread, 16 pipelined polls a connection"),
              pipedScaling, 1.6);
    ratioLine(QStringLiteral("poll 2 threads / 1 thread, lean client (PipelinedClient.h)"),
              leanScaling, 1.6);
    ratioLine(QStringLiteral("poll / bare libmicrohttpd"), ofBareMhd, 0);
    ratioLine(QStringLiteral("poll / bare QHttpServer"), ofBareQt, 0.8);
    QList<double> besideMs;
    for (const WrkResult& w : beside)
        besideMs << w.p99Ms;
    const double ratio = median(latencyRatios);
    const double worst = *std::max_element(besideMs.begin(), besideMs.end());
    out << QStringLiteral(
               "  poll p99 beside 4 seat-list clients / alone = %1 median of rounds (%2),"
               " p99 beside them %3 ms at most   (target <= 5x and <= 100 ms) -> %4")
               .arg(ratio, 0, 'f', 2)
               .arg(joined(latencyRatios))
               .arg(worst, 0, 'f', 2)
               .arg(verdict(ratio <= 5 && worst <= 100))
        << Qt::endl;
    out << QStringLiteral("  seat lists built while the 4 clients fetched %1 lists: %2")
               .arg(std::accumulate(listing.begin(), listing.end(), qint64(0),
                                    [](qint64 n, const WrkResult& w) { return n + w.requests; }))
               .arg(listBuilds)
        << Qt::endl;
    out << QStringLiteral(
               "  resident memory at the peak of 8 x 100 MB bodies: front +%1 MB over idle"
               "   (target <= 100 MB) -> %2;   bare QHttpServer route: %3")
               .arg(double(frontMemory) / 1e6, 0, 'f', 1)
               .arg(verdict(frontMemory <= 100'000'000))
               .arg(bareQtMemory < 0
                        ? QStringLiteral("not run with --quick")
                        : QStringLiteral("+%1 MB").arg(double(bareQtMemory) / 1e6, 0, 'f', 1))
        << Qt::endl;
    out << QStringLiteral("  hold / bare QHttpServer = %1   (each hold is an fsync'd transaction)")
               .arg(hold.requestsPerSecond / results.last().bareQt.requestsPerSecond, 0, 'f', 3)
        << Qt::endl;
    qint64 pollErrors = 0;
    for (const Round& r : results)
        pollErrors += r.poll1.non2xx + r.poll2.non2xx + r.piped1.non2xx + r.piped2.non2xx +
                      r.lean1.non2xx + r.lean2.non2xx;
    for (const WrkResult& w : alone + beside + listing)
        pollErrors += w.non2xx;
    if (pollErrors != 0) {
        out << "unexpected non-2xx answers" << Qt::endl;
        return 1;
    }
    return 0;
}
