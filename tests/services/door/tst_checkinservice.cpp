// The door (design K5): a scanned code for one performance is OK once, ALREADY_CHECKED_IN after,
// TICKET_REVOKED once refunded or reissued, TICKET_WRONG_SCHEDULE at another performance and
// TICKET_INVALID for anything not a ticket of ours, a training ticket at a real door included.
// Concurrent scans are tst_concurrency's and tst_aftersaleprocesses'.

#include "sales/TicketCode.h"
#include "storage/InvariantChecker.h"
#include "storage/TicketKeyRepository.h"
#include "support/AfterSaleSupport.h"

#include <QDateTime>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const Actor kDoor = Actor::staff(QStringLiteral("박지훈"));

QString reasonOf(const Result<CheckIn>& r)
{
    return r ? QString() : r.error().extra.value(QStringLiteral("reason")).toString();
}

qint64 checkins(TestEngine& t)
{
    return count(t, QStringLiteral("SELECT COUNT(*) FROM checkins"));
}

// A second terminal on the same database, with a key of its own (in memory) of the given kind.
std::unique_ptr<Engine> terminal(TestEngine& t, const QString& id,
                                 TicketMode mode = TicketMode::Real)
{
    TerminalSettings s;
    s.id = id;
    s.ticketMode = mode;
    return std::make_unique<Engine>(t->db, t->settings, t.clock, s);
}

} // namespace

class TestCheckInService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstScanGetsIn();
    void secondScanSaysWhen();
    void revokedCodes();
    void wrongPerformance();
    void everyFlippedCharacterIsInvalid();
    void foreignCodesAreInvalid();
    void keyOfANewTerminalIsLearned();
    void trainingTicketAtARealDoor();
    void verifyRecordsNothing();
    void scannerWhiteSpaceIsIgnored();
};

void TestCheckInService::firstScanGetsIn()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {7, 8});
    t.clock.advanceMs(60'000);
    const auto in = t->door.checkIn(p.tickets.first().code, schedule, kDoor);
    QVERIFY_RESULT(in);
    QCOMPARE(in->ticketId, p.tickets.first().id);
    QCOMPARE(in->reservationId, p.reservationIds.first());
    QCOMPARE(in->scheduleId, schedule);
    QCOMPARE(in->seatLabel, QStringLiteral("7"));
    QCOMPARE(in->checkedInAtMs, t.clock.nowMs());
    QVERIFY(in->id > 0);
    QCOMPARE(count(t,
                   QStringLiteral("SELECT COUNT(*) FROM checkins WHERE terminal = 'local'"
                                  " AND operator = ?"),
                   {kDoor.operatorName}),
             1);
    const auto audit = t->audit.recent(5, AuditAction::CheckIn);
    QVERIFY_RESULT(audit);
    QCOMPARE(audit->size(), 1);
    QCOMPARE(audit->first().operatorName, kDoor.operatorName);
    QCOMPARE(audit->first().detail.value(QStringLiteral("ticketId")).toInteger(), in->ticketId);
    QCOMPARE(audit->first().detail.value(QStringLiteral("seatLabel")).toString(),
             QStringLiteral("7"));
    QCOMPARE(*t->door.checkedInCount(schedule), 1);
    // The other seat of the payment is its own ticket.
    QVERIFY_RESULT(t->door.checkIn(p.tickets.at(1).code, schedule, kDoor));
    QCOMPARE(*t->door.checkedInCount(schedule), 2);
    const auto report = InvariantChecker::check(*t->db);
    QVERIFY_RESULT(report);
    QVERIFY(report->ok());
    QCOMPARE(report->checkIns, 2);
}

