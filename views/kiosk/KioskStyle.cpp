#include "kiosk/KioskStyle.h"

#include <QRegularExpression>

namespace boxoffice {

int KioskStyle::styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget,
                          QStyleHintReturn* returnData) const
{
    if (hint == SH_UnderlineShortcut)
        return 0;
    return QProxyStyle::styleHint(hint, option, widget, returnData);
}

void KioskStyle::drawItemText(QPainter* painter, const QRect& rect, int flags,
                              const QPalette& palette, bool enabled, const QString& text,
                              QPalette::ColorRole textRole) const
{
    // Only a text drawn as a mnemonic carries one; a plain "&" elsewhere is meant literally.
    constexpr int kMnemonic = Qt::TextShowMnemonic | Qt::TextHideMnemonic;
    if (flags & kMnemonic)
        QProxyStyle::drawItemText(painter, rect, flags & ~kMnemonic, palette, enabled,
                                  withoutMnemonic(text), textRole);
    else
        QProxyStyle::drawItemText(painter, rect, flags, palette, enabled, text, textRole);
}

QString KioskStyle::withoutMnemonic(const QString& text)
{
    // The way CJK translations carry a shortcut: a Latin letter in brackets after the words.
    static const QRegularExpression appended(QStringLiteral("\\s*\\(&[^&\\s]\\)"));
    QString shown = text;
    shown.remove(appended);
    QString out;
    out.reserve(shown.size());
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (shown[i] != QLatin1Char('&'))
            out += shown[i];
        else if (i + 1 < shown.size() && shown[i + 1] == QLatin1Char('&'))
            out += shown[++i];
    }
    return out;
}

} // namespace boxoffice
