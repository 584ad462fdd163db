// Tickets after the sale (design K1, K2, K4): every paid seat gets exactly one valid ticket in
// the payment's own transaction, a reprint repeats its code, a reissue replaces it. Codes are
// checked with the keys the database holds, as a door would.

#include "sales/TicketCode.h"
#include "storage/InvariantChecker.h"
#include "storage/TicketKeyRepository.h"
#include "support/AfterSaleSupport.h"

#include <QFile>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

TicketKeySet keysOf(TestEngine& t)
{
    auto conn = t->db->connection();
    if (!conn)
        qFatal("no connection");
    auto keys = TicketKeyRepository::validKeys(**conn);
    if (!keys)
        qFatal("no keys: %s", qPrintable(keys.error().internal));
    return *keys;
}

bool invariantsHold(TestEngine& t)
{
    const auto r = InvariantChecker::check(*t->db);
    if (!r || !r->ok())
        qWarning() << (r ? r->problems.join(u'\n') : r.error().internal);
    return r && r->ok();
}

} // namespace

class TestTicketService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paymentIssuesOneTicketPerSeat();
    void replayedPaymentCarriesTheSameTickets();
    void ticketsSayWhatTheyAreFor();
    void reprintRepeatsTheCode();
    void reissueReplacesTheCode();
    void reissueOfAnOldCodeIsRevoked();
    void unknownTicketAndPayment();
    void failedIssueRollsThePaymentBack();
    void keyIsMadeOnFirstNeedAndRegisteredOnce();
    void oldSalesGetTheirTickets();
};

void TestTicketService::paymentIssuesOneTicketPerSeat()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {3, 4, 5});
    QCOMPARE(p.tickets.size(), 3);
    const TicketKeySet keys = keysOf(t);
    QCOMPARE(keys.keys().size(), 1);
    for (int i = 0; i < 3; ++i) {
        const Ticket& ticket = p.tickets.at(i);
        QCOMPARE(ticket.reservationId, p.reservationIds.at(i));
        QCOMPARE(ticket.issueNumber, 1);
        QCOMPARE(ticket.status, TicketStatus::Valid);
        // The code says what the row says, signed by the registered key.
        const auto payload = TicketCode::verify(ticket.code, keys);
        QVERIFY_RESULT(payload);
        QCOMPARE(payload->ticketId, ticket.id);
        QCOMPARE(payload->reservationId, ticket.reservationId);
        QCOMPARE(payload->scheduleId, schedule);
        QCOMPARE(payload->seatLabel, QString::number(3 + i));
        QCOMPARE(payload->issueNumber, 1);
        QVERIFY(!payload->training);
        QVERIFY(ticket.code.size() < 200);
    }
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets WHERE status = 'VALID'")), 3);
    QVERIFY(invariantsHold(t));
}

void TestTicketService::replayedPaymentCarriesTheSameTickets()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const auto r = t->reservations.hold(token, schedule, 9);
    QVERIFY_RESULT(r);
    QVERIFY_RESULT(t->wallet.charge(1, r->price));
    const auto first = t->payments.pay(token, {r->id}, QStringLiteral("key-1"));
    QVERIFY_RESULT(first);
    const auto again = t->payments.pay(token, {r->id}, QStringLiteral("key-1"));
    QVERIFY_RESULT(again);
    QVERIFY(again->replayed);
    QCOMPARE(again->tickets.size(), 1);
    QCOMPARE(again->tickets.first().code, first->tickets.first().code);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets")), 1);
}

void TestTicketService::ticketsSayWhatTheyAreFor()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 2);
    const Payment p = buy(t, 4, schedule, {1, 50});
    const auto tickets = t->tickets.ofPayment(p.id);
    QVERIFY_RESULT(tickets);
    QCOMPARE(tickets->size(), 2);
    const auto info = t->catalogue.schedule(schedule);
    QVERIFY_RESULT(info);
    const auto concerts = t->catalogue.concerts();
    QVERIFY_RESULT(concerts);
    qint64 total = 0;
    for (const Ticket& ticket : *tickets) {
        QCOMPARE(ticket.paymentId, p.id);
        QCOMPARE(ticket.scheduleId, schedule);
        QCOMPARE(ticket.startsAtMs, info->startsAtMs);
        QCOMPARE(ticket.concertTitle, concerts->at(1).title);
        QVERIFY(!ticket.tier.isEmpty());
        QVERIFY(ticket.price > 0);
        QVERIFY(!ticket.isCheckedIn());
        total += ticket.price;
    }
    QCOMPARE(total, p.amount);
    QCOMPARE(tickets->at(0).seatLabel, QStringLiteral("1"));
    QCOMPARE(tickets->at(1).seatLabel, QStringLiteral("50"));
}

