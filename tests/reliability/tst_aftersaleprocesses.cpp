// Processes racing the after-sale services (design K5, R3): eight programs on one database, each
// with its own engine, scan one ticket or refund one seat at the same moment. Exactly one scan
// gets in and exactly one refund is made; the invariants hold after. On SQLite they share the
// file; with BOXOFFICE_TEST_ENGINE=postgres, a schema on the test server.

#include "storage/InvariantChecker.h"
#include "support/AfterSaleSupport.h"

#include <QFile>
#include <QProcess>
#include <QTest>

#include <memory>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

constexpr int kProcesses = 8;

// Starts `kProcesses` racers with `arguments`, waits until each has opened its engine, lets them
// all go at once and returns their answers ("OK <id>" or an error code), one per process.
QStringList raceProcesses(TestEngine& t, const QStringList& arguments)
{
    QTemporaryDir dir;
    const QString go = dir.filePath(QStringLiteral("go"));
    std::vector<std::unique_ptr<QProcess>> racers;
    for (int i = 0; i < kProcesses; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(BOXOFFICE_RACER),
                 QStringList{QStringLiteral("--database"), t.location(), QStringLiteral("--now"),
                             QString::number(t.clock.nowMs()), QStringLiteral("--go"), go} +
                     arguments);
        if (!p->waitForStarted(10'000))
            qFatal("racer %d did not start", i);
        racers.push_back(std::move(p));
    }
    QList<QByteArray> output(kProcesses);
    for (int i = 0; i < kProcesses; ++i) {
        QProcess& p = *racers[size_t(i)];
        if (!QTest::qWaitFor(
                [&] {
                    output[i] += p.readAllStandardOutput();
                    return output[i].contains("READY\n") || p.state() == QProcess::NotRunning;
                },
                30'000) ||
            !output[i].contains("READY\n"))
            qFatal("racer %d never got ready: %s", i, output[i].constData());
    }
    QFile flag(go);
    if (!flag.open(QIODevice::WriteOnly))
        qFatal("cannot make the go file");
    flag.close();
    QStringList answers;
    for (int i = 0; i < kProcesses; ++i) {
        QProcess& p = *racers[size_t(i)];
        if (!p.waitForFinished(60'000))
            qFatal("racer %d did not finish", i);
        output[i] += p.readAllStandardOutput();
        const QList<QByteArray> lines = output[i].trimmed().split('\n');
        answers << QString::fromUtf8(lines.last()).section(u' ', 0, 0);
    }
    answers.sort();
    return answers;
}

void verifyInvariants(TestEngine& t)
{
    const auto report = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(report);
    QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));
}

QStringList expected(const QString& winner, const QString& others)
{
    QStringList out{winner};
    for (int i = 1; i < kProcesses; ++i)
        out << others;
    out.sort();
    return out;
}

} // namespace

class TestAfterSaleProcesses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eightProcessesScanOneTicket();
    void eightProcessesRefundOneSeat();
};

void TestAfterSaleProcesses::eightProcessesScanOneTicket()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {3});
    const QStringList answers =
        raceProcesses(t, {QStringLiteral("--checkin"), p.tickets.first().code,
                          QStringLiteral("--schedule"), QString::number(schedule)});
    QCOMPARE(answers, expected(QStringLiteral("OK"), QStringLiteral("ALREADY_CHECKED_IN")));
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM checkins")), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN'")),
             1);
    verifyInvariants(t);
}

void TestAfterSaleProcesses::eightProcessesRefundOneSeat()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {4});
    const qint64 before = *t->wallet.balance(1);
    const QStringList answers =
        raceProcesses(t, {QStringLiteral("--refund"), QString::number(p.reservationIds.first())});
    QCOMPARE(answers, expected(QStringLiteral("OK"), QStringLiteral("ALREADY_REFUNDED")));
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM refunds")), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = 'REFUND'")), 1);
    QCOMPARE(*t->wallet.balance(1), before + p.amount);
    verifyInvariants(t);
}

QTEST_GUILESS_MAIN(TestAfterSaleProcesses)
#include "tst_aftersaleprocesses.moc"
