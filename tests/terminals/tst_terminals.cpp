// Many terminals on one PostgreSQL database, with real `boxoffice --serve`
// processes on a schema of the test's own:
// - four schedulers admit exactly K per concert per period between them, each expired hold is
//   released once, and when the process that admitted last dies another admits within two
//   periods (there is no leader: every process tries every period, one wins);
// - 64 connections, 16 through each of four processes, race for one seat: exactly one wins;
// - a randomized mixed workload over four processes ends with W5 true, `boxoffice --check`
//   says so, and says otherwise once a balance is corrupted.
// Triggers the test installs record who claimed each period, who admitted each entry and who
// released each hold (the processes name their connections through PGAPPNAME).

#include "demo/DemoSeeder.h"
#include "engine/Engine.h"
#include "support/TerminalSupport.h"

#include <QJsonArray>
#include <QSet>

using namespace boxoffice;
using namespace boxoffice::terminals;

class TestTerminals : public QObject, private TerminalFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneAdmissionPerPeriodAcrossFourTerminals();
    void sixtyFourConnectionsOneSeat();
    void mixedWorkloadKeepsInvariants();

private:
    void startTerminals(int count, const QStringList& extra);
    qint64 firstScheduleOf(qint64 concertId);
    QStringList enterAll(qint64 concertId, int customers);
};

