// QueueModel: the customers this terminal put in a queue, with their live status; polling
// keeps waiting entries alive and announces admissions.

#include "QueueModel.h"
#include "support/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QueueState stateOf(const QueueModel& m, int row)
{
    return QueueState(m.index(row, 0).data(QueueModel::StateRole).toInt());
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

} // namespace

class TestQueueModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void joinAddsOneRowPerCustomerAndConcert();
    void pollAllUpdatesPosition();
    void admissionIsAnnouncedOnce();
    void admissionSeenByRejoinIsAnnounced();
    void markUsedShowsUsed();
    void idleTokenBecomesExpired();
    void headers();
};

void TestQueueModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestQueueModel::joinAddsOneRowPerCustomerAndConcert()
{
    TestEngine t;
    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);

    auto first = model.join(1, QStringLiteral("Kim"), 1, QStringLiteral("Jazz"));
    QVERIFY_RESULT(first);
    QCOMPARE(first->state, QueueState::Waiting);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(stateOf(model, 0), QueueState::Waiting);
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
    QVERIFY_RESULT(model.join(1, QStringLiteral("Kim"), 1, QStringLiteral("Jazz")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
    QVERIFY(model.tokenFor(1, 1) != firstToken);
    QVERIFY_RESULT(t->queue.poll(model.tokenFor(1, 1)));
    QCOMPARE_ERROR(t->queue.poll(firstToken), ErrorCode::TokenInvalid);

    // Another concert or another customer is another row.
    QVERIFY_RESULT(model.join(1, QStringLiteral("Kim"), 2, QStringLiteral("Phil")));
    QVERIFY_RESULT(model.join(2, QStringLiteral("Lee"), 1, QStringLiteral("Jazz")));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 3);
    QCOMPARE(inserted.at(2).at(1).toInt(), 2);
    QVERIFY(model.find(2, 1));
    QCOMPARE(model.find(2, 1)->customerName, QStringLiteral("Lee"));
    QCOMPARE(model.find(2, 3), nullptr);
    QVERIFY(model.tokenFor(2, 3).isEmpty());

    // A customer who does not exist is an error and no row.
    QCOMPARE_ERROR(model.join(999, QStringLiteral("Nobody"), 1, QStringLiteral("Jazz")),
                   ErrorCode::UserNotFound);
    QCOMPARE(model.rowCount(), 3);
}

void TestQueueModel::pollAllUpdatesPosition()
{
    TestEngine t;
    // Someone at another terminal is first in line.
    auto ahead = t->queue.enter(50, 1);
    QVERIFY_RESULT(ahead);

    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.join(1, QStringLiteral("A"), 1, QStringLiteral("Jazz")));
    QVERIFY_RESULT(model.join(2, QStringLiteral("B"), 1, QStringLiteral("Jazz")));
    const qint64 posA = model.find(1, 1)->status.position;
    const qint64 posB = model.find(2, 1)->status.position;
    QCOMPARE(posB, posA + 1);
    QVERIFY(posA > 1);

    // Our terminal keeps polling; the other one stops and its entry goes idle.
    const qint64 idleMs = qint64(t->settings.idleSeconds) * 1000;
    t.clock.advanceMs(idleMs - 1000);
    model.pollAll();
    QCOMPARE(model.find(1, 1)->status.position, posA);
    t.clock.advanceMs(2000);
    QVERIFY_RESULT(t->queue.expireDue(t.clock.nowMs()));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);
    QSignalSpy admitted(&model, &QueueModel::admitted);
    model.pollAll();
    QCOMPARE(model.find(1, 1)->status.position, posA - 1);
    QCOMPARE(model.find(2, 1)->status.position, posB - 1);
    QCOMPARE(text(model, 0, QueueModel::PositionColumn), QString::number(posA - 1));
    QCOMPARE(text(model, 1, QueueModel::PositionColumn), QString::number(posB - 1));
    QCOMPARE(status.count(), 2);
    QCOMPARE(admitted.count(), 0);
    QVERIFY(changed.count() >= 2);
    QCOMPARE(stateOf(model, 0), QueueState::Waiting);
    QCOMPARE(stateOf(model, 1), QueueState::Waiting);
}

void TestQueueModel::admissionIsAnnouncedOnce()
{
    TestEngine t;
    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString name = QStringLiteral("Park");
    const QString title = QStringLiteral("New Year Concert");
    QVERIFY_RESULT(model.join(5, name, 2, title));
    QSignalSpy admitted(&model, &QueueModel::admitted);
    QSignalSpy status(&model, &QueueModel::statusChanged);

    model.pollAll();
    QCOMPARE(admitted.count(), 0);
    QCOMPARE(stateOf(model, 0), QueueState::Waiting);
    QVERIFY(!model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());

    QVERIFY(admitDue(t) >= 1);
    model.pollAll();
    QCOMPARE(admitted.count(), 1);
    QCOMPARE(admitted.at(0).at(0).toLongLong(), 5);
    QCOMPARE(admitted.at(0).at(1).toString(), name);
    QCOMPARE(admitted.at(0).at(2).toString(), title);
    QCOMPARE(status.count(), 1);
    QCOMPARE(stateOf(model, 0), QueueState::Active);
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Admitted"));
    QVERIFY(model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());
    QVERIFY(text(model, 0, QueueModel::WaitColumn).contains(QStringLiteral("10:00")));
    QVERIFY_RESULT(t->queue.requireActive(model.tokenFor(5, 2), 2));

    // Further polls, a later admission and a re-join do not announce it again.
    t.clock.advanceSeconds(1);
    model.pollAll();
    QVERIFY(text(model, 0, QueueModel::WaitColumn).contains(QStringLiteral("9:59")));
    admitDue(t);
    model.pollAll();
    QVERIFY_RESULT(model.join(5, name, 2, title));
    QCOMPARE(stateOf(model, 0), QueueState::Active);
    model.pollAll();
    QCOMPARE(admitted.count(), 1);

    // The highlight fades.
    t.clock.advanceSeconds(30);
    QVERIFY(!model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());
}

