// SeatDelegate, painted into QImages: the four states look different without relying on colour
// alone (outline, filled, hatched, dark), the tier tints an available seat's outline, the
// current and focused seat get a ring, a small seat drops its number, and a venue label
// ("B-12-34") is drawn as the seat's number in its row.

#include "SeatMapModel.h"
#include "core/Types.h"
#include "seatmap/SeatDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace boxoffice;

namespace {

constexpr int kCell = 36;

QImage seatImage(SeatState state, const QString& label = QStringLiteral("7"),
                 const QString& tier = QStringLiteral("R"), bool current = false,
                 bool focused = false, int size = kCell)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    SeatDelegate::paintSeat(&p, QRect(0, 0, size, size), int(state), label, tier, current, focused);
    p.end();
    return image;
}

// Inside the seat's shape, clear of its border and of its label.
QColor fillOf(const QImage& seat)
{
    return seat.pixelColor(7, seat.height() - 8);
}

// The seat's outline, on its left edge.
QColor outlineOf(const QImage& seat)
{
    return seat.pixelColor(2, seat.height() / 2);
}

bool near(const QColor& a, const QColor& b, int tolerance = 24)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestSeatDelegate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachStateLooksItsOwn()
    {
        const QImage available = seatImage(SeatState::Available);
        const QImage mine = seatImage(SeatState::HeldByMe);
        const QImage theirs = seatImage(SeatState::HeldByOther);
        const QImage sold = seatImage(SeatState::Sold);
        const QList<QImage> all{available, mine, theirs, sold};
        for (int i = 0; i < all.size(); ++i) {
            for (int j = i + 1; j < all.size(); ++j)
                QVERIFY2(all.at(i) != all.at(j),
                         qPrintable(QStringLiteral("%1 = %2").arg(i).arg(j)));
        }
        QVERIFY2(near(fillOf(available), Qt::white), qPrintable(fillOf(available).name()));
        QVERIFY2(near(fillOf(mine), QColor(0xf5, 0xa6, 0x23)), qPrintable(fillOf(mine).name()));
        QVERIFY2(near(fillOf(sold), QColor(0x4a, 0x4a, 0x4a)), qPrintable(fillOf(sold).name()));
        // Hatched: light grey with darker lines, so some pixels of it are one, some the other.
        int light = 0;
        int dark = 0;
        for (int x = 6; x < kCell - 6; ++x) {
            const QColor c = theirs.pixelColor(x, kCell - 8);
            light += c.lightness() > 200 ? 1 : 0;
            dark += c.lightness() < 180 ? 1 : 0;
        }
        QVERIFY2(light > 0 && dark > 0, qPrintable(QStringLiteral("%1 %2").arg(light).arg(dark)));
        // Outside the shape nothing is painted.
        QCOMPARE(available.pixelColor(0, 0).alpha(), 0);
    }

    void theTierTintsTheOutline()
    {
        const QColor vip = outlineOf(seatImage(SeatState::Available, {}, QStringLiteral("VIP")));
        const QColor r = outlineOf(seatImage(SeatState::Available, {}, QStringLiteral("R")));
        const QColor s = outlineOf(seatImage(SeatState::Available, {}, QStringLiteral("S")));
        QVERIFY2(!near(vip, r, 8) && !near(r, s, 8) && !near(vip, s, 8),
                 qPrintable(vip.name() + r.name() + s.name()));
        QVERIFY2(near(vip, QColor(0x8e, 0x44, 0xad), 40), qPrintable(vip.name()));
    }

    void currentAndFocusedGetARing()
    {
        const QImage plain = seatImage(SeatState::Available);
        const QImage current =
            seatImage(SeatState::Available, QStringLiteral("7"), QStringLiteral("R"), true, false);
        const QImage focused =
            seatImage(SeatState::Available, QStringLiteral("7"), QStringLiteral("R"), true, true);
        QCOMPARE(plain.pixelColor(0, kCell / 2).alpha(), 0);
        const QColor ring = current.pixelColor(0, kCell / 2);
        QVERIFY2(ring.alpha() > 0 && ring.blue() > ring.red(), qPrintable(ring.name()));
        QVERIFY(current != focused); // focus is drawn heavier
        QVERIFY(plain != current);
    }

    void theNumberIsDrawnOnlyWhereItFits()
    {
        QVERIFY(seatImage(SeatState::Available, QStringLiteral("7")) !=
                seatImage(SeatState::Available, QStringLiteral("8")));
        QCOMPARE(seatImage(SeatState::Available, QStringLiteral("7"), QStringLiteral("R"), false,
                           false, 14),
                 seatImage(SeatState::Available, QStringLiteral("8"), QStringLiteral("R"), false,
                           false, 14));
    }

    void aVenueLabelIsDrawnAsTheSeatsNumberInItsRow()
    {
        QStandardItemModel model(1, 1);
        QStandardItem* item = model.item(0, 0) ? model.item(0, 0) : new QStandardItem;
        model.setItem(0, 0, item);
        item->setData(QStringLiteral("B-12-34"), Qt::DisplayRole);
        item->setData(int(SeatState::HeldByMe), SeatMapModel::StateRole);
        item->setData(QStringLiteral("S"), SeatMapModel::TierRole);

        SeatDelegate delegate;
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, kCell, kCell);
        option.state = QStyle::State_Enabled | QStyle::State_Selected;
        QImage painted(kCell, kCell, QImage::Format_ARGB32_Premultiplied);
        painted.fill(Qt::transparent);
        {
            QPainter p(&painted);
            delegate.paint(&p, option, model.index(0, 0));
        }
        QCOMPARE(painted, seatImage(SeatState::HeldByMe, QStringLiteral("34"), QStringLiteral("S"),
                                    true, false));
        QVERIFY(painted != seatImage(SeatState::HeldByMe, QStringLiteral("B-12-34"),
                                     QStringLiteral("S"), true, false));
        QCOMPARE(delegate.sizeHint(option, model.index(0, 0)), QSize(kCell, kCell));
    }
};

QTEST_MAIN(TestSeatDelegate)
#include "tst_seatdelegate.moc"