void TestTerminals::init()
{
    QVERIFY2(!baseUrl().isEmpty(), kNoServer);
    const QString problem = openSchema();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestTerminals::cleanup()
{
    closeSchema(QTest::currentTestFailed());
}

void TestTerminals::startTerminals(int count, const QStringList& extra)
{
    m_terms.resize(count);
    for (int i = 0; i < count; ++i) {
        QVERIFY2(m_terms[i].start(m_url, extra, QStringLiteral("terminal-%1").arg(i)),
                 "cannot start boxoffice --serve");
    }
    for (int i = 0; i < count; ++i)
        QTRY_VERIFY2_WITH_TIMEOUT(m_terms[i].ready(), qPrintable(logs()), 20000);
}

qint64 TestTerminals::firstScheduleOf(qint64 concertId)
{
    Pg pg(m_schema);
    return pg.scalar(QStringLiteral("SELECT id FROM schedules WHERE concert_id = %1 AND starts_at"
                                    " > %2 ORDER BY starts_at, id LIMIT 1")
                         .arg(concertId)
                         .arg(nowMs()));
}

// Customers 1..n enter the concert's queue in that order (through the test's own terminal).
QStringList TestTerminals::enterAll(qint64 concertId, int customers)
{
    QStringList tokens;
    for (int c = 1; c <= customers; ++c) {
        const auto ticket = m_engine->queue.enter(c, concertId);
        if (!ticket)
            return {};
        tokens << ticket->token;
    }
    return tokens;
}

void TestTerminals::oneAdmissionPerPeriodAcrossFourTerminals()
{
    constexpr int kTerminals = 4;
    constexpr int kPerTick = 3;     // K
    constexpr int kPeriodMs = 1000; // N = 1 s
    constexpr int kPerConcert = 45; // 15 admissions per concert
    constexpr int kHolds = 6;
    const QList<qint64> concerts = {1, 2, 3};

    // The record of who did what, written by the server itself whatever process writes.
    {
        Pg pg(m_schema);
        QVERIFY2(pg.ok(), qPrintable(pg.error()));
        const QString s = m_schema;
        const QStringList ddl = {
            QStringLiteral("CREATE TABLE %1.t_claims (id BIGSERIAL PRIMARY KEY, run_at BIGINT,"
                           " app TEXT)")
                .arg(s),
            QStringLiteral("CREATE FUNCTION %1.t_log_claim() RETURNS trigger LANGUAGE plpgsql AS"
                           " $$ BEGIN INSERT INTO %1.t_claims (run_at, app) VALUES"
                           " (NEW.last_run_at, current_setting('application_name'));"
                           " RETURN NEW; END $$")
                .arg(s),
            QStringLiteral("CREATE TRIGGER t_claim AFTER UPDATE ON %1.scheduler_runs FOR EACH ROW"
                           " EXECUTE FUNCTION %1.t_log_claim()")
                .arg(s),
            QStringLiteral("CREATE TABLE %1.t_activations (entry_id BIGINT, concert_id BIGINT,"
                           " activated_at BIGINT, app TEXT)")
                .arg(s),
            QStringLiteral("CREATE FUNCTION %1.t_log_activation() RETURNS trigger LANGUAGE plpgsql"
                           " AS $$ BEGIN INSERT INTO %1.t_activations VALUES (NEW.id,"
                           " NEW.concert_id, NEW.activated_at,"
                           " current_setting('application_name')); RETURN NEW; END $$")
                .arg(s),
            QStringLiteral("CREATE TRIGGER t_activation AFTER UPDATE ON %1.queue_entries FOR EACH"
                           " ROW WHEN (NEW.state = 'ACTIVE' AND NEW.activated_at IS DISTINCT"
                           " FROM OLD.activated_at) EXECUTE FUNCTION %1.t_log_activation()")
                .arg(s),
            // Every update that leaves a reservation EXPIRED, including a second one.
            QStringLiteral("CREATE TABLE %1.t_releases (reservation_id BIGINT, old_status TEXT,"
                           " app TEXT)")
                .arg(s),
            QStringLiteral("CREATE FUNCTION %1.t_log_release() RETURNS trigger LANGUAGE plpgsql AS"
                           " $$ BEGIN INSERT INTO %1.t_releases VALUES (NEW.id, OLD.status,"
                           " current_setting('application_name')); RETURN NEW; END $$")
                .arg(s),
            QStringLiteral("CREATE TRIGGER t_release AFTER UPDATE ON %1.reservations FOR EACH ROW"
                           " WHEN (NEW.status = 'EXPIRED') EXECUTE FUNCTION %1.t_log_release()")
                .arg(s),
        };
        for (const QString& statement : ddl)
            QVERIFY2(pg.exec(statement), qPrintable(pg.error()));
    }

    // 45 customers wait in each of three queues before any scheduler runs.
    QHash<qint64, QStringList> tokens;
    for (qint64 concert : concerts) {
        tokens[concert] = enterAll(concert, kPerConcert);
        QCOMPARE(tokens[concert].size(), kPerConcert);
    }

    startTerminals(kTerminals, {QStringLiteral("--activate-every"), QStringLiteral("1"),
                                QStringLiteral("--activate-count"), QString::number(kPerTick),
                                QStringLiteral("--hold-seconds"), QStringLiteral("2")});
    if (QTest::currentTestFailed())
        return;
    const qint64 allUpAt = nowMs();

    Pg pg(m_schema);
    QVERIFY2(pg.ok(), qPrintable(pg.error()));
    auto claimsSince = [&](qint64 ms) {
        return pg.scalar(QStringLiteral("SELECT COUNT(*) FROM t_claims WHERE run_at > %1").arg(ms));
    };
    // Two periods claimed while all four processes were trying.
    QTRY_VERIFY2_WITH_TIMEOUT(claimsSince(allUpAt) >= 2, qPrintable(logs()), 15000);

    // Holds through all four processes; four sweepers then race to release each of them.
    const qint64 scheduleId = firstScheduleOf(1);
    QVERIFY(scheduleId > 0);
    QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_entries WHERE concert_id = 1"
                                      " AND state = 'ACTIVE' AND customer_id <= %1")
                           .arg(kHolds)),
             kHolds);
    QList<Call> holdCalls;
    for (int c = 1; c <= kHolds; ++c) {
        holdCalls << Call{
            m_terms[(c - 1) % kTerminals].port,
            "POST",
            QStringLiteral("/api/v1/reservations"),
            QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})").arg(scheduleId).arg(c).toUtf8(),
            tokens[1].at(c - 1),
            {}};
    }
    QSet<qint64> holdIds;
    for (const Answer& a : sendAll(holdCalls)) {
        QVERIFY2(a.status == 201, qPrintable(a.text()));
        holdIds << a.body.value(QStringLiteral("reservationId")).toInteger();
    }
    QCOMPARE(holdIds.size(), kHolds);
    const qint64 heldAt = nowMs();
    QTRY_COMPARE_WITH_TIMEOUT(
        pg.scalar(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'HELD'")), 0,
        10000);
    const qint64 releasedAfterMs = nowMs() - heldAt;
    {
        const auto rows = pg.rows(QStringLiteral(
            "SELECT reservation_id, COUNT(*), MIN(old_status), MAX(old_status), MIN(app)"
            " FROM t_releases GROUP BY reservation_id ORDER BY reservation_id"));
        QVERIFY2(rows.has_value(), qPrintable(pg.error()));
        QCOMPARE(rows->size(), kHolds);
        QStringList releasers;
        for (const QVariantList& r : *rows) {
            QVERIFY(holdIds.contains(r.at(0).toLongLong()));
            QVERIFY2(r.at(1).toLongLong() == 1,
                     qPrintable(QStringLiteral("reservation %1 released %2 times")
                                    .arg(r.at(0).toLongLong())
                                    .arg(r.at(1).toLongLong())));
            QCOMPARE(r.at(2).toString(), QStringLiteral("HELD"));
            QCOMPARE(r.at(3).toString(), QStringLiteral("HELD"));
            releasers << r.at(4).toString();
        }
        qInfo().noquote() << "holds released" << releasedAfterMs << "ms after they were made, by"
                          << releasers.join(QLatin1Char(' '));
    }
    // Released means available again (H2), whichever process is asked.
    {
        const Answer seats = send(Call{m_terms[3].port,
                                       "GET",
                                       QStringLiteral("/api/v1/schedules/%1/seats").arg(scheduleId),
                                       {},
                                       tokens[1].at(0),
                                       {}});
        QVERIFY2(seats.status == 200, qPrintable(seats.text()));
        QSet<int> available;
        for (const QJsonValue& v : seats.body.value(QStringLiteral("seats")).toArray())
            available << v.toObject().value(QStringLiteral("seatNumber")).toInt();
        for (int c = 1; c <= kHolds; ++c)
            QVERIFY2(available.contains(c),
                     qPrintable(QStringLiteral("seat %1 still taken").arg(c)));
    }

    // The process that claimed the newest period dies right after claiming it.
    const qint64 beforeKill =
        pg.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM t_claims"));
    QTRY_VERIFY_WITH_TIMEOUT(
        pg.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM t_claims")) > beforeKill, 5000);
    const auto newest =
        pg.rows(QStringLiteral("SELECT run_at, app FROM t_claims ORDER BY id DESC LIMIT 1"));
    QVERIFY2(newest && newest->size() == 1, qPrintable(pg.error()));
    const qint64 lastRunAt = newest->first().at(0).toLongLong();
    const QString deadApp = newest->first().at(1).toString();
    int dead = -1;
    for (int i = 0; i < kTerminals; ++i) {
        if (m_terms[i].app == deadApp)
            dead = i;
    }
    QVERIFY2(dead >= 0,
             qPrintable(QStringLiteral("claim by an unknown process '%1'").arg(deadApp)));
    m_terms[dead].kill();
    const qint64 killedAt = nowMs();
    const qint64 waitingAtKill =
        pg.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_entries WHERE state = 'WAITING'"));
    QVERIFY2(waitingAtKill > 0, "the queues drained before the admitter could be killed");

    QTRY_VERIFY_WITH_TIMEOUT(claimsSince(lastRunAt) >= 1, 10000);
    const auto next = pg.rows(
        QStringLiteral("SELECT run_at, app FROM t_claims WHERE run_at > %1 ORDER BY run_at LIMIT 1")
            .arg(lastRunAt));
    QVERIFY2(next && next->size() == 1, qPrintable(pg.error()));
    const qint64 takeoverGapMs = next->first().at(0).toLongLong() - lastRunAt;
    const QString successor = next->first().at(1).toString();
    qInfo().noquote() << "killed" << deadApp << (killedAt - lastRunAt)
                      << "ms after its claim; the next period was claimed by" << successor
                      << takeoverGapMs << "ms after the dead one's claim";
    QVERIFY(successor != deadApp);
    // Within two periods (plus scheduling slack on a loaded machine).
    QVERIFY2(takeoverGapMs <= 2 * kPeriodMs + 500,
             qPrintable(QStringLiteral("took %1 ms to take over").arg(takeoverGapMs)));

    // Admission goes on until every queue is empty, K per concert per period.
    QTRY_COMPARE_WITH_TIMEOUT(
        pg.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_entries WHERE state = 'ACTIVE'")),
        qint64(kPerConcert * concerts.size()), 30000);

    // Nobody admitted twice, and every admission is K per concert at one claimed period's time,
    // by the process that claimed it.
    QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(*) FROM t_activations")),
             qint64(kPerConcert * concerts.size()));
    QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(DISTINCT entry_id) FROM t_activations")),
             qint64(kPerConcert * concerts.size()));
    QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(*) FROM t_activations a WHERE NOT EXISTS"
                                      " (SELECT 1 FROM t_claims c WHERE c.run_at = a.activated_at"
                                      " AND c.app = a.app)")),
             0);
    {
        const auto groups = pg.rows(
            QStringLiteral("SELECT activated_at, concert_id, COUNT(*) FROM t_activations"
                           " GROUP BY activated_at, concert_id ORDER BY activated_at, concert_id"));
        QVERIFY2(groups.has_value(), qPrintable(pg.error()));
        QHash<qint64, int> periodsPerConcert;
        for (const QVariantList& g : *groups) {
            QVERIFY2(g.at(2).toInt() == kPerTick,
                     qPrintable(QStringLiteral("%1 admitted to concert %2 at %3, not %4")
                                    .arg(g.at(2).toInt())
                                    .arg(g.at(1).toLongLong())
                                    .arg(g.at(0).toLongLong())
                                    .arg(kPerTick)));
            ++periodsPerConcert[g.at(1).toLongLong()];
        }
        for (qint64 concert : concerts)
            QCOMPARE(periodsPerConcert.value(concert), kPerConcert / kPerTick);
    }
    // One claim per period: claimed times at least a period apart, each by one process.
    {
        const auto claims = pg.rows(QStringLiteral("SELECT run_at, app FROM t_claims ORDER BY id"));
        QVERIFY2(claims.has_value(), qPrintable(pg.error()));
        QHash<QString, int> byApp;
        qint64 previous = -1;
        qint64 longestGap = 0;
        for (const QVariantList& c : *claims) {
            const qint64 at = c.at(0).toLongLong();
            if (previous >= 0) {
                QVERIFY2(
                    at - previous >= kPeriodMs,
                    qPrintable(QStringLiteral("periods claimed %1 ms apart").arg(at - previous)));
                longestGap = std::max(longestGap, at - previous);
            }
            previous = at;
            ++byApp[c.at(1).toString()];
            if (at > killedAt)
                QVERIFY2(c.at(1).toString() != deadApp, "a killed process claimed a period");
        }
        QStringList spread;
        for (auto it = byApp.cbegin(); it != byApp.cend(); ++it)
            spread << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        spread.sort();
        qInfo().noquote() << claims->size() << "periods claimed, by"
                          << spread.join(QLatin1Char(' ')) << "; longest gap" << longestGap << "ms";
    }
    for (int i = 0; i < kTerminals; ++i) {
        if (i != dead)
            QVERIFY2(m_terms[i].running(), qPrintable(m_terms[i].log()));
    }
}

