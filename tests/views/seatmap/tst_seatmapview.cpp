// SeatMapView (offscreen) over a SeatMapModel read through the EngineHost: it lays seats out
// from the model's grid index, clicks and keys land on the seat under them (over aisles), zoom
// steps retrace each other, a message next to a seat goes on the window's clock, and a refresh
// keeps the current seat and the scroll position.

#include "support/WidgetSupport.h"

#include "SeatMapModel.h"
#include "seatmap/SeatMapView.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QWheelEvent>

#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

class TestSeatMapView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostedEngine> m_hosted;
    std::unique_ptr<SeatMapModel> m_model;
    std::unique_ptr<SeatMapView> m_view;

    QModelIndex seat(int number) { return m_model->index(m_model->rowOfNumber(number)); }
    int numberAt(const QModelIndex& i) { return i.data(SeatMapModel::NumberRole).toInt(); }
    void showSchedule(qint64 scheduleId)
    {
        QVERIFY_RESULT(awaited(m_model->setSchedule(scheduleId)));
    }
    qint64 firstSchedule(qint64 concertId = 1)
    {
        return m_hosted->engine->catalogue.schedulesOf(concertId)->first().id;
    }
    void press(int key, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::keyClick(m_view.get(), Qt::Key(key), modifiers);
    }

