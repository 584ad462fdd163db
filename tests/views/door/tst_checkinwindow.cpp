// CheckInWindow (offscreen): the door's screen for one performance. A scanner types a code and
// Enter; the answer fills the screen in big letters and its colour (OK green with the seat,
// ALREADY_CHECKED_IN with the first time, revoked, invalid, another performance), the field is
// empty with the focus again, and the next scan needs no click, however quick the scanner.

#include "support/AfterSaleSupport.h"
#include "support/WidgetSupport.h"

#include "common/UiLanguage.h"
#include "door/CheckInWindow.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {
const Actor kDoor = Actor::staff(QStringLiteral("박지훈"));
}

class TestCheckInWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostedEngine> m_engine;
    std::unique_ptr<CheckInWindow> m_window;
    qint64 m_schedule = 0;
    Payment m_sale;

    TestEngine& t() { return m_engine->engine; }
    template <typename T> T* part(const char* name) { return child<T>(m_window.get(), name); }
    QString text(const char* label) { return part<QLabel>(label)->text(); }
    // What a handheld scanner does: the code's characters, then Enter, into whatever has the
    // focus (no click first).
    bool scan(const QString& code)
    {
        QWidget* focus = QApplication::focusWidget();
        if (!focus)
            return false;
        for (QChar c : code)
            QTest::keyClick(focus, c.toLatin1());
        QTest::keyClick(focus, Qt::Key_Return);
        return m_engine->settle();
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init()
    {
        m_engine = std::make_unique<HostedEngine>();
        m_schedule = scheduleOf(t(), 1);
        m_sale = buy(t(), 1, m_schedule, {7, 8, 9});
        m_window = std::make_unique<CheckInWindow>(*m_engine->host, m_schedule, kDoor);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QVERIFY(m_engine->settle());
    }

    void cleanup()
    {
        m_window.reset();
        m_engine.reset();
    }

    void opensReadyWithTheFocusInTheField()
    {
        QCOMPARE(QApplication::focusWidget(), m_window->scanField());
        QCOMPARE(m_window->verdict(), QStringLiteral("Ready"));
        QVERIFY(text("doorHeading").contains(t()->catalogue.concerts()->first().title));
        QCOMPARE(text("doorCount"), QStringLiteral("Checked in: 0"));
    }

    void aGoodTicketIsOkInGreenWithItsSeat()
    {
        QVERIFY(scan(m_sale.tickets.at(0).code));
        QCOMPARE(m_window->verdict(), QStringLiteral("OK — come in"));
        QCOMPARE(text("doorDetail"), QStringLiteral("Seat 7"));
        const QColor c = m_window->verdictColour();
        QVERIFY(c.green() > 2 * c.red() && c.green() > c.blue()); // green
        QVERIFY(m_window->scanField()->text().isEmpty());
        QCOMPARE(QApplication::focusWidget(), m_window->scanField());
        QCOMPARE(text("doorCount"), QStringLiteral("Checked in: 1"));
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM checkins WHERE operator = ?"),
                       {kDoor.operatorName}),
                 1);
    }

    void aSecondScanSaysWhenItCameIn()
    {
        const QTime first = QDateTime::fromMSecsSinceEpoch(t().clock.nowMs()).toLocalTime().time();
        QVERIFY(scan(m_sale.tickets.at(1).code));
        t().clock.advanceMs(20 * 60'000);
        QVERIFY(scan(m_sale.tickets.at(1).code));
        QCOMPARE(m_window->verdict(), QStringLiteral("Already checked in"));
        QCOMPARE(text("doorDetail"), QStringLiteral("Seat 8 — first checked in at %1")
                                         .arg(QLocale().toString(first, QLocale::ShortFormat)));
        const QColor c = m_window->verdictColour();
        QVERIFY(c.red() > c.blue() && c.green() < c.red()); // amber
        QCOMPARE(text("doorCount"), QStringLiteral("Checked in: 1"));
    }

    void refusalsSayWhy()
    {
        const auto fresh = t()->tickets.reissue(m_sale.tickets.at(0).id, kDoor);
        QVERIFY_RESULT(fresh);
        QVERIFY(scan(m_sale.tickets.at(0).code));
        QCOMPARE(m_window->verdict(), QStringLiteral("Ticket revoked"));
        QCOMPARE(text("doorDetail"),
                 QStringLiteral("Seat 7 — this code was replaced by a reissued ticket"));
        const QColor red = m_window->verdictColour();
        QVERIFY(red.red() > 2 * red.green());

        QVERIFY_RESULT(t()->refunds.refund({m_sale.reservationIds.at(2)}, {}, kDoor));
        QVERIFY(scan(m_sale.tickets.at(2).code));
        QCOMPARE(text("doorDetail"), QStringLiteral("Seat 9 — this ticket was refunded"));

        QVERIFY(scan(QStringLiteral("BO1.notaticket")));
        QCOMPARE(m_window->verdict(), QStringLiteral("Not a valid ticket"));
        QCOMPARE(m_window->verdictColour(), red);

        const Payment other = buy(t(), 2, scheduleOf(t(), 1, 1), {10});
        QVERIFY(scan(other.tickets.first().code));
        QCOMPARE(m_window->verdict(), QStringLiteral("Another performance"));
        QCOMPARE(text("doorDetail"),
                 QStringLiteral("Seat 10 — this ticket is for another date or time"));
        // None of them let anyone in.
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM checkins")), 0);
        // The reissued code gets in.
        QVERIFY(scan(fresh->code));
        QCOMPARE(m_window->verdict(), QStringLiteral("OK — come in"));
    }

    void scansQuickerThanTheDatabaseAreAllAnswered()
    {
        {
            EngineGate gate(*m_engine->host);
            for (const Ticket& ticket : m_sale.tickets) {
                QWidget* focus = QApplication::focusWidget();
                QCOMPARE(focus, m_window->scanField());
                QTest::keyClicks(focus, ticket.code);
                QTest::keyClick(focus, Qt::Key_Return);
                QVERIFY(m_window->scanField()->text().isEmpty());
            }
            // The screen is alive while the answers wait.
            QCOMPARE(m_window->session().pending(), 3);
            QCOMPARE(m_window->verdict(), QStringLiteral("Checking…"));
        }
        QVERIFY(m_engine->settle());
        QCOMPARE(m_window->session().lastAnswer().seatLabel, QStringLiteral("9"));
        QCOMPARE(text("doorCount"), QStringLiteral("Checked in: 3"));
        QCOMPARE(count(t(), QStringLiteral("SELECT COUNT(*) FROM checkins")), 3);
    }

    void lettersReadAtArmsLength()
    {
        // At 1024 × 720 the answer's letters are a tenth of the window high: about 2 cm on a
        // 15-inch screen, read from a metre or two.
        m_window->resize(1024, 720);
        QVERIFY(m_engine->settle());
        QVERIFY(part<QLabel>("doorVerdict")->font().pixelSize() >= 70);
        m_window->resize(1920, 1080);
        QVERIFY(m_engine->settle());
        QVERIFY(part<QLabel>("doorVerdict")->font().pixelSize() >= 110);
    }
};

QTEST_MAIN(TestCheckInWindow)
#include "tst_checkinwindow.moc"
