// QueueModel: the customers this terminal put in a queue, with their live status. It polls
// every live token itself, every kPollIntervalMs of the host's UI clock, one poll at a time;
// polling keeps waiting entries alive, announces admissions once, and reads a token used up by a
// payment (here or elsewhere) as Paid.

#include "QueueModel.h"
#include "models/ModelSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

using Stage = QueueModel::Stage;

Stage stageOf(const QueueModel& m, int row)
{
    return Stage(m.index(row, 0).data(QueueModel::StateRole).toInt());
}

QString text(const QueueModel& m, int row, int column)
{
    return m.index(row, column).data(Qt::DisplayRole).toString();
}

// Runs the admission that is due, moving the clock forward to it when it lies ahead.
int admitDue(TestEngine& t)
{
    const auto next = t->queue.nextAdmissionAtMs();
    if (!next)
        return -1;
    if (*next > t.clock.nowMs())
        t.clock.setMs(*next);
    const auto n = t->queue.activateDue(t.clock.nowMs());
    return n ? *n : -1;
}

// Whatever poll the model's timer sent comes back first, then one is sent now and comes back:
// what it shows is what the database says at this moment.
bool pollNow(EngineHost& host, QueueModel& model)
{
    if (!settleHost(host))
        return false;
    model.pollAll();
    return settleHost(host);
}

} // namespace

class TestQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void joinAddsOneRowPerCustomerAndConcert();
    void itPollsByItselfOnTheUiClock();
    void pollsDoNotPileUpBehindASlowDatabase();
    void pollingKeepsWaitingEntriesAliveAndMovesThemUp();
    void admissionIsAnnouncedOnce();
    void admissionSeenByRejoinIsAnnounced();
    void markPaidShowsPaid();
    void aPaymentMadeElsewhereReadsAsPaid();
    void idleTokenBecomesExpired();
    void forgetStopsLookingAfterACustomer();
    void headersAndStageTexts();
};

void TestQueueModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestQueueModel::joinAddsOneRowPerCustomerAndConcert()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);

    auto first = awaited(model.join(1, QStringLiteral("Kim"), 1, QStringLiteral("Jazz")));
    QVERIFY_RESULT(first);
    QCOMPARE(first->state, QueueState::Waiting);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(stageOf(model, 0), Stage::Waiting);
    QCOMPARE(model.find(1, 1)->stage(), Stage::Waiting);
    QCOMPARE(model.index(0, 0).data(QueueModel::CustomerIdRole).toLongLong(), 1);
    QCOMPARE(model.index(0, 0).data(QueueModel::ConcertIdRole).toLongLong(), 1);
    QCOMPARE(text(model, 0, QueueModel::CustomerColumn), QStringLiteral("Kim (#1)"));
    QCOMPARE(text(model, 0, QueueModel::ConcertColumn), QStringLiteral("Jazz"));
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Waiting"));
    QCOMPARE(text(model, 0, QueueModel::PositionColumn), QString::number(first->position));
    QCOMPARE(status.count(), 1);
    const QString firstToken = model.tokenFor(1, 1);
    QVERIFY(!firstToken.isEmpty());

    // The same customer and concert again: the same row with a fresh token (Q1).
    QVERIFY_RESULT(awaited(model.join(1, QStringLiteral("Kim"), 1, QStringLiteral("Jazz"))));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QVERIFY(model.tokenFor(1, 1) != firstToken);
    QVERIFY_RESULT(t->queue.poll(model.tokenFor(1, 1)));
    QCOMPARE_ERROR(t->queue.poll(firstToken), ErrorCode::TokenInvalid);

    // Another concert or another customer is another row.
    QVERIFY_RESULT(awaited(model.join(1, QStringLiteral("Kim"), 2, QStringLiteral("Phil"))));
    QVERIFY_RESULT(awaited(model.join(2, QStringLiteral("Lee"), 1, QStringLiteral("Jazz"))));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 2);
    QVERIFY(model.find(2, 1));
    QCOMPARE(model.find(2, 1)->customerName, QStringLiteral("Lee"));
    QCOMPARE(model.find(2, 3), nullptr);
    QVERIFY(model.tokenFor(2, 3).isEmpty());

    // A customer who does not exist is an error and no row.
    QCOMPARE_ERROR(awaited(model.join(999, QStringLiteral("Nobody"), 1, QStringLiteral("Jazz"))),
                   ErrorCode::UserNotFound);
    QCOMPARE(model.rowCount(), 3);
}

