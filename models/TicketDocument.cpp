#include "TicketDocument.h"

#include "TicketQr.h"

#include <QBuffer>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>

namespace boxoffice {

PrintedTicket PrintedTicket::from(const Ticket& t)
{
    PrintedTicket p;
    p.concertTitle = t.concertTitle;
    p.venue = t.venue;
    p.startsAtMs = t.startsAtMs;
    p.seatLabel = t.seatLabel;
    p.tier = t.tier;
    p.price = t.price;
    p.paymentId = t.paymentId;
    p.ticketId = t.id;
    p.issueNumber = t.issueNumber;
    p.code = t.code;
    p.training = t.training;
    return p;
}

namespace {

// Hangul needs a font that has it; Noto Sans CJK KR (Debian's fonts-noto-cjk) is the one the
// package depends on. Named first so that Latin and Hangul come from one family and line up.
const QString kSans = QStringLiteral("Noto Sans CJK KR");
const QString kMono = QStringLiteral("Noto Sans Mono CJK KR");

const QColor kInk(0x1b, 0x1f, 0x2a);
const QColor kMuted(0x5b, 0x64, 0x73);
const QColor kBandColor(0x1f, 0x2a, 0x44);
const QColor kTrainingBand(0xb0, 0x00, 0x20);

QFont font(const QString& family, double points, bool bold = false)
{
    QFont f(family);
    f.setPointSizeF(points);
    f.setBold(bold);
    // Unshaped: Noto Sans CJK swaps in alternate digit glyphs when it shapes Latin text, and a
    // PDF maps only the font's plain glyphs back to characters, so a viewer's search, copy and
    // screen reader would lose every digit of a seat or a date. Latin and Hangul need no
    // shaping to be drawn right.
    f.setStyleStrategy(QFont::StyleStrategy(QFont::PreferAntialias | QFont::PreferNoShaping));
    return f;
}

// Both languages, whatever the UI's: "2026년 1월 11일 (일) 19:00" and "Sun 11 Jan 2026, 19:00".
QStringList performanceTime(qint64 utcMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    return {QLocale(QLocale::Korean, QLocale::SouthKorea)
                .toString(t, QStringLiteral("yyyy년 M월 d일 (ddd) HH:mm")),
            QLocale(QLocale::English, QLocale::UnitedKingdom)
                .toString(t, QStringLiteral("ddd d MMM yyyy, HH:mm"))};
}

QString price(qint64 krw)
{
    return QStringLiteral("%1원 (KRW)").arg(QLocale(QLocale::English).toString(krw));
}

// The ticket's place on an A4 page, in millimetres.
constexpr double kLeft = 15;
constexpr double kWidth = 180;
constexpr double kTop = 15;
constexpr double kBand = 26;
constexpr double kPad = 7;

// A page being painted: millimetres from its corner to device coordinates.
struct Sheet
{
    QPainter& p;
    QRectF page;
    double u; // device units per millimetre

