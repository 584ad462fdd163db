// KioskStartScreen (offscreen): a stranger starts a sale only with a member number and the last
// four digits of that member's phone; a wrong pair and an unknown number read the same, the
// database's own trouble is said as such, and the lookup runs on the engine's worker.

#include "support/WidgetSupport.h"

#include "Format.h"
#include "common/UiLanguage.h"
#include "kiosk/KioskStartScreen.h"

#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {
const QString kMismatch =
    QStringLiteral("That member number and phone do not match. Please try again.");
const QString kIncomplete =
    QStringLiteral("Type your member number and the last 4 digits of your phone.");
} // namespace

class TestKioskStartScreen : public QObject, public OnASale<KioskStartScreen>
{
    Q_OBJECT

private:
    QLineEdit* member() { return child<QLineEdit>(widget(), "kioskMemberNumber"); }
    QLineEdit* phone() { return child<QLineEdit>(widget(), "kioskPhoneDigits"); }
    QPushButton* start() { return child<QPushButton>(widget(), "kioskStartButton"); }
    QString error() { return child<QLabel>(widget(), "kioskStartError")->text(); }
    QString lastDigits(qint64 customerId)
    {
        auto c = sale().engine->customers.byId(customerId);
        if (!c)
            qFatal("no customer %lld", customerId);
        return c->phone.remove(QRegularExpression(QStringLiteral("[^0-9]"))).right(4);
    }
    QString wrongDigits(qint64 customerId)
    {
        return lastDigits(customerId) == QLatin1String("0000") ? QStringLiteral("1111")
                                                               : QStringLiteral("0000");
    }
    // Types both fields and presses Enter in the second, as a stranger would.
    void signIn(const QString& number, const QString& digits)
    {
        QTest::keyClicks(member(), number);
        QTest::keyClick(member(), Qt::Key_Return);
        QVERIFY(phone()->hasFocus());
        QTest::keyClicks(phone(), digits);
        QTest::keyClick(phone(), Qt::Key_Return);
        QVERIFY(sale().settle());
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyUiLanguage(QStringLiteral("en")); // as the window reads: plurals and all
    }

    void init()
    {
        QVERIFY(open(QSize(800, 600)));
        widget()->clear();
    }

    void cleanup() { close(); }

    void aMatchingPairStartsTheSale()
    {
        QSignalSpy started(widget(), &KioskStartScreen::started);
        QVERIFY(member()->hasFocus());
        signIn(QStringLiteral("12"), lastDigits(12));
        QCOMPARE(started.count(), 1);
        QCOMPARE(sale().session.customer().id, qint64(12));
        QVERIFY2(error().isEmpty(), qPrintable(error()));
        QVERIFY(start()->isEnabled());
    }

    void theButtonStartsItToo()
    {
        QSignalSpy started(widget(), &KioskStartScreen::started);
        QTest::keyClicks(member(), QStringLiteral("30"));
        QTest::keyClicks(phone(), lastDigits(30));
        QVERIFY(sale().click(start()));
        QCOMPARE(started.count(), 1);
        QCOMPARE(sale().session.customer().id, qint64(30));
    }

    void wrongDigitsAndAnUnknownNumberReadTheSame()
    {
        QSignalSpy started(widget(), &KioskStartScreen::started);
        const QString right = lastDigits(12);
        signIn(QStringLiteral("12"), wrongDigits(12));
        const QString saidForWrongDigits = error();
        QCOMPARE(saidForWrongDigits, kMismatch);
        QVERIFY(start()->isEnabled());

        widget()->clear();
        signIn(QStringLiteral("99999"), right);
        QCOMPARE(error(), saidForWrongDigits); // a kiosk does not tell which numbers exist
        QCOMPARE(started.count(), 0);
        QCOMPARE(sale().session.customer().id, qint64(0));
        // Nothing of the member shows: not the name, not the phone.
        const auto c = sale().engine->customers.byId(12);
        QVERIFY(!error().contains(c->name) && !error().contains(right));
    }

