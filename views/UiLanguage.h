#pragma once

#include "Error.h"

namespace boxoffice {

// The language the window speaks (from --lang or the system locale), for service errors,
// which carry both texts.
void setUiLanguage(Language language);
Language uiLanguage();
QString errorText(const Error& error);

} // namespace boxoffice
