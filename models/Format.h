#pragma once

#include "core/Error.h"

#include <QCoreApplication>
#include <QString>

namespace boxoffice {

// How amounts and times read in the UI: "150,000원" / "150,000 KRW", local date and time.
class Format
{
    Q_DECLARE_TR_FUNCTIONS(Format)

public:
    static QString krw(qint64 amount);
    static QString dateTime(qint64 utcMs);
    static QString date(qint64 utcMs);
    // "4:59" for a countdown; "0:00" once passed.
    static QString countdown(qint64 remainingMs);
};

// A name as a stranger's screen may show it: first and last letters, the rest starred
// ("김민준" → "김*준", "이수" → "이*").
QString maskedName(const QString& name);

// The language people read errors in (both texts travel with every Error): the window's
// language, set once at start.
void setUiLanguage(Language language);
Language uiLanguage();
QString errorText(const Error& error);

} // namespace boxoffice
