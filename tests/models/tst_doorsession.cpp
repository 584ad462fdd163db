// DoorSession: scans of one performance go to the engine one after another, in the order they
// were scanned, and each answer says what the screen must: OK with the seat, when a ticket got
// in first, why one is refused. The count follows other doors.

#include "DoorSession.h"
#include "models/ModelSupport.h"
#include "support/AfterSaleSupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {
const Actor kDoor = Actor::staff(QStringLiteral("door"));
}

class TestDoorSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headingAndCount();
    void answersSayWhatHappened();
    void scansWaitTheirTurnInOrder();
    void blankScansAreIgnored();
};

void TestDoorSession::headingAndCount()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 2);
    const Payment p = buy(t, 1, schedule, {1});
    QVERIFY_RESULT(t->door.checkIn(p.tickets.first().code, schedule, kDoor));
    TestHost host(t);
    DoorSession door(*host, schedule, kDoor);
    QSignalSpy loaded(&door, &DoorSession::loaded);
    QVERIFY(awaitedOk(door.load()));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(door.schedule().id, schedule);
    QCOMPARE(door.concertTitle(), t->catalogue.concerts()->at(1).title);
    QCOMPARE(door.checkedInCount(), 1);
}

void TestDoorSession::answersSayWhatHappened()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const qint64 other = scheduleOf(t, 1, 1);
    const Payment p = buy(t, 1, schedule, {2, 3});
    const Payment elsewhere = buy(t, 2, other, {4});
    QVERIFY_RESULT(t->refunds.refund({p.reservationIds.at(1)}, {}, kDoor));
    TestHost host(t);
    DoorSession door(*host, schedule, kDoor);
    QSignalSpy answered(&door, &DoorSession::answered);
    QSignalSpy counted(&door, &DoorSession::countChanged);
    const auto scan = [&](const QString& code) {
        door.scan(code);
        if (!settleHost(*host))
            qFatal("the host did not settle");
        return door.lastAnswer();
    };
    const qint64 firstAt = t.clock.nowMs();
    auto a = scan(p.tickets.at(0).code);
    QCOMPARE(a.outcome, DoorSession::Outcome::Ok);
    QCOMPARE(a.seatLabel, QStringLiteral("2"));
    QCOMPARE(door.checkedInCount(), 1);
    QCOMPARE(counted.size(), 1);
    t.clock.advanceMs(90'000);
    a = scan(p.tickets.at(0).code);
    QCOMPARE(a.outcome, DoorSession::Outcome::AlreadyCheckedIn);
    QCOMPARE(a.firstCheckInMs, firstAt);
    QCOMPARE(a.seatLabel, QStringLiteral("2"));
    a = scan(p.tickets.at(1).code);
    QCOMPARE(a.outcome, DoorSession::Outcome::Revoked);
    QCOMPARE(a.seatLabel, QStringLiteral("3"));
    a = scan(elsewhere.tickets.at(0).code);
    QCOMPARE(a.outcome, DoorSession::Outcome::WrongSchedule);
    QCOMPARE(a.ticketScheduleId, other);
    a = scan(QStringLiteral("BO1.AAAA"));
    QCOMPARE(a.outcome, DoorSession::Outcome::Invalid);
    QCOMPARE(a.code, QStringLiteral("BO1.AAAA"));
    QCOMPARE(answered.size(), 5);
    QCOMPARE(door.lastAnswer().sequence, 5);
    QCOMPARE(door.checkedInCount(), 1);
}

void TestDoorSession::scansWaitTheirTurnInOrder()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {5, 6, 7});
    TestHost host(t);
    DoorSession door(*host, schedule, kDoor);
    QSignalSpy answered(&door, &DoorSession::answered);
    {
        // A scanner quicker than the database: every scan is kept, none is lost or reordered.
        EngineGate gate(*host);
        for (const Ticket& ticket : p.tickets)
            door.scan(ticket.code);
        door.scan(p.tickets.first().code);
        QCOMPARE(door.pending(), 4);
        QCOMPARE(answered.size(), 0);
    }
    QVERIFY(settleHost(*host));
    QCOMPARE(answered.size(), 4);
    QCOMPARE(door.pending(), 0);
    const QStringList seats = {QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7"),
                               QStringLiteral("5")};
    for (int i = 0; i < 4; ++i) {
        const auto a = answered.at(i).first().value<DoorSession::Answer>();
        QCOMPARE(a.seatLabel, seats.at(i));
        QCOMPARE(a.outcome,
                 i < 3 ? DoorSession::Outcome::Ok : DoorSession::Outcome::AlreadyCheckedIn);
    }
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM checkins")), 3);
}

void TestDoorSession::blankScansAreIgnored()
{
    TestEngine t;
    TestHost host(t);
    DoorSession door(*host, scheduleOf(t, 1), kDoor);
    QSignalSpy answered(&door, &DoorSession::answered);
    door.scan(QString());
    door.scan(QStringLiteral("  \r\n"));
    QVERIFY(settleHost(*host));
    QCOMPARE(answered.size(), 0);
    QCOMPARE(door.pending(), 0);
}

QTEST_MAIN(TestDoorSession)
#include "tst_doorsession.moc"