private Q_SLOTS:
    void init()
    {
        m_hosted = std::make_unique<HostedEngine>();
        m_model = std::make_unique<SeatMapModel>(*m_hosted->host);
        m_view = std::make_unique<SeatMapView>();
        m_view->setClock(m_hosted->host->uiClock());
        m_view->setModel(m_model.get());
        m_view->resize(640, 420);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
        showSchedule(firstSchedule());
    }

    void cleanup()
    {
        m_view.reset();
        m_model.reset();
        m_hosted.reset();
    }

    void seatsSitWhereTheModelsGridSays()
    {
        const int cell = m_view->cellSize();
        // A small hall is fitted to the view, on one of the zoom steps.
        QVERIFY(cell >= 24 && cell <= 64);
        const QPoint origin = m_view->visualRect(seat(1)).topLeft();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex i = m_model->index(row);
            const QRect r = m_view->visualRect(i);
            QCOMPARE(r.size(), QSize(cell, cell));
            QCOMPARE(r.topLeft() - origin, m_model->cellOf(row) * cell);
            QCOMPARE(m_view->indexAt(r.center()), i);
            QVERIFY(m_view->viewport()->rect().contains(r)); // fitted: every seat in view
        }
        // The aisle after the fifth seat, and outside the plan, are nobody's.
        const QRect five = m_view->visualRect(seat(5));
        QVERIFY(!m_view->indexAt(five.center() + QPoint(cell, 0)).isValid());
        QVERIFY(!m_view->indexAt(origin - QPoint(2, 2)).isValid());
        QVERIFY(
            !m_view->indexAt(m_view->visualRect(seat(50)).center() + QPoint(cell, cell)).isValid());
    }

    void aClickActivatesTheSeatUnderIt()
    {
        QSignalSpy activated(m_view.get(), &SeatMapView::seatActivated);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          m_view->visualRect(seat(12)).center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(numberAt(activated.at(0).at(0).value<QModelIndex>()), 12);
        QCOMPARE(m_view->currentIndex(), seat(12));
        // The aisle: nothing.
        const QRect five = m_view->visualRect(seat(5));
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {},
                          five.center() + QPoint(m_view->cellSize(), 0));
        QCOMPARE(activated.count(), 1);
    }

    void keysMoveOverAislesAndActivate()
    {
        QSignalSpy activated(m_view.get(), &SeatMapView::seatActivated);
        m_view->setFocus();
        m_view->setCurrentIndex(seat(5));
        press(Qt::Key_Right);
        QCOMPARE(numberAt(m_view->currentIndex()), 6); // over the aisle
        press(Qt::Key_Left);
        QCOMPARE(numberAt(m_view->currentIndex()), 5);
        press(Qt::Key_Down);
        QCOMPARE(numberAt(m_view->currentIndex()), 15);
        press(Qt::Key_Up);
        press(Qt::Key_Up); // the first row's edge: stays
        QCOMPARE(numberAt(m_view->currentIndex()), 5);
        m_view->setCurrentIndex(seat(10));
        press(Qt::Key_Right); // the right edge: stays
        QCOMPARE(numberAt(m_view->currentIndex()), 10);
        press(Qt::Key_End);
        QCOMPARE(numberAt(m_view->currentIndex()), 50);
        press(Qt::Key_Home);
        QCOMPARE(numberAt(m_view->currentIndex()), 1);
        QCOMPARE(activated.count(), 0);
        for (int key : {Qt::Key_Space, Qt::Key_Return, Qt::Key_Enter})
            press(key);
        QCOMPARE(activated.count(), 3);
        for (const auto& args : activated)
            QCOMPARE(numberAt(args.at(0).value<QModelIndex>()), 1);
    }

    void zoomStepsRetraceEachOther()
    {
        QSignalSpy zoomed(m_view.get(), &SeatMapView::zoomChanged);
        const int before = m_view->cellSize();
        press(Qt::Key_Equal, Qt::ControlModifier);
        const int bigger = m_view->cellSize();
        QVERIFY(bigger > before);
        press(Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(m_view->cellSize(), before);
        press(Qt::Key_Plus, Qt::ControlModifier);
        QCOMPARE(m_view->cellSize(), bigger);
        QCOMPARE(zoomed.count(), 3);
        QCOMPARE(zoomed.last().at(0).toInt(), bigger);
        // Ctrl+wheel zooms; the wheel alone does not.
        QWheelEvent out(QPointF(10, 10), m_view->viewport()->mapToGlobal(QPointF(10, 10)), QPoint(),
                        QPoint(0, -120), Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase,
                        false);
        QApplication::sendEvent(m_view->viewport(), &out);
        QCOMPARE(m_view->cellSize(), before);
        // Bounded both ways.
        for (int i = 0; i < 20; ++i)
            m_view->zoomIn();
        QCOMPARE(m_view->cellSize(), 96);
        for (int i = 0; i < 20; ++i)
            m_view->zoomOut();
        QCOMPARE(m_view->cellSize(), 12);
        // Zoomed in, the current seat is kept in view.
        m_view->setCurrentIndex(seat(50));
        for (int i = 0; i < 20; ++i)
            m_view->zoomIn();
        QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(seat(50))));
    }

    void aMessageNextToASeatGoesOnTheWindowsClock()
    {
        m_view->showInlineMessage(seat(12), QStringLiteral("This seat has already been taken."));
        QCOMPARE(m_view->inlineMessage(), QStringLiteral("This seat has already been taken."));
        auto* bubble = child<QWidget>(m_view.get(), "seatInlineMessage");
        // Next to the seat it is about, inside the view.
        const QRect r = m_view->visualRect(seat(12));
        QVERIFY2(bubble->geometry().top() >= r.bottom() || bubble->geometry().bottom() <= r.top(),
                 "the message covers its seat");
        QVERIFY(m_view->viewport()->rect().contains(bubble->geometry().topLeft()));
        QVERIFY(m_hosted->advance(3499));
        QVERIFY(!m_view->inlineMessage().isEmpty());
        QVERIFY(m_hosted->advance(1));
        QVERIFY(m_view->inlineMessage().isEmpty());
    }

    void aLockedMapSaysWhyOverTheSeats()
    {
        const QImage open = m_view->viewport()->grab().toImage();
        m_view->setLockedReason(QStringLiteral("Join the queue to choose seats."));
        QCOMPARE(m_view->lockedReason(), QStringLiteral("Join the queue to choose seats."));
        const QImage locked = m_view->viewport()->grab().toImage();
        QVERIFY(open != locked);
        m_view->setLockedReason({});
        QCOMPARE(m_view->viewport()->grab().toImage(), open);
    }

    // The reason's card leaves every seat number and the stage readable, at the window's usual
    // sizes and with a reason long enough to wrap; the card is painted where it is said to be.
    void theLockedReasonCoversNoSeat_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("reason");
        const QString shortReason = QStringLiteral("Paid. Join the queue again to buy more seats.");
        const QString longReason = QStringLiteral(
            "Waiting in the queue: position 12 of 40. Seats can be chosen once this customer is"
            " admitted; the window says so at once.");
        QTest::newRow("640x420") << QSize(640, 420) << shortReason;
        QTest::newRow("620x640") << QSize(620, 640) << longReason;
        QTest::newRow("900x500") << QSize(900, 500) << longReason;
    }
    void theLockedReasonCoversNoSeat()
    {
        QFETCH(QSize, size);
        QFETCH(QString, reason);
        m_view->resize(size);
        QTRY_COMPARE(m_view->size(), size);
        const QImage open = m_view->viewport()->grab().toImage();
        m_view->setLockedReason(reason);
        const QRect card = m_view->lockedReasonRect();
        QVERIFY(!card.isEmpty());
        QVERIFY(m_view->viewport()->rect().contains(card));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QRect r = m_view->visualRect(m_model->index(row));
            QVERIFY2(
                !card.intersects(r),
                qPrintable(
                    QStringLiteral("seat %1 under the card").arg(numberAt(m_model->index(row)))));
        }
        // Inside the card the picture changed (the card is there), and its middle is no
        // longer the map's background.
        const QImage locked = m_view->viewport()->grab().toImage();
        const qreal dpr = locked.devicePixelRatio();
        const QPoint middle = card.center() * dpr;
        QVERIFY(locked.pixel(middle) != open.pixel(middle) ||
                locked.pixel(middle + QPoint(int(8 * dpr), 0)) !=
                    open.pixel(middle + QPoint(int(8 * dpr), 0)));
        m_view->setLockedReason({});
        QVERIFY(m_view->lockedReasonRect().isEmpty());
    }

    void aRefreshKeepsTheCurrentSeatAndTheScroll()
    {
        m_view->setCellSize(96); // larger than the view: it scrolls
        QVERIFY(m_view->horizontalScrollBar()->maximum() > 0);
        m_view->setCurrentIndex(seat(33));
        m_view->horizontalScrollBar()->setValue(m_view->horizontalScrollBar()->maximum() / 2);
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());
        const QPoint scroll(m_view->horizontalScrollBar()->value(),
                            m_view->verticalScrollBar()->value());
        // Another terminal holds a seat; the map is read again.
        const QString token = m_hosted->engine.activeToken(20, 1);
        bool ok = false;
        std::thread other([&] {
            ok = bool(m_hosted->engine->reservations.hold(token, m_model->scheduleId(), 34));
        });
        other.join();
        QVERIFY(ok);
        QVERIFY_RESULT(awaited(m_model->refresh()));
        QCOMPARE(SeatState(seat(34).data(SeatMapModel::StateRole).toInt()), SeatState::HeldByOther);
        QCOMPARE(m_view->currentIndex(), seat(33));
        QCOMPARE(
            QPoint(m_view->horizontalScrollBar()->value(), m_view->verticalScrollBar()->value()),
            scroll);
        QCOMPARE(m_view->cellSize(), 96);
    }

    void aVenueStartsReadableAndScrollsToAFarSeat()
    {
        auto big = DemoSeeder::seedLargeVenue(*m_hosted->engine->db, m_hosted->engine.clock);
        QVERIFY_RESULT(big);
        showSchedule(*big);
        QCOMPARE(m_view->cellSize(), 24); // a section in view, seat numbers readable
        QVERIFY(m_view->horizontalScrollBar()->maximum() > 0);
        QVERIFY(m_view->verticalScrollBar()->maximum() > 0);
        const QModelIndex far = m_model->index(m_model->rowCount() - 1);
        QVERIFY(!m_view->viewport()->rect().contains(m_view->visualRect(far)));
        m_view->scrollTo(far);
        QVERIFY(m_view->viewport()->rect().contains(m_view->visualRect(far)));
        QCOMPARE(m_view->indexAt(m_view->visualRect(far).center()), far);
        // Painting a venue visits what is in view, and still shows it.
        PaintCounter counter;
        m_view->viewport()->installEventFilter(&counter);
        m_view->viewport()->repaint();
        QCOMPARE(counter.paints, 1);
        // Back to the small hall: fitted again.
        showSchedule(firstSchedule());
        QVERIFY(m_view->cellSize() >= 24 && m_view->cellSize() <= 64);
        QCOMPARE(m_view->horizontalScrollBar()->maximum(), 0);
    }
};

QTEST_MAIN(TestSeatMapView)
#include "tst_seatmapview.moc"