void TestQueueModel::itPollsByItselfOnTheUiClock()
{
    TestEngine t;
    // The engine's clock and the window's apart, to tell which one paces the polls.
    ManualClock ui(t.clock.nowMs());
    EngineHost host(t.clock, ui);
    QVERIFY_RESULT(awaited(host.adopt(*t, false)));
    QueueModel model(host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    ui.advanceMs(5 * QueueModel::kPollIntervalMs); // the two clocks apart
    QVERIFY(settleHost(host));

    QVERIFY_RESULT(awaited(model.join(3, QStringLiteral("Han"), 1, QStringLiteral("Jazz"))));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The engine's time moving does not poll; the window's does, once a period.
    t.clock.advanceMs(3 * QueueModel::kPollIntervalMs);
    QVERIFY(settleHost(host));
    QCOMPARE(changed.count(), 0);
    ui.advanceMs(QueueModel::kPollIntervalMs - 1);
    QVERIFY(settleHost(host));
    QCOMPARE(changed.count(), 0);
    ui.advanceMs(1);
    QVERIFY(settleHost(host));
    QCOMPARE(changed.count(), 1);
    QVERIFY(advanceSettled(ui, host, 3 * QueueModel::kPollIntervalMs));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(stageOf(model, 0), Stage::Waiting);
}

void TestQueueModel::pollsDoNotPileUpBehindASlowDatabase()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QVERIFY_RESULT(awaited(model.join(4, QStringLiteral("Seo"), 1, QStringLiteral("Jazz"))));
    QVERIFY_RESULT(awaited(model.join(5, QStringLiteral("Oh"), 1, QStringLiteral("Jazz"))));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    {
        EngineGate gate(*host);
        // Every live token in one call, and none more while it is out.
        model.pollAll();
        QCOMPARE(host->pendingCalls(), 2);
        model.pollAll();
        model.pollAll();
        QCOMPARE(host->pendingCalls(), 2);
    }
    QVERIFY(settleHost(*host));
    QCOMPARE(changed.count(), 2); // the one poll's answer, a row each
    QCOMPARE(host->pendingCalls(), 0);
    // Once it is back the next poll goes out as usual.
    QVERIFY(advanceSettled(t.clock, *host, QueueModel::kPollIntervalMs));
    QCOMPARE(changed.count(), 4);
}

void TestQueueModel::pollingKeepsWaitingEntriesAliveAndMovesThemUp()
{
    TestEngine t;
    TestHost host(t);
    // Someone at another terminal is first in line.
    auto ahead = t->queue.enter(50, 1);
    QVERIFY_RESULT(ahead);

    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.join(1, QStringLiteral("A"), 1, QStringLiteral("Jazz"))));
    QVERIFY_RESULT(awaited(model.join(2, QStringLiteral("B"), 1, QStringLiteral("Jazz"))));
    const qint64 posA = model.find(1, 1)->status.position;
    const qint64 posB = model.find(2, 1)->status.position;
    QCOMPARE(posB, posA + 1);
    QVERIFY(posA > 1);

    // This terminal's own timer keeps polling; the other one stops and its entry goes idle.
    const qint64 idleMs = qint64(t->settings.idleSeconds) * 1000;
    QVERIFY(advanceSettled(t.clock, *host, idleMs - 1000));
    QCOMPARE(model.find(1, 1)->status.position, posA);
    QVERIFY(advanceSettled(t.clock, *host, 2000));
    const auto swept = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(swept);
    QCOMPARE(*swept, 1);
    QCOMPARE_ERROR(t->queue.poll(ahead->token), ErrorCode::TokenExpired);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);
    QSignalSpy admitted(&model, &QueueModel::admitted);
    QVERIFY(pollNow(*host, model));
    QCOMPARE(model.find(1, 1)->status.position, posA - 1);
    QCOMPARE(model.find(2, 1)->status.position, posB - 1);
    QCOMPARE(text(model, 0, QueueModel::PositionColumn), QString::number(posA - 1));
    QCOMPARE(text(model, 1, QueueModel::PositionColumn), QString::number(posB - 1));
    QCOMPARE(status.count(), 2);
    QCOMPARE(admitted.count(), 0);
    QVERIFY(changed.count() >= 2);
    QCOMPARE(stageOf(model, 0), Stage::Waiting);
    QCOMPARE(stageOf(model, 1), Stage::Waiting);
}

