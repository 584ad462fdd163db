// Soak: N concurrent HTTP clients (default 32) against one `boxoffice --serve`
// for S seconds (default 60), every operation of the API in a random mix: queue tokens and
// polls, concerts, dates, seats, holds, balance, charges (valid, repeated with the same
// Idempotency-Key, and invalid amounts), history, payments (short of money first, then paid,
// then repeated), plus malformed and unknown-id requests.
//
// Fails (exit 1) on any answer that is neither 2xx nor a documented business error (400, 401,
// 403, 404, 409, 410, 422 with their codes), on a missing answer, on a balance that differs from
// what the client's own arithmetic says (each client is the only one touching its customers),
// on server RSS growing more than --max-rss-growth percent after the first 10 s (the peak of the
// last 10 s against the peak of the first 10 s: the 50,000-seat list is a 3 MB answer whose
// transient memory makes single samples jump by 30 MB, so the first client fetches it at once,
// and peaks are compared with peaks), on the server dying, or on `boxoffice --check` finding a
// broken invariant afterwards. Prints throughput,
// counts and latencies per operation and the server's RSS curve (VmRSS, once a second).
//
//   soak [--seconds S] [--clients N] [--postgres] [--max-rss-growth PCT] [--seed N]
//
// --postgres (or BOXOFFICE_TEST_ENGINE=postgres) runs on a fresh schema of the server named by
// BOXOFFICE_TEST_POSTGRES (scripts/with-postgres.sh starts one); the default is a SQLite file in
// a temporary folder.

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace {

constexpr qint64 kMaxBalance = 10'000'000;
constexpr int kStadiumConcert = 4;
constexpr int kStadiumSeats = 50000;

struct Stats
{
    QMap<QString, QMap<QString, qint64>> answers; // op → "status CODE" → count
    QMap<QString, std::vector<double>> latencyMs; // op → latencies
    QStringList failures;
    qint64 total = 0;
    bool running = true;
    int inFlight = 0;
};

bool documented(int status, const QString& code)
{
    static const QMap<int, QStringList> codes{
        {400, {QStringLiteral("BAD_REQUEST")}},
        {401,
         {QStringLiteral("TOKEN_MISSING"), QStringLiteral("TOKEN_INVALID"),
          QStringLiteral("TOKEN_EXPIRED")}},
        {403,
         {QStringLiteral("TOKEN_NOT_ACTIVE"), QStringLiteral("TOKEN_WRONG_CONCERT"),
          QStringLiteral("NOT_YOUR_RESERVATION")}},
        {404,
         {QStringLiteral("NOT_FOUND"), QStringLiteral("USER_NOT_FOUND"),
          QStringLiteral("CONCERT_NOT_FOUND"), QStringLiteral("SCHEDULE_NOT_FOUND"),
          QStringLiteral("SEAT_NOT_FOUND"), QStringLiteral("RESERVATION_NOT_FOUND"),
          QStringLiteral("NO_AVAILABLE_SCHEDULES"), QStringLiteral("NO_AVAILABLE_SEATS"),
          QStringLiteral("BALANCE_NOT_FOUND")}},
        {409,
         {QStringLiteral("SEAT_ALREADY_TAKEN"), QStringLiteral("INSUFFICIENT_BALANCE"),
          QStringLiteral("HOLD_LIMIT"), QStringLiteral("ALREADY_PAID"),
          QStringLiteral("SCHEDULE_CLOSED")}},
        {410, {QStringLiteral("HOLD_EXPIRED")}},
        {422, {QStringLiteral("INVALID_AMOUNT")}},
    };
    return codes.value(status).contains(code);
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

struct Answer
{
    int status = 0;
    QJsonObject body;
    QString code() const { return body.value(QStringLiteral("code")).toString(); }
};

// One client: one customer at a time out of its own set, one request at a time.
class Client : public QObject
{
public:
    Client(int index, int clients, quint16 port, Stats& stats, quint32 seed)
        : m_port(port), m_stats(stats), m_rng(seed)
    {
        for (int c = index + 1; c <= 100; c += clients)
            m_customers << c;
        for (int c : std::as_const(m_customers))
            m_balance.insert(c, 0); // a fresh demo database: every balance is 0
        // The first client warms the server up with its largest answer (the stadium's seat
        // list) in its first cycle, inside the first 10 s of the RSS curve.
        m_fetchStadiumSeats = index == 0;
    }

    void start() { cycle(); }
    bool idle() const { return m_done; }

private:
    using Next = std::function<void(const Answer&)>;

    // Sends one request; anything but a 2xx or a documented business error is a failure, and
    // so is a status outside `expect` when it is given.
    void call(const QString& op, const QByteArray& method, const QString& path,
              const QByteArray& body, const QString& token, const QString& key, QList<int> expect,
              Next next)
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Accept-Language", "en");
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        if (!key.isEmpty())
            req.setRawHeader("Idempotency-Key", key.toUtf8());
        req.setTransferTimeout(30000);
        QElapsedTimer t;
        t.start();
        ++m_stats.inFlight;
        QNetworkReply* reply = m_nam.sendCustomRequest(req, method, body);
        connect(
            reply, &QNetworkReply::finished, this,
            [this, reply, t, op, path, expect, next = std::move(next)] {
                reply->deleteLater();
                --m_stats.inFlight;
                ++m_stats.total;
                m_stats.latencyMs[op].push_back(double(t.nsecsElapsed()) / 1e6);
                const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
                if (!status.isValid()) {
                    m_stats.answers[op][QStringLiteral("no answer")]++;
                    fail(
                        QStringLiteral("%1 %2: no answer: %3").arg(op, path, reply->errorString()));
                    return finish();
                }
                Answer a;
                a.status = status.toInt();
                a.body = QJsonDocument::fromJson(reply->readAll()).object();
                const bool ok = a.status >= 200 && a.status < 300;
                m_stats.answers[op][ok ? QString::number(a.status)
                                       : QStringLiteral("%1 %2").arg(a.status).arg(a.code())]++;
                if (!ok && !documented(a.status, a.code()))
                    fail(QStringLiteral("%1 %2: undocumented answer %3 %4")
                             .arg(op, path)
                             .arg(a.status)
                             .arg(compact(a.body)));
                else if (!expect.isEmpty() && !expect.contains(a.status))
                    fail(QStringLiteral("%1 %2: unexpected %3 %4")
                             .arg(op, path)
                             .arg(a.status)
                             .arg(compact(a.body)));
                if (!m_stats.running)
                    return finish();
                next(a);
            });
    }

    void fail(const QString& why)
    {
        if (m_stats.failures.size() < 200)
            m_stats.failures << why;
    }
    void finish() { m_done = true; }

    QString newKey()
    {
        return QStringLiteral("soak-%1").arg(m_rng.generate64(), 16, 16, QLatin1Char('0'));
    }

    void checkBalance(const QString& what, qint64 answered)
    {
        if (answered != m_balance.value(m_customer))
            fail(QStringLiteral("customer %1: %2 says balance %3, the client's own sum is %4")
                     .arg(m_customer)
                     .arg(what)
                     .arg(answered)
                     .arg(m_balance.value(m_customer)));
        m_balance[m_customer] = answered; // report a drift once
    }

    // A customer enters a concert's queue, waits for admission, does a random run of
    // operations and checks out.
    void cycle()
    {
        if (!m_stats.running)
            return finish();
        m_customer = m_customers.at(m_cycle++ % m_customers.size());
        m_concert = m_fetchStadiumSeats || m_rng.bounded(10) < 7 ? kStadiumConcert
                                                                 : 1 + int(m_rng.bounded(3));
        m_held.clear();
        m_heldTotal = 0;
        m_scheduleId = 0;
        m_seats.clear();
        call(QStringLiteral("queue.enter"), "POST", QStringLiteral("/api/v1/queue/tokens"),
             QStringLiteral(R"({"userId":%1,"concertId":%2})")
                 .arg(m_customer)
                 .arg(m_concert)
                 .toUtf8(),
             {}, {}, {200, 201}, [this](const Answer& a) {
                 m_token = a.body.value(QStringLiteral("token")).toString();
                 if (a.status != 200 && a.status != 201)
                     return cycle();
                 if (a.body.value(QStringLiteral("status")).toString() == QLatin1String("ACTIVE"))
                     return actions(4 + int(m_rng.bounded(10)));
                 poll();
             });
    }

    void poll()
    {
        // Admission runs once a second; ask again a little later (a timer, not a sleep).
        QTimer::singleShot(200, this, [this] {
            if (!m_stats.running)
                return finish();
            call(QStringLiteral("queue.poll"), "GET",
                 QStringLiteral("/api/v1/queue/tokens/current"), {}, m_token, {}, {200},
                 [this](const Answer& a) {
                     if (a.status != 200)
                         return cycle();
                     if (a.body.value(QStringLiteral("status")).toString() ==
                         QLatin1String("ACTIVE"))
                         return actions(4 + int(m_rng.bounded(10)));
                     poll();
                 });
        });
    }

    void actions(int left)
    {
        if (left <= 0)
            return checkout();
        auto next = [this, left](const Answer&) { actions(left - 1); };
        const int r = int(m_rng.bounded(100));
        if (r < 6) {
            call(QStringLiteral("concerts"), "GET", QStringLiteral("/api/v1/concerts"), {}, {}, {},
                 {200}, next);
        } else if (r < 16 || m_scheduleId == 0) {
            call(QStringLiteral("schedules"), "GET",
                 QStringLiteral("/api/v1/concerts/%1/schedules").arg(m_concert), {}, m_token, {},
                 {200, 404}, [this, next](const Answer& a) {
                     const QJsonArray list = a.body.value(QStringLiteral("schedules")).toArray();
                     if (!list.isEmpty())
                         m_scheduleId = list.at(int(m_rng.bounded(list.size())))
                                            .toObject()
                                            .value(QStringLiteral("scheduleId"))
                                            .toInteger();
                     else if (m_scheduleId == 0)
                         return checkout(); // sold out: nothing to hold
                     next(a);
                 });
        } else if ((r < 24 && (m_concert != kStadiumConcert || m_rng.bounded(20) == 0)) ||
                   (m_fetchStadiumSeats && m_concert == kStadiumConcert)) {
            m_fetchStadiumSeats = false;
            call(QStringLiteral("seats"), "GET",
                 QStringLiteral("/api/v1/schedules/%1/seats").arg(m_scheduleId), {}, m_token, {},
                 {200, 404}, [this, next](const Answer& a) {
                     m_seats.clear();
                     for (const QJsonValue& s : a.body.value(QStringLiteral("seats")).toArray())
                         m_seats << s.toObject().value(QStringLiteral("seatNumber")).toInt();
                     next(a);
                 });
        } else if (r < 44) {
            int seat = 0;
            if (m_concert == kStadiumConcert)
                seat = 1 + int(m_rng.bounded(kStadiumSeats));
            else if (!m_seats.isEmpty())
                seat = m_seats.takeAt(int(m_rng.bounded(m_seats.size())));
            else
                seat = 1 + int(m_rng.bounded(50));
            call(QStringLiteral("hold"), "POST", QStringLiteral("/api/v1/reservations"),
                 QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                     .arg(m_scheduleId)
                     .arg(seat)
                     .toUtf8(),
                 m_token, {}, {201, 409, 404}, [this, next](const Answer& a) {
                     if (a.status == 201 && m_held.size() < 2) {
                         m_held << a.body.value(QStringLiteral("reservationId")).toInteger();
                         m_heldTotal += a.body.value(QStringLiteral("price")).toInteger();
                     }
                     next(a);
                 });
        } else if (r < 54) {
            call(QStringLiteral("balance"), "GET",
                 QStringLiteral("/api/v1/users/%1/balance").arg(m_customer), {}, {}, {}, {200},
                 [this, next](const Answer& a) {
                     checkBalance(QStringLiteral("GET balance"),
                                  a.body.value(QStringLiteral("balance")).toInteger());
                     next(a);
                 });
        } else if (r < 61) {
            call(QStringLiteral("history"), "GET",
                 QStringLiteral("/api/v1/users/%1/balance/history").arg(m_customer), {}, {}, {},
                 {200}, [this, next](const Answer& a) {
                     const QJsonArray entries = a.body.value(QStringLiteral("entries")).toArray();
                     checkBalance(QStringLiteral("the newest ledger entry"),
                                  entries.isEmpty() ? 0
                                                    : entries.first()
                                                          .toObject()
                                                          .value(QStringLiteral("balanceAfter"))
                                                          .toInteger());
                     next(a);
                 });
        } else if (r < 74) {
            charge(1000 * (1 + qint64(m_rng.bounded(50))), m_rng.bounded(5) != 0, next);
        } else if (r < 82) {
            invalidCharge(next);
        } else if (r < 88) {
            probe(next);
        } else {
            call(QStringLiteral("queue.poll"), "GET",
                 QStringLiteral("/api/v1/queue/tokens/current"), {}, m_token, {}, {200}, next);
        }
    }

    // A valid charge (with or without a key); with a key, sometimes the same request again.
    void charge(qint64 amount, bool withKey, Next next)
    {
        const QString key = withKey ? newKey() : QString();
        const QString path = QStringLiteral("/api/v1/users/%1/balance/charge").arg(m_customer);
        const QByteArray body = QStringLiteral(R"({"amount":%1})").arg(amount).toUtf8();
        const bool overLimit = m_balance.value(m_customer) + amount > kMaxBalance;
        call(QStringLiteral("charge"), "POST", path, body, {}, key, {overLimit ? 422 : 200},
             [this, amount, key, path, body, next](const Answer& a) {
                 if (a.status != 200)
                     return next(a);
                 m_balance[m_customer] += amount;
                 const qint64 after = a.body.value(QStringLiteral("balance")).toInteger();
                 checkBalance(QStringLiteral("a charge"), after);
                 if (key.isEmpty() || m_rng.bounded(3) != 0)
                     return next(a);
                 call(QStringLiteral("charge.repeat"), "POST", path, body, {}, key, {200},
                      [this, after, next](const Answer& again) {
                          if (again.body.value(QStringLiteral("balance")).toInteger() != after)
                              fail(QStringLiteral("customer %1: a repeated charge answered %2, the"
                                                  " first %3")
                                       .arg(m_customer)
                                       .arg(again.body.value(QStringLiteral("balance")).toInteger())
                                       .arg(after));
                          next(again);
                      });
             });
    }

    void invalidCharge(Next next)
    {
        static const QList<QByteArray> amounts{
            R"({"amount":0})",     R"({"amount":-1000})",   R"({"amount":12.5})",
            R"({"amount":"abc"})", R"({"amount":1000001})", R"({"amount":1e20})",
            R"({"amount":null})",  R"({"amount":[5]})",     R"({"amount":"5000"})"};
        static const QList<QByteArray> malformed{R"({"amount":)", R"({})", R"([1000])", "abc"};
        const bool bad = m_rng.bounded(4) == 0;
        const QByteArray body = bad ? malformed.at(int(m_rng.bounded(malformed.size())))
                                    : amounts.at(int(m_rng.bounded(amounts.size())));
        call(bad ? QStringLiteral("charge.malformed") : QStringLiteral("charge.invalid"), "POST",
             QStringLiteral("/api/v1/users/%1/balance/charge").arg(m_customer), body, {}, newKey(),
             {bad ? 400 : 422}, next);
    }

    // Client mistakes that must be answered with their documented errors.
    void probe(Next next)
    {
        switch (m_rng.bounded(6)) {
        case 0:
            return call(QStringLiteral("probe.unknown-user"), "GET",
                        QStringLiteral("/api/v1/users/999999/balance"), {}, {}, {}, {404}, next);
        case 1:
            return call(QStringLiteral("probe.bad-token"), "GET",
                        QStringLiteral("/api/v1/queue/tokens/current"), {},
                        QStringLiteral("not-a-token"), {}, {401}, next);
        case 2:
            return call(QStringLiteral("probe.no-token"), "GET",
                        QStringLiteral("/api/v1/concerts/%1/schedules").arg(m_concert), {}, {}, {},
                        {401}, next);
        case 3:
            return call(QStringLiteral("probe.bad-hold"), "POST",
                        QStringLiteral("/api/v1/reservations"), R"({"scheduleId":"x"})", m_token,
                        {}, {400}, next);
        case 4:
            return call(QStringLiteral("probe.unknown-path"), "GET",
                        QStringLiteral("/api/v1/nowhere"), {}, {}, {}, {404}, next);
        default:
            return call(QStringLiteral("probe.unknown-reservation"), "POST",
                        QStringLiteral("/api/v1/payments"), R"({"reservationIds":[999999999]})",
                        m_token, newKey(), {404}, next);
        }
    }

    // Pays what is held: short of money first when the balance does not cover it (409
    // INSUFFICIENT_BALANCE, nothing changes), then charged and paid, sometimes repeated.
    void checkout()
    {
        if (!m_stats.running)
            return finish();
        if (m_held.isEmpty() || m_rng.bounded(100) < 10)
            return cycle(); // nothing held, or walked away: the holds expire by themselves
        const qint64 balance = m_balance.value(m_customer);
        if (balance >= m_heldTotal)
            return pay();
        const QString key = newKey();
        call(QStringLiteral("payment.insufficient"), "POST", QStringLiteral("/api/v1/payments"),
             payBody(), m_token, key, {409, 410}, [this, balance](const Answer& a) {
                 if (a.status == 409 && a.code() != QLatin1String("INSUFFICIENT_BALANCE"))
                     fail(
                         QStringLiteral("payment short of money answered %1").arg(compact(a.body)));
                 if (a.status != 409)
                     return cycle(); // HOLD_EXPIRED: the holds are gone
                 charge(m_heldTotal - balance, true, [this](const Answer& c) {
                     if (c.status != 200)
                         return cycle();
                     pay();
                 });
             });
    }

    QByteArray payBody() const
    {
        QJsonArray ids;
        for (qint64 id : m_held)
            ids.append(id);
        return QJsonDocument(QJsonObject{{QStringLiteral("reservationIds"), ids}})
            .toJson(QJsonDocument::Compact);
    }

    void pay()
    {
        const QString key = newKey();
        call(QStringLiteral("payment"), "POST", QStringLiteral("/api/v1/payments"), payBody(),
             m_token, key, {201, 410}, [this, key](const Answer& a) {
                 if (a.status != 201)
                     return cycle();
                 if (a.body.value(QStringLiteral("amount")).toInteger() != m_heldTotal)
                     fail(QStringLiteral("payment of %1 KRW for seats costing %2")
                              .arg(a.body.value(QStringLiteral("amount")).toInteger())
                              .arg(m_heldTotal));
                 m_balance[m_customer] -= m_heldTotal;
                 checkBalance(QStringLiteral("a payment"),
                              a.body.value(QStringLiteral("balance")).toInteger());
                 const qint64 paymentId = a.body.value(QStringLiteral("paymentId")).toInteger();
                 if (m_rng.bounded(4) != 0)
                     return cycle();
                 // The same payment again (a client that lost the answer): the original.
                 call(QStringLiteral("payment.repeat"), "POST", QStringLiteral("/api/v1/payments"),
                      payBody(), m_token, key, {200}, [this, paymentId](const Answer& again) {
                          if (again.body.value(QStringLiteral("paymentId")).toInteger() !=
                              paymentId)
                              fail(QStringLiteral("a repeated payment answered %1, the first was"
                                                  " payment %2")
                                       .arg(compact(again.body))
                                       .arg(paymentId));
                          cycle();
                      });
             });
    }

    quint16 m_port;
    Stats& m_stats;
    QRandomGenerator m_rng;
    QNetworkAccessManager m_nam;
    QList<int> m_customers;
    QHash<int, qint64> m_balance;
    int m_cycle = 0;
    int m_customer = 0;
    int m_concert = 0;
    QString m_token;
    qint64 m_scheduleId = 0;
    QList<int> m_seats;
    QList<qint64> m_held;
    qint64 m_heldTotal = 0;
    bool m_fetchStadiumSeats = false;
    bool m_done = false;
};

// Runs the event loop until `done()` or the timeout (no sleeping: a timer wakes the loop to look
// again). False on timeout.
bool runUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > timeoutMs)
            loop.quit();
    });
    tick.start(20);
    if (!done())
        loop.exec();
    return done();
}

