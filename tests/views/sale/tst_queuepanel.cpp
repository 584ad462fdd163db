// QueuePanel (offscreen): where the sale's customer stands in the concert's queue (state,
// position, wait, time left once admitted, an announcement that fades on the window's clock),
// Join offered only when there is something to join (not while waiting nor while choosing seats;
// "again" once the token is used or lapsed), off while a join is out, and the table of everyone
// this terminal queued.

#include "support/WidgetSupport.h"

#include "QueueModel.h"

#include "common/UiLanguage.h"
#include "sale/QueuePanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

using namespace boxoffice;
using namespace boxoffice::test;

class TestQueuePanel : public QObject, public OnASale<QueuePanel>
{
    Q_OBJECT

private:
    QString label(const char* name) { return part<QLabel>(name)->text(); }
    QPushButton* join() { return part<QPushButton>("joinQueueButton"); }
    // The box in the admission's green, painted behind the words.
    bool highlighted()
    {
        auto* box = part<QWidget>("queueStatusBox");
        return box->autoFillBackground() &&
               box->palette().color(QPalette::Window) == QColor(0xdf, 0xf6, 0xdd);
    }
    void choose(qint64 customerId, qint64 concertId)
    {
        QVERIFY(awaitedOk(sale().session.selectCustomer(customerId)));
        sale().session.selectConcert(concertId);
        QVERIFY(sale().settle());
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init() { QVERIFY(open(QSize(480, 500))); }

    void cleanup() { close(); }

    void saysWhatIsMissingBeforeAnything()
    {
        QCOMPARE(label("queueState"), QStringLiteral("Choose a customer and a concert"));
        QCOMPARE(label("queuePosition"), QStringLiteral("—"));
        QVERIFY(!join()->isEnabled());
        QVERIFY(awaitedOk(sale().session.selectCustomer(1)));
        QVERIFY(!join()->isEnabled()); // no concert yet
        // A customer and a concert chosen is a customer in its queue, without a click.
        sale().session.selectConcert(1);
        QVERIFY(sale().settle());
        QCOMPARE(label("queueState"), QStringLiteral("Waiting"));
        // A place in the line is held: nothing to join.
        QVERIFY(!join()->isVisible());
        QVERIFY(!join()->isEnabled());
    }

    void joinIsNotOfferedWhileInLineNorWhileChoosing()
    {
        QVERIFY(sale().engine->queue.enter(82, 1).has_value());
        choose(11, 1);
        QCOMPARE(sale().session.queueEntry()->stage(), QueueModel::Stage::Waiting);
        QVERIFY(!join()->isVisible() && !join()->isEnabled());
        sale().engine.admitNow();
        QVERIFY(sale().settle());
        QVERIFY(sale().advance(QueueModel::kPollIntervalMs));
        QVERIFY(sale().session.isAdmitted());
        QVERIFY(!join()->isVisible() && !join()->isEnabled());
        // Its room is kept: the box does not close up and open again as the state moves on.
        QVERIFY(join()->sizePolicy().retainSizeWhenHidden());
        // Once the time to buy runs out, joining again is offered.
        const qint64 left =
            sale().session.queueEntry()->status.expiresAtMs - sale().engine.clock.nowMs();
        QVERIFY(sale().advance(left + 2000));
        QVERIFY_RESULT(sale().engine->queue.expireDue(sale().engine.clock.nowMs()));
        QVERIFY(sale().advance(QueueModel::kPollIntervalMs));
        QCOMPARE(sale().session.queueEntry()->stage(), QueueModel::Stage::Expired);
        QVERIFY(join()->isVisible() && join()->isEnabled());
        QCOMPARE(join()->text(), QStringLiteral("&Join queue again"));
    }

    // At the width the window gives the panel at 1280×800 (and narrower), the place and the
    // time are whole and nothing scrolls sideways: the concert's column gives way.
    void theTimeAndThePlaceAreNeverPushedOut_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("370") << 370;
        QTest::newRow("320") << 320;
    }
    void theTimeAndThePlaceAreNeverPushedOut()
    {
        QFETCH(int, width);
        choose(3, 2);
        QVERIFY(sale().click(join()));
        widget()->resize(width, 500);
        auto* table = part<QTableView>("queueTable");
        QTRY_VERIFY(table->model()->rowCount() >= 1);
        QHeaderView* header = table->horizontalHeader();
        const int viewport = table->viewport()->width();
        for (int column : {int(QueueModel::PositionColumn), int(QueueModel::WaitColumn),
                           int(QueueModel::StateColumn)}) {
            QVERIFY2(header->sectionViewportPosition(column) + header->sectionSize(column) <=
                         viewport,
                     qPrintable(QString::number(column)));
            for (int row = 0; row < table->model()->rowCount(); ++row) {
                const QModelIndex i = table->model()->index(row, column);
                const QString text = i.data().toString();
                QVERIFY2(table->fontMetrics().horizontalAdvance(text) <
                             table->visualRect(i).width(),
                         qPrintable(text));
            }
        }
        QVERIFY(!table->horizontalScrollBar()->isVisible());
    }