void TestQueueModel::admissionIsAnnouncedOnce()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString name = QStringLiteral("Park");
    const QString title = QStringLiteral("New Year Concert");
    QVERIFY_RESULT(awaited(model.join(5, name, 2, title)));
    QSignalSpy admitted(&model, &QueueModel::admitted);
    QSignalSpy status(&model, &QueueModel::statusChanged);

    QVERIFY(pollNow(*host, model));
    QCOMPARE(admitted.count(), 0);
    QCOMPARE(stageOf(model, 0), Stage::Waiting);
    QVERIFY(!model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());

    QVERIFY(admitDue(t) >= 1);
    QVERIFY(pollNow(*host, model));
    QCOMPARE(admitted.count(), 1);
    QCOMPARE(admitted.at(0).at(0).toLongLong(), 5);
    QCOMPARE(admitted.at(0).at(1).toString(), name);
    QCOMPARE(admitted.at(0).at(2).toString(), title);
    QCOMPARE(status.count(), 1);
    QCOMPARE(stageOf(model, 0), Stage::Admitted);
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QueueModel::stageText(Stage::Admitted));
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Choosing seats"));
    QVERIFY(model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());
    QVERIFY(text(model, 0, QueueModel::WaitColumn).contains(QStringLiteral("10:00")));
    QCOMPARE(text(model, 0, QueueModel::PositionColumn), QStringLiteral("—"));
    QVERIFY_RESULT(t->queue.requireActive(model.tokenFor(5, 2), 2));

    // Further polls, a later admission and a re-join do not announce it again.
    QVERIFY(advanceSettled(t.clock, *host, 1000));
    QVERIFY(text(model, 0, QueueModel::WaitColumn).contains(QStringLiteral("9:59")));
    admitDue(t);
    QVERIFY(pollNow(*host, model));
    QVERIFY_RESULT(awaited(model.join(5, name, 2, title)));
    QCOMPARE(stageOf(model, 0), Stage::Admitted);
    QVERIFY(pollNow(*host, model));
    QCOMPARE(admitted.count(), 1);

    // The highlight fades.
    QVERIFY(advanceSettled(t.clock, *host, 30'000));
    QVERIFY(!model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());
    QCOMPARE(stageOf(model, 0), Stage::Admitted);
}

void TestQueueModel::admissionSeenByRejoinIsAnnounced()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.join(6, QStringLiteral("Yoon"), 1, QStringLiteral("Jazz"))));
    QSignalSpy admitted(&model, &QueueModel::admitted);

    // Admitted between two polls, and the operator asks again before the next poll: the
    // answer to the join is the first this terminal hears of it.
    QVERIFY(admitDue(t) >= 1);
    QVERIFY(settleHost(*host)); // a poll the clock's move sent may land first: either way once
    auto again = awaited(model.join(6, QStringLiteral("Yoon"), 1, QStringLiteral("Jazz")));
    QVERIFY_RESULT(again);
    QCOMPARE(again->state, QueueState::Active);
    QCOMPARE(stageOf(model, 0), Stage::Admitted);
    QCOMPARE(admitted.count(), 1);
    QCOMPARE(admitted.at(0).at(0).toLongLong(), 6);
    QVERIFY(pollNow(*host, model));
    QVERIFY_RESULT(awaited(model.join(6, QStringLiteral("Yoon"), 1, QStringLiteral("Jazz"))));
    QVERIFY(pollNow(*host, model));
    QCOMPARE(admitted.count(), 1);
}

