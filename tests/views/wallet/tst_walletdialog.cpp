// WalletDialog (offscreen): the sale customer's balance, a charge checked against the limits of
// W3 as it is typed (whole won, 1 to 1,000,000 a charge, at most 10,000,000 held), quick amounts,
// the ledger, a refusal said in place, and Charge off while a charge is out.

#include "support/WidgetSupport.h"

#include "Format.h"
#include "LedgerModel.h"
#include "common/UiLanguage.h"
#include "wallet/WalletDialog.h"
#include "wallet/WalletService.h"

#include <QLabel>
#include <QPushButton>
#include <QTableView>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

class TestWalletDialog : public QObject, public OnASale<WalletDialog>
{
    Q_OBJECT

private:
    QLineEdit* amount() { return part<QLineEdit>("chargeAmount"); }
    QPushButton* charge() { return part<QPushButton>("chargeButton"); }
    QString message() { return part<QLabel>("walletMessage")->text(); }
    QString balanceShown() { return part<QLabel>("walletBalance")->text(); }
    QAbstractItemModel* ledger() { return part<QTableView>("ledgerTable")->model(); }
    qint64 balance(qint64 customerId) { return *sale().engine->wallet.balance(customerId); }
    void openFor(qint64 customerId)
    {
        QVERIFY(awaitedOk(sale().session.selectCustomer(customerId)));
        QVERIFY(sale().settle());
        amount()->setFocus();
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyUiLanguage(QStringLiteral("en")); // as the window reads: plurals and all
    }

    void init() { QVERIFY(open(QSize(560, 520))); }

    void cleanup() { close(); }

    void showsTheCustomerTheBalanceAndTheRules()
    {
        QVERIFY_RESULT(sale().engine->wallet.charge(4, 70'000));
        openFor(4);
        const Customer c = *sale().engine->customers.byId(4);
        QCOMPARE(part<QLabel>("walletCustomer")->text(),
                 QStringLiteral("%1 (member #4)").arg(c.name));
        QCOMPARE(balanceShown(), QStringLiteral("Balance: 70,000 KRW"));
        // Nothing typed: the limits are said and Charge waits.
        QVERIFY(!charge()->isEnabled());
        QVERIFY2(message().contains(QLatin1String("1,000,000")) &&
                     message().contains(QLatin1String("10,000,000")),
                 qPrintable(message()));
        QCOMPARE(ledger()->rowCount(), 1);
    }

    void chargeLimitsAsTyped_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("letters") << QStringLiteral("abc") << false;
        QTest::newRow("zero") << QStringLiteral("0") << false;
        QTest::newRow("negative") << QStringLiteral("-5") << false;
        QTest::newRow("fraction") << QStringLiteral("12.5") << false;
        QTest::newRow("over a charge") << QStringLiteral("1,000,001") << false;
        QTest::newRow("exponent") << QStringLiteral("1e20") << false;
        QTest::newRow("one won") << QStringLiteral("1") << true;
        QTest::newRow("separators") << QStringLiteral("50,000") << true;
        QTest::newRow("the most") << QStringLiteral("1000000") << true;
    }

    void chargeLimitsAsTyped()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        openFor(4);
        QTest::keyClicks(amount(), typed);
        QCOMPARE(charge()->isEnabled(), accepted);
        if (accepted) {
            const qint64 value = *WalletService::parseAmount(typed);
            QCOMPARE(message(),
                     QStringLiteral("New balance after charging: %1").arg(Format::krw(value)));
        } else {
            QVERIFY2(message().contains(QLatin1String("1,000,000")), qPrintable(message()));
        }
        // Enter charges what is acceptable and nothing else; the dialog stays open.
        QTest::keyClick(amount(), Qt::Key_Return);
        QVERIFY(sale().settle());
        QVERIFY(widget()->isVisible());
        const qint64 expected = accepted ? *WalletService::parseAmount(typed) : 0;
        QCOMPARE(balance(4), expected);
        QCOMPARE(ledger()->rowCount(), accepted ? 1 : 0);
        if (accepted) {
            QCOMPARE(balanceShown(), QStringLiteral("Balance: %1").arg(Format::krw(expected)));
            QCOMPARE(message(),
                     QStringLiteral("Charged %1. New balance: %1.").arg(Format::krw(expected)));
            QVERIFY(amount()->text().isEmpty());
            QCOMPARE(ledger()->index(0, LedgerModel::AmountColumn).data().toString(),
                     QStringLiteral("+") + Format::krw(expected));
        }
    }

