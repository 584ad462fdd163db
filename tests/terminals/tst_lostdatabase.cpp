// The PostgreSQL server goes away mid-session and comes back.
// - Two `boxoffice --serve` processes take a workload of charges and payments, each with an
//   Idempotency-Key, from 16 clients; the server is stopped (pg_ctl -m fast) in the middle of it
//   and started again. While it is gone every request is answered promptly with 503 and a plain
//   STORAGE_UNAVAILABLE / DATABASE_OPEN_FAILED; the clients repeat whatever was not
//   acknowledged, same key, until it is. Then every acknowledged charge and payment is in the
//   database exactly once, the balances are what was acknowledged, `boxoffice --check` passes
//   and the same processes answer normally, never restarted.
// - The window (offscreen, its engine on the EngineHost's worker) stays responsive while the
//   server is frozen with SIGSTOP (a server that stops answering without closing anything) and
//   while it is stopped and started again: it keeps taking events within a fraction of a second,
//   menus open and the seat map scrolls, it says within 5 s that the database is not answering,
//   and within 30 s of the server's return everything works again with nothing acknowledged
//   lost.
// The server is always started again, whatever happens to a test.

#include "common/StatusLine.h"
#include "demo/DemoSeeder.h"
#include "engine/Engine.h"
#include "engine/EngineHost.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "support/TerminalSupport.h"

#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QMenuBar>
#include <QScrollBar>
#include <QTimer>

using namespace boxoffice;
using namespace boxoffice::terminals;

namespace {

// What every client saw, for the checks at the end.
struct Stats
{
    int acknowledged = 0;
    int outageAnswers = 0; // 503 STORAGE_UNAVAILABLE / DATABASE_OPEN_FAILED
    qint64 slowestMs = 0;
    qint64 lastAckAt = 0;
    QStringList problems;
    QStringList outageMessages;
    QHash<QString, qint64> chargeBalance; // key → balance answered
    QHash<QString, qint64> paymentAmount; // key → amount answered
    QHash<QString, qint64> paymentId;     // key → paymentId answered
    QList<qint64> ackTimes;
};

struct Step
{
    Call call;
    QString key;
    bool pay = false;
};

bool plainOutageAnswer(const Answer& a)
{
    const QString code = a.code();
    const QString message = a.body.value(QStringLiteral("message")).toString();
    return a.status == 503 && a.retryAfter == "1" &&
           (code == QLatin1String("STORAGE_UNAVAILABLE") ||
            code == QLatin1String("DATABASE_OPEN_FAILED")) &&
           (message.contains(QLatin1String("database"), Qt::CaseInsensitive) ||
            message.contains(QLatin1String("PostgreSQL"))) &&
           !message.contains(QLatin1String("QPSQL")) && !message.contains(QLatin1String("ERROR")) &&
           !message.contains(QLatin1String("Unable to")) &&
           !message.contains(QLatin1String("closed the connection"));
}

} // namespace

// One customer at a terminal: sends its steps in order, each until it is acknowledged.
class Client : public QObject
{
    Q_OBJECT

public:
    Client(QList<Step> steps, qsizetype barrier, Stats& stats)
        : m_steps(std::move(steps)), m_barrier(barrier), m_stats(stats)
    {
        m_retry.setSingleShot(true);
        m_retry.setInterval(150);
        connect(&m_retry, &QTimer::timeout, this, &Client::send);
    }

    void start() { send(); }
    void openBarrier()
    {
        m_open = true;
        if (m_next == m_barrier && !m_reply)
            send();
    }
    bool atBarrier() const { return m_next == m_barrier && !m_reply; }
    bool done() const { return m_next == m_steps.size(); }

private:
    void send()
    {
        if (done() || (m_next == m_barrier && !m_open))
            return;
        const Step& s = m_steps.at(m_next);
        m_sentAt = nowMs();
        m_reply = m_nam.sendCustomRequest(apiRequest(s.call), s.call.method, s.call.body);
        connect(m_reply, &QNetworkReply::finished, this, &Client::finished);
    }

