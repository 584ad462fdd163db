// NewCustomerDialog (offscreen): a walk-up's name and phone; OK adds them and makes them the
// sale's customer; a refusal is said in the dialog, which keeps what was typed; OK is off while
// the addition is out; Esc adds nobody.

#include "support/WidgetSupport.h"

#include "common/UiLanguage.h"
#include "sale/NewCustomerDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>

using namespace boxoffice;
using namespace boxoffice::test;

class TestNewCustomerDialog : public QObject, public OnASale<NewCustomerDialog>
{
    Q_OBJECT

private:
    QLineEdit* name() { return child<QLineEdit>(widget(), "newCustomerName"); }
    QLineEdit* phone() { return child<QLineEdit>(widget(), "newCustomerPhone"); }
    QString error() { return child<QLabel>(widget(), "newCustomerError")->text(); }
    QPushButton* ok()
    {
        return widget()->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    }
    qint64 customers()
    {
        return scalar(*sale().engine->db, QStringLiteral("SELECT COUNT(*) FROM customers"))
            .toLongLong();
    }
    void type(const QString& who, const QString& number)
    {
        name()->setFocus();
        name()->insert(who); // keyClicks types Latin-1 only
        phone()->insert(number);
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init() { QVERIFY(open(QSize(360, 160))); }

    void cleanup() { close(); }

    void okAddsThemAndMakesThemTheCustomer()
    {
        QSignalSpy added(widget(), &NewCustomerDialog::added);
        QSignalSpy accepted(widget(), &QDialog::accepted);
        const qint64 before = customers();
        type(QStringLiteral("홍길동"), QStringLiteral("010-2222-3333"));
        QVERIFY(sale().click(ok()));
        QCOMPARE(customers(), before + 1);
        QCOMPARE(added.count(), 1);
        const auto c = added.at(0).at(0).value<Customer>();
        QCOMPARE(c.name, QStringLiteral("홍길동"));
        QCOMPARE(c.phone, QStringLiteral("010-2222-3333"));
        QCOMPARE(sale().session.customer().id, c.id);
        QCOMPARE(accepted.count(), 1);
        QVERIFY(!widget()->isVisible());
    }

    void aRefusalIsSaidInTheDialog_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("number");
        QTest::newRow("no name") << QString() << QStringLiteral("010-2222-3333");
        QTest::newRow("spaces for a name") << QStringLiteral("   ") << QStringLiteral("010-1-2");
        QTest::newRow("no phone") << QStringLiteral("Lee") << QString();
        QTest::newRow("letters for a phone") << QStringLiteral("Lee") << QStringLiteral("call me");
    }

    void aRefusalIsSaidInTheDialog()
    {
        QFETCH(QString, who);
        QFETCH(QString, number);
        const qint64 before = customers();
        type(who, number);
        QVERIFY(sale().click(ok()));
        QCOMPARE(error(), errorText(Error::make(ErrorCode::InvalidCustomer)));
        QVERIFY(widget()->isVisible());
        QCOMPARE(name()->text(), who); // kept, to be corrected
        QCOMPARE(phone()->text(), number);
        QCOMPARE(customers(), before);
        QCOMPARE(sale().session.customer().id, qint64(0));
        QVERIFY(ok()->isEnabled());
        // Corrected, it goes through and the refusal goes with it.
        name()->setText(QStringLiteral("Lee"));
        phone()->setText(QStringLiteral("010-4444-5555"));
        QVERIFY(sale().click(ok()));
        QCOMPARE(customers(), before + 1);
        QVERIFY(!widget()->isVisible());
    }

    void okIsOffWhileTheAdditionIsOut()
    {
        QSignalSpy added(widget(), &NewCustomerDialog::added);
        QSignalSpy accepted(widget(), &QDialog::accepted);
        QSignalSpy rejected(widget(), &QDialog::rejected);
        const qint64 before = customers();
        type(QStringLiteral("Park"), QStringLiteral("010-6666-7777"));
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(ok(), Qt::LeftButton);
            QVERIFY(!ok()->isEnabled());
            QTest::mouseClick(ok(), Qt::LeftButton);
            // Enter again, and Esc, while it is out: no second addition, and the dialog does
            // not walk away from the one under way (its answer may already be a new member).
            const auto focused = [this]() -> QWidget* {
                return QApplication::focusWidget() ? QApplication::focusWidget() : widget();
            };
            QTest::keyClick(focused(), Qt::Key_Return);
            QTest::keyClick(focused(), Qt::Key_Escape);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one addition
            QVERIFY(widget()->isVisible());
        }
        QVERIFY(sale().settle());
        QCOMPARE(customers(), before + 1);
        QCOMPARE(added.count(), 1);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(rejected.count(), 0);
        QVERIFY(!widget()->isVisible());
        QCOMPARE(sale().session.customer().id, added.at(0).at(0).value<Customer>().id);
    }

    void enterInThePhoneFieldIsOk()
    {
        const qint64 before = customers();
        type(QStringLiteral("Choi"), QStringLiteral("010-8888-9999"));
        QTest::keyClick(phone(), Qt::Key_Return);
        QVERIFY(sale().settle());
        QCOMPARE(customers(), before + 1);
        QVERIFY(!widget()->isVisible());
    }

    void tabFromNameToPhoneAndEscAddsNobody()
    {
        name()->setFocus();
        QTest::keyClick(name(), Qt::Key_Tab);
        QVERIFY(phone()->hasFocus());
        const qint64 before = customers();
        type(QStringLiteral("Kang"), QStringLiteral("010-1212-3434"));
        QSignalSpy rejected(widget(), &QDialog::rejected);
        QTest::keyClick(phone(), Qt::Key_Escape);
        QVERIFY(sale().settle());
        QCOMPARE(rejected.count(), 1);
        QVERIFY(!widget()->isVisible());
        QCOMPARE(customers(), before);
    }
};

QTEST_MAIN(TestNewCustomerDialog)
#include "tst_newcustomerdialog.moc"
