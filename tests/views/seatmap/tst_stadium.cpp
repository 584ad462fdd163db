// The stadium can be surveyed: 50,000 seats in ten sections, found by overview, by "go to seat",
// with section names and row labels on the map, a held seat visible at every zoom, and a stage
// and labels that are never cut. Painted into images offscreen and read back.

#include "support/TestSupport.h"

#include "SeatMapModel.h"
#include "common/UiLanguage.h"
#include "sale/MainWindow.h"
#include "sale/SeatMapPanel.h"
#include "seatmap/SeatMapView.h"
#include "seatmap/SeatOverview.h"

#include <QLineEdit>
#include <QListView>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

// Pixels of `image` inside `r` that are not the background.
int inkIn(const QImage& image, const QRect& r, QRgb background)
{
    int ink = 0;
    const QRect area = r.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            if (image.pixel(x, y) != background)
                ++ink;
        }
    }
    return ink;
}

bool nearOrange(QRgb c)
{
    // The "held for this customer" fill (#f5a623-ish): strong red, middling green, little blue.
    return qRed(c) > 200 && qGreen(c) > 120 && qGreen(c) < 200 && qBlue(c) < 90;
}

} // namespace

class TestStadium : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<TestHost> m_host;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_big = 0;

    SeatMapPanel* panel() { return m_window->findChild<SeatMapPanel*>(); }
    SeatMapView* view() { return panel()->view(); }
    SeatMapModel& seats() { return m_window->session().seats(); }
    void settle() { QVERIFY(settleHost(**m_host)); }
    // The map as painted, without the veil a locked map has (the seats themselves are tested).
    QImage shot()
    {
        view()->setLockedReason({});
        QImage image(view()->viewport()->size(), QImage::Format_RGB32);
        view()->viewport()->render(&image);
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        setUiLanguage(Language::English);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_engine = std::make_unique<TestEngine>();
        const auto big = DemoSeeder::seedLargeVenue(*(*m_engine)->db, m_engine->clock);
        QVERIFY_RESULT(big);
        m_big = *big;
    }

    void init()
    {
        m_host = std::make_unique<TestHost>(*m_engine);
        m_window = std::make_unique<MainWindow>(**m_host);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        settle();
        const qint64 concert = (*m_engine)->catalogue.schedule(m_big)->concertId;
        m_window->session().selectCustomer(1);
        settle();
        m_window->session().selectConcert(concert);
        settle();
        QCOMPARE(m_window->session().scheduleId(), m_big);
        QCOMPARE(seats().rowCount(), 50'000);
    }

    void cleanup()
    {
        m_window.reset();
        m_host.reset();
    }

    void cleanupTestCase() { m_engine.reset(); }

    void theOverviewShowsEverySectionAndGoesThere()
    {
        SeatOverview* overview = panel()->overview();
        QVERIFY(overview->isVisible());
        QCOMPARE(seats().sections().size(), 10);
        // Click section H (the third of the second band): the map shows it.
        const auto& sections = seats().sections();
        const auto h = std::find_if(sections.begin(), sections.end(),
                                    [](const auto& s) { return s.name == QLatin1String("H"); });
        QVERIFY(h != sections.end());
        QPoint inH;
        for (int y = 0; y < overview->height() && inH.isNull(); ++y) {
            for (int x = 0; x < overview->width(); ++x) {
                const int at = overview->sectionAt(QPoint(x, y));
                if (at >= 0 && sections.at(at).name == QLatin1String("H")) {
                    inH = QPoint(x, y);
                    break;
                }
            }
        }
        QVERIFY2(!inH.isNull(), "section H is not on the overview");
        QVERIFY(!view()->visibleCells().intersects(h->cells));
        QTest::mouseClick(overview, Qt::LeftButton, {}, inH);
        QVERIFY(view()->visibleCells().intersects(h->cells));
        QVERIFY(view()->visibleCells().contains(h->cells.topLeft()));
    }

    void goToSeatTakesATicketsLabel()
    {
        auto* field = m_window->findChild<QLineEdit*>(QStringLiteral("goToSeat"));
        QVERIFY(field && field->isVisible());
        field->setText(QStringLiteral("h-25-65"));
        QTest::keyClick(field, Qt::Key_Return);
        const QModelIndex current = view()->currentIndex();
        QCOMPARE(current.data(SeatMapModel::LabelRole).toString(), QStringLiteral("H-25-65"));
        QVERIFY(view()->viewport()->rect().contains(view()->visualRect(current)));
        QVERIFY(view()->hasFocus());
        field->setText(QStringLiteral("H-25-999"));
        QTest::keyClick(field, Qt::Key_Return);
        QCOMPARE(view()->currentIndex(), current); // nothing moved
        auto* problem = m_window->findChild<QLabel*>(QStringLiteral("goToSeatProblem"));
        QVERIFY2(problem->text().contains(QLatin1String("H-25-999")), qPrintable(problem->text()));
    }

    void sectionNamesAndRowLabelsArePainted()
    {
        view()->setCellSize(24);
        view()->horizontalScrollBar()->setValue(0);
        view()->verticalScrollBar()->setValue(0);
        const QImage image = shot();
        const QRgb background = view()->palette().color(QPalette::Base).rgb();
        const QRect firstSeat = view()->visualRect(seats().index(seats().rowOfLabel("A-1-1")));
        // Row label "1" just left of row 1; "Section A" in the band over it.
        const QRect rowLabel(firstSeat.left() - 2 * firstSeat.width(), firstSeat.top(),
                             2 * firstSeat.width() - 2, firstSeat.height());
        QVERIFY2(inkIn(image, rowLabel, background) > 10, "no row label");
        const QRect nameBand(firstSeat.left(), firstSeat.top() - 2 * firstSeat.height(),
                             view()->viewport()->width() - firstSeat.left(),
                             2 * firstSeat.height());
        QVERIFY2(inkIn(image, nameBand, background) > 50, "no section name");
    }

    void aHeldSeatShowsAtEveryZoom()
    {
        const QString token =
            m_engine->activeToken(1, (*m_engine)->catalogue.schedule(m_big)->concertId);
        QVERIFY_RESULT((*m_engine)->reservations.hold(token, m_big, 25'065));
        seats().refresh();
        settle();
        const int row = seats().rowOfNumber(25'065);
        QCOMPARE(SeatState(seats().index(row).data(SeatMapModel::StateRole).toInt()),
                 SeatState::HeldByMe);
        for (int cell : {12, 16, 24, 36, 56, 96}) {
            view()->setCellSize(cell);
            view()->scrollTo(seats().index(row), QAbstractItemView::PositionAtCenter);
            const QImage image = shot();
            const QRect r = view()->visualRect(seats().index(row));
            QVERIFY2(nearOrange(image.pixel(r.center())) ||
                         nearOrange(image.pixel(r.center() + QPoint(1, 1))) ||
                         nearOrange(image.pixel(r.left() + r.width() / 4, r.center().y())),
                     qPrintable(QStringLiteral("held seat not visible at %1 px").arg(cell)));
        }
    }

    void theStageIsNeverCut()
    {
        // The demo hall at its narrowest: the word STAGE still fits its bar.
        m_window->session().selectConcert(1);
        settle();
        view()->resize(260, 300);
        QTRY_COMPARE(seats().rowCount(), 50);
        const QImage image = shot();
        const QRgb bar = view()->palette().color(QPalette::Mid).rgb();
        // The bar's row: the first that is mostly the stage's colour.
        int y = -1;
        for (int row = 0; row < image.height() && y < 0; ++row) {
            int n = 0;
            for (int x = 0; x < image.width(); ++x)
                n += image.pixel(x, row) == bar ? 1 : 0;
            if (n > image.width() / 3)
                y = row + 3;
        }
        QVERIFY2(y >= 0, "no stage bar");
        int barLeft = -1;
        int barRight = -1;
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == bar) {
                if (barLeft < 0)
                    barLeft = x;
                barRight = x;
            }
        }
        QVERIFY(barLeft >= 0);
        QFont f = view()->font();
        f.setPixelSize(13);
        f.setBold(true);
        QVERIFY(barRight - barLeft + 1 >=
                QFontMetrics(f).horizontalAdvance(QStringLiteral("STAGE")));
    }
};

QTEST_MAIN(TestStadium)
#include "tst_stadium.moc"
