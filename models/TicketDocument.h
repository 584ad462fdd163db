#pragma once

#include "core/Error.h"
#include "core/Types.h"

#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QString>

class QPagedPaintDevice;
class QPainter;

namespace boxoffice {

// What a printed ticket shows (design K3).
struct PrintedTicket
{
    QString concertTitle;
    QString venue;
    qint64 startsAtMs = 0; // UTC; printed in local time
    QString seatLabel;
    QString tier;
    qint64 price = 0; // KRW
    qint64 paymentId = 0;
    qint64 ticketId = 0;
    int issueNumber = 1;
    QString code; // the signed code, "BO1.…"
    bool training = false;

    // What a stored ticket prints (the window's tickets and the API's PDF alike).
    static PrintedTicket from(const Ticket& t);
};

// Tickets on paper: one ticket a page, in Korean and English whatever the UI language (the
// person at the door may read either), with the code as a QR symbol and as text. The same
// painting serves a PDF (QPdfWriter) and a printer from the system dialog (QPrinter is a
// QPagedPaintDevice too).
class TicketDocument
{
public:
    // Paints one ticket into `page` (device coordinates; the painter's device gives the
    // resolution). Refused when the code cannot be made into a QR symbol.
    static Result<void> paint(QPainter& painter, const QRectF& page, const PrintedTicket& ticket);
    // Every ticket onto the device, one per page, in the order given.
    static Result<void> paintAll(QPagedPaintDevice& device, const QList<PrintedTicket>& tickets);
    // All of them as one A4 PDF (a payment's tickets: one file to send or print).
    static Result<QByteArray> toPdf(const QList<PrintedTicket>& tickets);
    // The same, written whole or not at all to `path`.
    static Result<void> writePdf(const QString& path, const QList<PrintedTicket>& tickets);
};

} // namespace boxoffice