    void finished()
    {
        QNetworkReply* reply = std::exchange(m_reply, nullptr);
        reply->deleteLater();
        const Answer a = answerOf(reply, m_sentAt);
        m_stats.slowestMs = std::max(m_stats.slowestMs, a.ms);
        const Step& s = m_steps.at(m_next);
        if (a.status == 200 || a.status == 201) {
            ++m_stats.acknowledged;
            m_stats.lastAckAt = nowMs();
            m_stats.ackTimes << m_stats.lastAckAt;
            if (s.pay) {
                m_stats.paymentAmount.insert(s.key,
                                             a.body.value(QStringLiteral("amount")).toInteger());
                m_stats.paymentId.insert(s.key,
                                         a.body.value(QStringLiteral("paymentId")).toInteger());
            } else {
                m_stats.chargeBalance.insert(s.key,
                                             a.body.value(QStringLiteral("balance")).toInteger());
            }
            ++m_next;
            m_attempts = 0;
            send();
            return;
        }
        if (plainOutageAnswer(a)) {
            ++m_stats.outageAnswers;
            if (m_stats.outageMessages.size() < 3 && !m_stats.outageMessages.contains(a.text()))
                m_stats.outageMessages << a.text();
        } else {
            m_stats.problems << QStringLiteral("%1 (%2): %3").arg(s.key).arg(a.ms).arg(a.text());
        }
        if (++m_attempts > 600) {
            m_stats.problems << QStringLiteral("%1: gave up").arg(s.key);
            m_next = m_steps.size();
            return;
        }
        m_retry.start(); // the same request, the same key
    }

    QNetworkAccessManager m_nam;
    QList<Step> m_steps;
    qsizetype m_barrier;
    qsizetype m_next = 0;
    bool m_open = false;
    int m_attempts = 0;
    QNetworkReply* m_reply = nullptr;
    qint64 m_sentAt = 0;
    QTimer m_retry;
    Stats& m_stats;
};

class TestLostDatabase : public QObject, private TerminalFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void apiRidesOutARestart();
    void windowRidesOutAFrozenServer();
    void windowRidesOutAStoppedServer();

private:
    // Pumps the window's events for `ms` and returns the longest the event loop kept a posted
    // call waiting: how long a click would have gone unanswered.
    static qint64 worstEventDelayDuring(qint64 ms, const std::function<bool()>& until = {});
    // Opens and closes the window's first menu and scrolls the seat map: the window is usable.
    static bool windowAnswers(MainWindow& window);
};

qint64 TestLostDatabase::worstEventDelayDuring(qint64 ms, const std::function<bool()>& until)
{
    qint64 worst = 0;
    const qint64 end = nowMs() + ms;
    while (nowMs() < end && !(until && until())) {
        const qint64 posted = nowMs();
        bool ran = false;
        QMetaObject::invokeMethod(
            qApp, [&ran] { ran = true; }, Qt::QueuedConnection);
        while (!ran)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        worst = std::max(worst, nowMs() - posted);
        QTest::qWait(50);
    }
    return worst;
}

bool TestLostDatabase::windowAnswers(MainWindow& window)
{
    QMenu* first = window.menuBar()->actions().value(0)->menu();
    if (!first)
        return false;
    first->popup(window.mapToGlobal(QPoint(10, 10)));
    QCoreApplication::processEvents();
    const bool opened = first->isVisible();
    first->close();
    auto* map = window.findChild<SeatMapView*>(QStringLiteral("seatMap"));
    QScrollBar* bar = map->verticalScrollBar();
    const int target = bar->maximum() > 0 ? (bar->value() == 0 ? bar->maximum() : 0) : 0;
    bar->setValue(target);
    QCoreApplication::processEvents();
    return opened && bar->value() == target;
}

