// HTTP over loopback (issue 5 §1): requests per second and p50/p99 latency for the queue poll
// and for seat holds, measured with wrk (Debian's package), beside a bare QHttpServer route that
// returns a fixed JSON object, built and measured in this same run and process. The two
// alternate for several rounds and the ratio printed is the median of the rounds' ratios.
// Usage: bench_http [--quick]. Exits non-zero only if wrk is missing or something fails.

#include "support/TestSupport.h"

#include "http/ApiServer.h"

#include <QCoreApplication>
#include <QHttpServer>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

struct WrkResult
{
    double requestsPerSecond = 0;
    QString p50;
    QString p99;
    qint64 requests = 0;
    qint64 non2xx = 0;
    double serverCpuUs = 0; // this thread's CPU time (the servers run on it) per request
    bool ok = false;
    QString output;
};

qint64 threadCpuNs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

// Runs wrk while this thread's event loop keeps serving.
WrkResult runWrk(const QStringList& args)
{
    QProcess wrk;
    wrk.setProcessChannelMode(QProcess::MergedChannels);
    wrk.start(QStringLiteral("wrk"), args);
    QEventLoop loop;
    QObject::connect(&wrk, &QProcess::finished, &loop, &QEventLoop::quit);
    if (!wrk.waitForStarted(5000))
        return {};
    const qint64 cpuBefore = threadCpuNs();
    loop.exec();
    const qint64 cpuNs = threadCpuNs() - cpuBefore;
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
    r.requests = total.captured(1).toLongLong();
    r.non2xx = non2xx.hasMatch() ? non2xx.captured(1).toLongLong() : 0;
    r.serverCpuUs = r.requests > 0 ? cpuNs / 1000.0 / double(r.requests) : 0;
    return r;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const QString duration = quick ? QStringLiteral("2s") : QStringLiteral("5s");
    const QString connections = QStringLiteral("32");
    QTextStream out(stdout);

    // The baseline: QHttpServer alone, one route, a fixed JSON object.
    QHttpServer bare;
    bare.route(QStringLiteral("/bare"), QHttpServerRequest::Method::Get, [] {
        return QJsonObject{{QStringLiteral("status"), QStringLiteral("WAITING")},
                           {QStringLiteral("position"), 1},
                           {QStringLiteral("estimatedWaitSeconds"), 10},
                           {QStringLiteral("concertId"), 1},
                           {QStringLiteral("userId"), 1}};
    });
    const quint16 barePort = bare.listen(QHostAddress::LocalHost, 0);

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
    ApiServer api(*engine);
    const auto apiPort = api.listen(QHostAddress::LocalHost, 0);
    if (!apiPort || !barePort) {
        out << "cannot listen" << Qt::endl;
        return 1;
    }

    const int rounds = quick ? 2 : 5;
    out << "Box Office HTTP benchmark (" << (quick ? "quick" : "full") << " run): wrk -t2 -c"
        << connections << " -d" << duration << " --latency, 127.0.0.1, Qt " << qVersion() << ", "
        << rounds << " rounds of bare then poll" << Qt::endl;
    const QStringList common = {QStringLiteral("-t2"), QStringLiteral("-c") + connections,
                                QStringLiteral("-d") + duration, QStringLiteral("--latency")};

    // Bare and poll alternate, and each round's ratio is taken from its own pair: a machine
    // that slows down halfway then moves both sides of a ratio, not one.
    QList<WrkResult> bases;
    QList<WrkResult> polls;
    QList<double> ratios;
    for (int round = 0; round < rounds; ++round) {
        bases << runWrk(common +
                        QStringList{QStringLiteral("http://127.0.0.1:%1/bare").arg(barePort)});
        polls << runWrk(
            common +
            QStringList{
                QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + waiting,
                QStringLiteral("http://127.0.0.1:%1/api/v1/queue/tokens/current").arg(*apiPort)});
        if (!bases.last().ok || !polls.last().ok) {
            out << "wrk failed:\n" << bases.last().output << polls.last().output << Qt::endl;
            return 1;
        }
        ratios << polls.last().requestsPerSecond / bases.last().requestsPerSecond;
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
                    QStringLiteral("http://127.0.0.1:%1").arg(*apiPort)});

    if (!hold.ok) {
        out << "wrk failed:\n" << hold.output << Qt::endl;
        return 1;
    }
    auto row = [&](const QString& name, const WrkResult& r) {
        out << QStringLiteral("  %1 %2 req/s   p50 %3   p99 %4   server CPU %7 us/req"
                              "   (%5 requests, %6 non-2xx)")
                   .arg(name, -48)
                   .arg(r.requestsPerSecond, 9, 'f', 0)
                   .arg(r.p50, 8)
                   .arg(r.p99, 8)
                   .arg(r.requests)
                   .arg(r.non2xx)
                   .arg(r.serverCpuUs, 0, 'f', 1)
            << Qt::endl;
    };
    for (int round = 0; round < rounds; ++round) {
        row(QStringLiteral("round %1 baseline: bare QHttpServer route").arg(round + 1),
            bases[round]);
        row(QStringLiteral("round %1 GET /api/v1/queue/tokens/current").arg(round + 1),
            polls[round]);
    }
    row(QStringLiteral("POST /api/v1/reservations (hold, -c8)"), hold);
    QList<double> sorted = ratios;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted.size() % 2
                              ? sorted[sorted.size() / 2]
                              : (sorted[sorted.size() / 2 - 1] + sorted[sorted.size() / 2]) / 2;
    QStringList each;
    for (double r : ratios)
        each << QString::number(r, 'f', 2);
    out << QStringLiteral("  poll / bare = %1 median of rounds (%2)   (target >= 0.5) -> %3")
               .arg(median, 0, 'f', 2)
               .arg(each.join(QStringLiteral(", ")))
               .arg(median >= 0.5 ? QStringLiteral("target met") : QStringLiteral("target missed"))
        << Qt::endl;
    out << QStringLiteral("  hold / bare = %1   (each hold is an fsync'd transaction)")
               .arg(hold.requestsPerSecond / bases.last().requestsPerSecond, 0, 'f', 3)
        << Qt::endl;
    qint64 pollErrors = 0;
    for (const WrkResult& p : polls)
        pollErrors += p.non2xx;
    if (pollErrors != 0) {
        out << "unexpected non-2xx answers to the poll" << Qt::endl;
        return 1;
    }
    return 0;
}
