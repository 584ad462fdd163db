#include "core/Clock.h"

#include <QDateTime>

namespace boxoffice {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace boxoffice
