#pragma once

#include <QProxyStyle>

namespace boxoffice {

// The kiosk's look: no keyboard hints (a stranger at a touch screen has no use for underlined
// shortcut letters), and a focus frame that is always drawn.
class KioskStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption* option = nullptr,
                  const QWidget* widget = nullptr,
                  QStyleHintReturn* returnData = nullptr) const override;
};

} // namespace boxoffice
