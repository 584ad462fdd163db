#include "TicketQr.h"

#include <QPainter>
#include <QPainterPath>

#include <qrencode.h>

#include <cerrno>
#include <memory>

namespace boxoffice {

namespace {

struct QrFree
{
    void operator()(QRcode* q) const { QRcode_free(q); }
};

} // namespace

Result<TicketQr> TicketQr::encode(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    // 8-bit mode for the whole text: a ticket code mixes cases, and a reader must give back
    // exactly the characters that were encoded.
    std::unique_ptr<QRcode, QrFree> qr(
        bytes.isEmpty() ? nullptr : QRcode_encodeString8bit(bytes.constData(), 0, QR_ECLEVEL_M));
    if (!qr) {
        const QString why = bytes.isEmpty() ? QStringLiteral("empty text")
                                            : QString::fromLocal8Bit(std::strerror(errno));
        return fail(Error::make(ErrorCode::BadRequest,
                                QStringLiteral("QR 코드를 만들 수 없습니다: %1").arg(why),
                                QStringLiteral("Cannot make the QR code: %1").arg(why)));
    }
    TicketQr out;
    out.m_width = qr->width;
    out.m_dark.resize(qsizetype(qr->width) * qr->width);
    for (qsizetype i = 0; i < out.m_dark.size(); ++i)
        out.m_dark[i] = (qr->data[i] & 1) != 0; // bit 0: dark module; the rest is libqrencode's
    return out;
}

QImage TicketQr::toImage(int pixelsPerModule) const
{
    const int side = (m_width + 2 * kQuietZone) * pixelsPerModule;
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter p(&image);
    paint(p, QRectF(0, 0, side, side));
    return image;
}

void TicketQr::paint(QPainter& painter, const QRectF& target) const
{
    painter.save();
    painter.fillRect(target, Qt::white);
    const double module = target.width() / (m_width + 2 * kQuietZone);
    const QPointF origin = target.topLeft() + QPointF(kQuietZone * module, kQuietZone * module);
    // One path for the whole symbol: adjacent modules are filled as one shape, so a
    // rasteriser leaves no hairline seams between them.
    QPainterPath dark;
    dark.setFillRule(Qt::WindingFill);
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width;) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_width && isDark(x, y))
                ++x;
            dark.addRect(QRectF(origin.x() + start * module, origin.y() + y * module,
                                (x - start) * module, module));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillPath(dark, Qt::black);
    painter.restore();
}

} // namespace boxoffice