    QRectF mm(double x, double y, double w, double h) const
    {
        return QRectF(page.left() + x * u, page.top() + y * u, w * u, h * u);
    }
};

// A small label over its value(s); returns where it ends (mm).
double field(const Sheet& s, double x, double top, double width, const QString& label,
             const QStringList& values, double valuePoints)
{
    const QFont labelFont = font(kSans, 7.5);
    const QFont valueFont = font(kSans, valuePoints, true);
    s.p.setFont(labelFont);
    s.p.setPen(kMuted);
    const double labelHeight = QFontMetricsF(labelFont, s.p.device()).height();
    s.p.drawText(s.mm(x, top, width, labelHeight / s.u), Qt::AlignLeft, label);
    double y = top * s.u + labelHeight;
    s.p.setFont(valueFont);
    s.p.setPen(kInk);
    const QFontMetricsF vm(valueFont, s.p.device());
    for (const QString& v : values) {
        s.p.drawText(QRectF(s.page.left() + x * s.u, s.page.top() + y, width * s.u, vm.height()),
                     Qt::AlignLeft, vm.elidedText(v, Qt::ElideRight, width * s.u));
        y += vm.height();
    }
    return y / s.u + 2.5;
}

// Date, venue, seat, tier and price, payment and ticket number; returns where they end (mm).
double paintFields(const Sheet& s, double top, double width, const PrintedTicket& t)
{
    const double x = kLeft + kPad;
    double y = field(s, x, top, width, QStringLiteral("일시 · Date and time"),
                     performanceTime(t.startsAtMs), 11);
    if (!t.venue.isEmpty())
        y = field(s, x, y, width, QStringLiteral("장소 · Venue"), {t.venue}, 11);
    y = field(s, x, y, width, QStringLiteral("좌석 · Seat"), {t.seatLabel}, 22);
    const double half = width / 2;
    y = std::max(field(s, x, y, half, QStringLiteral("등급 · Tier"), {t.tier}, 11),
                 field(s, x + half, y, half, QStringLiteral("가격 · Price"), {price(t.price)}, 11));
    const QString ticketNumber =
        t.issueNumber > 1
            ? QStringLiteral("%1 (재발행 %2 · reissue %2)").arg(t.ticketId).arg(t.issueNumber)
            : QString::number(t.ticketId);
    return std::max(
        field(s, x, y, half, QStringLiteral("결제 번호 · Payment no."),
              {QString::number(t.paymentId)}, 11),
        field(s, x + half, y, half, QStringLiteral("티켓 · Ticket"), {ticketNumber}, 11));
}

// The code as text, wrapped to the ticket's width, for a door whose scanner cannot read the
// QR code: typed in by hand. Returns where it ends (mm).
double paintCode(const Sheet& s, double top, const QString& code)
{
    const double width = kWidth - 2 * kPad;
    s.p.setPen(QPen(QColor(0xdd, 0xe1, 0xe8), 0.3 * s.u, Qt::DashLine));
    s.p.drawLine(s.mm(kLeft + kPad, top - 3, 0, 0).topLeft(),
                 s.mm(kLeft + kPad + width, top - 3, 0, 0).topLeft());
    s.p.setPen(kMuted);
    s.p.setFont(font(kSans, 7.5));
    s.p.drawText(s.mm(kLeft + kPad, top, width, 5), Qt::AlignLeft,
                 QStringLiteral("티켓 코드 · Ticket code"));
    const QFont monoFont = font(kMono, 8.5);
    const QFontMetricsF mono(monoFont, s.p.device());
    const int perLine = std::max(16, int(width * s.u / mono.horizontalAdvance(QLatin1Char('M'))));
    s.p.setPen(kInk);
    s.p.setFont(monoFont);
    double y = (top + 5) * s.u;
    for (qsizetype i = 0; i < code.size(); i += perLine) {
        s.p.drawText(QRectF(s.page.left() + (kLeft + kPad) * s.u, s.page.top() + y, width * s.u,
                            mono.height()),
                     Qt::AlignLeft, code.mid(i, perLine));
        y += mono.height();
    }
    return y / s.u;
}

} // namespace

Result<void> TicketDocument::paint(QPainter& painter, const QRectF& page,
                                   const PrintedTicket& ticket)
{
    const TicketQr qr = BO_TRY(TicketQr::encode(ticket.code));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    const Sheet sheet{painter, page, painter.device()->logicalDpiY() / 25.4};
    const QRectF body = sheet.mm(kLeft, kTop, kWidth, 0);

    // The band with the concert's name; its rounded top corners are the outline's.
    QPainterPath band;
    band.addRoundedRect(sheet.mm(kLeft, kTop, kWidth, kBand + 10), 4 * sheet.u, 4 * sheet.u);
    QPainterPath bandRect;
    bandRect.addRect(sheet.mm(kLeft, kTop, kWidth, kBand));
    painter.fillPath(band.intersected(bandRect), ticket.training ? kTrainingBand : kBandColor);
    painter.setPen(Qt::white);
    const QFont titleFont = font(kSans, 17, true);
    painter.setFont(titleFont);
    painter.drawText(
        sheet.mm(kLeft + kPad, kTop + 4, kWidth - 2 * kPad, 11), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(titleFont, painter.device())
            .elidedText(ticket.concertTitle, Qt::ElideRight, (kWidth - 2 * kPad) * sheet.u));
    painter.setFont(font(kSans, 8.5, ticket.training));
    painter.drawText(sheet.mm(kLeft + kPad, kTop + 16, kWidth - 2 * kPad, 7),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     ticket.training ? QStringLiteral("교육용 — 사용 불가 · TRAINING — NOT VALID")
                                     : QStringLiteral("입장권 · Admission ticket"));

    // The fields, left; the QR code, right; the code in text below whichever ends lower.
    constexpr double bodyTop = kTop + kBand + 6;
    constexpr double qrSide = 58;
    const double fieldsEnd = paintFields(sheet, bodyTop, kWidth - 2 * kPad - qrSide - 6, ticket);
    const double qrLeft = kLeft + kWidth - kPad - qrSide;
    qr.paint(painter, sheet.mm(qrLeft, bodyTop - 2, qrSide, qrSide));
    painter.setPen(kMuted);
    painter.setFont(font(kSans, 6.5));
    painter.drawText(sheet.mm(qrLeft - 4, bodyTop + qrSide - 1, qrSide + 8, 8),
                     Qt::AlignHCenter | Qt::AlignTop,
                     QStringLiteral("입구에서 보여 주세요 · Show at the entrance"));
    const double codeEnd =
        paintCode(sheet, std::max(fieldsEnd, bodyTop + qrSide + 6) + 4, ticket.code);
    const double bottom = codeEnd + kPad;

    QPainterPath outline;
    outline.addRoundedRect(QRectF(body.topLeft(), sheet.mm(kLeft + kWidth, bottom, 0, 0).topLeft()),
                           4 * sheet.u, 4 * sheet.u);
    painter.setPen(QPen(QColor(0xc5, 0xcb, 0xd6), 0.4 * sheet.u));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);

