#pragma once

#include "core/Error.h"

#include <QImage>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace boxoffice {

// A ticket code as a QR symbol (libqrencode, error correction level M: a crease or a smudge
// still scans). Drawn as crisp squares: into an image for the screen, or as vector rectangles
// for a printer or a PDF, so it stays sharp at any resolution.
class TicketQr
{
public:
    // The quiet zone ISO/IEC 18004 asks for around the symbol, in modules.
    static constexpr int kQuietZone = 4;

    // The symbol for `text` (byte mode, case kept); refused when libqrencode cannot make one
    // (empty text, or longer than a QR code holds).
    static Result<TicketQr> encode(const QString& text);

    // Modules per side, without the quiet zone.
    int modules() const { return m_width; }
    bool isDark(int x, int y) const { return m_dark.at(y * m_width + x); }

    // Black on white, `pixelsPerModule` pixels a module, quiet zone included.
    QImage toImage(int pixelsPerModule = 8) const;
    // Paints the symbol and its quiet zone into `target` (a square), one rectangle per run of
    // dark modules in a row.
    void paint(QPainter& painter, const QRectF& target) const;

private:
    int m_width = 0;
    QList<bool> m_dark;
};

} // namespace boxoffice