    void incompleteInputIsNotLookedUp_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("digits");
        QTest::newRow("nothing") << QString() << QString();
        QTest::newRow("no digits") << QStringLiteral("12") << QString();
        QTest::newRow("three digits") << QStringLiteral("12") << QStringLiteral("123");
        QTest::newRow("no number") << QString() << QStringLiteral("1234");
    }

    void incompleteInputIsNotLookedUp()
    {
        QFETCH(QString, number);
        QFETCH(QString, digits);
        QSignalSpy started(widget(), &KioskStartScreen::started);
        QTest::keyClicks(member(), number);
        QTest::keyClicks(phone(), digits);
        QTest::mouseClick(start(), Qt::LeftButton);
        QCOMPARE((*sale().host).pendingCalls(), 0);
        QCOMPARE(error(), kIncomplete);
        QCOMPARE(widget()->errorShown(), kIncomplete);
        QCOMPARE(started.count(), 0);
        QVERIFY(start()->isEnabled());
    }

    void theFieldsTakeOnlyWhatTheyAskFor()
    {
        // Names are for staff: a stranger cannot look the customer book up by one.
        member()->insert(QStringLiteral("김민준"));
        QVERIFY(member()->text().isEmpty());
        QTest::keyClicks(member(), QStringLiteral("12ab3"));
        QCOMPARE(member()->text(), QStringLiteral("123"));
        QTest::keyClicks(phone(), QStringLiteral("98x765"));
        QCOMPARE(phone()->text(), QStringLiteral("9876"));
        // The digits are not shown to whoever stands behind.
        QCOMPARE(phone()->echoMode(), QLineEdit::Password);
    }

    void aStorageErrorIsSaidAsSuch()
    {
        auto conn = sale().engine->db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->runOnce(QStringLiteral("ALTER TABLE customers RENAME TO gone")));
        QSignalSpy started(widget(), &KioskStartScreen::started);
        signIn(QStringLiteral("12"), QStringLiteral("1234"));
        QCOMPARE(started.count(), 0);
        QVERIFY2(error() != kMismatch, qPrintable(error()));
        QCOMPARE(error(), errorText(Error::make(ErrorCode::StorageError)));
        QVERIFY(!error().contains(QLatin1String("gone")) &&
                !error().contains(QLatin1String("SQL")));
        QVERIFY(start()->isEnabled());
    }

    void oneLookupAtATimeWhileTheEngineIsBusy()
    {
        QSignalSpy started(widget(), &KioskStartScreen::started);
        QTest::keyClicks(member(), QStringLiteral("12"));
        QTest::keyClicks(phone(), lastDigits(12));
        {
            EngineGate gate(*sale().host);
            QTest::keyClick(phone(), Qt::Key_Return);
            QVERIFY(!start()->isEnabled()); // busy: shows it
            QTest::keyClick(phone(), Qt::Key_Return);
            QTest::mouseClick(start(), Qt::LeftButton);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one lookup
            // The screen still takes keys meanwhile.
            QTest::keyClick(phone(), Qt::Key_Backspace);
            QCOMPARE(phone()->text().size(), 3);
        }
        QVERIFY(sale().settle());
        QCOMPARE(started.count(), 1);
        QCOMPARE(sale().session.customer().id, qint64(12));
        QVERIFY(start()->isEnabled());
    }

    void clearLeavesNothingOfTheLastTry()
    {
        signIn(QStringLiteral("12"), wrongDigits(12));
        QVERIFY(!error().isEmpty());
        phone()->setFocus();
        widget()->clear();
        QVERIFY(member()->text().isEmpty());
        QVERIFY(phone()->text().isEmpty());
        QVERIFY(error().isEmpty());
        QVERIFY(start()->isEnabled());
        QVERIFY(member()->hasFocus());
    }

    void tabGoesNumberDigitsStart()
    {
        QVERIFY(member()->hasFocus());
        QTest::keyClick(member(), Qt::Key_Tab);
        QVERIFY(phone()->hasFocus());
        QTest::keyClick(phone(), Qt::Key_Tab);
        QVERIFY(start()->hasFocus());
    }
};

QTEST_MAIN(TestKioskStartScreen)
#include "tst_kioskstartscreen.moc"