void TestLostDatabase::init()
{
    QVERIFY2(!baseUrl().isEmpty(), kNoServer);
    QVERIFY2(PgServer::missing().isEmpty(), qPrintable(PgServer::missing()));
    QVERIFY2(PgServer::isRunning(), "the test PostgreSQL server is not running");
    const QString problem = openSchema();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestLostDatabase::cleanup()
{
    {
        ServerRestorer restore; // in case a test stopped it and left early
    }
    closeSchema(QTest::currentTestFailed());
}

void TestLostDatabase::apiRidesOutARestart()
{
    constexpr int kTerminals = 2;
    constexpr int kCustomers = 16;
    constexpr int kBefore = 4; // charges of 100,000 before the barrier
    constexpr int kAfter = 8;  // charges of 50,000 after the payment
    ServerRestorer restore;

    QStringList tokens;
    for (int c = 1; c <= kCustomers; ++c) {
        const auto ticket = m_engine->queue.enter(c, 1);
        QVERIFY(ticket.has_value());
        tokens << ticket->token;
    }
    m_terms.resize(kTerminals);
    for (int i = 0; i < kTerminals; ++i) {
        QVERIFY(m_terms[i].start(m_url,
                                 {QStringLiteral("--activate-every"), QStringLiteral("1"),
                                  QStringLiteral("--activate-count"), QStringLiteral("100")},
                                 QStringLiteral("terminal-%1").arg(i)));
    }
    for (Terminal& t : m_terms)
        QTRY_VERIFY2_WITH_TIMEOUT(t.ready(), qPrintable(logs()), 20000);
    QList<qint64> pids;
    for (Terminal& t : m_terms)
        pids << t.process->processId();

    Pg pg(m_schema);
    QVERIFY2(pg.ok(), qPrintable(pg.error()));
    QTRY_COMPARE_WITH_TIMEOUT(
        pg.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_entries WHERE state = 'ACTIVE'")),
        qint64(kCustomers), 15000);
    const qint64 scheduleId = pg.scalar(QStringLiteral("SELECT id FROM schedules WHERE concert_id"
                                                       " = 1 AND starts_at > %1 ORDER BY"
                                                       " starts_at, id LIMIT 1")
                                            .arg(nowMs()));
    QVERIFY(scheduleId > 0);

    // Every customer holds a seat, to pay for in the middle of the outage.
    QList<Call> holdCalls;
    for (int c = 1; c <= kCustomers; ++c) {
        holdCalls << Call{
            m_terms[c % kTerminals].port,
            "POST",
            QStringLiteral("/api/v1/reservations"),
            QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})").arg(scheduleId).arg(c).toUtf8(),
            tokens.at(c - 1),
            {}};
    }
    QList<qint64> reservation, price;
    for (const Answer& a : sendAll(holdCalls)) {
        QVERIFY2(a.status == 201, qPrintable(a.text()));
        reservation << a.body.value(QStringLiteral("reservationId")).toInteger();
        price << a.body.value(QStringLiteral("price")).toInteger();
    }

    Stats stats;
    std::vector<std::unique_ptr<Client>> clients;
    QHash<QString, qint64> chargeAmount; // key → amount
    QHash<QString, int> payer;           // key → customer index
    const QString run = newSchemaName();
    for (int c = 1; c <= kCustomers; ++c) {
        QList<Step> steps;
        auto charge = [&](int n, qint64 amount) {
            const QString key = QStringLiteral("%1-c%2-charge%3").arg(run).arg(c).arg(n);
            chargeAmount.insert(key, amount);
            steps << Step{Call{m_terms[(c + n) % kTerminals].port,
                               "POST",
                               QStringLiteral("/api/v1/users/%1/balance/charge").arg(c),
                               QStringLiteral(R"({"amount":%1})").arg(amount).toUtf8(),
                               {},
                               key},
                          key, false};
        };
        for (int n = 0; n < kBefore; ++n)
            charge(n, 100'000);
        const QString payKey = QStringLiteral("%1-c%2-pay").arg(run).arg(c);
        payer.insert(payKey, c - 1);
        steps << Step{
            Call{m_terms[c % kTerminals].port, "POST", QStringLiteral("/api/v1/payments"),
                 QStringLiteral(R"({"reservationIds":[%1]})").arg(reservation.at(c - 1)).toUtf8(),
                 tokens.at(c - 1), payKey},
            payKey, true};
        for (int n = 0; n < kAfter; ++n)
            charge(kBefore + n, 50'000);
        clients.push_back(std::make_unique<Client>(steps, kBefore, stats));
    }
    auto allAtBarrier = [&] {
        return std::all_of(clients.begin(), clients.end(),
                           [](const auto& c) { return c->atBarrier(); });
    };
    auto allDone = [&] {
        return std::all_of(clients.begin(), clients.end(), [](const auto& c) { return c->done(); });
    };
    for (auto& c : clients)
        c->start();
    QTRY_VERIFY2_WITH_TIMEOUT(allAtBarrier(), qPrintable(stats.problems.join(QLatin1Char('\n'))),
                              30000);
    QCOMPARE(stats.acknowledged, kCustomers * kBefore);
    QCOMPARE(stats.outageAnswers, 0);

    // The server stops while the payments and the rest of the charges pour in.
    auto stopper = PgServer::launch(PgServer::stopArgs());
    const qint64 stopAt = nowMs();
    for (auto& c : clients)
        c->openBarrier();
    QTRY_VERIFY_WITH_TIMEOUT(stopper->state() == QProcess::NotRunning, 60000);
    QVERIFY2(stopper->exitCode() == 0, stopper->readAll().constData());
    const qint64 stoppedAt = nowMs();
    const int ackedBeforeStop = stats.acknowledged;
    QVERIFY2(!allDone(), "the workload ended before the server stopped");

    // While it is gone: prompt, plain 503s from every process, and the clients keep asking.
    const int outageBefore = stats.outageAnswers;
    QTRY_VERIFY_WITH_TIMEOUT(stats.outageAnswers >= outageBefore + 3 * kCustomers, 30000);
    for (int i = 0; i < kTerminals; ++i) {
        const Answer balance = send(
            Call{m_terms[i].port, "GET", QStringLiteral("/api/v1/users/1/balance"), {}, {}, {}});
        QVERIFY2(plainOutageAnswer(balance), qPrintable(balance.text()));
        QVERIFY2(balance.ms < 6000, qPrintable(QStringLiteral("%1 ms").arg(balance.ms)));
        const Answer enter = send(Call{m_terms[i].port,
                                       "POST",
                                       QStringLiteral("/api/v1/queue/tokens"),
                                       R"({"userId":50,"concertId":2})",
                                       {},
                                       {}});
        QVERIFY2(plainOutageAnswer(enter), qPrintable(enter.text()));
    }
    QCOMPARE(stats.acknowledged, ackedBeforeStop); // nothing can be acknowledged without it

    auto starter = PgServer::launch(PgServer::startArgs());
    QTRY_VERIFY_WITH_TIMEOUT(starter->state() == QProcess::NotRunning, 60000);
    QVERIFY2(starter->exitCode() == 0, starter->readAll().constData());
    const qint64 startedAt = nowMs();
    QTRY_VERIFY2_WITH_TIMEOUT(allDone(), qPrintable(stats.problems.join(QLatin1Char('\n'))), 60000);
    qint64 firstAckAfterStart = -1;
    for (qint64 t : stats.ackTimes) {
        if (t >= startedAt) {
            firstAckAfterStart = t - startedAt;
            break;
        }
    }
    qInfo().noquote() << "outage:" << (stoppedAt - stopAt) << "ms to stop,"
                      << (startedAt - stoppedAt) << "ms down;"
                      << ackedBeforeStop - kCustomers * kBefore << "acknowledged while stopping;"
                      << stats.outageAnswers << "plain 503s; slowest answer" << stats.slowestMs
                      << "ms; first acknowledgement" << firstAckAfterStart
                      << "ms after the server was back";
    for (const QString& m : stats.outageMessages)
        qInfo().noquote() << "  e.g." << m;
    QVERIFY2(stats.problems.isEmpty(), qPrintable(stats.problems.join(QLatin1Char('\n'))));
    QVERIFY(stats.outageAnswers > 0);
    QVERIFY2(stats.slowestMs < 6000, qPrintable(QStringLiteral("%1 ms").arg(stats.slowestMs)));
    QCOMPARE(stats.acknowledged, kCustomers * (kBefore + 1 + kAfter));

    // Every acknowledged charge is in the ledger once, every payment once, nothing else.
    Pg after(m_schema);
    QVERIFY2(after.ok(), qPrintable(after.error()));
    {
        const auto rows = after.rows(QStringLiteral("SELECT idempotency_key, COUNT(*), SUM(amount)"
                                                    " FROM ledger WHERE kind = 'CHARGE'"
                                                    " GROUP BY idempotency_key"));
        QVERIFY2(rows.has_value(), qPrintable(after.error()));
        QCOMPARE(rows->size(), chargeAmount.size());
        for (const QVariantList& r : *rows) {
            const QString key = r.at(0).toString();
            QVERIFY2(chargeAmount.contains(key), qPrintable(key));
            QVERIFY2(r.at(1).toLongLong() == 1,
                     qPrintable(
                         QStringLiteral("%1 applied %2 times").arg(key).arg(r.at(1).toLongLong())));
            QCOMPARE(r.at(2).toLongLong(), chargeAmount.value(key));
        }
    }
    {
        const auto rows = after.rows(QStringLiteral("SELECT idempotency_key, COUNT(*), MIN(id),"
                                                    " SUM(amount) FROM payments GROUP BY"
                                                    " idempotency_key"));
        QVERIFY2(rows.has_value(), qPrintable(after.error()));
        QCOMPARE(rows->size(), payer.size());
        for (const QVariantList& r : *rows) {
            const QString key = r.at(0).toString();
            QVERIFY2(payer.contains(key), qPrintable(key));
            QCOMPARE(r.at(1).toLongLong(), 1);
            QCOMPARE(r.at(2).toLongLong(), stats.paymentId.value(key));
            QCOMPARE(r.at(3).toLongLong(), price.at(payer.value(key)));
            QCOMPARE(stats.paymentAmount.value(key), price.at(payer.value(key)));
        }
        QCOMPARE(after.scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'PAYMENT'")),
                 qint64(kCustomers));
        QCOMPARE(after.scalar(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status ="
                                             " 'PAID' AND payment_id IS NOT NULL")),
                 qint64(kCustomers));
    }
    {
        const auto rows = after.rows(
            QStringLiteral("SELECT id, balance FROM customers WHERE id <= %1 ORDER BY id")
                .arg(kCustomers));
        QVERIFY2(rows.has_value(), qPrintable(after.error()));
        QCOMPARE(rows->size(), kCustomers);
        for (int c = 1; c <= kCustomers; ++c) {
            const qint64 expected = kBefore * 100'000 + kAfter * 50'000 - price.at(c - 1);
            QCOMPARE(rows->at(c - 1).at(1).toLongLong(), expected);
        }
    }
    QByteArray report;
    QCOMPARE(runCheck(m_url, &report), 0);
    QVERIFY2(report.contains("all invariants hold"), report.constData());

    // The same processes, never restarted, answer normally again.
    for (int i = 0; i < kTerminals; ++i) {
        QVERIFY2(m_terms[i].running(), qPrintable(m_terms[i].log()));
        QCOMPARE(m_terms[i].process->processId(), pids.at(i));
        const Answer balance = send(
            Call{m_terms[i].port, "GET", QStringLiteral("/api/v1/users/3/balance"), {}, {}, {}});
        QVERIFY2(balance.status == 200, qPrintable(balance.text()));
        const qint64 before = balance.body.value(QStringLiteral("balance")).toInteger();
        const Answer charged = send(Call{m_terms[i].port,
                                         "POST",
                                         QStringLiteral("/api/v1/users/3/balance/charge"),
                                         R"({"amount":1000})",
                                         {},
                                         {}});
        QVERIFY2(charged.status == 200, qPrintable(charged.text()));
        QCOMPARE(charged.body.value(QStringLiteral("balance")).toInteger(), before + 1000);
        const Answer entered =
            send(Call{m_terms[i].port,
                      "POST",
                      QStringLiteral("/api/v1/queue/tokens"),
                      QStringLiteral(R"({"userId":%1,"concertId":2})").arg(60 + i).toUtf8(),
                      {},
                      {}});
        QVERIFY2(entered.status == 201, qPrintable(entered.text()));
    }
    // And the schedulers admit again.
    QTRY_COMPARE_WITH_TIMEOUT(after.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_entries"
                                                          " WHERE concert_id = 2 AND state ="
                                                          " 'ACTIVE'")),
                              qint64(kTerminals), 10000);
}

