#pragma once

// Shared by the test executables: a fresh database in a temporary folder, a manual clock,
// and helpers that get a customer through the queue by driving the scheduler's methods.

#include "DemoSeeder.h"
#include "Engine.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

// Fails the test with the error's code and text when a Result holds an error.
#define QVERIFY_RESULT(expr)                                                                       \
    do {                                                                                           \
        const auto& bo_r_ = (expr);                                                                \
        if (!bo_r_) {                                                                              \
            QFAIL(qPrintable(QStringLiteral("%1 failed: %2 %3 %4")                                 \
                                 .arg(QStringLiteral(#expr), bo_r_.error().codeName(),             \
                                      bo_r_.error().english, bo_r_.error().internal)));            \
        }                                                                                          \
    } while (false)

// Checks that a Result failed with the given ErrorCode.
#define QCOMPARE_ERROR(expr, expectedCode)                                                         \
    do {                                                                                           \
        const auto& bo_r_ = (expr);                                                                \
        QVERIFY2(!bo_r_, "expected an error, got a value");                                        \
        QCOMPARE(boxoffice::errorCodeName(bo_r_.error().code),                                     \
                 boxoffice::errorCodeName(expectedCode));                                          \
    } while (false)

namespace boxoffice::test {

// 2026-01-01T00:00:00Z: a fixed "now" so demo schedules and expiries are reproducible.
constexpr qint64 kStartMs = 1'767'225'600'000;

class TestEngine
{
public:
    explicit TestEngine(EngineSettings settings = {}, bool seed = true)
        : clock(kStartMs), m_settings(settings)
    {
        if (!dir.isValid())
            qFatal("cannot make a temporary folder");
        DatabaseOptions options;
        options.location = dir.filePath(QStringLiteral("test.sqlite"));
        auto e = Engine::open(options, m_settings, clock);
        if (!e)
            qFatal("cannot open the test database: %s", qPrintable(e.error().internal));
        engine = std::move(*e);
        if (seed) {
            auto s = DemoSeeder::seedIfEmpty(*engine->db, clock);
            if (!s)
                qFatal("cannot seed: %s", qPrintable(s.error().internal));
        }
    }

    QString path() const { return dir.filePath(QStringLiteral("test.sqlite")); }
    Engine& operator*() { return *engine; }
    Engine* operator->() { return engine.get(); }

    // Runs the admission that is due now, moving the clock to the next admission time first.
    int admitNow()
    {
        const auto next = engine->queue.nextAdmissionAtMs();
        if (next && *next > clock.nowMs())
            clock.setMs(*next);
        const auto n = engine->queue.activateDue(clock.nowMs());
        return n ? *n : -1;
    }

    // An ACTIVE token for the customer and concert (enters the queue, then drives admission).
    QString activeToken(qint64 customerId, qint64 concertId)
    {
        const auto ticket = engine->queue.enter(customerId, concertId);
        if (!ticket)
            qFatal("enter failed: %s", qPrintable(ticket.error().english));
        for (int i = 0; i < 1000 && ticket->status.state != QueueState::Active; ++i) {
            admitNow();
            const auto s = engine->queue.poll(ticket->token);
            if (s && s->state == QueueState::Active)
                break;
        }
        return ticket->token;
    }

    QTemporaryDir dir;
    ManualClock clock;
    std::unique_ptr<Engine> engine;

private:
    EngineSettings m_settings;
};

} // namespace boxoffice::test
