#pragma once

#include <QString>
#include <QtGlobal>

namespace boxoffice {

// W3's limits, in won. In core rather than in the wallet because the error table's
// INVALID_AMOUNT message says them too: every text that names a limit is made from these.
inline constexpr qint64 kMinChargeWon = 1;
inline constexpr qint64 kMaxChargeWon = 1'000'000;
inline constexpr qint64 kMaxBalanceWon = 10'000'000;

// An amount of won with its digits grouped in threes by commas ("10,000,000"), whatever the
// locale, so that a message reads the same on every terminal and in both languages.
QString groupedWon(qint64 won);

} // namespace boxoffice