void TestCheckInService::secondScanSaysWhen()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {9});
    const auto first = t->door.checkIn(p.tickets.first().code, schedule, kDoor);
    QVERIFY_RESULT(first);
    t.clock.advanceMs(5 * 60'000);
    const auto second = t->door.checkIn(p.tickets.first().code, schedule, kDoor);
    QCOMPARE_ERROR(second, ErrorCode::AlreadyCheckedIn);
    QCOMPARE(second.error().extra.value(QStringLiteral("checkedInAtMs")).toInteger(),
             first->checkedInAtMs);
    QCOMPARE(second.error().extra.value(QStringLiteral("seatLabel")).toString(),
             QStringLiteral("9"));
    QCOMPARE(checkins(t), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'CHECK_IN'")),
             1);
    // A new code for a seat already inside does not let a second person in.
    const auto fresh = t->tickets.reissue(p.tickets.first().id, kDoor);
    QVERIFY_RESULT(fresh);
    QCOMPARE_ERROR(t->door.checkIn(fresh->code, schedule, kDoor), ErrorCode::AlreadyCheckedIn);
    QCOMPARE(checkins(t), 1);
}

void TestCheckInService::revokedCodes()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {10, 11});
    const auto fresh = t->tickets.reissue(p.tickets.at(0).id, kDoor);
    QVERIFY_RESULT(fresh);
    const auto reissued = t->door.checkIn(p.tickets.at(0).code, schedule, kDoor);
    QCOMPARE_ERROR(reissued, ErrorCode::TicketRevoked);
    QCOMPARE(reasonOf(reissued), QStringLiteral("REISSUED"));
    QVERIFY_RESULT(t->door.checkIn(fresh->code, schedule, kDoor));

    QVERIFY_RESULT(t->refunds.refund({p.reservationIds.at(1)}, {}, kDoor));
    const auto refunded = t->door.checkIn(p.tickets.at(1).code, schedule, kDoor);
    QCOMPARE_ERROR(refunded, ErrorCode::TicketRevoked);
    QCOMPARE(reasonOf(refunded), QStringLiteral("REFUNDED"));
    QCOMPARE(refunded.error().extra.value(QStringLiteral("seatLabel")).toString(),
             QStringLiteral("11"));
    QCOMPARE(checkins(t), 1);
}

void TestCheckInService::wrongPerformance()
{
    TestEngine t;
    const qint64 first = scheduleOf(t, 1, 0);
    const qint64 second = scheduleOf(t, 1, 1);
    const Payment p = buy(t, 1, first, {12});
    const auto wrong = t->door.checkIn(p.tickets.first().code, second, kDoor);
    QCOMPARE_ERROR(wrong, ErrorCode::TicketWrongSchedule);
    QCOMPARE(wrong.error().extra.value(QStringLiteral("scheduleId")).toInteger(), first);
    QCOMPARE(checkins(t), 0);
    QVERIFY_RESULT(t->door.checkIn(p.tickets.first().code, first, kDoor));
}

void TestCheckInService::everyFlippedCharacterIsInvalid()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {13});
    const QString code = p.tickets.first().code;
    // Each character in turn made another base64url character (and, past the prefix, so that
    // the bytes really change): never OK, always TICKET_INVALID, nothing recorded.
    for (qsizetype i = 0; i < code.size(); ++i) {
        QString tampered = code;
        tampered[i] = code[i] == u'A' ? u'B' : u'A';
        const auto r = t->door.verify(tampered, schedule);
        QVERIFY2(!r, qPrintable(QStringLiteral("position %1 was accepted").arg(i)));
        QCOMPARE(r.error().codeName(), QStringLiteral("TICKET_INVALID"));
    }
    for (const QString& junk :
         {QString(), QStringLiteral("hello"), QStringLiteral("BO1."), QStringLiteral("BO1.%%%%"),
          code + QStringLiteral("A"), code.left(code.size() - 1), QString(500, u'A')}) {
        QCOMPARE_ERROR(t->door.checkIn(junk, schedule, kDoor), ErrorCode::TicketInvalid);
    }
    QCOMPARE(checkins(t), 0);
    QVERIFY_RESULT(t->door.checkIn(code, schedule, kDoor));
}