void TestTicketService::reprintRepeatsTheCode()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {7});
    const auto once = t->tickets.ticket(p.tickets.first().id);
    const auto twice = t->tickets.ticket(p.tickets.first().id);
    QVERIFY_RESULT(once);
    QVERIFY_RESULT(twice);
    QCOMPARE(once->code, p.tickets.first().code);
    QCOMPARE(twice->code, once->code);
    QCOMPARE(twice->issueNumber, 1);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets")), 1);
}

void TestTicketService::reissueReplacesTheCode()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {7, 8});
    const Ticket old = p.tickets.first();
    const auto fresh = t->tickets.reissue(old.id, Actor::staff(QStringLiteral("김민지")));
    QVERIFY_RESULT(fresh);
    QVERIFY(fresh->id != old.id);
    QVERIFY(fresh->code != old.code);
    QCOMPARE(fresh->issueNumber, 2);
    QCOMPARE(fresh->reservationId, old.reservationId);
    QCOMPARE(fresh->status, TicketStatus::Valid);
    const auto payload = TicketCode::verify(fresh->code, keysOf(t));
    QVERIFY_RESULT(payload);
    QCOMPARE(payload->issueNumber, 2);
    QCOMPARE(payload->ticketId, fresh->id);

    const auto revoked = t->tickets.ticket(old.id);
    QVERIFY_RESULT(revoked);
    QCOMPARE(revoked->status, TicketStatus::Revoked);
    QCOMPARE(revoked->revokedReason, std::optional(TicketRevocation::Reissued));
    // The payment's tickets are the current ones; the other seat's is untouched.
    const auto current = t->tickets.ofPayment(p.id);
    QVERIFY_RESULT(current);
    QCOMPARE(current->at(0).code, fresh->code);
    QCOMPARE(current->at(1).code, p.tickets.at(1).code);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets WHERE operator = ?"),
                   {QStringLiteral("김민지")}),
             1);
    QVERIFY(invariantsHold(t));
}

void TestTicketService::reissueOfAnOldCodeIsRevoked()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {7});
    const Actor staff = Actor::staff(QStringLiteral("op"));
    QVERIFY_RESULT(t->tickets.reissue(p.tickets.first().id, staff));
    // The first code is no longer the seat's: reissuing it again would make a second valid one.
    QCOMPARE_ERROR(t->tickets.reissue(p.tickets.first().id, staff), ErrorCode::TicketRevoked);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets")), 2);
    // A refunded seat's ticket is not reissued either.
    const auto current = t->tickets.ofPayment(p.id);
    QVERIFY_RESULT(current);
    QVERIFY_RESULT(t->refunds.refund({p.reservationIds}, {}, staff));
    QCOMPARE_ERROR(t->tickets.reissue(current->first().id, staff), ErrorCode::TicketRevoked);
    QVERIFY(invariantsHold(t));
}

void TestTicketService::unknownTicketAndPayment()
{
    TestEngine t;
    QCOMPARE_ERROR(t->tickets.ticket(999), ErrorCode::TicketNotFound);
    QCOMPARE_ERROR(t->tickets.reissue(999, Actor::staff(QStringLiteral("op"))),
                   ErrorCode::TicketNotFound);
    QCOMPARE_ERROR(t->tickets.ofPayment(999), ErrorCode::PaymentNotFound);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log")), 0);
}

void TestTicketService::failedIssueRollsThePaymentBack()
{
    // A ticket that cannot be written takes the whole payment with it (K1: no paid seat
    // without its ticket).
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const QString token = t.activeToken(1, 1);
    const auto r = t->reservations.hold(token, schedule, 11);
    QVERIFY_RESULT(r);
    QVERIFY_RESULT(t->wallet.charge(1, r->price));
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY(failInserts(**conn, QStringLiteral("no_tickets"), QStringLiteral("tickets")));
    QVERIFY(!t->payments.pay(token, {r->id}));
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM payments")), 0);
    QCOMPARE(
        count(t, QStringLiteral("SELECT status = 'HELD' FROM reservations WHERE id = ?"), {r->id}),
        1);
    QCOMPARE(*t->wallet.balance(1), r->price);
    QVERIFY(removeFailingInsert(**conn, QStringLiteral("no_tickets"), QStringLiteral("tickets")));
    const auto p = t->payments.pay(token, {r->id});
    QVERIFY_RESULT(p);
    QCOMPARE(p->tickets.size(), 1);
    QVERIFY(invariantsHold(t));
}