void TestTerminals::sixtyFourConnectionsOneSeat()
{
    constexpr int kTerminals = 4;
    constexpr int kPerTerminal = 16;
    constexpr int kCustomers = kTerminals * kPerTerminal;
    const QStringList tokens = enterAll(2, kCustomers);
    QCOMPARE(tokens.size(), kCustomers);
    startTerminals(kTerminals, {QStringLiteral("--activate-every"), QStringLiteral("1"),
                                QStringLiteral("--activate-count"), QStringLiteral("100")});
    if (QTest::currentTestFailed())
        return;
    Pg pg(m_schema);
    QVERIFY2(pg.ok(), qPrintable(pg.error()));
    QTRY_COMPARE_WITH_TIMEOUT(
        pg.scalar(QStringLiteral("SELECT COUNT(*) FROM queue_entries WHERE state = 'ACTIVE'")),
        qint64(kCustomers), 15000);
    const qint64 scheduleId = firstScheduleOf(2);
    QVERIFY(scheduleId > 0);

    QHash<int, int> winsByCustomer;
    for (const int seat : {7, 8, 9}) {
        // 16 connections to each process, all 64 in flight at once.
        QList<Call> calls;
        for (int c = 0; c < kCustomers; ++c) {
            calls << Call{m_terms[c / kPerTerminal].port,
                          "POST",
                          QStringLiteral("/api/v1/reservations"),
                          QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                              .arg(scheduleId)
                              .arg(seat)
                              .toUtf8(),
                          tokens.at(c),
                          {}};
        }
        const QList<Answer> answers = sendAll(calls);
        int won = 0, taken = 0, winner = -1;
        qint64 slowest = 0;
        QStringList other;
        for (int c = 0; c < kCustomers; ++c) {
            const Answer& a = answers.at(c);
            slowest = std::max(slowest, a.ms);
            if (a.status == 201) {
                ++won;
                winner = c + 1;
                QCOMPARE(a.body.value(QStringLiteral("seatNumber")).toInt(), seat);
            } else if (a.status == 409 && a.code() == QLatin1String("SEAT_ALREADY_TAKEN")) {
                ++taken;
            } else {
                other << QStringLiteral("customer %1: %2").arg(c + 1).arg(a.text());
            }
        }
        QVERIFY2(other.isEmpty(), qPrintable(other.join(QLatin1Char('\n'))));
        QCOMPARE(won, 1);
        QCOMPARE(taken, kCustomers - 1);
        ++winsByCustomer[winner];
        qInfo().noquote() << "seat" << seat << "won by customer" << winner << "through"
                          << m_terms[(winner - 1) / kPerTerminal].app << "; slowest answer"
                          << slowest << "ms";

        // The database agrees: one live reservation of the seat, the winner's.
        const auto rows = pg.rows(QStringLiteral("SELECT r.customer_id FROM reservations r"
                                                 " JOIN seats s ON s.id = r.seat_id"
                                                 " WHERE s.schedule_id = %1 AND s.seat_number = %2"
                                                 " AND r.status IN ('HELD', 'PAID')")
                                      .arg(scheduleId)
                                      .arg(seat));
        QVERIFY2(rows.has_value(), qPrintable(pg.error()));
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->first().first().toLongLong(), qint64(winner));
        // And every process says the seat is gone.
        for (int t = 0; t < kTerminals; ++t) {
            const Answer seats =
                send(Call{m_terms[t].port,
                          "GET",
                          QStringLiteral("/api/v1/schedules/%1/seats").arg(scheduleId),
                          {},
                          tokens.at(t),
                          {}});
            QVERIFY2(seats.status == 200, qPrintable(seats.text()));
            for (const QJsonValue& v : seats.body.value(QStringLiteral("seats")).toArray())
                QVERIFY(v.toObject().value(QStringLiteral("seatNumber")).toInt() != seat);
        }
    }
    QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(*) FROM reservations")), 3);
    QByteArray report;
    QCOMPARE(runCheck(m_url, &report), 0);
    QVERIFY2(report.contains("live holds 3"), report.constData());
    for (Terminal& t : m_terms)
        QVERIFY2(t.running(), qPrintable(t.log()));
}