std::optional<qint64> rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return std::nullopt;
}

// The test PostgreSQL server: statements over a connection of the soak's own.
bool postgresAdmin(const QString& base, const QString& sql, QString* error)
{
    const QUrl url(base);
    bool ok = false;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("soak"));
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SET client_min_messages TO WARNING")); // no NOTICE per table
            ok = q.exec(sql);
            if (!ok)
                *error = q.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("soak"));
    return ok;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Soak test of boxoffice --serve"));
    p.addHelpOption();
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("duration"),
                                        QStringLiteral("S"), QStringLiteral("60"));
    const QCommandLineOption clientsOpt(QStringLiteral("clients"),
                                        QStringLiteral("concurrent clients (1-100)"),
                                        QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption postgresOpt(QStringLiteral("postgres"),
                                         QStringLiteral("run on BOXOFFICE_TEST_POSTGRES"));
    const QCommandLineOption growthOpt(QStringLiteral("max-rss-growth"),
                                       QStringLiteral("RSS growth allowed after t=10 s, percent"),
                                       QStringLiteral("PCT"), QStringLiteral("20"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QStringLiteral("random seed"),
                                     QStringLiteral("N"));
    p.addOptions({secondsOpt, clientsOpt, postgresOpt, growthOpt, seedOpt});
    p.process(app);
    const int seconds = p.value(secondsOpt).toInt();
    const int clients = p.value(clientsOpt).toInt();
    const double maxGrowth = p.value(growthOpt).toDouble();
    if (seconds < 1 || seconds > 86400 || clients < 1 || clients > 100) {
        std::fprintf(stderr, "soak: --seconds 1..86400, --clients 1..100\n");
        return 2;
    }
    const bool postgres = p.isSet(postgresOpt) || qEnvironmentVariable("BOXOFFICE_TEST_ENGINE") ==
                                                      QLatin1String("postgres");
    const quint32 seed =
        p.isSet(seedOpt) ? p.value(seedOpt).toUInt() : QRandomGenerator::global()->generate();

    QTemporaryDir dir;
    QString database, schema, base;
    if (postgres) {
        base = qEnvironmentVariable("BOXOFFICE_TEST_POSTGRES");
        if (base.isEmpty()) {
            std::fprintf(stderr, "soak: --postgres needs BOXOFFICE_TEST_POSTGRES (run it under"
                                 " scripts/with-postgres.sh)\n");
            return 1;
        }
        schema = QStringLiteral("soak_%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                               QLatin1Char('0'));
        QString error;
        if (!postgresAdmin(base, QStringLiteral("CREATE SCHEMA %1").arg(schema), &error)) {
            std::fprintf(stderr, "soak: cannot create a schema: %s\n", qPrintable(error));
            return 1;
        }
        QUrl url(base);
        url.setQuery(QStringLiteral("schema=%1").arg(schema));
        database = url.toString();
    } else {
        if (!dir.isValid())
            return 1;
        database = dir.filePath(QStringLiteral("soak.sqlite"));
    }
    auto dropSchema = [&] {
        QString error;
        if (!schema.isEmpty() &&
            !postgresAdmin(base, QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema),
                           &error))
            std::fprintf(stderr, "soak: cannot drop schema %s: %s\n", qPrintable(schema),
                         qPrintable(error));
    };

    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.start(QStringLiteral(BOXOFFICE_BIN),
                 {QStringLiteral("--serve"), QStringLiteral("--database"), database,
                  QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                  QStringLiteral("--activate-every"), QStringLiteral("1"),
                  QStringLiteral("--activate-count"), QStringLiteral("1000"),
                  QStringLiteral("--hold-seconds"), QStringLiteral("10")});
    if (!server.waitForStarted(10000)) {
        std::fprintf(stderr, "soak: cannot start %s\n", BOXOFFICE_BIN);
        dropSchema();
        return 1;
    }
    QByteArray out, err;
    quint16 port = 0;
    static const QRegularExpression line(
        QStringLiteral("boxoffice: serving (.*) on http://127\\.0\\.0\\.1:(\\d+)"));
    QString where;
    for (int i = 0; i < 1200 && port == 0 && server.state() == QProcess::Running; ++i) {
        server.waitForReadyRead(100);
        out += server.readAllStandardOutput();
        if (const auto m = line.match(QString::fromUtf8(out)); m.hasMatch()) {
            port = quint16(m.captured(2).toUInt());
            where = m.captured(1);
        }
    }
    if (port == 0) {
        std::fprintf(stderr, "soak: the server did not start:\n%s%s\n", out.constData(),
                     server.readAllStandardError().constData());
        server.kill();
        server.waitForFinished(10000);
        dropSchema();
        return 1;
    }
    const qint64 pid = server.processId();
    std::printf("soak: %d clients for %d s against %s (pid %lld, port %u), seed %u\n", clients,
                seconds, qPrintable(where), pid, port, seed);
    std::fflush(stdout);
    QObject::connect(&server, &QProcess::readyReadStandardError,
                     [&] { err += server.readAllStandardError(); });

    Stats stats;
    std::vector<std::unique_ptr<Client>> pool;
    QRandomGenerator seeds(seed);
    for (int c = 0; c < clients; ++c)
        pool.push_back(std::make_unique<Client>(c, clients, port, stats, seeds.generate()));

    // RSS once a second, with the requests answered in that second.
    struct Sample
    {
        double t;
        qint64 kb;
        qint64 requests;
    };
    std::vector<Sample> curve;
    QElapsedTimer clock;
    QTimer sampler;
    qint64 lastTotal = 0;
    QObject::connect(&sampler, &QTimer::timeout, [&] {
        if (const auto kb = rssKb(pid)) {
            curve.push_back({double(clock.elapsed()) / 1000.0, *kb, stats.total - lastTotal});
            lastTotal = stats.total;
        }
    });
    const std::optional<qint64> startKb = rssKb(pid);
    clock.start();
    sampler.start(1000);
    for (auto& c : pool)
        c->start();
    runUntil([&] { return clock.elapsed() >= qint64(seconds) * 1000; }, seconds * 1000 + 1000);
    stats.running = false;
    const double loadSeconds = double(clock.elapsed()) / 1000.0;
    const qint64 loadRequests = stats.total;
    sampler.stop();
    const bool drained = runUntil([&] { return stats.inFlight == 0; }, 30000);
    if (!drained)
        stats.failures << QStringLiteral("%1 requests still unanswered 30 s after the end")
                              .arg(stats.inFlight);
    const bool alive = server.state() == QProcess::Running;
    if (!alive)
        stats.failures << QStringLiteral("the server died during the run");
    pool.clear();

    // Counts and latencies per operation.
    std::printf("\n%-26s %8s %8s %8s  answers\n", "operation", "count", "p50 ms", "p99 ms");
    for (auto it = stats.answers.cbegin(); it != stats.answers.cend(); ++it) {
        qint64 n = 0;
        QStringList parts;
        for (auto a = it->cbegin(); a != it->cend(); ++a) {
            n += *a;
            parts << QStringLiteral("%1 ×%2").arg(a.key()).arg(*a);
        }
        const auto& lat = stats.latencyMs[it.key()];
        std::printf("%-26s %8lld %8.2f %8.2f  %s\n", qPrintable(it.key()), n, percentile(lat, 0.5),
                    percentile(lat, 0.99), qPrintable(parts.join(", ")));
    }
    std::printf("\nthroughput: %lld requests in %.1f s = %.0f requests/s (%d clients, %s)\n",
                loadRequests, loadSeconds, double(loadRequests) / loadSeconds, clients,
                postgres ? "PostgreSQL" : "SQLite");

    // The RSS curve, ten samples a line, and its growth after the first 10 seconds.
    std::printf("\nserver RSS (MB), one sample a second; start %.1f MB:\n",
                startKb ? double(*startKb) / 1024.0 : 0.0);
    for (size_t i = 0; i < curve.size(); i += 10) {
        std::printf("  t=%3.0fs", curve[i].t);
        for (size_t j = i; j < std::min(curve.size(), i + 10); ++j)
            std::printf(" %6.1f", double(curve[j].kb) / 1024.0);
        std::printf("\n");
    }
    bool rssOk = true;
    if (curve.size() >= 12 && seconds >= 20) {
        // Peaks against peaks: the first 10 s (with the warm-up's largest answer) and the last 10.
        qint64 firstPeak = 0;
        qint64 lastPeak = 0;
        for (const Sample& s : curve) {
            if (s.t <= 10.5)
                firstPeak = std::max(firstPeak, s.kb);
            if (s.t >= curve.back().t - 10.0)
                lastPeak = std::max(lastPeak, s.kb);
        }
        const double growth = double(lastPeak - firstPeak) / double(firstPeak) * 100.0;
        rssOk = growth <= maxGrowth;
        std::printf("RSS peak in the first 10 s %.1f MB, in the last 10 s %.1f MB (at the end %.1f"
                    " MB): growth %+.1f%% (limit %.0f%%) %s\n",
                    double(firstPeak) / 1024.0, double(lastPeak) / 1024.0,
                    double(curve.back().kb) / 1024.0, growth, maxGrowth,
                    rssOk ? "flat" : "GROWING");
        if (!rssOk)
            stats.failures
                << QStringLiteral("server RSS grew %1% after t=10 s").arg(growth, 0, 'f', 1);
    } else {
        std::printf("RSS growth after t=10 s: not judged (the run is shorter than 20 s)\n");
    }

    // Stop the server and check the database it leaves.
    server.terminate();
    if (!server.waitForFinished(15000)) {
        server.kill();
        server.waitForFinished(10000);
    }
    err += server.readAllStandardError();
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(BOXOFFICE_BIN),
                {QStringLiteral("--check"), QStringLiteral("--database"), database});
    const bool finished = check.waitForStarted(10000) && check.waitForFinished(300000);
    if (!finished) {
        check.kill();
        check.waitForFinished(5000);
    }
    const QByteArray report = check.readAll();
    std::printf("\n%s", report.constData());
    if (!finished || check.exitStatus() != QProcess::NormalExit || check.exitCode() != 0)
        stats.failures << QStringLiteral("boxoffice --check failed");
    dropSchema();

    if (!stats.failures.isEmpty()) {
        std::printf("\nFAILURES (%lld):\n", qint64(stats.failures.size()));
        for (const QString& f : std::as_const(stats.failures))
            std::printf("  %s\n", qPrintable(f));
        if (!err.isEmpty())
            std::printf("server stderr (last 4 KB):\n%s\n", err.right(4096).constData());
        std::printf("soak: FAIL\n");
        return 1;
    }
    std::printf("soak: PASS\n");
    return 0;
}
