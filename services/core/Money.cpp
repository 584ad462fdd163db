#include "core/Money.h"

namespace boxoffice {

QString groupedWon(qint64 won)
{
    const bool negative = won < 0;
    // Digits of the magnitude, built from the unsigned value so that the smallest qint64 has one.
    QString digits = QString::number(negative ? 0 - quint64(won) : quint64(won));
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(','));
    return negative ? QLatin1Char('-') + digits : digits;
}

} // namespace boxoffice