    void waitingShowsThePlaceAndTheWait()
    {
        // Two people at other terminals are ahead.
        QVERIFY(sale().engine->queue.enter(80, 2).has_value());
        QVERIFY(sale().engine->queue.enter(81, 2).has_value());
        choose(2, 2);
        QVERIFY(sale().click(join()));
        QCOMPARE(label("queueState"), QStringLiteral("Waiting"));
        QCOMPARE(label("queuePosition"), QStringLiteral("3 (next to enter: 1)"));
        QVERIFY2(label("queueWait").startsWith(QLatin1String("about ")),
                 qPrintable(label("queueWait")));
        auto* progress = part<QProgressBar>("queueProgress");
        QCOMPARE(progress->maximum(), 3);
        QCOMPARE(progress->value(), 1);
        auto* table = part<QTableView>("queueTable");
        QCOMPARE(table->model()->rowCount(), 1);
        QVERIFY(table->isVisible());
        widget()->setTableVisible(false);
        QVERIFY(!table->isVisible());
    }

    void admittedCountsDownAndTheNewsFades()
    {
        QVERIFY(sale().admit(3, 1)); // seen by the poll a second after the admission
        QCOMPARE(label("queueState"), QStringLiteral("Choosing seats"));
        QCOMPARE(label("queuePosition"), QStringLiteral("Your turn"));
        QCOMPARE(label("queueWait"), QStringLiteral("9:59 left to buy"));
        const QString news = label("queueAnnouncement");
        QVERIFY2(news.contains(QLatin1String("may now choose seats")) &&
                     news.contains(QLatin1String("#3")),
                 qPrintable(news));
        QVERIFY(highlighted());
        // The time left moves with the engine's clock, a second at a time.
        QVERIFY(sale().advance(1000));
        QCOMPARE(label("queueWait"), QStringLiteral("9:58 left to buy"));
        // The news holds for ten seconds of the window's clock, then goes.
        QVERIFY(sale().advance(8000));
        QVERIFY(!label("queueAnnouncement").isEmpty());
        QVERIFY(sale().advance(1000));
        QVERIFY(label("queueAnnouncement").isEmpty());
        QVERIFY(!highlighted());
        QCOMPARE(label("queueWait"), QStringLiteral("9:49 left to buy"));
    }

    void onlyThisCustomersAdmissionIsNews()
    {
        choose(4, 1);
        QVERIFY(sale().click(join()));
        // Someone else this terminal queued for the same concert.
        QVERIFY(awaited(sale().queue.join(5, QStringLiteral("Other"), 1, QStringLiteral("Jazz")))
                    .has_value());
        sale().engine.admitNow(); // both
        QVERIFY(sale().settle());
        QVERIFY(sale().advance(QueueModel::kPollIntervalMs));
        const QString news = label("queueAnnouncement");
        QVERIFY2(news.contains(QLatin1String("#4")) && !news.contains(QLatin1String("#5")),
                 qPrintable(news));
        QCOMPARE(part<QTableView>("queueTable")->model()->rowCount(), 2);
        // Another customer at the counter: the last one's news goes with them.
        QVERIFY(awaitedOk(sale().session.selectCustomer(6)));
        QVERIFY(label("queueAnnouncement").isEmpty());
        QCOMPARE(label("queueState"), QStringLiteral("Not in the queue"));
        QVERIFY(!highlighted());
    }

    void aPaidTokenOffersToJoinAgain()
    {
        QVERIFY(sale().admit(7, 1));
        sale().queue.markPaid(7, 1, 99);
        QCOMPARE(label("queueState"), QStringLiteral("Paid"));
        QCOMPARE(label("queuePosition"), QStringLiteral("—"));
        QCOMPARE(join()->text(), QStringLiteral("&Join queue again"));
        QVERIFY(join()->isVisible() && join()->isEnabled());
        QVERIFY(label("queueAnnouncement").isEmpty()); // no "may now choose" once used
        // Another customer: nothing of it.
        QVERIFY(awaitedOk(sale().session.selectCustomer(8)));
        QCOMPARE(label("queueState"), QStringLiteral("Not in the queue"));
        QCOMPARE(join()->text(), QStringLiteral("&Join queue"));
    }

    // Customer `id` admitted to `concert` and paid: "Join queue again" is on offer.
    void paidFor(qint64 id, qint64 concert)
    {
        QVERIFY(sale().admit(id, concert));
        sale().queue.markPaid(id, concert, 99);
        QVERIFY(join()->isVisible() && join()->isEnabled());
    }

    void joinIsOffWhileAJoinIsOut()
    {
        paidFor(9, 3);
        {
            EngineGate gate(*sale().host);
            QTest::mouseClick(join(), Qt::LeftButton);
            QVERIFY(!join()->isEnabled());
            QTest::mouseClick(join(), Qt::LeftButton);
            QCOMPARE((*sale().host).pendingCalls(), 2); // the gate and one join
        }
        QVERIFY(sale().settle());
        QCOMPARE(sale().queue.rowCount(), 1);
        QVERIFY(label("queueState") == QLatin1String("Waiting") ||
                label("queueState") == QLatin1String("Choosing seats"));
        QVERIFY(!join()->isEnabled()); // in line again: nothing to join
    }

    void theKeyboardJoinsToo()
    {
        paidFor(10, 1);
        join()->setFocus();
        QTest::keyClick(join(), Qt::Key_Space);
        QVERIFY(sale().settle());
        QCOMPARE(sale().queue.rowCount(), 1);
        QVERIFY(sale().session.queueEntry()->stage() != QueueModel::Stage::Paid);
    }
};

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
