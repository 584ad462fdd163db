// CustomerBar (offscreen): find the customer by member number, name or phone (Enter or Find),
// pick among several, the customer's line with their balance, Find off while a lookup is out,
// and the database's own trouble said as such rather than "no such customer".

#include "support/WidgetSupport.h"

#include "Format.h"
#include "common/UiLanguage.h"
#include "sale/CustomerBar.h"
#include "sale/NewCustomerDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>

using namespace boxoffice;
using namespace boxoffice::test;

class TestCustomerBar : public QObject, public OnASale<CustomerBar>
{
    Q_OBJECT

private:
    std::unique_ptr<QSignalSpy> m_messages;

    QLineEdit* search() { return part<QLineEdit>("customerSearch"); }
    QPushButton* find() { return part<QPushButton>("findCustomerButton"); }
    QComboBox* results() { return part<QComboBox>("customerResults"); }
    QString info() { return part<QLabel>("customerInfo")->text(); }
    QString lastMessage()
    {
        return m_messages->isEmpty() ? QString() : m_messages->last().at(0).toString();
    }
    qint64 customer() { return sale().session.customer().id; }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init()
    {
        QVERIFY(open(QSize(1200, 40)));
        m_messages = std::make_unique<QSignalSpy>(widget(), &CustomerBar::message);
    }

    void cleanup()
    {
        m_messages.reset();
        close();
    }

    void nobodyYet()
    {
        QCOMPARE(info(), QStringLiteral("No customer selected"));
        QVERIFY(!part<QPushButton>("walletButton")->isEnabled());
    }

    void anExactMemberNumberIsThatMember()
    {
        // "1" is in many phone numbers; typed whole, it is member 1, and nobody is asked to pick.
        QVERIFY(sale().enter(search(), QStringLiteral("1")));
        QCOMPARE(customer(), qint64(1));
        QVERIFY2(!lastMessage().contains(QLatin1String("match")), qPrintable(lastMessage()));
        const Customer c = *sale().engine->customers.byId(1);
        QCOMPARE(info(), QStringLiteral("%1 (#1) · %2 · balance 0 KRW").arg(c.name, c.phone));
        QVERIFY(part<QPushButton>("walletButton")->isEnabled());
        QCOMPARE(results()->itemData(0).toLongLong(), 1);
    }

    void aNameFindsSeveralToPickFrom()
    {
        QVERIFY(sale().enter(search(), QStringLiteral("김")));
        QVERIFY(results()->count() >= 2);
        QCOMPARE(customer(), results()->itemData(0).toLongLong());
        QCOMPARE(
            lastMessage(),
            QStringLiteral("%1 customers match; pick one from the list.").arg(results()->count()));
        QVERIFY(results()->hasFocus());
        // The second one, chosen from the list by keys.
        const qint64 second = results()->itemData(1).toLongLong();
        QTest::keyClick(results(), Qt::Key_Down);
        QVERIFY(sale().settle());
        QCOMPARE(customer(), second);
        QVERIFY(info().contains(QStringLiteral("(#%1)").arg(second)));
    }

    void nothingFoundIsSaid()
    {
        QVERIFY(sale().enter(search(), QStringLiteral("nobody-like-this")));
        QCOMPARE(lastMessage(), QStringLiteral("No customer matches \"nobody-like-this\"."));
        QCOMPARE(customer(), qint64(0));
        QCOMPARE(results()->count(), 0);
        // Blank text asks nothing.
        QVERIFY(sale().enter(search(), QStringLiteral("   ")));
        QCOMPARE((*sale().host).pendingCalls(), 0);
    }

    void aLookupThatFailsIsNotNoSuchCustomer()
    {
        auto conn = sale().engine->db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->runOnce(QStringLiteral("ALTER TABLE customers RENAME TO gone")));
        QVERIFY(sale().enter(search(), QStringLiteral("7")));
        QCOMPARE(lastMessage(), errorText(Error::make(ErrorCode::StorageError)));
        QVERIFY(!lastMessage().contains(QLatin1String("No customer")));
        QVERIFY(!lastMessage().contains(QLatin1String("gone")));
        QCOMPARE(customer(), qint64(0));
        QVERIFY(find()->isEnabled());
    }

    void findIsOffWhileALookupIsOut()
    {
        search()->setFocus();
        QTest::keyClicks(search(), QStringLiteral("12"));
        {
            EngineGate gate(*sale().host);
            QTest::keyClick(search(), Qt::Key_Return);
            QVERIFY(!find()->isEnabled());
            QTest::keyClick(search(), Qt::Key_Return);
            QTest::mouseClick(find(), Qt::LeftButton);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one lookup
            // The field still takes keys.
            QTest::keyClicks(search(), QStringLiteral("3"));
            QCOMPARE(search()->text(), QStringLiteral("123"));
        }
        QVERIFY(sale().settle());
        QVERIFY(find()->isEnabled());
        QCOMPARE(customer(), qint64(12));
    }

    void theBalanceLineFollowsTheSale()
    {
        QVERIFY(sale().enter(search(), QStringLiteral("3")));
        QVERIFY(awaited(sale().session.charge(25'000, false)).has_value());
        QVERIFY2(info().endsWith(QLatin1String("balance 25,000 KRW")), qPrintable(info()));
        QSignalSpy wallet(widget(), &CustomerBar::walletRequested);
        QTest::mouseClick(part<QPushButton>("walletButton"), Qt::LeftButton);
        QCOMPARE(wallet.count(), 1);
        sale().session.reset();
        QCOMPARE(info(), QStringLiteral("No customer selected"));
        QVERIFY(!part<QPushButton>("walletButton")->isEnabled());
    }

    void focusSearchSelectsWhatWasTyped()
    {
        QVERIFY(sale().enter(search(), QStringLiteral("3")));
        part<QPushButton>("newCustomerButton")->setFocus();
        widget()->focusSearch();
        QVERIFY(search()->hasFocus());
        QCOMPARE(search()->selectedText(), QStringLiteral("3"));
        QTest::keyClicks(search(), QStringLiteral("4")); // typing replaces it
        QCOMPARE(search()->text(), QStringLiteral("4"));
    }

    void tabGoesAlongTheBar()
    {
        QVERIFY(sale().enter(search(), QStringLiteral("3")));
        search()->setFocus();
        QWidget* expected[] = {find(), results(), part<QPushButton>("newCustomerButton"),
                               part<QPushButton>("walletButton")};
        for (QWidget* next : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), next);
        }
    }

    void newCustomerOpensItsDialog()
    {
        QTest::mouseClick(part<QPushButton>("newCustomerButton"), Qt::LeftButton);
        QPointer<NewCustomerDialog> dialog = widget()->findChild<NewCustomerDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(child<QLineEdit>(dialog, "newCustomerName"), QStringLiteral("Walk Up"));
        QTest::keyClicks(child<QLineEdit>(dialog, "newCustomerPhone"),
                         QStringLiteral("010-5555-0101"));
        QTest::keyClick(child<QLineEdit>(dialog, "newCustomerPhone"), Qt::Key_Return);
        QVERIFY(sale().settle());
        QTRY_VERIFY(!dialog || !dialog->isVisible()); // closed, and deleted once closed
        QVERIFY(customer() > 100);
        QCOMPARE(lastMessage(), QStringLiteral("Added Walk Up as member #%1.").arg(customer()));
        QVERIFY(info().startsWith(QLatin1String("Walk Up")));
    }
};

QTEST_MAIN(TestCustomerBar)
#include "tst_customerbar.moc"