void TestCheckInService::foreignCodesAreInvalid()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {14});
    // A key no terminal of this database registered.
    const auto stranger = TicketSigningKey::generate(TicketMode::Real);
    QVERIFY_RESULT(stranger);
    auto payload = TicketCode::decode(p.tickets.first().code);
    QVERIFY_RESULT(payload);
    payload->keyId = stranger->id();
    const auto forged = TicketCode::sign(*payload, *stranger);
    QVERIFY_RESULT(forged);
    const auto r = t->door.checkIn(*forged, schedule, kDoor);
    QCOMPARE_ERROR(r, ErrorCode::TicketInvalid);
    QCOMPARE(reasonOf(r), QStringLiteral("UNKNOWN_KEY"));
    // A registered key's signature on a ticket this database never issued (another seat's
    // number under this ticket's id).
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY_RESULT(TicketKeyRepository::registerKey(**conn, *stranger, QStringLiteral("x"), 0));
    payload->seatLabel = QStringLiteral("50");
    const auto relabelled = TicketCode::sign(*payload, *stranger);
    QVERIFY_RESULT(relabelled);
    const auto unknown = t->door.checkIn(*relabelled, schedule, kDoor);
    QCOMPARE_ERROR(unknown, ErrorCode::TicketInvalid);
    QCOMPARE(reasonOf(unknown), QStringLiteral("UNKNOWN_TICKET"));
    QCOMPARE(checkins(t), 0);
}

void TestCheckInService::keyOfANewTerminalIsLearned()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment here = buy(t, 1, schedule, {15});
    QVERIFY_RESULT(t->door.checkIn(here.tickets.first().code, schedule, kDoor)); // keys read
    // Another terminal starts selling afterwards, with a key the door has not seen.
    auto counter = terminal(t, QStringLiteral("counter-2"));
    const QString token = t.activeToken(2, 1);
    const auto held = counter->reservations.hold(token, schedule, 16);
    QVERIFY_RESULT(held);
    QVERIFY_RESULT(counter->wallet.charge(2, held->price));
    const auto there = counter->payments.pay(token, {held->id});
    QVERIFY_RESULT(there);
    QVERIFY(TicketCode::decode(there->tickets.first().code)->keyId !=
            TicketCode::decode(here.tickets.first().code)->keyId);
    QVERIFY_RESULT(t->door.checkIn(there->tickets.first().code, schedule, kDoor));
}

void TestCheckInService::trainingTicketAtARealDoor()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    auto classroom = terminal(t, QStringLiteral("classroom"), TicketMode::Training);
    const QString token = t.activeToken(3, 1);
    const auto held = classroom->reservations.hold(token, schedule, 17);
    QVERIFY_RESULT(held);
    QVERIFY_RESULT(classroom->wallet.charge(3, held->price));
    const auto p = classroom->payments.pay(token, {held->id});
    QVERIFY_RESULT(p);
    QVERIFY(TicketCode::decode(p->tickets.first().code)->training);
    const auto r = t->door.checkIn(p->tickets.first().code, schedule, kDoor);
    QCOMPARE_ERROR(r, ErrorCode::TicketInvalid);
    QCOMPARE(reasonOf(r), QStringLiteral("WRONG_MODE"));
    // The classroom's own door takes it.
    QVERIFY_RESULT(classroom->door.checkIn(p->tickets.first().code, schedule, kDoor));
}

void TestCheckInService::verifyRecordsNothing()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {18});
    const auto look = t->door.verify(p.tickets.first().code, schedule);
    QVERIFY_RESULT(look);
    QCOMPARE(look->seatLabel, QStringLiteral("18"));
    QCOMPARE(checkins(t), 0);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0);
    QVERIFY_RESULT(t->door.checkIn(p.tickets.first().code, schedule, kDoor));
    QCOMPARE_ERROR(t->door.verify(p.tickets.first().code, schedule), ErrorCode::AlreadyCheckedIn);
}

void TestCheckInService::scannerWhiteSpaceIsIgnored()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {19});
    QVERIFY_RESULT(t->door.checkIn(
        QStringLiteral(" ") + p.tickets.first().code + QStringLiteral("\r\n"), schedule, kDoor));
}

QTEST_GUILESS_MAIN(TestCheckInService)
#include "tst_checkinservice.moc"
