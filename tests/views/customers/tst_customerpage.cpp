// CustomerPage (offscreen): the sale customer's seats with what became of each, their refunds,
// the chosen payment's tickets, and a refund of ticked seats of one payment: what goes back and
// what the venue keeps is said before one confirmation (a MessageBox with its test hook), and
// afterwards the seats, the refunds, the balance and the sale window all show it.

#include "support/AfterSaleSupport.h"
#include "support/WidgetSupport.h"

#include "Format.h"
#include "PaymentTicketsModel.h"
#include "common/MessageBox.h"
#include "common/UiLanguage.h"
#include "customers/CustomerPage.h"
#include "tickets/TicketsPanel.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>

using namespace boxoffice;
using namespace boxoffice::test;

class TestCustomerPage : public QObject, public OnASale<CustomerPage>
{
    Q_OBJECT

private:
    TestEngine& t() { return sale().engine; }
    QString text(const char* label) { return part<QLabel>(label)->text(); }
    QTableView* table() { return part<QTableView>("purchasesTable"); }
    QPushButton* refundButton() { return part<QPushButton>("refundButton"); }
    bool tick(int row)
    {
        table()->model()->setData(table()->model()->index(row, 0), Qt::Checked, Qt::CheckStateRole);
        return sale().settle();
    }
    // Customer 1 bought seats 1 and 2 (one payment), then seat 3 (another), at 10% fee.
    Payment m_first, m_second;
    bool showCustomerOne()
    {
        if (!awaitedOk(sale().session.selectCustomer(1)))
            return false;
        widget()->showCustomer();
        return sale().settle();
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init()
    {
        QVERIFY(open(QSize(1100, 640)));
        m_first = buy(t(), 1, scheduleOf(t(), 1), {1, 2});
        t().clock.advanceMs(1000);
        m_second = buy(t(), 1, scheduleOf(t(), 1), {3});
        sale().session.setOperatorName(QStringLiteral("김민지"));
        QVERIFY(showCustomerOne());
    }

    void cleanup() { close(); }

    void listsWhatTheCustomerBought()
    {
        QVERIFY(text("customerHeading").contains(QStringLiteral("(No. 1)")));
        QCOMPARE(table()->model()->rowCount(), 3);
        QCOMPARE(table()->model()->index(0, 0).data().toString(),
                 QStringLiteral("No. %1").arg(m_second.id));
        QCOMPARE(part<QListWidget>("refundsList")->item(0)->text(), QStringLiteral("No refunds."));
        QVERIFY(!refundButton()->isEnabled());
        // The first row's payment's tickets are beside the list.
        QCOMPARE(widget()->tickets().paymentId(), m_second.id);
        QCOMPARE(widget()->tickets().rowCount(), 1);
        // Another row, another payment's tickets.
        table()->selectRow(2);
        QVERIFY(sale().settle());
        QCOMPARE(widget()->tickets().paymentId(), m_first.id);
        QCOMPARE(widget()->tickets().rowCount(), 2);
    }

    void tickedSeatsSayWhatGoesBack()
    {
        // Rows: seat 3 (second payment), then seats 1 and 2 (first).
        QVERIFY(tick(1));
        QVERIFY(tick(2));
        QVERIFY(refundButton()->isEnabled());
        const qint64 amount = m_first.amount;
        QCOMPARE(text("refundSummary"),
                 QStringLiteral("Refund 2 seats of payment No. %1: %2, less the fee of %3 (0%): %4"
                                " back to the wallet.")
                     .arg(m_first.id)
                     .arg(Format::krw(amount), Format::krw(0), Format::krw(amount)));
    }

    void refundAfterOneConfirmation()
    {
        const qint64 before = *t()->wallet.balance(1);
        QVERIFY(tick(1));
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        QTest::mouseClick(refundButton(), Qt::LeftButton);
        QVERIFY(sale().settle());
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM refunds")), 0);

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(refundButton(), Qt::LeftButton);
        QVERIFY(sale().settle());
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM refunds WHERE operator = ?"),
                       {QStringLiteral("김민지")}),
                 1);
        const qint64 price = m_first.tickets.size() ? *t()->wallet.balance(1) - before : 0;
        QVERIFY(price > 0);
        QVERIFY(text("refundMessage").startsWith(QStringLiteral("Refund No. ")));
        QVERIFY(text("refundMessage").contains(Format::krw(price)));
        // The row, the refunds list, the heading and the sale all follow.
        QVERIFY(table()
                    ->model()
                    ->index(1, PurchasesModel::StatusColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Refunded")));
        QVERIFY(part<QListWidget>("refundsList")
                    ->item(0)
                    ->text()
                    .contains(QStringLiteral("(by 김민지)")));
        QCOMPARE(sale().session.balance(), before + price);
        QVERIFY(text("customerHeading").contains(Format::krw(before + price)));
        QVERIFY(!refundButton()->isEnabled());
        // A refunded seat can no longer be ticked.
        QVERIFY(
            !(table()->model()->flags(table()->model()->index(1, 0)) & Qt::ItemIsUserCheckable));
    }

    void checkedInSeatsCannotBeTicked()
    {
        QVERIFY_RESULT(t()->door.checkIn(m_second.tickets.first().code, scheduleOf(t(), 1),
                                         Actor::staff(QStringLiteral("door"))));
        QVERIFY(showCustomerOne());
        QVERIFY(table()
                    ->model()
                    ->index(0, PurchasesModel::StatusColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("Checked in")));
        QVERIFY(!tick(0) || widget()->purchases().chosen().isEmpty());
        QVERIFY(widget()->purchases().chosen().isEmpty());
        QVERIFY(!refundButton()->isEnabled());
    }

    void aRefusedRefundSaysWhy()
    {
        QVERIFY(tick(0));
        // Another terminal refunds it meanwhile.
        QVERIFY_RESULT(
            t()->refunds.refund(m_second.reservationIds, {}, Actor::staff(QStringLiteral("x"))));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        widget()->refund();
        QVERIFY(sale().settle());
        QCOMPARE(text("refundMessage"), errorText(Error::make(ErrorCode::AlreadyRefunded)));
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM refunds")), 1);
    }

    void aRefundOnceTheShowStartedIsClosedInEitherLanguage()
    {
        // The performance starts a minute from now (moved so, rather than a week of clock).
        const qint64 schedule = scheduleOf(t(), 1);
        QVERIFY((*(t()->db->connection()))
                    ->runOnce(QStringLiteral("UPDATE schedules SET starts_at = %1 WHERE id = %2")
                                  .arg(t().clock.nowMs() + 60'000)
                                  .arg(schedule)));
        QVERIFY(showCustomerOne());
        QVERIFY(tick(0));
        QVERIFY(sale().advance(61'000)); // the page stayed open while it started
        applyUiLanguage(QStringLiteral("ko"));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        widget()->refund();
        QVERIFY(sale().settle());
        applyUiLanguage(QStringLiteral("en"));
        const Error closed = Error::make(ErrorCode::RefundClosed);
        QVERIFY(!closed.korean.isEmpty());
        QCOMPARE(text("refundMessage"), closed.korean);
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM refunds")), 0);
        // Said in English in an English window; the seats can no longer be ticked.
        QVERIFY(showCustomerOne());
        QVERIFY(!tick(0) || widget()->purchases().chosen().isEmpty());
        QVERIFY(!refundButton()->isEnabled());
        QCOMPARE(errorText(closed), closed.english);
    }
};

QTEST_MAIN(TestCustomerPage)
#include "tst_customerpage.moc"
