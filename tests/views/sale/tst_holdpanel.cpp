// HoldPanel (offscreen): the customer's holds with their countdowns, the total and Pay; a short
// balance says by how much and offers "Charge and pay" in place (the shortfall pre-filled, one
// confirmation on the button itself), and every button is off while its command is out.

#include "support/WidgetSupport.h"

#include "Format.h"
#include "HoldsModel.h"
#include "common/UiLanguage.h"
#include "sale/HoldPanel.h"

#include <QLabel>
#include <QPushButton>
#include <QTableView>

using namespace boxoffice;
using namespace boxoffice::test;

class TestHoldPanel : public QObject, public OnASale<HoldPanel>
{
    Q_OBJECT

private:
    QString label(const char* name) { return part<QLabel>(name)->text(); }
    QPushButton* pay() { return part<QPushButton>("payButton"); }
    QPushButton* release() { return part<QPushButton>("releaseButton"); }
    QPushButton* chargeAndPay() { return part<QPushButton>("chargeAndPayButton"); }
    QLineEdit* amount() { return part<QLineEdit>("chargeAndPayAmount"); }
    QWidget* chargeRow() { return part<QWidget>("chargeRow"); }
    int rows() { return part<QTableView>("holdsTable")->model()->rowCount(); }
    QString cell(int row, int column)
    {
        return part<QTableView>("holdsTable")->model()->index(row, column).data().toString();
    }
    qint64 balance(qint64 customerId) { return *sale().engine->wallet.balance(customerId); }
    // Customer 1 holds seat 7 (VIP, 150,000) with nothing in the wallet.
    void holdSeven() { QVERIFY(sale().hold(1, 7)); }

private Q_SLOTS:
    void initTestCase()
    {
        applyUiLanguage(QStringLiteral("en")); // as the window reads: plurals and all
    }

    void init() { QVERIFY(open(QSize(480, 400))); }

    void cleanup() { close(); }

    void nothingHeldNothingToPress()
    {
        QCOMPARE(rows(), 0);
        QCOMPARE(label("holdsTotal"), QStringLiteral("Total: 0 KRW (0 seats)"));
        QVERIFY(!pay()->isEnabled());
        QVERIFY(!release()->isEnabled());
        QVERIFY(!chargeRow()->isVisible());
        QVERIFY(label("holdMessage").isEmpty());
    }

