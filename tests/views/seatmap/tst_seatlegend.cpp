// SeatLegend (offscreen): one sample seat per state with its name, painted as the map paints
// seats; every name whole, in either language: on one line where there is room, on as many as
// it takes in a narrow column; and a layout follows when the language changes.

#include "SeatMapModel.h"
#include "common/UiLanguage.h"
#include "seatmap/SeatDelegate.h"
#include "seatmap/SeatLegend.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QPainter>
#include <QTest>

using namespace boxoffice;

namespace {

constexpr SeatState kStates[] = {SeatState::Available, SeatState::HeldByMe, SeatState::HeldByOther,
                                 SeatState::Sold};

// The words the legend must show, side by side.
int wordsWidth(const QWidget& w)
{
    int width = 0;
    for (SeatState s : kStates)
        width += w.fontMetrics().horizontalAdvance(SeatMapModel::stateName(s));
    return width;
}

} // namespace

class TestSeatLegend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanupTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void neverNarrowerThanItsWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }

    void neverNarrowerThanItsWords()
    {
        QFETCH(QString, language);
        applyUiLanguage(language);
        SeatLegend legend;
        // Where there is room, one line of every state.
        QVERIFY(legend.sizeHint().width() >= wordsWidth(legend) + 4 * 22);
        QCOMPARE(legend.heightForWidth(legend.sizeHint().width()), legend.sizeHint().height());
        // Narrower, it wraps: taller, and still no name past the edge.
        const int widest = legend.minimumSizeHint().width();
        for (SeatState s : kStates)
            QVERIFY(widest >=
                    legend.fontMetrics().horizontalAdvance(SeatMapModel::stateName(s)) + 22);
        for (int width = widest; width <= legend.sizeHint().width(); width += 7) {
            const QList<QRect> items = legend.itemRects(width);
            QCOMPARE(items.size(), 4);
            for (const QRect& r : items)
                QVERIFY2(r.left() >= 0 && r.right() < width, qPrintable(QString::number(width)));
            QVERIFY(legend.heightForWidth(width) >= items.constLast().bottom() + 1);
        }
        QVERIFY(legend.heightForWidth(widest) >= 2 * legend.sizeHint().height());
        QVERIFY(legend.hasHeightForWidth());
        if (language == QLatin1String("ko"))
            QCOMPARE(SeatMapModel::stateName(SeatState::Sold), QStringLiteral("판매 완료"));
    }

    void aLayoutFollowsALanguageChange()
    {
        applyUiLanguage(QStringLiteral("en"));
        QWidget window;
        auto* row = new QHBoxLayout(&window);
        auto* legend = new SeatLegend(&window);
        row->addWidget(legend);
        row->addStretch();
        window.resize(1000, 40);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int english = legend->width();
        QVERIFY(english >= wordsWidth(*legend));
        applyUiLanguage(QStringLiteral("ko"));
        const int korean = legend->sizeHint().width();
        QVERIFY(korean != english);
        // The layout is told and gives it the room its new words need.
        QTRY_COMPARE(legend->width(), korean);
        QVERIFY(legend->width() >= wordsWidth(*legend));
        applyUiLanguage(QStringLiteral("en"));
        QTRY_COMPARE(legend->width(), english);
    }

    void itPaintsTheSamplesTheMapPaints()
    {
        applyUiLanguage(QStringLiteral("en"));
        SeatLegend legend;
        legend.resize(legend.sizeHint());
        const QImage shown = legend.grab().toImage();
        // The first sample is the map's available seat, at the left, centred vertically.
        const int y = (legend.height() - 22) / 2;
        QImage sample(22, 22, QImage::Format_ARGB32_Premultiplied);
        sample.fill(legend.palette().window().color());
        {
            QPainter p(&sample);
            SeatDelegate::paintSeat(&p, QRect(0, 0, 22, 22), int(SeatState::Available), {},
                                    QStringLiteral("R"), false, false);
        }
        const QImage first = shown.copy(0, y, 22, 22).convertToFormat(sample.format());
        int same = 0;
        for (int py = 0; py < 22; ++py) {
            for (int px = 0; px < 22; ++px)
                same += first.pixel(px, py) == sample.pixel(px, py) ? 1 : 0;
        }
        QVERIFY2(same > 22 * 22 * 9 / 10, qPrintable(QString::number(same)));
        // A held-by-me sample (orange) is there too, further right.
        bool orange = false;
        for (int px = 22; px < shown.width() && !orange; ++px) {
            const QColor c = shown.pixelColor(px, y + 11);
            orange = c.red() > 220 && c.green() > 140 && c.green() < 190 && c.blue() < 80;
        }
        QVERIFY(orange);
    }
};

QTEST_MAIN(TestSeatLegend)
#include "tst_seatlegend.moc"