void TestQueueModel::markPaidShowsPaid()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.join(7, QStringLiteral("Choi"), 3, QStringLiteral("Indie"))));
    QVERIFY(admitDue(t) >= 1);
    QVERIFY(pollNow(*host, model));
    QCOMPARE(stageOf(model, 0), Stage::Admitted);

    // A real payment uses the token up; the terminal marks the entry.
    const auto schedules = t->catalogue.schedulesOf(3);
    QVERIFY_RESULT(schedules);
    auto held = t->reservations.hold(model.tokenFor(7, 3), schedules->first().id, 1);
    QVERIFY_RESULT(held);
    QVERIFY_RESULT(t->wallet.charge(7, held->price));
    auto paid = t->payments.pay(model.tokenFor(7, 3), {held->id});
    QVERIFY_RESULT(paid);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);
    model.markPaid(7, 3, paid->id);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(status.count(), 1);
    QCOMPARE(status.at(0).at(0).toLongLong(), 7);
    QCOMPARE(status.at(0).at(1).toLongLong(), 3);
    QCOMPARE(model.find(7, 3)->paymentId, paid->id);
    QCOMPARE(model.find(7, 3)->stage(), Stage::Paid);
    QCOMPARE(stageOf(model, 0), Stage::Paid);
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Paid"));
    QVERIFY(!model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());
    QCOMPARE(text(model, 0, QueueModel::PositionColumn), QStringLiteral("—"));
    QCOMPARE(text(model, 0, QueueModel::WaitColumn), QStringLiteral("—"));

    // A paid entry is not polled any more: nothing is asked, nothing changes.
    status.clear();
    changed.clear();
    model.pollAll();
    QCOMPARE(host->pendingCalls(), 0);
    QVERIFY(advanceSettled(t.clock, *host, 3000));
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Paid"));
    QCOMPARE(status.count(), 0);
    QCOMPARE(changed.count(), 0);

    // Unknown entries are ignored.
    model.markPaid(8, 3, paid->id);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.find(8, 3), nullptr);
}

void TestQueueModel::aPaymentMadeElsewhereReadsAsPaid()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.join(14, QStringLiteral("Ryu"), 1, QStringLiteral("Jazz"))));
    QVERIFY(admitDue(t) >= 1);
    QVERIFY(pollNow(*host, model));
    QCOMPARE(stageOf(model, 0), Stage::Admitted);

    // The customer's phone (another connection) pays with the token this terminal holds.
    const QString token = model.tokenFor(14, 1);
    const auto schedules = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    Result<Payment> paid = fail(ErrorCode::StorageError);
    std::thread phone([&] {
        auto held = t->reservations.hold(token, schedules->first().id, 4);
        if (!held || !t->wallet.charge(14, held->price)) {
            paid = fail(ErrorCode::StorageError);
            return;
        }
        paid = t->payments.pay(token, {held->id});
    });
    phone.join();
    QVERIFY_RESULT(paid);

    QSignalSpy status(&model, &QueueModel::statusChanged);
    QSignalSpy admitted(&model, &QueueModel::admitted);
    QVERIFY(pollNow(*host, model));
    QCOMPARE(status.count(), 1);
    QCOMPARE(admitted.count(), 0);
    // TOKEN_EXPIRED with the payment's number: the token did its job, it did not run out.
    QCOMPARE(model.find(14, 1)->paymentId, paid->id);
    QCOMPARE(stageOf(model, 0), Stage::Paid);
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Paid"));
}

