// The audit log (design R5): one row per staff action (charge, payment, refund, reissue,
// check-in) with when, terminal, operator, action and a JSON detail, written in the action's
// own transaction; nothing for a customer's own payment or charge; rows never change.

#include "support/AfterSaleSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

TerminalSettings counter()
{
    TerminalSettings s;
    s.id = QStringLiteral("counter-7");
    return s;
}

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyStaffActionHasItsRow();
    void customersOwnActionsAreNotStaffActions();
    void operatorIsKeptWithTheMoney();
    void recordWritesARowOfItsOwn();
    void aFailedActionLeavesNoRow();
    void rowsCannotBeChanged();
};

void TestAuditLog::everyStaffActionHasItsRow()
{
    TestEngine t;
    Engine e(t->db, t->settings, t.clock, counter());
    const Actor staff = Actor::staff(QStringLiteral("김민지"));
    const qint64 schedule = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const auto a = e.reservations.hold(token, schedule, 1);
    const auto b = e.reservations.hold(token, schedule, 2);
    QVERIFY_RESULT(a);
    QVERIFY_RESULT(b);
    QList<qint64> at; // when each action was taken, newest first as the log lists them
    const auto next = [&] {
        t.clock.advanceMs(1000);
        at.prepend(t.clock.nowMs());
    };
    next();
    QVERIFY_RESULT(e.wallet.charge(1, a->price + b->price, {}, staff));
    next();
    const auto p = e.payments.pay(token, {a->id, b->id}, {}, staff);
    QVERIFY_RESULT(p);
    next();
    const auto fresh = e.tickets.reissue(p->tickets.first().id, staff);
    QVERIFY_RESULT(fresh);
    next();
    QVERIFY_RESULT(e.door.checkIn(fresh->code, schedule, staff));
    next();
    const auto r = e.refunds.refund({b->id}, {}, staff);
    QVERIFY_RESULT(r);

    const auto rows = e.audit.recent(100);
    QVERIFY_RESULT(rows);
    QCOMPARE(rows->size(), 5);
    const QList<AuditAction> expected = {AuditAction::Refund, AuditAction::CheckIn,
                                         AuditAction::Reissue, AuditAction::Payment,
                                         AuditAction::Charge};
    for (int i = 0; i < 5; ++i) {
        const AuditEntry& row = rows->at(i);
        QCOMPARE(auditActionName(row.action), auditActionName(expected.at(i)));
        QCOMPARE(row.terminal, QStringLiteral("counter-7"));
        QCOMPARE(row.operatorName, staff.operatorName);
        QCOMPARE(row.atMs, at.at(i));
    }
    // What each says, enough to tell the story without the other tables.
    QCOMPARE(rows->at(4).detail.value(QStringLiteral("amount")).toInteger(), a->price + b->price);
    QCOMPARE(rows->at(4).detail.value(QStringLiteral("customerId")).toInteger(), 1);
    QCOMPARE(rows->at(3).detail.value(QStringLiteral("paymentId")).toInteger(), p->id);
    QCOMPARE(rows->at(3).detail.value(QStringLiteral("reservationIds")).toArray().size(), 2);
    QCOMPARE(rows->at(2).detail.value(QStringLiteral("replacedTicketId")).toInteger(),
             p->tickets.first().id);
    QCOMPARE(rows->at(2).detail.value(QStringLiteral("ticketId")).toInteger(), fresh->id);
    QCOMPARE(rows->at(1).detail.value(QStringLiteral("ticketId")).toInteger(), fresh->id);
    QCOMPARE(rows->at(0).detail.value(QStringLiteral("refundId")).toInteger(), r->id);
    QCOMPARE(rows->at(0).detail.value(QStringLiteral("fee")).toInteger(), r->fee);
    // One action's rows on their own.
    const auto refunds = e.audit.recent(100, AuditAction::Refund);
    QVERIFY_RESULT(refunds);
    QCOMPARE(refunds->size(), 1);
}

void TestAuditLog::customersOwnActionsAreNotStaffActions()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {3}); // the customer's own, as at the kiosk
    QCOMPARE(p.tickets.size(), 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ledger WHERE operator <> ''")), 0);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM payments WHERE operator <> ''")), 0);
}

void TestAuditLog::operatorIsKeptWithTheMoney()
{
    // Who took a charge or a payment is on the money itself (the cash-up sums it).
    TestEngine t;
    const Actor staff = Actor::staff(QStringLiteral("Alex Kim"));
    const Payment p = buy(t, 1, scheduleOf(t, 1), {4}, staff);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT operator FROM payments WHERE id = ?"), {p.id})
                 .toString(),
             staff.operatorName);
    const auto history = t->wallet.history(1);
    QVERIFY_RESULT(history);
    QCOMPARE(history->size(), 2);
    for (const LedgerEntry& entry : *history)
        QCOMPARE(entry.operatorName, staff.operatorName);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT operator FROM tickets")).toString(),
             staff.operatorName);
}

void TestAuditLog::recordWritesARowOfItsOwn()
{
    TestEngine t;
    const auto id =
        t->audit.record(Actor::staff(QStringLiteral("trainer")), AuditAction::TrainingReset,
                        {{QStringLiteral("seconds"), 1.5},
                         {QStringLiteral("note"), QStringLiteral("교육 초기화")}});
    QVERIFY_RESULT(id);
    const auto rows = t->audit.recent(10);
    QVERIFY_RESULT(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().id, *id);
    QCOMPARE(rows->first().atMs, t.clock.nowMs());
    QCOMPARE(rows->first().action, AuditAction::TrainingReset);
    QCOMPARE(rows->first().detail.value(QStringLiteral("note")).toString(),
             QStringLiteral("교육 초기화"));
    QCOMPARE(rows->first().detail.value(QStringLiteral("seconds")).toDouble(), 1.5);
}

void TestAuditLog::aFailedActionLeavesNoRow()
{
    TestEngine t;
    const Actor staff = Actor::staff(QStringLiteral("op"));
    QCOMPARE_ERROR(t->wallet.charge(1, 0, {}, staff), ErrorCode::InvalidAmount);
    QCOMPARE_ERROR(t->wallet.charge(424242, 1000, {}, staff), ErrorCode::BalanceNotFound);
    QCOMPARE_ERROR(t->refunds.refund({777}, {}, staff), ErrorCode::ReservationNotFound);
    QCOMPARE_ERROR(t->door.checkIn(QStringLiteral("BO1.nope"), 1, staff), ErrorCode::TicketInvalid);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0);
}

void TestAuditLog::rowsCannotBeChanged()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(1, 5000, {}, Actor::staff(QStringLiteral("op"))));
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY(!(*conn)->tryRun(QStringLiteral("UPDATE audit_log SET operator = 'someone else'")));
    QVERIFY(!(*conn)->tryRun(QStringLiteral("DELETE FROM audit_log")));
    const auto rows = t->audit.recent(10);
    QVERIFY_RESULT(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().operatorName, QStringLiteral("op"));
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
