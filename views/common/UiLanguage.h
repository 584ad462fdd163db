#pragma once

#include "Format.h"

namespace boxoffice {

// Chooses the window's language: "ko", "en", or empty for the system locale. Sets the default
// QLocale (numbers, dates), installs the Qt and Box Office translations, and remembers the
// choice for service errors, which carry both texts. Returns the language used ("ko"/"en").
QString applyUiLanguage(const QString& requested);

} // namespace boxoffice