    void theBalanceCeilingIsExplained()
    {
        for (int i = 0; i < 10; ++i)
            QVERIFY_RESULT(sale().engine->wallet.charge(5, 1'000'000));
        openFor(5);
        QCOMPARE(ledger()->rowCount(), 10);
        QTest::mouseClick(part<QPushButton>("quick10000"), Qt::LeftButton);
        QCOMPARE(amount()->text(), QStringLiteral("10,000"));
        QVERIFY(!charge()->isEnabled());
        QVERIFY2(message().contains(QLatin1String("10,010,000")) &&
                     message().contains(QLatin1String("10,000,000")),
                 qPrintable(message()));
    }

    void quickAmountsFillTheField()
    {
        openFor(6);
        for (const auto& [name, text] : {std::pair{"quick10000", "10,000"},
                                         {"quick50000", "50,000"},
                                         {"quick100000", "100,000"}}) {
            QTest::mouseClick(part<QPushButton>(name), Qt::LeftButton);
            QCOMPARE(amount()->text(), QString::fromLatin1(text));
            QVERIFY(amount()->hasFocus());
            QVERIFY(charge()->isEnabled());
        }
        QVERIFY(sale().click(charge()));
        QCOMPARE(balance(6), qint64(100'000));
    }

    void aRefusedChargeIsSaidInPlace()
    {
        for (int i = 0; i < 9; ++i)
            QVERIFY_RESULT(sale().engine->wallet.charge(7, 1'000'000));
        QVERIFY_RESULT(sale().engine->wallet.charge(7, 990'000));
        openFor(7);
        // Another terminal fills the wallet meanwhile; this dialog still knows the old balance.
        bool ok = false;
        std::thread other([&] { ok = bool(sale().engine->wallet.charge(7, 10'000)); });
        other.join();
        QVERIFY(ok);
        QTest::keyClicks(amount(), QStringLiteral("5000"));
        QVERIFY(charge()->isEnabled());
        QVERIFY(sale().click(charge()));
        QCOMPARE(balance(7), qint64(10'000'000));
        QVERIFY2(!message().isEmpty() && !message().contains(QLatin1String("Charged")),
                 qPrintable(message()));
        QVERIFY(!message().contains(QLatin1String("SQL")));
        QCOMPARE(amount()->text(), QStringLiteral("5000")); // kept, to try again or change
        QVERIFY(widget()->isVisible());
    }

    void chargeIsOffWhileAChargeIsOut()
    {
        openFor(8);
        QTest::keyClicks(amount(), QStringLiteral("20000"));
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(charge(), Qt::LeftButton);
            QVERIFY(!charge()->isEnabled());
            // Enter, wherever the focus fell and in the field, is "charge" to the person
            // pressing it: nothing more is sent, and the dialog stays.
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
            QTest::keyClick(amount(), Qt::Key_Return);
            QTest::mouseClick(charge(), Qt::LeftButton);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one charge
            QVERIFY(widget()->isVisible());
        }
        QVERIFY(sale().settle());
        QVERIFY(widget()->isVisible());
        QCOMPARE(balance(8), qint64(20'000));
        QCOMPARE(sale().engine->wallet.history(8)->size(), 1);
        QCOMPARE(ledger()->rowCount(), 1);
        QCOMPARE(message(), QStringLiteral("Charged 20,000 KRW. New balance: 20,000 KRW."));
    }

    void anotherCustomerStartsClean()
    {
        QVERIFY_RESULT(sale().engine->wallet.charge(9, 1'000));
        openFor(9);
        QTest::keyClicks(amount(), QStringLiteral("abc"));
        const QString refusal = errorText(Error::make(ErrorCode::InvalidAmount));
        QCOMPARE(message(), refusal);
        QVERIFY(awaitedOk(sale().session.selectCustomer(10)));
        QVERIFY(sale().settle());
        QVERIFY(amount()->text().isEmpty());
        QVERIFY(message() != refusal);
        QVERIFY(!charge()->isEnabled());
        QCOMPARE(ledger()->rowCount(), 0);
        QCOMPARE(balanceShown(), QStringLiteral("Balance: 0 KRW"));
        QVERIFY(part<QLabel>("walletCustomer")->text().contains(QLatin1String("#10")));
    }

    void escapeCloses()
    {
        openFor(11);
        QTest::keyClicks(amount(), QStringLiteral("1000"));
        QTest::keyClick(amount(), Qt::Key_Escape);
        QVERIFY(!widget()->isVisible());
        QVERIFY(sale().settle());
        QCOMPARE(balance(11), qint64(0));
    }
};

QTEST_MAIN(TestWalletDialog)
#include "tst_walletdialog.moc"
