// KioskWindow (offscreen): self-service over the same SaleSession as the staff window. A start
// screen, then large targets and no staff controls; the customer's name half hidden and never
// the phone; Finish and an idle spell (on the ManualClock) go back to the start with nothing of
// the last customer left.

#include "support/WidgetSupport.h"

#include "Format.h"
#include "common/UiLanguage.h"
#include "kiosk/KioskStartScreen.h"
#include "kiosk/KioskWindow.h"
#include "seatmap/SeatMapView.h"

#include <QLabel>
#include <QApplication>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QRegularExpression>
#include <QTableView>

using namespace boxoffice;
using namespace boxoffice::test;

class TestKioskWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostedEngine> m_hosted;
    std::unique_ptr<KioskWindow> m_kiosk;

    void open(KioskWindow::Options options = {})
    {
        m_kiosk.reset();
        m_kiosk = std::make_unique<KioskWindow>(*m_hosted->host, options);
        m_kiosk->resize(1280, 800);
        m_kiosk->show();
        QVERIFY(QTest::qWaitForWindowActive(m_kiosk.get()));
        settle();
    }
    void settle() { QVERIFY(m_hosted->settle()); }
    void advance(qint64 ms) { QVERIFY(m_hosted->advance(ms)); }
    SaleSession& session() { return m_kiosk->session(); }
    template <typename T> T* part(const char* name) { return child<T>(m_kiosk.get(), name); }
    QString lastDigits(qint64 customerId)
    {
        auto c = m_hosted->engine->customers.byId(customerId);
        if (!c)
            qFatal("no customer %lld", customerId);
        return c->phone.remove(QRegularExpression(QStringLiteral("[^0-9]"))).right(4);
    }
    void signIn(qint64 customerId)
    {
        auto* member = part<QLineEdit>("kioskMemberNumber");
        QTest::keyClicks(member, QString::number(customerId));
        QTest::keyClick(member, Qt::Key_Return);
        auto* digits = part<QLineEdit>("kioskPhoneDigits");
        QTest::keyClicks(digits, lastDigits(customerId));
        QTest::keyClick(digits, Qt::Key_Return);
        settle();
        QVERIFY(!m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, customerId);
    }
    // Signed in, concert 1 chosen, queue joined, admitted, a seat held.
    void holdASeat(qint64 customerId, int seatNumber)
    {
        signIn(customerId);
        session().selectConcert(1); // joins its queue
        settle();
        m_hosted->engine.admitNow();
        settle();
        advance(QueueModel::kPollIntervalMs);
        QVERIFY(session().isAdmitted());
        auto* view = part<SeatMapView>("seatMap");
        const QModelIndex seat = session().seats().index(session().seats().rowOfNumber(seatNumber));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(seat).center());
        settle();
        QCOMPARE(session().holds().rowCount(), 1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyUiLanguage(QStringLiteral("en")); // as the window reads: plurals and all
    }

    void init()
    {
        m_hosted = std::make_unique<HostedEngine>();
        open();
    }

    void cleanup()
    {
        m_kiosk.reset();
        m_hosted.reset();
    }

    void noStaffControlsAndLargeTargets()
    {
        QVERIFY(m_kiosk->isOnStartScreen());
        QVERIFY(m_kiosk->startScreen()->isVisible());
        signIn(3);
        // Nothing a stranger should have: no search through the customer book, no new
        // customers, no staff wallet, no table of everyone this terminal queued.
        for (const char* staff : {"customerSearch", "newCustomerButton", "walletButton"})
            QVERIFY2(!m_kiosk->findChild<QWidget*>(QString::fromLatin1(staff)), staff);
        QVERIFY(!part<QTableView>("queueTable")->isVisible());
        for (QPushButton* b : m_kiosk->findChildren<QPushButton*>()) {
            if (b->isVisible())
                QVERIFY2(b->height() >= 48, qPrintable(b->objectName() + b->text()));
        }
        QVERIFY(part<SeatMapView>("seatMap")->cellSize() >= 48);
        // No keyboard hints on a touch screen.
        for (QLabel* l : m_kiosk->findChildren<QLabel*>()) {
            QVERIFY2(!l->text().contains(QLatin1String("Ctrl")) &&
                         !l->text().contains(QLatin1String("Space")),
                     qPrintable(l->text()));
        }
    }

    void theCustomerIsShownHalfHidden()
    {
        signIn(12);
        const Customer c = *m_hosted->engine->customers.byId(12);
        const QString shown = part<QLabel>("kioskCustomer")->text();
        QVERIFY2(shown.contains(maskedName(c.name)), qPrintable(shown));
        QVERIFY2(!shown.contains(c.name), qPrintable(shown));
        QVERIFY2(!shown.contains(c.phone) && !shown.contains(lastDigits(12)), qPrintable(shown));
        QVERIFY2(shown.contains(Format::krw(0)), qPrintable(shown));
        // A charge elsewhere shows here too.
        QVERIFY(awaited(session().charge(5000, false)).has_value());
        QVERIFY2(part<QLabel>("kioskCustomer")->text().contains(Format::krw(5000)),
                 qPrintable(part<QLabel>("kioskCustomer")->text()));
    }

    void finishLeavesNothingOfTheLastCustomer()
    {
        holdASeat(12, 7);
        QTest::mouseClick(part<QPushButton>("kioskFinishButton"), Qt::LeftButton);
        settle();
        QVERIFY(m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, qint64(0));
        QCOMPARE(session().concertId(), qint64(0));
        QCOMPARE(session().holds().rowCount(), 0);
        QVERIFY(session().notice().isEmpty());
        QVERIFY(part<QLineEdit>("kioskMemberNumber")->text().isEmpty());
        QVERIFY(part<QLineEdit>("kioskPhoneDigits")->text().isEmpty());
        QVERIFY(part<QLabel>("kioskCustomer")->text().isEmpty());
        QVERIFY(part<QLabel>("kioskBanner")->text().isEmpty());
        QVERIFY(part<QLabel>("holdMessage")->text().isEmpty());
        QVERIFY(!part<QPushButton>("joinQueueButton")->text().contains(QLatin1String("again")));
        QVERIFY(part<QLineEdit>("kioskMemberNumber")->hasFocus());
        // The next stranger starts from the beginning.
        signIn(13);
        QCOMPARE(session().holds().rowCount(), 0);
    }

    void itGoesBackToTheStartWhenLeftAlone()
    {
        KioskWindow::Options options;
        options.idleResetSeconds = 90;
        open(options);
        signIn(3);
        const qint64 idleMs = 90'000;
        advance(idleMs - 1000);
        QVERIFY(!m_kiosk->isOnStartScreen());
        // A touch starts the idle time again.
        QTest::mouseClick(part<QLabel>("kioskCustomer"), Qt::LeftButton);
        advance(idleMs - 1000);
        QVERIFY(!m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, qint64(3));
        // So does a key.
        QTest::keyClick(part<SeatMapView>("seatMap"), Qt::Key_Right);
        advance(idleMs - 1);
        QVERIFY(!m_kiosk->isOnStartScreen());
        advance(1);
        QVERIFY(m_kiosk->isOnStartScreen());
        QCOMPARE(session().customer().id, qint64(0));
        QVERIFY(part<QLabel>("kioskCustomer")->text().isEmpty());
    }

    void halfTypedDigitsDoNotWaitForTheNextPerson()
    {
        KioskWindow::Options options;
        options.idleResetSeconds = 30;
        open(options);
        QTest::keyClicks(part<QLineEdit>("kioskMemberNumber"), QStringLiteral("12"));
        QTest::keyClicks(part<QLineEdit>("kioskPhoneDigits"), QStringLiteral("12"));
        advance(30'000);
        QVERIFY(part<QLineEdit>("kioskMemberNumber")->text().isEmpty());
        QVERIFY(part<QLineEdit>("kioskPhoneDigits")->text().isEmpty());
    }

    void itFillsTheScreenWithOrWithoutAWindowManager()
    {
        // Offscreen there is no window manager at all: the geometry must come from the kiosk.
        m_kiosk->showOnWholeScreen();
        settle();
        QTRY_COMPARE(m_kiosk->geometry(), m_kiosk->screen()->geometry());
        QVERIFY(m_kiosk->windowFlags().testFlag(Qt::FramelessWindowHint));
    }

    void itNeverReflowsAsItIsUsed()
    {
        auto* split = m_kiosk->findChild<QSplitter*>();
        QVERIFY(split);
        holdASeat(19, 4);
        const QList<int> before = split->sizes();
        QTest::mouseClick(part<QPushButton>("chargeAndPayButton"), Qt::LeftButton); // confirm text
        settle();
        QCOMPARE(split->sizes(), before);
        QTest::mouseClick(part<QPushButton>("chargeAndPayButton"), Qt::LeftButton);
        settle();
        QCOMPARE(split->sizes(), before);
    }

    void noKeyboardHints()
    {
        QCOMPARE(QApplication::style()->styleHint(QStyle::SH_UnderlineShortcut), 0);
        holdASeat(20, 5);
        const auto hint = QRegularExpression(QStringLiteral("Ctrl\\+|Alt\\+|\\(&"));
        for (QWidget* w : m_kiosk->findChildren<QWidget*>()) {
            if (!w->isVisible())
                continue;
            QString text;
            if (auto* l = qobject_cast<QLabel*>(w))
                text = l->text();
            else if (auto* b = qobject_cast<QAbstractButton*>(w))
                text = b->text();
            QVERIFY2(!text.contains(hint), qPrintable(w->objectName() + QLatin1String(": ") + text));
        }
        QVERIFY(!part<SeatMapView>("seatMap")->lockedReason().contains(QLatin1String("Ctrl")));
    }

    void theTopUpSaysItIsADemo()
    {
        holdASeat(21, 6);
        QVERIFY2(part<QLabel>("shortfallLabel")->text().contains(QLatin1String("demo")),
                 qPrintable(part<QLabel>("shortfallLabel")->text()));
        auto* button = part<QPushButton>("chargeAndPayButton");
        QVERIFY2(button->text().contains(QLatin1String("Demo top-up")), qPrintable(button->text()));
        QTest::mouseClick(button, Qt::LeftButton);
        settle();
        QVERIFY2(button->text().contains(QLatin1String("demo top-up")), qPrintable(button->text()));
    }

    void errorsAreBigOnTheScreen()
    {
        // Large type everywhere (1.5×), the banner larger still; and no status bar to hide in.
        QVERIFY(m_kiosk->findChildren<QStatusBar*>().isEmpty());
        auto* banner = part<QLabel>("kioskBanner");
        QVERIFY(banner->font().pointSizeF() >= QApplication::font().pointSizeF() * 1.9);
        QVERIFY(part<QLabel>("holdMessage")->font().pointSizeF() >=
                QApplication::font().pointSizeF() * 1.4);
        QVERIFY(part<QLabel>("kioskStartError")->font().pointSizeF() >=
                QApplication::font().pointSizeF() * 1.9);
    }

    void withoutChargingAShortBalanceGoesToTheCounter()
    {
        KioskWindow::Options options;
        options.allowCharge = false;
        open(options);
        holdASeat(14, 3);
        auto* row = part<QWidget>("chargeRow");
        QVERIFY(row->isVisible());
        const QString said = part<QLabel>("shortfallLabel")->text();
        QVERIFY2(said.contains(QLatin1String("counter")) && said.contains(QLatin1String("150,000")),
                 qPrintable(said));
        QVERIFY(!part<QPushButton>("chargeAndPayButton")->isVisible());
        QVERIFY(!part<QLineEdit>("chargeAndPayAmount")->isVisible());
    }

    void withChargingTheShortfallIsOfferedInPlace()
    {
        holdASeat(15, 3);
        QVERIFY(part<QPushButton>("chargeAndPayButton")->isVisible());
        QCOMPARE(part<QLineEdit>("chargeAndPayAmount")->text(), QStringLiteral("150,000"));
    }

    // Customer 17 joins concert 2's queue (someone elsewhere is ahead) and walks away; 18 signs
    // in. Returns 17's token.
    QString walkAwayInLine()
    {
        KioskWindow::Options options;
        options.idleResetSeconds = 3600; // these tests walk away on purpose
        open(options);
        if (!m_hosted->engine->queue.enter(91, 2))
            qFatal("cannot queue customer 91");
        signIn(17);
        session().selectConcert(2);
        settle();
        QTest::mouseClick(part<QPushButton>("joinQueueButton"), Qt::LeftButton);
        settle();
        const QString token = session().token();
        QTest::mouseClick(part<QPushButton>("kioskFinishButton"), Qt::LeftButton);
        settle();
        signIn(18);
        return token;
    }

    void theLastCustomerIsNotKeptInLine()
    {
        const QString token = walkAwayInLine();
        QVERIFY(!token.isEmpty());
        // Nobody polls their token any more, so it lapses as an idle entry does (Q6).
        advance(qint64(m_hosted->engine->settings.idleSeconds) * 1000 + 2000);
        QVERIFY_RESULT(m_hosted->engine->queue.expireDue(m_hosted->engine.clock.nowMs()));
        QCOMPARE_ERROR(m_hosted->engine->queue.poll(token), ErrorCode::TokenExpired);
    }

    void theLastCustomerIsNotNamedToTheNext()
    {
        const Customer gone = *m_hosted->engine->customers.byId(17);
        walkAwayInLine();
        m_hosted->engine.admitNow();
        settle();
        advance(QueueModel::kPollIntervalMs);
        for (QLabel* l : m_kiosk->findChildren<QLabel*>()) {
            QVERIFY2(!l->text().contains(gone.name) && !l->text().contains(maskedName(gone.name)) &&
                         !l->text().contains(QLatin1String("#17")),
                     qPrintable(l->objectName() + QLatin1String(": ") + l->text()));
        }
    }

    void theBannerSpeaksUpAndGoes()
    {
        signIn(16);
        // Somebody is ahead, so choosing the concert (which joins its queue) is a place in the
        // line, said on the banner.
        QVERIFY(m_hosted->engine->queue.enter(90, 2).has_value());
        session().selectConcert(2);
        settle();
        auto* banner = part<QLabel>("kioskBanner");
        QVERIFY2(banner->text().contains(QLatin1String("number 2")), qPrintable(banner->text()));
        // Said for a passer-by too: the name half hidden.
        const QString name = session().customer().name;
        QVERIFY2(!banner->text().contains(name) && banner->text().contains(maskedName(name)),
                 qPrintable(banner->text()));
        // On the window's clock, not a real timer.
        advance(9000);
        QVERIFY(!banner->text().isEmpty());
        advance(1000);
        QVERIFY(banner->text().isEmpty());
    }
};

QTEST_MAIN(TestKioskWindow)
#include "tst_kioskwindow.moc"