void TestQueueModel::idleTokenBecomesExpired()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.join(9, QStringLiteral("Jung"), 1, QStringLiteral("Jazz"))));
    QVERIFY_RESULT(awaited(model.join(10, QStringLiteral("Kang"), 1, QStringLiteral("Jazz"))));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);
    QSignalSpy admitted(&model, &QueueModel::admitted);
    {
        // The terminal's polls are held up for idle_seconds (a database that does not answer
        // this terminal) and the sweeper evicts both meanwhile.
        EngineGate gate(*host);
        t.clock.advanceSeconds(t->settings.idleSeconds + 1);
        const auto swept = t->queue.expireDue(t.clock.nowMs());
        QVERIFY_RESULT(swept);
        QCOMPARE(*swept, 2);
    }
    QVERIFY(settleHost(*host));
    QCOMPARE(status.count(), 2);
    QCOMPARE(admitted.count(), 0);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(stageOf(model, row), Stage::Expired);
        const qint64 customer = model.index(row, 0).data(QueueModel::CustomerIdRole).toLongLong();
        QVERIFY(model.find(customer, 1)->expired);
        QCOMPARE(model.find(customer, 1)->paymentId, 0);
        QCOMPARE(text(model, row, QueueModel::StateColumn), QStringLiteral("Expired"));
        QCOMPARE(text(model, row, QueueModel::PositionColumn), QStringLiteral("—"));
        QCOMPARE(text(model, row, QueueModel::WaitColumn), QStringLiteral("—"));
    }
    QCOMPARE(changed.count(), 2);

    // Expired entries are not polled again.
    status.clear();
    changed.clear();
    QVERIFY(pollNow(*host, model));
    QVERIFY(advanceSettled(t.clock, *host, 3000));
    QCOMPARE(status.count(), 0);
    QCOMPARE(changed.count(), 0);

    // Joining again revives the row with a new entry.
    QVERIFY_RESULT(awaited(model.join(9, QStringLiteral("Jung"), 1, QStringLiteral("Jazz"))));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(stageOf(model, 0), Stage::Waiting);
    QVERIFY(!model.find(9, 1)->expired);
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Waiting"));
    QVERIFY(advanceSettled(t.clock, *host, 1000));
    QCOMPARE(changed.count(), 2); // the join's row, then the revived row's poll
}

void TestQueueModel::forgetStopsLookingAfterACustomer()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.join(15, QStringLiteral("Gone"), 1, QStringLiteral("Jazz"))));
    QVERIFY_RESULT(awaited(model.join(15, QStringLiteral("Gone"), 2, QStringLiteral("Phil"))));
    QVERIFY_RESULT(awaited(model.join(16, QStringLiteral("Here"), 1, QStringLiteral("Jazz"))));
    const QString gone = model.tokenFor(15, 1);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    {
        // A poll is out when the customer is forgotten: its answer for them is dropped.
        EngineGate gate(*host);
        model.pollAll();
        model.forget(15);
        QCOMPARE(removed.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.find(15, 1), nullptr);
        QVERIFY(model.tokenFor(15, 2).isEmpty());
    }
    QVERIFY(settleHost(*host));
    QCOMPARE(changed.count(), 1); // the one left
    QCOMPARE(model.find(16, 1)->customerName, QStringLiteral("Here"));
    model.forget(99); // nobody: nothing
    QCOMPARE(removed.count(), 2);
    // Nothing polls the forgotten token: it lapses, the other lives on.
    QVERIFY(advanceSettled(t.clock, *host, qint64(t->settings.idleSeconds) * 1000 + 2000));
    QVERIFY_RESULT(t->queue.expireDue(t.clock.nowMs()));
    QCOMPARE_ERROR(t->queue.poll(gone), ErrorCode::TokenExpired);
    QVERIFY_RESULT(t->queue.poll(model.tokenFor(16, 1)));
    QCOMPARE(stageOf(model, 0), Stage::Waiting);
}

void TestQueueModel::headersAndStageTexts()
{
    TestEngine t;
    TestHost host(t);
    QueueModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    QSet<QString> names;
    for (int c = 0; c < model.columnCount(); ++c) {
        const QString h = model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY(!h.isEmpty());
        names << h;
    }
    QCOMPARE(int(names.size()), model.columnCount());
    // Four stages, four different plain words.
    QSet<QString> stages;
    for (Stage s : {Stage::Waiting, Stage::Admitted, Stage::Paid, Stage::Expired}) {
        const QString word = QueueModel::stageText(s);
        QVERIFY(!word.isEmpty());
        QVERIFY2(!word.contains(QLatin1String("Used")), qPrintable(word));
        stages << word;
    }
    QCOMPARE(stages.size(), 4);
}

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