void TestTicketService::keyIsMadeOnFirstNeedAndRegisteredOnce()
{
    QTemporaryDir keys;
    TerminalSettings terminal;
    terminal.id = QStringLiteral("counter-2");
    terminal.ticketKeyPath = keys.filePath(QStringLiteral("ticket-key.pem"));
    TestEngine t;
    Engine engine(t->db, t->settings, t.clock, terminal);
    // Opening sells nothing and makes no key.
    QVERIFY(!QFile::exists(terminal.ticketKeyPath));
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ticket_keys")), 0);

    const qint64 schedule = scheduleOf(t, 1);
    for (int seat : {1, 2}) {
        const QString token = t.activeToken(seat, 1);
        const auto r = engine.reservations.hold(token, schedule, seat);
        QVERIFY_RESULT(r);
        QVERIFY_RESULT(engine.wallet.charge(seat, r->price));
        QVERIFY_RESULT(engine.payments.pay(token, {r->id}));
        QVERIFY(QFile::exists(terminal.ticketKeyPath));
        const auto others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                            QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        QCOMPARE(QFile::permissions(terminal.ticketKeyPath) & others, QFile::Permissions());
        QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ticket_keys WHERE terminal = ?"),
                       {terminal.id}),
                 1);
    }
    // The key in the file is the one the tickets are signed with; a second engine on the same
    // file (the program started again) uses it and registers nothing new.
    const auto fileKey = TicketSigningKey::load(terminal.ticketKeyPath, TicketMode::Real);
    QVERIFY_RESULT(fileKey);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets WHERE key_id = ?"),
                   {fileKey->id().toHex()}),
             2);
    Engine restarted(t->db, t->settings, t.clock, terminal);
    const Payment p = [&] {
        const QString token = t.activeToken(3, 1);
        const auto r = restarted.reservations.hold(token, schedule, 3);
        if (!r || !restarted.wallet.charge(3, r->price))
            qFatal("hold or charge failed");
        const auto paid = restarted.payments.pay(token, {r->id});
        if (!paid)
            qFatal("pay failed");
        return *paid;
    }();
    QCOMPARE(TicketCode::decode(p.tickets.first().code)->keyId, fileKey->id());
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM ticket_keys")), 1);
    // The database never holds the private half (K2).
    const QString stored =
        scalar(*t->db, QStringLiteral("SELECT public_key FROM ticket_keys")).toString();
    QVERIFY(!stored.isEmpty());
    QFile pem(terminal.ticketKeyPath);
    QVERIFY(pem.open(QIODevice::ReadOnly));
    QVERIFY(!pem.readAll().contains(stored.toLatin1()));
}

void TestTicketService::oldSalesGetTheirTickets()
{
    // Seats sold before tickets existed: their rows made as version 3 made them, by hand.
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {20, 21});
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY((*conn)->tryRun(QStringLiteral("DELETE FROM tickets")));
    {
        const auto r = InvariantChecker::check(*t->db);
        QVERIFY_RESULT(r);
        QVERIFY(!r->ok()); // R4: a sold seat without its ticket
        QVERIFY2(r->problems.join(u'\n').contains(QStringLiteral("0 valid tickets")),
                 qPrintable(r->problems.join(u'\n')));
    }
    const auto issued = t->tickets.issueMissing();
    QVERIFY_RESULT(issued);
    QCOMPARE(*issued, 2);
    QCOMPARE(*t->tickets.issueMissing(), 0);
    const auto tickets = t->tickets.ofPayment(p.id);
    QVERIFY_RESULT(tickets);
    QCOMPARE(tickets->size(), 2);
    QVERIFY_RESULT(TicketCode::verify(tickets->first().code, keysOf(t)));
    QVERIFY(invariantsHold(t));
}

QTEST_GUILESS_MAIN(TestTicketService)
#include "tst_ticketservice.moc"
