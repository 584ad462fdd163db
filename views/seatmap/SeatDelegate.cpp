#include "seatmap/SeatDelegate.h"

#include "SeatMapModel.h"
#include "core/Types.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

namespace boxoffice {

namespace {

QColor tierColor(const QString& tier)
{
    if (tier == QLatin1String("VIP"))
        return QColor(0x8e, 0x44, 0xad);
    if (tier == QLatin1String("R"))
        return QColor(0x1f, 0x6f, 0xb2);
    if (tier == QLatin1String("S"))
        return QColor(0x1e, 0x8c, 0x5a);
    return QColor(0x9a, 0x6b, 0x16);
}

// What makes two seats look alike.
struct LookKey
{
    int state;
    int width;
    int height;
    quint8 flags;
    qreal dpr;
    QString tier;
    QString label;
    bool operator==(const LookKey&) const = default;
};

size_t qHash(const LookKey& k, size_t seed = 0)
{
    return qHashMulti(seed, k.state, k.width, k.height, k.flags, k.dpr, k.tier, k.label);
}

} // namespace

void SeatDelegate::paintSeat(QPainter* painter, const QRect& rect, int state, const QString& label,
                             const QString& tier, bool current, bool focused)
{
    // A stadium shows thousands of seats but only a few dozen distinct looks: each look is
    // drawn once into a pixmap and blitted after that, so a frame costs one blit per seat.
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const LookKey key{state,
                      rect.width(),
                      rect.height(),
                      quint8(int(current) | int(focused) << 1),
                      dpr,
                      tier,
                      rect.width() >= 18 ? label : QString()};
    static QHash<LookKey, QPixmap> cache;
    auto it = cache.constFind(key);
    if (it == cache.constEnd()) {
        if (cache.size() > 20000)
            cache.clear(); // zooming through many sizes; start over rather than grow
        QPixmap pixmap(QSize(rect.width(), rect.height()) * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setFont(painter->font());
        renderSeat(&p, QRect(QPoint(0, 0), rect.size()), state, label, tier, current, focused);
        p.end();
        it = cache.insert(key, pixmap);
    }
    painter->drawPixmap(rect.topLeft(), *it);
}

void SeatDelegate::renderSeat(QPainter* p, const QRect& rect, int state, const QString& label,
                              const QString& tier, bool current, bool focused)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    const QRectF r = QRectF(rect).adjusted(2.5, 2.5, -2.5, -2.5);
    const qreal radius = std::max<qreal>(2.0, r.width() / 6);
    QPainterPath shape;
    shape.addRoundedRect(r, radius, radius);
    const QColor tint = tierColor(tier);
    const auto seatState = SeatState(state);
    QColor text = Qt::black;
    QString glyph;
    switch (seatState) {
    case SeatState::Available:
        p->fillPath(shape, QColor(255, 255, 255));
        p->setPen(QPen(tint, 2));
        p->drawPath(shape);
        text = tint.darker(130);
        break;
    case SeatState::HeldByMe:
        p->fillPath(shape, QColor(0xf5, 0xa6, 0x23));
        p->setPen(QPen(QColor(0x8a, 0x55, 0x00), 2));
        p->drawPath(shape);
        glyph = QStringLiteral("✓");
        break;
    case SeatState::HeldByOther:
        p->fillPath(shape, QColor(0xe8, 0xe8, 0xe8));
        p->fillPath(shape, QBrush(QColor(0x99, 0x99, 0x99), Qt::BDiagPattern));
        p->setPen(QPen(QColor(0x77, 0x77, 0x77), 1.5, Qt::DashLine));
        p->drawPath(shape);
        text = QColor(0x44, 0x44, 0x44);
        glyph = QStringLiteral("clock"); // drawn, not a font glyph: fonts rarely have one
        break;
    case SeatState::Sold:
        p->fillPath(shape, QColor(0x4a, 0x4a, 0x4a));
        text = QColor(0xdd, 0xdd, 0xdd);
        glyph = QStringLiteral("✕");
        break;
    }
    if (current || focused) {
        p->setPen(QPen(QColor(0x00, 0x78, 0xd4), focused ? 3 : 2));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius + 2, radius + 2);
    }
    if (rect.width() >= 18) {
        QFont f = p->font();
        f.setPixelSize(std::max(7, int(r.height() * (glyph.isEmpty() ? 0.42 : 0.36))));
        p->setFont(f);
        p->setPen(text);
        const bool twoLines = !glyph.isEmpty() && rect.width() >= 30 && !label.isEmpty();
        const QRectF glyphBox =
            twoLines ? QRectF(r.left(), r.top() + r.height() * 0.45, r.width(), r.height() * 0.55)
                     : r;
        if (twoLines)
            p->drawText(QRectF(r.left(), r.top(), r.width(), r.height() * 0.55),
                        Qt::AlignHCenter | Qt::AlignBottom, label);
        else if (glyph.isEmpty())
            p->drawText(r, Qt::AlignCenter, label);
        if (seatState == SeatState::HeldByOther) {
            // A small clock: the seat is someone's for a while.
            const qreal d = std::min(glyphBox.width(), glyphBox.height()) * 0.6;
            const QRectF face(glyphBox.center().x() - d / 2, glyphBox.center().y() - d / 2, d, d);
            p->setPen(QPen(text, 1.2));
            p->setBrush(QColor(255, 255, 255, 220));
            p->drawEllipse(face);
            p->drawLine(face.center(), face.center() + QPointF(0, -d * 0.32));
            p->drawLine(face.center(), face.center() + QPointF(d * 0.25, 0));
        } else if (!glyph.isEmpty()) {
            p->drawText(glyphBox, Qt::AlignCenter, glyph);
        }
    }
    p->restore();
}

void SeatDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const
{
    const int state = index.data(SeatMapModel::StateRole).toInt();
    const QString tier = index.data(SeatMapModel::TierRole).toString();
    // "B-12-34" does not fit in a seat; the seat's number in its row does (the tooltip and the
    // holds list give the whole label).
    const QString label = option.rect.width() >= 18
                              ? index.data(Qt::DisplayRole).toString().section(QLatin1Char('-'), -1)
                              : QString();
    paintSeat(painter, option.rect, state, label, tier,
              option.state.testFlag(QStyle::State_Selected),
              option.state.testFlag(QStyle::State_HasFocus));
}

QSize SeatDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const
{
    return {36, 36};
}

} // namespace boxoffice