void TestLostDatabase::windowRidesOutAFrozenServer()
{
    ServerThawer thaw;
    SystemClock clock;
    EngineHost host(clock, clock);
    QVERIFY(awaitedOk(host.adopt(*m_engine)));
    MainWindow window(host);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SaleSession& sale = window.session();
    QVERIFY(awaitedOk(sale.selectCustomer(3)));
    sale.selectConcert(1);
    QTRY_VERIFY(sale.scheduleId() > 0 && sale.seats().rowCount() == 50);
    // Acknowledged before the freeze.
    const auto charged = awaited(sale.charge(4000, false));
    QVERIFY(charged.has_value());
    QCOMPARE(*charged, qint64(4000));
    QVERIFY(window.statusLine()->connectionProblem().isEmpty());

    QVERIFY2(PgServer::freeze(), "cannot find the server's processes");
    const qint64 frozenAt = nowMs();
    // A charge asked while frozen waits for the server: busy, not lost, not doubled.
    auto during = sale.charge(1000, false);
    QVERIFY(sale.isBusy(SaleSession::Command::Charge));
    const qint64 worst = worstEventDelayDuring(
        8000, [&] { return !window.statusLine()->connectionProblem().isEmpty(); });
    const qint64 saidAfter = nowMs() - frozenAt;
    const QString said = window.statusLine()->connectionProblem();
    qInfo().noquote() << "frozen: the window said" << said << "after" << saidAfter
                      << "ms; worst event delay" << worst << "ms";
    QVERIFY2(!said.isEmpty(), "the window never said the database is not answering");
    QVERIFY2(saidAfter <= 5000, qPrintable(QString::number(saidAfter)));
    QVERIFY2(worst < 500, qPrintable(QString::number(worst)));
    QVERIFY(windowAnswers(window));
    QVERIFY2(worstEventDelayDuring(2000) < 500, "the window froze while the server was frozen");
    QVERIFY(windowAnswers(window));

    QVERIFY(PgServer::thaw());
    const qint64 thawedAt = nowMs();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusLine()->connectionProblem().isEmpty(), 30'000);
    qInfo() << "thawed: the window was itself again after" << (nowMs() - thawedAt) << "ms";
    const auto answered = awaited(during, 30'000);
    QVERIFY2(answered.has_value(), whyFailed(answered).constData());
    QCOMPARE(*answered, qint64(5000));
    // Nothing acknowledged lost, nothing applied twice.
    QCOMPARE(m_engine->wallet.balance(3).value_or(-1), qint64(5000));
    QCOMPARE(m_engine->wallet.history(3).value_or(QList<LedgerEntry>{}).size(), 2);
    QVERIFY(awaitedOk(sale.selectCustomer(3)));
    QCOMPARE(sale.balance(), qint64(5000));
}

void TestLostDatabase::windowRidesOutAStoppedServer()
{
    ServerRestorer restore;
    SystemClock clock;
    EngineHost host(clock, clock);
    QVERIFY(awaitedOk(host.adopt(*m_engine)));
    MainWindow window(host);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    SaleSession& sale = window.session();
    QVERIFY(awaitedOk(sale.selectCustomer(1)));
    QVERIFY(awaited(sale.charge(2500, false)).has_value());

    QByteArray out;
    QVERIFY2(PgServer::stop(&out), out.constData());
    const qint64 stoppedAt = nowMs();
    const qint64 worst = worstEventDelayDuring(
        8000, [&] { return !window.statusLine()->connectionProblem().isEmpty(); });
    const QString said = window.statusLine()->connectionProblem();
    qInfo().noquote() << "stopped: the window said" << said << "after" << (nowMs() - stoppedAt)
                      << "ms; worst event delay" << worst << "ms";
    QVERIFY2(!said.isEmpty(), "the window does not say the database is gone");
    QVERIFY2(nowMs() - stoppedAt <= 5000, "said too late");
    QVERIFY2(!said.contains(QLatin1String("QPSQL")) && !said.contains(QLatin1String("ERROR")) &&
                 !said.contains(QLatin1String("closed the connection")),
             qPrintable(said));
    QVERIFY2(worst < 500, qPrintable(QString::number(worst)));
    QVERIFY(windowAnswers(window));
    // What is asked now is refused plainly, and changes nothing.
    const auto refused = awaited(sale.charge(700, false), 20'000);
    QVERIFY(!refused.has_value());

    QVERIFY2(PgServer::start(&out), out.constData());
    const qint64 back = nowMs();
    QTRY_VERIFY_WITH_TIMEOUT(window.statusLine()->connectionProblem().isEmpty(), 30'000);
    qInfo() << "the connection line went away" << (nowMs() - back)
            << "ms after the server was back";
    const auto again = awaited(sale.charge(500, false), 20'000);
    QVERIFY2(again.has_value(), whyFailed(again).constData());
    QCOMPARE(*again, qint64(3000));
    // The test's own connection was dropped with the server too: its first call reconnects.
    QTRY_COMPARE(m_engine->wallet.balance(1).value_or(-1), qint64(3000));
}

QTEST_MAIN(TestLostDatabase)
#include "tst_lostdatabase.moc"
