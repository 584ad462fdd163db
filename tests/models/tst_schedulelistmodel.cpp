// ScheduleListModel: a concert's future performances with their available-seat counts;
// refresh() updates counts in place (dataChanged on the changed rows, no reset).

#include "Format.h"
#include "ScheduleListModel.h"
#include "support/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

class TestScheduleListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsFutureSchedulesWithCounts();
    void refreshUpdatesOnlyTheHeldSchedule();
    void refreshWithoutChangesIsSilent();
    void pastSchedulesLeaveTheList();
    void switchingConcerts();
};

void TestScheduleListModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestScheduleListModel::listsFutureSchedulesWithCounts()
{
    TestEngine t;
    ScheduleListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(model.setConcert(2));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.concertId(), 2);

    const auto expected = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(expected);
    QVERIFY(!expected->isEmpty());
    QCOMPARE(model.rowCount(), int(expected->size()));
    qint64 previousStart = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const ScheduleInfo& s = expected->at(row);
        const QModelIndex i = model.index(row);
        QCOMPARE(i.data(ScheduleListModel::IdRole).toLongLong(), s.id);
        QCOMPARE(model.idAt(row), s.id);
        QCOMPARE(model.rowOf(s.id), row);
        QCOMPARE(i.data(ScheduleListModel::StartsAtRole).toLongLong(), s.startsAtMs);
        QCOMPARE(i.data(ScheduleListModel::AvailableRole).toInt(), s.availableSeats);
        QCOMPARE(i.data(ScheduleListModel::TotalRole).toInt(), s.totalSeats);
        QCOMPARE(s.availableSeats, 50);
        QVERIFY(s.startsAtMs > t.clock.nowMs());
        QVERIFY(s.startsAtMs >= previousStart);
        previousStart = s.startsAtMs;
        const QString text = i.data(Qt::DisplayRole).toString();
        QVERIFY2(text.contains(Format::dateTime(s.startsAtMs)), qPrintable(text));
        QVERIFY2(text.contains(QString::number(s.availableSeats)), qPrintable(text));
        QCOMPARE(
            i.data(Qt::ToolTipRole).toString(),
            QStringLiteral("%1 of %2 seats available").arg(s.availableSeats).arg(s.totalSeats));
    }
    QCOMPARE(model.idAt(-1), 0);
    QCOMPARE(model.idAt(model.rowCount()), 0);
    QCOMPARE(model.rowOf(999'999), -1);
    QCOMPARE(model.roleNames().value(ScheduleListModel::AvailableRole),
             QByteArray("availableSeats"));
}

void TestScheduleListModel::refreshUpdatesOnlyTheHeldSchedule()
{
    TestEngine t;
    ScheduleListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.setConcert(1));
    QVERIFY(model.rowCount() >= 3);
    const int row = 1;
    const qint64 schedule = model.idAt(row);
    QList<int> before;
    for (int r = 0; r < model.rowCount(); ++r)
        before << model.index(r).data(ScheduleListModel::AvailableRole).toInt();

    const QString token = t.activeToken(5, 1);
    QVERIFY_RESULT(t->reservations.hold(token, schedule, 20));
    QVERIFY_RESULT(t->reservations.hold(token, schedule, 21));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
    QVERIFY_RESULT(model.refresh());
    QCOMPARE(aboutToReset.count(), 0);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), row);
    for (int r = 0; r < model.rowCount(); ++r) {
        const int now = model.index(r).data(ScheduleListModel::AvailableRole).toInt();
        QCOMPARE(now, r == row ? before.at(r) - 2 : before.at(r));
    }
    QCOMPARE(model.idAt(row), schedule);
    QVERIFY(model.index(row)
                .data(Qt::DisplayRole)
                .toString()
                .contains(QString::number(before.at(row) - 2)));

    // The holds run out: the seats come back, again without a reset.
    t.clock.advanceSeconds(t->settings.holdSeconds);
    changed.clear();
    QVERIFY_RESULT(model.refresh());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(model.index(row).data(ScheduleListModel::AvailableRole).toInt(), before.at(row));
}

void TestScheduleListModel::refreshWithoutChangesIsSilent()
{
    TestEngine t;
    ScheduleListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(model.refresh()); // no concert yet
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(model.setConcert(3));
    reset.clear();
    // A hold on another concert changes nothing here.
    const auto other = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(other);
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(6, 1), other->first().id, 1));
    QVERIFY_RESULT(model.refresh());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestScheduleListModel::pastSchedulesLeaveTheList()
{
    TestEngine t;
    ScheduleListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.setConcert(1));
    const int rows = model.rowCount();
    QVERIFY(rows >= 2);
    const qint64 first = model.idAt(0);
    const qint64 second = model.idAt(1);
    // Once the first performance has started it is no longer listed.
    t.clock.setMs(model.index(0).data(ScheduleListModel::StartsAtRole).toLongLong());
    QVERIFY_RESULT(model.refresh());
    QCOMPARE(model.rowCount(), rows - 1);
    QCOMPARE(model.rowOf(first), -1);
    QCOMPARE(model.idAt(0), second);
}

void TestScheduleListModel::switchingConcerts()
{
    TestEngine t;
    ScheduleListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (qint64 concert : {1, 2, 3}) {
        QVERIFY_RESULT(model.setConcert(concert));
        for (int r = 0; r < model.rowCount(); ++r) {
            auto s = t->catalogue.schedule(model.idAt(r));
            QVERIFY_RESULT(s);
            QCOMPARE(s->concertId, concert);
        }
    }
    QCOMPARE(reset.count(), 3);
    QVERIFY_RESULT(model.setConcert(0));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 4);
}

QTEST_GUILESS_MAIN(TestScheduleListModel)
#include "tst_schedulelistmodel.moc"