void TestTerminals::mixedWorkloadKeepsInvariants()
{
    constexpr int kTerminals = 4;
    constexpr int kCustomers = 24;
    constexpr int kBatch = 16;  // requests in flight at once
    constexpr int kRounds = 30; // 480 operations
    constexpr int kSeats = 10;  // the seats everyone fights over, per schedule

    bool seedOk = false;
    quint32 seed = quint32(qEnvironmentVariableIntValue("BOXOFFICE_TEST_SEED", &seedOk));
    if (!seedOk)
        seed = QRandomGenerator::global()->generate();
    qInfo() << "mixed workload seed" << seed << "(BOXOFFICE_TEST_SEED repeats it)";
    QRandomGenerator rng(seed);

    startTerminals(kTerminals, {QStringLiteral("--activate-every"), QStringLiteral("1"),
                                QStringLiteral("--activate-count"), QStringLiteral("100"),
                                QStringLiteral("--hold-seconds"), QStringLiteral("3")});
    if (QTest::currentTestFailed())
        return;
    Pg pg(m_schema);
    QVERIFY2(pg.ok(), qPrintable(pg.error()));

    struct Customer
    {
        qint64 id = 0;
        qint64 concert = 0;
        qint64 schedule = 0;
        QString token;
    };
    QList<Customer> customers;
    const QHash<qint64, qint64> schedules = {{1, firstScheduleOf(1)}, {2, firstScheduleOf(2)}};
    for (int c = 1; c <= kCustomers; ++c) {
        const qint64 concert = 1 + c % 2;
        QVERIFY(schedules.value(concert) > 0);
        customers << Customer{c, concert, schedules.value(concert), {}};
    }

    enum class Kind { Enter, Poll, Seats, Hold, Charge, ChargeAgain, Pay, PayAgain, Balance };
    struct Op
    {
        Kind kind;
        int customer; // index into customers
        Call call;
        QString key;
    };
    struct ChargeRecord
    {
        qint64 customer = 0;
        qint64 amount = 0;
        bool acknowledged = false;
        qint64 balanceAfter = 0;
    };
    struct PayRecord
    {
        qint64 customer = 0;
        QList<qint64> reservationIds;
        bool acknowledged = false;
        qint64 paymentId = 0;
        qint64 amount = 0;
    };
    QHash<QString, ChargeRecord> charges;
    QHash<QString, PayRecord> pays;
    QHash<QString, Op> payCalls; // a paid key's original request, to repeat it
    QList<Op> retry;             // money moves without a final answer yet: same key again
    QStringList problems;
    QMap<QString, int> tally;
    int releases = 0, keyCounter = 0;

    auto port = [&] { return m_terms[rng.bounded(kTerminals)].port; };
    auto holdsNow = [&]() {
        QHash<qint64, QList<qint64>> held;
        const auto rows = pg.rows(QStringLiteral("SELECT customer_id, id FROM reservations WHERE"
                                                 " status = 'HELD' AND expires_at > %1 ORDER BY id")
                                      .arg(nowMs() + 500));
        if (rows) {
            for (const QVariantList& r : *rows)
                held[r.at(0).toLongLong()] << r.at(1).toLongLong();
        }
        return held;
    };

    auto runBatch = [&](const QList<Op>& batch) {
        QList<Call> calls;
        for (const Op& op : batch)
            calls << op.call;
        const QList<Answer> answers = sendAll(calls);
        for (int i = 0; i < batch.size(); ++i) {
            const Op& op = batch.at(i);
            const Answer& a = answers.at(i);
            Customer& cust = customers[op.customer];
            ++tally[a.status >= 400 ? QStringLiteral("%1 %2").arg(a.status).arg(a.code())
                                    : QStringLiteral("%1").arg(a.status)];
            if (a.status == 0 || a.status == 500) {
                problems << QStringLiteral("customer %1 %2: %3")
                                .arg(cust.id)
                                .arg(op.call.path, a.text());
                continue;
            }
            if (a.status == 401 && a.code() == QLatin1String("TOKEN_EXPIRED"))
                cust.token.clear();
            switch (op.kind) {
            case Kind::Enter:
                if (a.status == 200 || a.status == 201)
                    cust.token = a.body.value(QStringLiteral("token")).toString();
                break;
            case Kind::Charge:
                if (a.status == 200) {
                    charges[op.key].acknowledged = true;
                    charges[op.key].balanceAfter =
                        a.body.value(QStringLiteral("balance")).toInteger();
                } else if (a.status >= 500) {
                    retry << op; // unknown outcome: ask again with the same key
                } else if (a.status != 422) {
                    problems << QStringLiteral("charge %1: %2").arg(op.key, a.text());
                }
                break;
            case Kind::ChargeAgain:
                // A repeat answers the original and charges nothing.
                if (a.status != 200 || a.body.value(QStringLiteral("balance")).toInteger() !=
                                           charges.value(op.key).balanceAfter)
                    problems << QStringLiteral("repeated charge %1 answered %2, first %3")
                                    .arg(op.key, a.text())
                                    .arg(charges.value(op.key).balanceAfter);
                break;
            case Kind::Pay:
                if (a.status == 201 || a.status == 200) {
                    PayRecord& p = pays[op.key];
                    p.acknowledged = true;
                    p.paymentId = a.body.value(QStringLiteral("paymentId")).toInteger();
                    p.amount = a.body.value(QStringLiteral("amount")).toInteger();
                    QList<qint64> ids;
                    for (const QJsonValue& v :
                         a.body.value(QStringLiteral("reservationIds")).toArray())
                        ids << v.toInteger();
                    if (ids != p.reservationIds)
                        problems << QStringLiteral("payment %1 paid other reservations: %2")
                                        .arg(op.key, a.text());
                    payCalls.insert(op.key, op);
                    cust.token.clear(); // used up (Q7)
                } else if (a.status >= 500) {
                    retry << op;
                }
                break;
            case Kind::PayAgain:
                if (a.status != 200 ||
                    a.body.value(QStringLiteral("paymentId")).toInteger() !=
                        pays.value(op.key).paymentId ||
                    a.body.value(QStringLiteral("amount")).toInteger() != pays.value(op.key).amount)
                    problems
                        << QStringLiteral("repeated payment %1 answered %2").arg(op.key, a.text());
                break;
            case Kind::Balance:
                if (a.status != 200 || a.body.value(QStringLiteral("balance")).toInteger() < 0)
                    problems << QStringLiteral("balance of %1: %2").arg(cust.id).arg(a.text());
                break;
            case Kind::Poll:
            case Kind::Seats:
            case Kind::Hold:
                break;
            }
        }
    };

    // Everyone enters first and is admitted (a period or two), so the random rounds below
    // exercise holds and payments however fast the servers answer.
    {
        QList<Call> enters;
        for (int ci = 0; ci < customers.size(); ++ci)
            enters << Call{port(),
                           "POST",
                           QStringLiteral("/api/v1/queue/tokens"),
                           QStringLiteral(R"({"userId":%1,"concertId":%2})")
                               .arg(customers[ci].id)
                               .arg(customers[ci].concert)
                               .toUtf8(),
                           {},
                           {}};
        const QList<Answer> answers = sendAll(enters);
        for (int ci = 0; ci < customers.size(); ++ci)
            customers[ci].token = answers.at(ci).body.value(QStringLiteral("token")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(
            pg.scalar(QStringLiteral(
                "SELECT COUNT(*) FROM queue_entries WHERE state = 'ACTIVE'")) == customers.size(),
            15000);
    }

    for (int round = 0; round < kRounds; ++round) {
        const auto held = holdsNow();
        QList<Op> batch = std::exchange(retry, {});
        QSet<int> busy;
        for (const Op& op : batch)
            busy << op.customer;
        while (batch.size() < kBatch) {
            const int ci = rng.bounded(kCustomers);
            if (busy.contains(ci))
                continue;
            busy << ci;
            Customer& cust = customers[ci];
            Op op{Kind::Balance, ci, Call{port(), "GET", {}, {}, cust.token, {}}, {}};
            const int r = rng.bounded(100);
            const QList<qint64> holds = held.value(cust.id);
            QStringList paidKeys;
            for (auto it = pays.cbegin(); it != pays.cend(); ++it) {
                if (it->acknowledged && it->customer == cust.id)
                    paidKeys << it.key();
            }
            QStringList chargedKeys;
            for (auto it = charges.cbegin(); it != charges.cend(); ++it) {
                if (it->acknowledged && it->customer == cust.id)
                    chargedKeys << it.key();
            }
            if (cust.token.isEmpty() && r < 60) {
                op.kind = Kind::Enter;
                op.call.method = "POST";
                op.call.path = QStringLiteral("/api/v1/queue/tokens");
                op.call.body = QStringLiteral(R"({"userId":%1,"concertId":%2})")
                                   .arg(cust.id)
                                   .arg(cust.concert)
                                   .toUtf8();
            } else if (r < 8) {
                op.kind = Kind::Poll;
                op.call.path = QStringLiteral("/api/v1/queue/tokens/current");
            } else if (r < 14) {
                op.kind = Kind::Seats;
                op.call.path = QStringLiteral("/api/v1/schedules/%1/seats").arg(cust.schedule);
            } else if (r < 38) {
                op.kind = Kind::Hold;
                op.call.method = "POST";
                op.call.path = QStringLiteral("/api/v1/reservations");
                op.call.body = QStringLiteral(R"({"scheduleId":%1,"seatNumber":%2})")
                                   .arg(cust.schedule)
                                   .arg(1 + rng.bounded(kSeats))
                                   .toUtf8();
            } else if (r < 58 || (r < 78 && holds.isEmpty())) {
                op.kind = Kind::Charge;
                op.key = QStringLiteral("charge-%1-%2").arg(seed).arg(++keyCounter);
                const qint64 amount = 10'000 * (1 + rng.bounded(60));
                charges.insert(op.key, ChargeRecord{cust.id, amount, false, 0});
                op.call.method = "POST";
                op.call.path = QStringLiteral("/api/v1/users/%1/balance/charge").arg(cust.id);
                op.call.body = QStringLiteral(R"({"amount":%1})").arg(amount).toUtf8();
                op.call.idempotencyKey = op.key;
            } else if (r < 64 && !chargedKeys.isEmpty()) {
                op.kind = Kind::ChargeAgain;
                op.key = chargedKeys.at(rng.bounded(chargedKeys.size()));
                op.call.method = "POST";
                op.call.path = QStringLiteral("/api/v1/users/%1/balance/charge").arg(cust.id);
                op.call.body =
                    QStringLiteral(R"({"amount":%1})").arg(charges.value(op.key).amount).toUtf8();
                op.call.idempotencyKey = op.key;
            } else if (r < 78 && !holds.isEmpty()) {
                op.kind = Kind::Pay;
                op.key = QStringLiteral("pay-%1-%2").arg(seed).arg(++keyCounter);
                pays.insert(op.key, PayRecord{cust.id, holds, false, 0, 0});
                QStringList ids;
                for (qint64 id : holds)
                    ids << QString::number(id);
                op.call.method = "POST";
                op.call.path = QStringLiteral("/api/v1/payments");
                op.call.body = QStringLiteral(R"({"reservationIds":[%1]})")
                                   .arg(ids.join(QLatin1Char(',')))
                                   .toUtf8();
                op.call.idempotencyKey = op.key;
            } else if (r < 82 && !paidKeys.isEmpty()) {
                op = payCalls.value(paidKeys.at(rng.bounded(paidKeys.size())));
                op.kind = Kind::PayAgain;
                op.call.port = port();
            } else if (r < 90 && !holds.isEmpty() && !cust.token.isEmpty()) {
                // A release from the test's own terminal, between the batches.
                if (m_engine->reservations.release(cust.token, holds.at(rng.bounded(holds.size()))))
                    ++releases;
                continue;
            } else {
                op.call.path = QStringLiteral("/api/v1/users/%1/balance").arg(cust.id);
            }
            batch << op;
        }
        runBatch(batch);
    }
    // Every money move without a final answer is asked again, same key, until it has one.
    for (int round = 0; round < 20 && !retry.isEmpty(); ++round)
        runBatch(std::exchange(retry, {}));
    QVERIFY2(retry.isEmpty(), "money moves still without an answer");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));

    // The database holds exactly what was acknowledged.
    QHash<qint64, qint64> expected;
    int ackedCharges = 0, ackedPays = 0;
    {
        const auto rows = pg.rows(QStringLiteral("SELECT idempotency_key, customer_id, COUNT(*),"
                                                 " SUM(amount) FROM ledger WHERE kind = 'CHARGE'"
                                                 " GROUP BY idempotency_key, customer_id"));
        QVERIFY2(rows.has_value(), qPrintable(pg.error()));
        QHash<QString, QVariantList> ledger;
        for (const QVariantList& r : *rows)
            ledger.insert(r.at(0).toString(), r);
        for (auto it = charges.cbegin(); it != charges.cend(); ++it) {
            const auto row = ledger.value(it.key());
            if (it->acknowledged) {
                ++ackedCharges;
                expected[it->customer] += it->amount;
                QVERIFY2(!row.isEmpty(),
                         qPrintable(it.key() + QStringLiteral(" acknowledged, lost")));
                QCOMPARE(row.at(1).toLongLong(), it->customer);
                QCOMPARE(row.at(2).toLongLong(), 1);
                QCOMPARE(row.at(3).toLongLong(), it->amount);
            } else {
                QVERIFY2(row.isEmpty(), qPrintable(it.key() + QStringLiteral(" refused, applied")));
            }
        }
        QCOMPARE(ledger.size(), ackedCharges); // no charge the clients did not ask for
    }
    {
        const auto rows = pg.rows(QStringLiteral("SELECT idempotency_key, id, amount, customer_id"
                                                 " FROM payments"));
        QVERIFY2(rows.has_value(), qPrintable(pg.error()));
        QHash<QString, QVariantList> payments;
        for (const QVariantList& r : *rows) {
            QVERIFY2(!payments.contains(r.at(0).toString()), "two payments with one key");
            payments.insert(r.at(0).toString(), r);
        }
        for (auto it = pays.cbegin(); it != pays.cend(); ++it) {
            const auto row = payments.value(it.key());
            if (it->acknowledged) {
                ++ackedPays;
                expected[it->customer] -= it->amount;
                QVERIFY2(!row.isEmpty(),
                         qPrintable(it.key() + QStringLiteral(" acknowledged, lost")));
                QCOMPARE(row.at(1).toLongLong(), it->paymentId);
                QCOMPARE(row.at(2).toLongLong(), it->amount);
                QCOMPARE(row.at(3).toLongLong(), it->customer);
                QCOMPARE(pg.scalar(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE"
                                                  " payment_id = %1 AND status = 'PAID'")
                                       .arg(it->paymentId)),
                         qint64(it->reservationIds.size()));
            } else {
                QVERIFY2(row.isEmpty(), qPrintable(it.key() + QStringLiteral(" refused, applied")));
            }
        }
        QCOMPARE(payments.size(), ackedPays);
    }
    {
        const auto rows = pg.rows(QStringLiteral("SELECT id, balance FROM customers ORDER BY id"));
        QVERIFY2(rows.has_value(), qPrintable(pg.error()));
        for (const QVariantList& r : *rows) {
            QVERIFY2(r.at(1).toLongLong() == expected.value(r.at(0).toLongLong()),
                     qPrintable(QStringLiteral("customer %1: balance %2, acknowledged %3")
                                    .arg(r.at(0).toLongLong())
                                    .arg(r.at(1).toLongLong())
                                    .arg(expected.value(r.at(0).toLongLong()))));
        }
    }
    const qint64 sold =
        pg.scalar(QStringLiteral("SELECT COUNT(*) FROM reservations WHERE status = 'PAID'"));
    QStringList statuses;
    for (auto it = tally.cbegin(); it != tally.cend(); ++it)
        statuses << QStringLiteral("%1x%2").arg(it.key()).arg(it.value());
    qInfo().noquote() << "mixed workload:" << ackedCharges << "charges," << ackedPays << "payments,"
                      << sold << "seats sold," << releases << "releases; answers"
                      << statuses.join(QLatin1Char(' '));
    QVERIFY2(ackedCharges > 0 && ackedPays > 0 && sold > 0, "the workload moved no money");

    // W5 by the command line: intact, then broken by hand and said so.
    QByteArray report;
    QCOMPARE(runCheck(m_url, &report), 0);
    QVERIFY2(report.contains("all invariants hold"), report.constData());
    const qint64 victim = expected.cbegin().key();
    QVERIFY2(pg.exec(QStringLiteral("UPDATE customers SET balance = balance + 1000 WHERE id = %1")
                         .arg(victim)),
             qPrintable(pg.error()));
    QVERIFY(runCheck(m_url, &report) != 0);
    QVERIFY2(report.contains(QStringLiteral("PROBLEM: customer %1: balance").arg(victim).toUtf8()),
             report.constData());
    QVERIFY2(report.contains("invariants BROKEN"), report.constData());
    qInfo().noquote()
        << "corrupted check says:"
        << QString::fromUtf8(report).split(QLatin1Char('\n')).filter(QStringLiteral("PROBLEM"));
    for (Terminal& t : m_terms)
        QVERIFY2(t.running(), qPrintable(t.log()));
}

QTEST_GUILESS_MAIN(TestTerminals)
#include "tst_terminals.moc"
