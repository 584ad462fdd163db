// CatalogPanel (offscreen): the concerts on sale and the chosen concert's dates. Choosing a
// concert picks its first date with seats left by itself; a date clicked or reached by keys is
// the sale's; whatever the session chose (by itself, or a reset) is what the lists show.

#include "support/WidgetSupport.h"

#include "ScheduleListModel.h"
#include "common/UiLanguage.h"
#include "sale/CatalogPanel.h"

#include <QListView>
#include <QScrollBar>

using namespace boxoffice;
using namespace boxoffice::test;

class TestCatalogPanel : public QObject, public OnASale<CatalogPanel>
{
    Q_OBJECT

private:
    QListView* concerts() { return child<QListView>(widget(), "concertList"); }
    QListView* dates() { return child<QListView>(widget(), "scheduleList"); }
    void clickRow(QListView* list, int row)
    {
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(list->model()->index(row, 0)).center());
        QVERIFY(sale().settle());
    }
    int currentRow(QListView* list)
    {
        return list->currentIndex().isValid() ? list->currentIndex().row() : -1;
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init()
    {
        QVERIFY(open(QSize(320, 600)));
        QVERIFY(awaitedOk(sale().session.loadConcerts()));
    }

    void cleanup() { close(); }

    void aConcertClickedBringsItsFirstDate()
    {
        QCOMPARE(concerts()->model()->rowCount(), 3);
        QCOMPARE(dates()->model()->rowCount(), 0);
        QCOMPARE(currentRow(concerts()), -1);
        clickRow(concerts(), 1);
        QCOMPARE(sale().session.concertId(), qint64(2));
        QCOMPARE(dates()->model()->rowCount(), 4);
        QCOMPARE(sale().session.scheduleId(), sale().session.schedules().idAt(0));
        QCOMPARE(currentRow(dates()), 0);
        QVERIFY(sale().session.seats().isLoaded());
        QCOMPARE(sale().session.seats().scheduleId(), sale().session.scheduleId());
    }

    void aSoldOutFirstDateIsPassedOver()
    {
        const auto first = sale().engine->catalogue.schedulesOf(1);
        QVERIFY_RESULT(first);
        auto conn = sale().engine->db->connection();
        QVERIFY_RESULT(conn);
        QVERIFY((*conn)->runOnce(
            QStringLiteral("DELETE FROM seats WHERE schedule_id = %1").arg(first->first().id)));
        clickRow(concerts(), 0);
        QCOMPARE(sale().session.scheduleId(), first->at(1).id);
        QCOMPARE(currentRow(dates()), 1);
        QCOMPARE(dates()->model()->index(0, 0).data(ScheduleListModel::AvailableRole).toInt(), 0);
    }

    void aDateClickedIsTheSales()
    {
        clickRow(concerts(), 0);
        clickRow(dates(), 2);
        const qint64 third = sale().session.schedules().idAt(2);
        QCOMPARE(sale().session.scheduleId(), third);
        QCOMPARE(sale().session.seats().scheduleId(), third);
        QVERIFY(sale().session.seats().isLoaded());
        QCOMPARE(sale().session.concertId(), qint64(1)); // still the same concert
    }

    void keysMoveThroughConcertsAndDates()
    {
        clickRow(concerts(), 0);
        concerts()->setFocus();
        QTest::keyClick(concerts(), Qt::Key_Down);
        QVERIFY(sale().settle());
        QCOMPARE(sale().session.concertId(), qint64(2));
        QCOMPARE(currentRow(dates()), 0);
        QTest::keyClick(concerts(), Qt::Key_Tab);
        QVERIFY(dates()->hasFocus());
        QTest::keyClick(dates(), Qt::Key_Down);
        QVERIFY(sale().settle());
        QCOMPARE(sale().session.scheduleId(), sale().session.schedules().idAt(1));
    }

    void whatTheSessionChoosesIsShown()
    {
        sale().session.selectConcert(3);
        QVERIFY(sale().settle());
        QCOMPARE(currentRow(concerts()), 2);
        QCOMPARE(currentRow(dates()),
                 sale().session.schedules().rowOf(sale().session.scheduleId()));
        QVERIFY(currentRow(dates()) >= 0);
        // Another terminal's change re-reads the dates: the chosen one stays chosen.
        sale().session.refresh();
        QVERIFY(sale().settle());
        QCOMPARE(currentRow(dates()), 0);
        // A reset leaves nothing chosen.
        sale().session.reset();
        QVERIFY(sale().settle());
        QCOMPARE(currentRow(concerts()), -1);
        QCOMPARE(currentRow(dates()), -1);
        QCOMPARE(dates()->model()->rowCount(), 0);
    }

    void aKioskGetsRoomierRows()
    {
        const int before = concerts()->visualRect(concerts()->model()->index(1, 0)).top();
        widget()->setKioskStyle(48);
        QCOMPARE(concerts()->spacing(), 6);
        QCOMPARE(dates()->spacing(), 6);
        QVERIFY(concerts()->visualRect(concerts()->model()->index(1, 0)).top() > before);
    }

    void aKioskWrapsNamesAndDatesInANarrowColumn()
    {
        widget()->setKioskStyle(48);
        sale().session.selectConcert(1);
        QVERIFY(sale().settle());
        // Narrower than the longest concert's name and a date with its seats left.
        widget()->resize(170, 600);
        for (QListView* list : {concerts(), dates()}) {
            QVERIFY(list->model()->rowCount() > 0);
            const int width = list->viewport()->width();
            QTRY_VERIFY(list->visualRect(list->model()->index(0, 0)).width() <= width);
            int wrapped = 0;
            for (int row = 0; row < list->model()->rowCount(); ++row) {
                const QModelIndex i = list->model()->index(row, 0);
                const QRect r = list->visualRect(i);
                const QString text = i.data().toString();
                QVERIFY2(r.height() >= 48, qPrintable(text)); // a finger's target
                QVERIFY2(r.left() >= 0 && r.right() < width, qPrintable(text));
                // Every word of it fits in its row: nothing elided.
                const QRect needed = list->fontMetrics().boundingRect(
                    QRect(0, 0, r.width() - 8, 10'000), Qt::TextWordWrap, text);
                QVERIFY2(needed.height() <= r.height(), qPrintable(text));
                if (list->fontMetrics().horizontalAdvance(text) > r.width())
                    ++wrapped;
            }
            QVERIFY2(wrapped > 0, "nothing needed to wrap: the column is not narrow enough");
        }
        QVERIFY(!concerts()->horizontalScrollBar()->isVisible());
    }
};

QTEST_MAIN(TestCatalogPanel)
#include "tst_catalogpanel.moc"