void TestQueueModel::admissionSeenByRejoinIsAnnounced()
{
    TestEngine t;
    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.join(6, QStringLiteral("Yoon"), 1, QStringLiteral("Jazz")));
    QSignalSpy admitted(&model, &QueueModel::admitted);

    // Admitted between two polls, and the operator asks again before the next poll: the
    // answer to the join is the first this terminal hears of it.
    QVERIFY(admitDue(t) >= 1);
    auto again = model.join(6, QStringLiteral("Yoon"), 1, QStringLiteral("Jazz"));
    QVERIFY_RESULT(again);
    QCOMPARE(again->state, QueueState::Active);
    QCOMPARE(stateOf(model, 0), QueueState::Active);
    QCOMPARE(admitted.count(), 1);
    QCOMPARE(admitted.at(0).at(0).toLongLong(), 6);
    model.pollAll();
    QVERIFY_RESULT(model.join(6, QStringLiteral("Yoon"), 1, QStringLiteral("Jazz")));
    model.pollAll();
    QCOMPARE(admitted.count(), 1);
}

void TestQueueModel::markUsedShowsUsed()
{
    TestEngine t;
    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.join(7, QStringLiteral("Choi"), 3, QStringLiteral("Indie")));
    QVERIFY(admitDue(t) >= 1);
    model.pollAll();
    QCOMPARE(stateOf(model, 0), QueueState::Active);

    // A real payment uses the token up; the terminal marks the entry.
    const auto schedules = t->catalogue.schedulesOf(3);
    QVERIFY_RESULT(schedules);
    auto held = t->reservations.hold(model.tokenFor(7, 3), schedules->first().id, 1);
    QVERIFY_RESULT(held);
    QVERIFY_RESULT(t->wallet.charge(7, held->price));
    QVERIFY_RESULT(t->payments.pay(model.tokenFor(7, 3), {held->id}));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);
    model.markUsed(7, 3);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(status.count(), 1);
    QVERIFY(model.find(7, 3)->used);
    QVERIFY2(text(model, 0, QueueModel::StateColumn).startsWith(QStringLiteral("Used")),
             qPrintable(text(model, 0, QueueModel::StateColumn)));
    QVERIFY(!model.index(0, 0).data(QueueModel::AdmittedRecentlyRole).toBool());
    QCOMPARE(text(model, 0, QueueModel::PositionColumn), QStringLiteral("—"));
    QCOMPARE(text(model, 0, QueueModel::WaitColumn), QStringLiteral("—"));

    // Polling leaves a used entry alone (its token is no longer ACTIVE).
    status.clear();
    model.pollAll();
    QVERIFY(text(model, 0, QueueModel::StateColumn).startsWith(QStringLiteral("Used")));
    QCOMPARE(status.count(), 0);

    // Unknown entries are ignored.
    changed.clear();
    model.markUsed(8, 3);
    QCOMPARE(changed.count(), 0);
}

void TestQueueModel::idleTokenBecomesExpired()
{
    TestEngine t;
    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.join(9, QStringLiteral("Jung"), 1, QStringLiteral("Jazz")));
    QVERIFY_RESULT(model.join(10, QStringLiteral("Kang"), 1, QStringLiteral("Jazz")));

    // Nobody polls for idle_seconds; the sweeper evicts both.
    t.clock.advanceSeconds(t->settings.idleSeconds + 1);
    const auto swept = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(swept);
    QCOMPARE(*swept, 2);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy status(&model, &QueueModel::statusChanged);
    QSignalSpy admitted(&model, &QueueModel::admitted);
    model.pollAll();
    QCOMPARE(status.count(), 2);
    QCOMPARE(admitted.count(), 0);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(stateOf(model, row), QueueState::Expired);
        QVERIFY(model.find(model.index(row, 0).data(QueueModel::CustomerIdRole).toLongLong(), 1)
                    ->expired);
        QCOMPARE(text(model, row, QueueModel::StateColumn), QStringLiteral("Expired"));
        QCOMPARE(text(model, row, QueueModel::PositionColumn), QStringLiteral("—"));
    }
    QCOMPARE(changed.count(), 2);

    // Expired entries are not polled again.
    status.clear();
    changed.clear();
    model.pollAll();
    QCOMPARE(status.count(), 0);
    QCOMPARE(changed.count(), 0);

    // Joining again revives the row with a new entry.
    QVERIFY_RESULT(model.join(9, QStringLiteral("Jung"), 1, QStringLiteral("Jazz")));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(stateOf(model, 0), QueueState::Waiting);
    QVERIFY(!model.find(9, 1)->expired);
    QCOMPARE(text(model, 0, QueueModel::StateColumn), QStringLiteral("Waiting"));
}

void TestQueueModel::headers()
{
    TestEngine t;
    QueueModel model(t->queue, t.clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    QSet<QString> names;
    for (int c = 0; c < model.columnCount(); ++c) {
        const QString h = model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY(!h.isEmpty());
        names << h;
    }
    QCOMPARE(int(names.size()), model.columnCount());
}

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