    void aHoldShowsItsCountdownAndTheShortfall()
    {
        holdSeven();
        QCOMPARE(rows(), 1);
        QCOMPARE(cell(0, HoldsModel::SeatColumn), QStringLiteral("Seat 7"));
        QCOMPARE(cell(0, HoldsModel::TimeLeftColumn), QStringLiteral("5:00"));
        QCOMPARE(label("holdsTotal"), QStringLiteral("Total: 150,000 KRW (1 seat)"));
        QVERIFY2(label("holdMessage").contains(QLatin1String("Seat 7 held until")),
                 qPrintable(label("holdMessage")));
        QVERIFY(pay()->isEnabled());
        QVERIFY(release()->isEnabled());
        QVERIFY(chargeRow()->isVisible());
        QCOMPARE(label("shortfallLabel"), QStringLiteral("The balance is 150,000 KRW short."));
        QCOMPARE(amount()->text(), QStringLiteral("150,000"));
        QCOMPARE(chargeAndPay()->text(), QStringLiteral("Charge &and pay"));
        // The countdown moves on the engine's clock.
        QVERIFY(sale().advance(1000));
        QCOMPARE(cell(0, HoldsModel::TimeLeftColumn), QStringLiteral("4:59"));
        // Part of the money arrives: the shortfall and the offer follow.
        QVERIFY(awaited(sale().session.charge(100'000, false)).has_value());
        QCOMPARE(label("shortfallLabel"), QStringLiteral("The balance is 50,000 KRW short."));
        QCOMPARE(amount()->text(), QStringLiteral("50,000"));
        // Enough: no offer.
        QVERIFY(awaited(sale().session.charge(50'000, false)).has_value());
        QVERIFY(!chargeRow()->isVisible());
        QVERIFY(pay()->isEnabled());
    }

    void chargeAndPayAsksOnceOnTheButtonThenDoesBoth()
    {
        holdSeven();
        QVERIFY(sale().click(chargeAndPay()));
        // The confirmation, in place, naming the money; nothing charged yet.
        QCOMPARE(chargeAndPay()->text(), QStringLiteral("Confirm: charge 150,000 KRW and pay"));
        QCOMPARE(balance(1), qint64(0));
        QCOMPARE(sale().engine->wallet.history(1)->size(), 0);
        QVERIFY(sale().click(chargeAndPay()));
        QVERIFY2(label("holdMessage").contains(QLatin1String("Paid 150,000 KRW. Payment number")),
                 qPrintable(label("holdMessage")));
        QCOMPARE(rows(), 0);
        QCOMPARE(balance(1), qint64(0)); // charged 150,000, paid 150,000
        const auto history = sale().engine->wallet.history(1);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).kind, LedgerKind::Payment);
        QCOMPARE(history->at(1).kind, LedgerKind::Charge);
        QCOMPARE(history->at(1).amount, qint64(150'000));
        QVERIFY(!chargeRow()->isVisible());
        QCOMPARE(chargeAndPay()->text(), QStringLiteral("Charge &and pay"));
        QVERIFY(!pay()->isEnabled());
    }

    void anEditedAmountIsConfirmedAgainAndCharged()
    {
        holdSeven();
        QTest::mouseClick(chargeAndPay(), Qt::LeftButton);
        QVERIFY(chargeAndPay()->text().startsWith(QLatin1String("Confirm")));
        // Changing the amount takes the confirmation back.
        amount()->setFocus();
        amount()->selectAll();
        QTest::keyClicks(amount(), QStringLiteral("200,000"));
        QCOMPARE(chargeAndPay()->text(), QStringLiteral("Charge &and pay"));
        // Enter in the field is the button: once to confirm, once to do it.
        QTest::keyClick(amount(), Qt::Key_Return);
        QCOMPARE(chargeAndPay()->text(), QStringLiteral("Confirm: charge 200,000 KRW and pay"));
        QVERIFY(chargeAndPay()->hasFocus());
        QTest::keyClick(chargeAndPay(), Qt::Key_Space);
        QVERIFY(sale().settle());
        QCOMPARE(rows(), 0);
        QCOMPARE(balance(1), qint64(50'000));
        QVERIFY(label("holdMessage").contains(QLatin1String("Payment number")));
    }

    void aWrongAmountIsSaidWhereItWasTyped()
    {
        holdSeven();
        amount()->setFocus();
        amount()->selectAll();
        QTest::keyClicks(amount(), QStringLiteral("abc"));
        QTest::keyClick(amount(), Qt::Key_Return);
        QVERIFY(sale().settle());
        QCOMPARE(label("shortfallLabel"), errorText(Error::make(ErrorCode::InvalidAmount)));
        QVERIFY(!chargeAndPay()->text().startsWith(QLatin1String("Confirm")));
        QCOMPARE(balance(1), qint64(0));
        QCOMPARE(rows(), 1);
    }

    void buttonsAreOffWhileTheirCommandIsOut()
    {
        holdSeven();
        QVERIFY(awaited(sale().session.charge(150'000, false)).has_value());
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(pay(), Qt::LeftButton);
            QVERIFY(!pay()->isEnabled());
            QTest::mouseClick(pay(), Qt::LeftButton);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one payment
            // The panel keeps painting meanwhile.
            PaintCounter counter;
            widget()->installEventFilter(&counter);
            widget()->update();
            QTRY_VERIFY(counter.paints > 0);
            QVERIFY(!pay()->isEnabled());
        }
        QVERIFY(sale().settle());
        QCOMPARE(rows(), 0);
        QCOMPARE(balance(1), qint64(0));
        QCOMPARE(sale().engine->wallet.history(1)->size(), 2); // one charge, one payment
    }

    void chargeAndPayIsOffWhileItIsOut()
    {
        holdSeven();
        QTest::mouseClick(chargeAndPay(), Qt::LeftButton);
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(chargeAndPay(), Qt::LeftButton);
            QVERIFY(!chargeAndPay()->isEnabled());
            QVERIFY(!pay()->isEnabled());
            QTest::keyClick(amount(), Qt::Key_Return);
            QTest::keyClick(amount(), Qt::Key_Return);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one charge
        }
        QVERIFY(sale().settle());
        QCOMPARE(sale().engine->wallet.history(1)->size(), 2); // charged once, paid once
        QCOMPARE(rows(), 0);
    }

    void releaseTakesTheOnlyHoldWithoutPickingIt()
    {
        holdSeven();
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(release(), Qt::LeftButton);
            QVERIFY(!release()->isEnabled());
        }
        QVERIFY(sale().settle());
        QCOMPARE(rows(), 0);
        QCOMPARE(label("holdMessage"), QStringLiteral("Seat released."));
        QVERIFY(!pay()->isEnabled());
        QVERIFY(!release()->isEnabled());
        QCOMPARE(sale().engine->reservations.holdsOf(1)->size(), 0);
    }

    void payingShortSaysByHowMuchAndReleasingTakesItBack()
    {
        holdSeven();
        QVERIFY(sale().click(pay()));
        QCOMPARE(label("holdMessage"),
                 QStringLiteral("The balance is 150,000 KRW short of the total."));
        QCOMPARE(rows(), 1);
        QCOMPARE(balance(1), qint64(0));
        QVERIFY(sale().click(release()));
        QCOMPARE(rows(), 0);
        QVERIFY2(!label("holdMessage").contains(QLatin1String("short")),
                 qPrintable(label("holdMessage")));
    }

    void aHoldThatRunsOutLeavesAndIsNamed()
    {
        holdSeven();
        const qint64 expires = sale().session.holds().holds().first().expiresAtMs;
        QVERIFY(sale().advance(expires - sale().engine.clock.nowMs() - 1));
        QCOMPARE(rows(), 1);
        QCOMPARE(cell(0, HoldsModel::TimeLeftColumn), QStringLiteral("0:01"));
        QVERIFY(sale().advance(1));
        QCOMPARE(rows(), 0);
        QVERIFY2(label("holdMessage").contains(QLatin1String("ran out of time")) &&
                     label("holdMessage").contains(QLatin1String("7")),
                 qPrintable(label("holdMessage")));
        QVERIFY(!chargeRow()->isVisible());
        QVERIFY(!pay()->isEnabled());
        QCOMPARE(label("holdsTotal"), QStringLiteral("Total: 0 KRW (0 seats)"));
    }

    void withoutChargingItSendsPeopleToTheCounter()
    {
        widget()->setChargingAllowed(false);
        holdSeven();
        QVERIFY(chargeRow()->isVisible());
        QCOMPARE(label("shortfallLabel"),
                 QStringLiteral("The balance is 150,000 KRW short. Please pay at the counter."));
        QVERIFY(!amount()->isVisible());
        QVERIFY(!chargeAndPay()->isVisible());
        QTest::keyClick(amount(), Qt::Key_Return);
        QVERIFY(sale().settle());
        QCOMPARE(balance(1), qint64(0));
    }

    void tabGoesFromTheAmountToItsButton()
    {
        holdSeven();
        amount()->setFocus();
        QTest::keyClick(amount(), Qt::Key_Tab);
        QVERIFY(chargeAndPay()->hasFocus());
        QTest::keyClick(chargeAndPay(), Qt::Key_Tab);
        QVERIFY(release()->hasFocus());
        QTest::keyClick(release(), Qt::Key_Tab);
        QVERIFY(pay()->hasFocus());
    }
};

QTEST_MAIN(TestHoldPanel)
#include "tst_holdpanel.moc"
