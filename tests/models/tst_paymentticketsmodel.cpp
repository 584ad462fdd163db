// PaymentTicketsModel: a payment's tickets read through the EngineHost, reissued there, and what
// paper shows of them; a ticket that no longer gets in is never printed again.

#include "PaymentTicketsModel.h"
#include "models/ModelSupport.h"
#include "models/TicketScanning.h"
#include "support/AfterSaleSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

class TestPaymentTicketsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsThePaymentAtOnceThenInFull();
    void reissueReplacesTheRow();
    void onlyUsableTicketsArePrinted();
    void pdfHoldsEveryUsableTicket();
    void aSupersededPaymentsAnswerIsDropped();
    void unknownPayment();
};

void TestPaymentTicketsModel::showsThePaymentAtOnceThenInFull()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {3, 4});
    TestHost host(t);
    PaymentTicketsModel m(*host);
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The payment's own answer: codes and seats, no waiting.
    auto loaded = m.setPayment(p.id, p.tickets);
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.index(0).data(PaymentTicketsModel::CodeRole).toString(), p.tickets.at(0).code);
    QVERIFY(!m.isComplete());
    QVERIFY(awaitedOk(loaded));
    QVERIFY(m.isComplete());
    QCOMPARE(m.rowCount(), 2);
    QCOMPARE(m.ticket(1).seatLabel, QStringLiteral("4"));
    QVERIFY(!m.ticket(1).concertTitle.isEmpty());
    QCOMPARE(
        m.index(0).data(PaymentTicketsModel::StatusRole).value<PaymentTicketsModel::TicketState>(),
        PaymentTicketsModel::TicketState::Valid);
    QCOMPARE(m.index(0).data(PaymentTicketsModel::TicketIdRole).toLongLong(), p.tickets.at(0).id);
}

void TestPaymentTicketsModel::reissueReplacesTheRow()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {5});
    TestHost host(t);
    PaymentTicketsModel m(*host);
    m.setActor(Actor::staff(QStringLiteral("op")));
    QVERIFY(awaitedOk(m.setPayment(p.id)));
    QSignalSpy busy(&m, &PaymentTicketsModel::busyChanged);
    auto fresh = m.reissue(0);
    QVERIFY(m.isBusy());
    QVERIFY(!m.reissue(0).isValid()); // a second click while the first is out sends nothing
    const auto r = awaited(fresh);
    QVERIFY_RESULT(r);
    QVERIFY(settleHost(*host));
    QCOMPARE(busy.size(), 2);
    QCOMPARE(m.rowCount(), 1);
    QCOMPARE(m.ticket(0).code, r->code);
    QCOMPARE(m.ticket(0).issueNumber, 2);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM tickets")), 2);
    QCOMPARE(count(t, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'REISSUE'"
                                     " AND operator = 'op'")),
             1);
}

void TestPaymentTicketsModel::onlyUsableTicketsArePrinted()
{
    TestEngine t;
    const qint64 schedule = scheduleOf(t, 1);
    const Payment p = buy(t, 1, schedule, {6, 7, 8});
    QVERIFY_RESULT(
        t->refunds.refund({p.reservationIds.at(1)}, {}, Actor::staff(QStringLiteral("op"))));
    QVERIFY_RESULT(
        t->door.checkIn(p.tickets.at(2).code, schedule, Actor::staff(QStringLiteral("op"))));
    TestHost host(t);
    PaymentTicketsModel m(*host);
    QVERIFY(awaitedOk(m.setPayment(p.id)));
    QCOMPARE(PaymentTicketsModel::stateOf(m.ticket(0)), PaymentTicketsModel::TicketState::Valid);
    QCOMPARE(PaymentTicketsModel::stateOf(m.ticket(1)), PaymentTicketsModel::TicketState::Refunded);
    QCOMPARE(PaymentTicketsModel::stateOf(m.ticket(2)),
             PaymentTicketsModel::TicketState::CheckedIn);
    const QList<PrintedTicket> paper = m.printable();
    QCOMPARE(paper.size(), 2); // the refunded seat's ticket is not printed again
    QCOMPARE(paper.at(0).code, p.tickets.at(0).code);
    QCOMPARE(paper.at(1).code, p.tickets.at(2).code);
    QCOMPARE(paper.at(0).paymentId, p.id);
    QVERIFY(paper.at(0).price > 0);
    QVERIFY(!paper.at(0).concertTitle.isEmpty());
    QCOMPARE(m.printable({1}).size(), 0);
    QCOMPARE(m.printable({0}).size(), 1);
}

void TestPaymentTicketsModel::pdfHoldsEveryUsableTicket()
{
    TestEngine t;
    const Payment p = buy(t, 1, scheduleOf(t, 1), {9, 10});
    TestHost host(t);
    PaymentTicketsModel m(*host);
    QVERIFY(awaitedOk(m.setPayment(p.id)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tickets.pdf"));
    QVERIFY_RESULT(m.writePdf(path));
    QCOMPARE(pdfPages(path), 2);
    const ToolRun text = runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
    // The code is printed in text too (in lines); its start is on each page.
    for (const Ticket& ticket : p.tickets)
        QVERIFY(text.out.contains(ticket.code.left(20).toLatin1()));
    // Nothing usable: nothing written.
    QVERIFY_RESULT(t->refunds.refund(p.reservationIds, {}, Actor::staff(QStringLiteral("op"))));
    QVERIFY(awaitedOk(m.reload()));
    QCOMPARE_ERROR(m.writePdf(dir.filePath(QStringLiteral("none.pdf"))), ErrorCode::BadRequest);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.pdf"))));
}

void TestPaymentTicketsModel::aSupersededPaymentsAnswerIsDropped()
{
    TestEngine t;
    const Payment a = buy(t, 1, scheduleOf(t, 1), {11});
    const Payment b = buy(t, 2, scheduleOf(t, 1), {12, 13});
    TestHost host(t);
    PaymentTicketsModel m(*host);
    QFuture<Result<void>> first;
    {
        EngineGate gate(*host); // both requests wait; the first answer comes first
        first = m.setPayment(a.id);
        m.setPayment(b.id);
    }
    QVERIFY(awaitedOk(first));
    QVERIFY(settleHost(*host));
    QCOMPARE(m.paymentId(), b.id);
    QCOMPARE(m.rowCount(), 2);
}

void TestPaymentTicketsModel::unknownPayment()
{
    TestEngine t;
    TestHost host(t);
    PaymentTicketsModel m(*host);
    const auto r = awaited(m.setPayment(424242));
    QCOMPARE_ERROR(r, ErrorCode::PaymentNotFound);
    QCOMPARE(m.rowCount(), 0);
    QVERIFY(awaitedOk(m.setPayment(0)));
    QCOMPARE(m.rowCount(), 0);
}

QTEST_MAIN(TestPaymentTicketsModel)
#include "tst_paymentticketsmodel.moc"
