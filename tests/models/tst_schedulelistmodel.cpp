// ScheduleListModel: a concert's future performances with their available-seat counts, read
// through the EngineHost; refresh() updates counts in place (dataChanged on the changed rows, no
// reset), and the answer for a concert no longer asked for is dropped.

#include "Format.h"
#include "ScheduleListModel.h"
#include "models/ModelSupport.h"

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
    void aSupersededConcertAnswerIsDropped();
};

void TestScheduleListModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestScheduleListModel::listsFutureSchedulesWithCounts()
{
    TestEngine t;
    TestHost host(t);
    ScheduleListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(awaited(model.setConcert(2)));
    // The empty list at once (no other concert's dates meanwhile), the read one when read.
    QCOMPARE(reset.count(), 2);
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
    TestHost host(t);
    ScheduleListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setConcert(1)));
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
    QVERIFY_RESULT(awaited(model.refresh()));
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
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(model.index(row).data(ScheduleListModel::AvailableRole).toInt(), before.at(row));
}

void TestScheduleListModel::refreshWithoutChangesIsSilent()
{
    TestEngine t;
    TestHost host(t);
    ScheduleListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(awaited(model.refresh())); // no concert yet
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(awaited(model.setConcert(3)));
    reset.clear();
    // A hold on another concert changes nothing here.
    const auto other = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(other);
    QVERIFY_RESULT(t->reservations.hold(t.activeToken(6, 1), other->first().id, 1));
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestScheduleListModel::pastSchedulesLeaveTheList()
{
    TestEngine t;
    TestHost host(t);
    ScheduleListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setConcert(1)));
    const int rows = model.rowCount();
    QVERIFY(rows >= 2);
    const qint64 first = model.idAt(0);
    const qint64 second = model.idAt(1);
    // Once the first performance has started it is no longer listed.
    t.clock.setMs(model.index(0).data(ScheduleListModel::StartsAtRole).toLongLong());
    QVERIFY_RESULT(awaited(model.refresh()));
    QCOMPARE(model.rowCount(), rows - 1);
    QCOMPARE(model.rowOf(first), -1);
    QCOMPARE(model.idAt(0), second);
}

void TestScheduleListModel::switchingConcerts()
{
    TestEngine t;
    TestHost host(t);
    ScheduleListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    for (qint64 concert : {1, 2, 3}) {
        QVERIFY_RESULT(awaited(model.setConcert(concert)));
        QCOMPARE(model.concertId(), concert);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            auto s = t->catalogue.schedule(model.idAt(r));
            QVERIFY_RESULT(s);
            QCOMPARE(s->concertId, concert);
        }
    }
    QCOMPARE(reset.count(), 6); // each switch: cleared, then filled
    // The same concert again re-reads in place.
    QVERIFY_RESULT(awaited(model.setConcert(3)));
    QCOMPARE(reset.count(), 6);
    QVERIFY_RESULT(awaited(model.setConcert(0)));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 7);
}

void TestScheduleListModel::aSupersededConcertAnswerIsDropped()
{
    TestEngine t;
    TestHost host(t);
    ScheduleListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto wanted = t->catalogue.schedulesOf(2);
    QVERIFY_RESULT(wanted);
    QFuture<Result<void>> asked1;
    QFuture<Result<void>> asked2;
    {
        EngineGate gate(*host); // both asked before either is answered
        asked1 = model.setConcert(1);
        asked2 = model.setConcert(2);
        QCOMPARE(model.concertId(), 2);
        QCOMPARE(model.rowCount(), 0);
    }
    QVERIFY_RESULT(awaited(asked1));
    QVERIFY_RESULT(awaited(asked2));
    QVERIFY(settleHost(*host));
    QCOMPARE(model.rowCount(), int(wanted->size()));
    for (int r = 0; r < model.rowCount(); ++r)
        QCOMPARE(model.idAt(r), wanted->at(r).id);
}

QTEST_GUILESS_MAIN(TestScheduleListModel)
#include "tst_schedulelistmodel.moc"