    // A training ticket says so across its face too, where no one can cut it off: over the
    // fields, whole, and clear of the QR code, which a training door still has to read.
    if (ticket.training) {
        const QRectF face(sheet.mm(kLeft, bodyTop, 0, 0).topLeft(),
                          sheet.mm(qrLeft - 4, bottom - kPad, 0, 0).topLeft());
        const QString mark = QStringLiteral("TRAINING — NOT VALID");
        constexpr double angle = 18;
        QFont markFont = font(kSans, 34, true);
        // As large as fits the face's width once turned.
        const double room = face.width() * 0.92 / std::cos(angle * M_PI / 180);
        while (markFont.pointSizeF() > 8 &&
               QFontMetricsF(markFont, painter.device()).horizontalAdvance(mark) > room)
            markFont.setPointSizeF(markFont.pointSizeF() - 1);
        painter.save();
        painter.setClipRect(face);
        painter.translate(face.center());
        painter.rotate(-angle);
        painter.setPen(QColor(0xb0, 0x00, 0x20, 70));
        painter.setFont(markFont);
        painter.drawText(QRectF(-face.width(), -face.height() / 2, 2 * face.width(), face.height()),
                         Qt::AlignCenter, mark);
        painter.restore();
    }

    // Where to cut it from the sheet.
    painter.setPen(QPen(kMuted, 0.25 * sheet.u, Qt::DashLine));
    const double cut = bottom + 6;
    painter.drawLine(sheet.mm(kLeft - 5, cut, 0, 0).topLeft(),
                     sheet.mm(kLeft + kWidth + 5, cut, 0, 0).topLeft());
    painter.setFont(font(kSans, 6.5));
    painter.drawText(sheet.mm(kLeft, cut + 1, kWidth + 5, 5), Qt::AlignRight | Qt::AlignTop,
                     QStringLiteral("자르는 선 · Cut here"));
    painter.restore();
    return {};
}

Result<void> TicketDocument::paintAll(QPagedPaintDevice& device,
                                      const QList<PrintedTicket>& tickets)
{
    if (tickets.isEmpty())
        return fail(Error::make(ErrorCode::BadRequest, QStringLiteral("인쇄할 티켓이 없습니다."),
                                QStringLiteral("There are no tickets to print.")));
    QPainter painter;
    if (!painter.begin(&device))
        return fail(Error::make(ErrorCode::StorageError,
                                QStringLiteral("티켓을 인쇄할 수 없습니다."),
                                QStringLiteral("The tickets cannot be printed.")));
    const QRectF page(QPointF(0, 0), QSizeF(device.width(), device.height()));
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        if (i > 0 && !device.newPage())
            return fail(Error::make(ErrorCode::StorageError,
                                    QStringLiteral("티켓을 인쇄할 수 없습니다."),
                                    QStringLiteral("The tickets cannot be printed.")));
        BO_CHECK(paint(painter, page, tickets.at(i)));
    }
    painter.end();
    return {};
}

Result<QByteArray> TicketDocument::toPdf(const QList<PrintedTicket>& tickets)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(300);
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        pdf.setCreator(QStringLiteral("Box Office"));
        pdf.setTitle(tickets.isEmpty() ? QString() : tickets.constFirst().concertTitle);
        BO_CHECK(paintAll(pdf, tickets));
    }
    return bytes;
}

Result<void> TicketDocument::writePdf(const QString& path, const QList<PrintedTicket>& tickets)
{
    const QByteArray pdf = BO_TRY(toPdf(tickets));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(pdf) != pdf.size() || !f.commit())
        return fail(
            Error::make(ErrorCode::StorageError,
                        QStringLiteral("%1에 저장할 수 없습니다 (%2)").arg(path, f.errorString()),
                        QStringLiteral("Cannot save %1 (%2)").arg(path, f.errorString())));
    return {};
}

} // namespace boxoffice
