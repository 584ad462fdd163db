// SeatMapPanel (offscreen): the chosen date's seat map with its counts, locked with the reason
// over it until the customer may choose; a click holds or releases, a refusal is said next to
// the seat, and the map shows it is busy while a seat command is out.

#include "support/WidgetSupport.h"

#include "SeatMapModel.h"
#include "common/UiLanguage.h"
#include "sale/SeatMapPanel.h"
#include "seatmap/SeatMapView.h"

#include <QLabel>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

class TestSeatMapPanel : public QObject, public OnASale<SeatMapPanel>
{
    Q_OBJECT

private:
    SeatMapView* view() { return widget()->view(); }
    SeatMapModel& seats() { return sale().session.seats(); }
    QModelIndex seat(int number) { return seats().index(seats().rowOfNumber(number)); }
    SeatState stateOf(int number)
    {
        return SeatState(seat(number).data(SeatMapModel::StateRole).toInt());
    }
    void clickSeat(int number)
    {
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                          view()->visualRect(seat(number)).center());
        QVERIFY(sale().settle());
    }
    QString summary() { return child<QLabel>(widget(), "seatSummary")->text(); }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init() { QVERIFY(open(QSize(700, 500), false)); }

    void cleanup() { close(); }

    void theLockSaysWhatComesNext()
    {
        QCOMPARE(view()->lockedReason(), QStringLiteral("Find or add a customer to choose seats."));
        QVERIFY(awaitedOk(sale().session.selectCustomer(1)));
        QCOMPARE(view()->lockedReason(), QStringLiteral("Choose a concert."));
        // Choosing the concert joins its queue (someone is ahead).
        QVERIFY(sale().engine->queue.enter(70, 1).has_value());
        sale().session.selectConcert(1);
        QVERIFY(sale().settle());
        QCOMPARE(view()->lockedReason(),
                 QStringLiteral("Waiting in the queue: number 2. Seats open when admitted."));
        sale().engine.admitNow();
        QVERIFY(sale().settle());
        QVERIFY(sale().advance(QueueModel::kPollIntervalMs));
        QVERIFY2(view()->lockedReason().isEmpty(), qPrintable(view()->lockedReason()));
        // The keyboard starts on the first seat.
        QCOMPARE(view()->currentIndex(), seat(1));
        sale().queue.markPaid(1, 1, 5);
        QCOMPARE(view()->lockedReason(),
                 QStringLiteral("Paid. Join the queue again to buy more seats."));
    }

    void aKioskSaysItForAStranger()
    {
        QVERIFY(open(QSize(700, 500), true)); // over the same sale
        QCOMPARE(view()->lockedReason(), QStringLiteral("Enter your member number to start."));
        QVERIFY(view()->cellSize() >= 48);
        for (QLabel* l : widget()->findChildren<QLabel*>())
            QVERIFY2(!l->text().contains(QLatin1String("Ctrl")), qPrintable(l->text()));
    }

    void theCountsFollowTheMap()
    {
        QVERIFY(summary().isEmpty()); // nothing chosen, nothing counted
        QVERIFY(sale().admit(2));
        QCOMPARE(summary(), QStringLiteral("50 of 50 seats available"));
        clickSeat(14);
        QCOMPARE(stateOf(14), SeatState::HeldByMe);
        QCOMPARE(summary(), QStringLiteral("49 of 50 seats available"));
        clickSeat(14); // the customer's own seat: released
        QCOMPARE(stateOf(14), SeatState::Available);
        QCOMPARE(summary(), QStringLiteral("50 of 50 seats available"));
        QCOMPARE(sale().session.holds().rowCount(), 0);
    }

    void aLockedSeatSaysWhyNextToIt()
    {
        QVERIFY(awaitedOk(sale().session.selectCustomer(3)));
        sale().session.selectConcert(1);
        QVERIFY(sale().settle());
        QVERIFY(seats().isLoaded());
        clickSeat(20);
        QCOMPARE(view()->inlineMessage(),
                 QStringLiteral("Waiting in the queue: number 1. Seats open when admitted."));
        QCOMPARE(stateOf(20), SeatState::Available);
        QCOMPARE((*sale().host).pendingCalls(), 0);
    }

    void aTakenSeatSaysSoInPlace()
    {
        QVERIFY(sale().admit(4));
        const QString token = sale().engine.activeToken(40, 1);
        const qint64 schedule = seats().scheduleId();
        bool ok = false;
        std::thread other([&] { ok = bool(sale().engine->reservations.hold(token, schedule, 9)); });
        other.join();
        QVERIFY(ok);
        clickSeat(9);
        QCOMPARE(view()->inlineMessage(), QStringLiteral("This seat has already been taken."));
        QCOMPARE(stateOf(9), SeatState::HeldByOther); // the map read it again meanwhile
        QCOMPARE(sale().session.holds().rowCount(), 0);
    }

    void busyWhileASeatCommandIsOut()
    {
        QVERIFY(sale().admit(5));
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                              view()->visualRect(seat(3)).center());
            QCOMPARE(view()->viewport()->cursor().shape(), Qt::BusyCursor);
            QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                              view()->visualRect(seat(3)).center());
            QTest::mouseClick(view()->viewport(), Qt::LeftButton, {},
                              view()->visualRect(seat(4)).center());
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one hold
            // The map still moves under the keys meanwhile.
            QCOMPARE(view()->currentIndex(), seat(4));
            view()->setFocus();
            QTest::keyClick(view(), Qt::Key_Right);
            QCOMPARE(view()->currentIndex(), seat(5));
        }
        QVERIFY(sale().settle());
        QCOMPARE(view()->viewport()->cursor().shape(), Qt::ArrowCursor);
        QCOMPARE(stateOf(3), SeatState::HeldByMe);
        QCOMPARE(stateOf(4), SeatState::Available);
        QCOMPARE(sale().session.holds().rowCount(), 1);
    }

    void spaceHoldsTheCurrentSeat()
    {
        QVERIFY(sale().admit(6));
        view()->setFocus();
        QTest::keyClick(view(), Qt::Key_Down);
        QTest::keyClick(view(), Qt::Key_Right);
        QCOMPARE(view()->currentIndex(), seat(12));
        QTest::keyClick(view(), Qt::Key_Space);
        QVERIFY(sale().settle());
        QCOMPARE(stateOf(12), SeatState::HeldByMe);
    }
};

QTEST_MAIN(TestSeatMapPanel)
#include "tst_seatmappanel.moc"
