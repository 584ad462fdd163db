#pragma once

#include <QProxyStyle>

namespace boxoffice {

// The kiosk's look: no keyboard hints (a stranger at a touch screen has no use for underlined
// shortcut letters, nor for the "(&P)" a Korean translation appends to carry one), and a focus
// frame that is always drawn.
class KioskStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption* option = nullptr,
                  const QWidget* widget = nullptr,
                  QStyleHintReturn* returnData = nullptr) const override;
    // Every text a widget draws through the style (labels, buttons, group titles, headers)
    // passes here, whenever and however often it is set: the hint goes at the last moment.
    void drawItemText(QPainter* painter, const QRect& rect, int flags, const QPalette& palette,
                      bool enabled, const QString& text,
                      QPalette::ColorRole textRole = QPalette::NoRole) const override;

    // "결제(&P)" → "결제", "&Pay" → "Pay", "Rock && Roll" → "Rock & Roll".
    static QString withoutMnemonic(const QString& text);
};

} // namespace boxoffice
