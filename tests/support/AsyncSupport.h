#pragma once

// Waiting for work that another thread does (the EngineHost's worker) and for the answers to
// land on this thread, in tests; shared by TestSupport.h and TerminalSupport.h.

#include "engine/EngineHost.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

namespace boxoffice {

// What went wrong with a Result, for a failure message (empty when it holds a value).
template <typename R> QByteArray whyFailed(const R& r)
{
    return r ? QByteArray()
             : (r.error().codeName() + QLatin1Char(' ') + r.error().english).toUtf8();
}

// Waits for a future, processing events meanwhile: the engine's worker answers, then the
// continuation runs on this thread. Fatal if it does not finish or was dropped.
template <typename T> T awaited(QFuture<T> future, int timeoutMs = 15'000)
{
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, timeoutMs))
        qFatal("a future did not finish within %d ms", timeoutMs);
    if (future.isCanceled())
        qFatal("a future was dropped (its context went away, or the engine stopped)");
    return future.result();
}

// The same for a future of Result<void>: whether it succeeded (the error goes to the log).
inline bool awaitedOk(QFuture<Result<void>> future, int timeoutMs = 15'000)
{
    const Result<void> r = awaited(std::move(future), timeoutMs);
    if (!r)
        qWarning("failed: %s %s", qPrintable(r.error().codeName()), qPrintable(r.error().english));
    return r.has_value();
}

// Waits until the host has no call out and the answers have landed, including the calls those
// answers make in turn: continuations chained on this thread are posted, so it takes several
// quiet rounds of events to be sure. False if the host never went quiet.
inline bool settleHost(EngineHost& host, int timeoutMs = 15'000)
{
    QDeadlineTimer deadline(timeoutMs);
    int quietRounds = 0;
    while (quietRounds < 5) {
        if (deadline.hasExpired())
            return false;
        if (host.pendingCalls() > 0) {
            quietRounds = 0;
            QTest::qWait(1);
            continue;
        }
        QCoreApplication::processEvents();
        quietRounds = host.pendingCalls() == 0 ? quietRounds + 1 : 0;
    }
    return true;
}

} // namespace boxoffice
