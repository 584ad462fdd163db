#pragma once

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

} // namespace boxoffice
