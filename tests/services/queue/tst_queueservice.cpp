// QueueService: the waiting queue of design Q1–Q8. Time moves only through the ManualClock; the
// scheduler's jobs (activateDue, expireDue) are called directly.

#include "queue/QueueService.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QString stateInDb(TestEngine& t, qint64 entryId)
{
    return scalar(*t->db, QStringLiteral("SELECT state FROM queue_entries WHERE id = ?"), {entryId})
        .toString();
}

EngineSettings settingsWith(int k, int n)
{
    EngineSettings s;
    s.activateCount = k;
    s.activateEverySeconds = n;
    return s;
}

// Enters customers first..last (in that order) into a concert's queue; returns their tickets.
QList<QueueTicket> enterAll(TestEngine& t, qint64 first, qint64 last, qint64 concertId = 1)
{
    QList<QueueTicket> out;
    for (qint64 c = first; c <= last; ++c) {
        auto ticket = t->queue.enter(c, concertId);
        if (!ticket)
            qFatal("enter(%lld, %lld) failed: %s", c, concertId,
                   qPrintable(ticket.error().english));
        out << *ticket;
    }
    return out;
}

qint64 positionOf(TestEngine& t, const QString& token)
{
    auto s = t->queue.poll(token);
    if (!s)
        return -1;
    return s->state == QueueState::Waiting ? s->position : 0;
}

QueueState stateOf(TestEngine& t, const QString& token)
{
    auto s = t->queue.poll(token);
    return s ? s->state : QueueState::Expired;
}

} // namespace

class TestQueueService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void enterGivesWaitingTokenWithPosition();
    void enterUnknownCustomerOrConcert();
    void enterAgainWhileWaitingKeepsPlaceWithFreshToken();
    void enterAgainWhileActiveKeepsStateWithFreshToken();
    void tokenIsLongAndRandom();
    void onlyTheDigestIsStored();
    void positionsAreExactFifo();
    void idleEvictionInTheMiddleLeavesPositions();
    void evictionAfterAnAdmissionLeavesPositions();
    void rememberedAndColdPollsAgree();
    void admitsExactlyKOldestOncePerPeriod();
    void idleTokensAreNotAdmitted();
    void queuesArePerConcert();
    void estimatedWaitFromPositionKAndNextAdmission();
    void estimatedWaitBeforeFirstAdmission();
    void activeAnswersPositionZeroAndExpiry();
    void activeExpiresAfterActiveSeconds();
    void pollDoesNotExtendActiveTime();
    void waitingEvictedAtIdleDeadline();
    void pollingKeepsWaitingTokenAlive();
    void enterAfterIdleDeadlineIsANewArrival();
    void expiredTokenIsRefused();
    void paymentExpiresToken();
    void requireActiveErrors();
};

void TestQueueService::enterGivesWaitingTokenWithPosition()
{
    TestEngine t;
    auto ticket = t->queue.enter(1, 1);
    QVERIFY_RESULT(ticket);
    QVERIFY(ticket->created);
    QVERIFY(!ticket->token.isEmpty());
    QCOMPARE(ticket->status.state, QueueState::Waiting);
    QCOMPARE(ticket->status.position, 1);
    QCOMPARE(ticket->status.customerId, 1);
    QCOMPARE(ticket->status.concertId, 1);
    auto polled = t->queue.poll(ticket->token);
    QVERIFY_RESULT(polled);
    QCOMPARE(polled->entryId, ticket->status.entryId);
    QCOMPARE(polled->state, QueueState::Waiting);
    QCOMPARE(polled->position, 1);
}

void TestQueueService::enterUnknownCustomerOrConcert()
{
    TestEngine t;
    QCOMPARE_ERROR(t->queue.enter(100000, 1), ErrorCode::UserNotFound);
    QCOMPARE_ERROR(t->queue.enter(1, 99), ErrorCode::ConcertNotFound);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM queue_entries")).toInt(), 0);
}

void TestQueueService::enterAgainWhileWaitingKeepsPlaceWithFreshToken()
{
    TestEngine t;
    const auto tickets = enterAll(t, 1, 3);
    t.clock.advanceSeconds(5);
    auto again = t->queue.enter(2, 1);
    QVERIFY_RESULT(again);
    QVERIFY(!again->created);
    QCOMPARE(again->status.entryId, tickets[1].status.entryId);
    QCOMPARE(again->status.state, QueueState::Waiting);
    QCOMPARE(again->status.position, 2);
    QVERIFY(again->token != tickets[1].token);
    // The old secret stops working; the new one answers the same place.
    QCOMPARE_ERROR(t->queue.poll(tickets[1].token), ErrorCode::TokenInvalid);
    QCOMPARE(positionOf(t, again->token), 2);
    QCOMPARE(positionOf(t, tickets[2].token), 3); // nobody behind moved
    QCOMPARE(
        scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM queue_entries WHERE customer_id = 2"))
            .toInt(),
        1);
}

void TestQueueService::enterAgainWhileActiveKeepsStateWithFreshToken()
{
    TestEngine t;
    const auto first = enterAll(t, 1, 1).first();
    QCOMPARE(t.admitNow(), 1);
    auto active = t->queue.poll(first.token);
    QVERIFY_RESULT(active);
    QCOMPARE(active->state, QueueState::Active);

    t.clock.advanceSeconds(30);
    auto again = t->queue.enter(1, 1);
    QVERIFY_RESULT(again);
    QVERIFY(!again->created);
    QCOMPARE(again->status.entryId, first.status.entryId);
    QCOMPARE(again->status.state, QueueState::Active);
    QCOMPARE(again->status.position, 0);
    QCOMPARE(again->status.expiresAtMs, active->expiresAtMs); // re-entering buys no time
    QCOMPARE_ERROR(t->queue.requireActive(first.token), ErrorCode::TokenInvalid);
    auto pass = t->queue.requireActive(again->token, 1);
    QVERIFY_RESULT(pass);
    QCOMPARE(pass->entryId, first.status.entryId);
}

void TestQueueService::tokenIsLongAndRandom()
{
    static const QRegularExpression base64url(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QSet<QString> seen;
    for (int i = 0; i < 5000; ++i) {
        const QString token = QueueService::newToken();
        QVERIFY2(token.size() >= 22, qPrintable(token)); // 22 base64 characters = 132 bits
        QVERIFY2(base64url.match(token).hasMatch(), qPrintable(token));
        const QByteArray raw = QByteArray::fromBase64(
            token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QVERIFY(raw.size() >= 16); // at least 128 bits of secret
        seen.insert(token);
    }
    QCOMPARE(seen.size(), 5000);

    // The service's own tokens are of the same kind.
    TestEngine t;
    const auto tickets = enterAll(t, 1, 20);
    QSet<QString> issued;
    for (const auto& ticket : tickets) {
        QVERIFY(ticket.token.size() >= 22);
        issued.insert(ticket.token);
    }
    QCOMPARE(issued.size(), tickets.size());
}

void TestQueueService::onlyTheDigestIsStored()
{
    TestEngine t;
    const auto ticket = enterAll(t, 7, 7).first();
    const QString expected = QString::fromLatin1(
        QCryptographicHash::hash(ticket.token.toUtf8(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(QueueService::digest(ticket.token), expected);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT token_hash FROM queue_entries WHERE id = ?"),
                    {ticket.status.entryId})
                 .toString(),
             expected);
    {
        auto conn = t->db->connection();
        QVERIFY_RESULT(conn);
        auto q = (*conn)->run(
            QStringLiteral("SELECT token_hash, CAST(id AS TEXT), state FROM queue_entries"));
        QVERIFY_RESULT(q);
        int rows = 0;
        while (q->next()) {
            ++rows;
            for (int column = 0; column < 3; ++column)
                QVERIFY(!q->str(column).contains(ticket.token));
        }
        QCOMPARE(rows, 1);
    }
    // Nowhere in the files on disk either (the database and its write-ahead log).
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        if (t.isPostgres())
            break; // the server's files are its own
        QFile f(t.path() + suffix);
        if (!f.exists())
            continue;
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(ticket.token.toLatin1()),
                 qPrintable(QStringLiteral("the raw token is in %1").arg(f.fileName())));
    }
}

void TestQueueService::positionsAreExactFifo()
{
    TestEngine t(settingsWith(2, 10));
    const auto tickets = enterAll(t, 11, 16);
    for (int i = 0; i < tickets.size(); ++i) {
        QCOMPARE(tickets[i].status.position, i + 1);
        QCOMPARE(positionOf(t, tickets[i].token), i + 1);
    }
    QCOMPARE(t.admitNow(), 2);
    QCOMPARE(stateOf(t, tickets[0].token), QueueState::Active);
    QCOMPARE(stateOf(t, tickets[1].token), QueueState::Active);
    for (int i = 2; i < tickets.size(); ++i)
        QCOMPARE(positionOf(t, tickets[i].token), i - 1);
    QCOMPARE(t.admitNow(), 2);
    QCOMPARE(stateOf(t, tickets[2].token), QueueState::Active);
    QCOMPARE(stateOf(t, tickets[3].token), QueueState::Active);
    QCOMPARE(positionOf(t, tickets[4].token), 1);
    QCOMPARE(positionOf(t, tickets[5].token), 2);
}

void TestQueueService::idleEvictionInTheMiddleLeavesPositions()
{
    TestEngine t(settingsWith(2, 10));
    const auto tickets = enterAll(t, 1, 5);
    // Everybody but the third polls; the third goes idle.
    t.clock.advanceSeconds(200);
    for (int i : {0, 1, 3, 4})
        QCOMPARE(positionOf(t, tickets[i].token), i + 1);
    t.clock.advanceSeconds(100); // the third's idle deadline
    auto n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    QCOMPARE(stateInDb(t, tickets[2].status.entryId), QStringLiteral("EXPIRED"));
    QCOMPARE_ERROR(t->queue.poll(tickets[2].token), ErrorCode::TokenExpired);
    QCOMPARE(positionOf(t, tickets[0].token), 1);
    QCOMPARE(positionOf(t, tickets[1].token), 2);
    QCOMPARE(positionOf(t, tickets[3].token), 3);
    QCOMPARE(positionOf(t, tickets[4].token), 4);
    // The evicted entry takes no admission slot either.
    QCOMPARE(t.admitNow(), 2); // 1 and 2
    QCOMPARE(t.admitNow(), 2); // 4 and 5: the evicted third took no slot
    QCOMPARE(stateOf(t, tickets[3].token), QueueState::Active);
    QCOMPARE(stateOf(t, tickets[4].token), QueueState::Active);
}

void TestQueueService::evictionAfterAnAdmissionLeavesPositions()
{
    TestEngine t(settingsWith(2, 10));
    const auto tickets = enterAll(t, 1, 7);
    QCOMPARE(t.admitNow(), 2); // 1 and 2 in; 3..7 wait at 1..5
    // 5 (position 3) goes idle; the others poll.
    t.clock.advanceSeconds(100);
    for (int i : {2, 3, 5, 6})
        QCOMPARE(positionOf(t, tickets[i].token), i - 1);
    t.clock.setMs(kStartMs + 300'000);
    auto n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    QCOMPARE(positionOf(t, tickets[2].token), 1);
    QCOMPARE(positionOf(t, tickets[3].token), 2);
    QCOMPARE(positionOf(t, tickets[5].token), 3);
    QCOMPARE(positionOf(t, tickets[6].token), 4);
    QCOMPARE(t.admitNow(), 2); // 3 and 4
    QCOMPARE(positionOf(t, tickets[5].token), 1);
    QCOMPARE(positionOf(t, tickets[6].token), 2);
    QCOMPARE(t.admitNow(), 2); // 6 and 7
    QCOMPARE(stateOf(t, tickets[5].token), QueueState::Active);
    QCOMPARE(stateOf(t, tickets[6].token), QueueState::Active);
}

// A service that has seen a token before reads its poll in one statement (the seq is known);
// a fresh process reads it the long way. Both must give the same answer after evictions and
// admissions, over enough entries that the Fenwick sums span several nodes.
void TestQueueService::rememberedAndColdPollsAgree()
{
    TestEngine t(settingsWith(7, 10));
    const auto tickets = enterAll(t, 1, 60);
    // Every fifth customer goes idle; the others poll and stay.
    t.clock.advanceSeconds(200);
    QList<int> alive;
    for (int i = 0; i < tickets.size(); ++i) {
        if (i % 5 != 2) {
            alive << i;
            QCOMPARE(positionOf(t, tickets[i].token), i + 1);
        }
    }
    t.clock.advanceSeconds(100);
    auto n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 12);
    QCOMPARE(t.admitNow(), 7);

    DatabaseOptions options;
    options.location = t.location();
    auto cold = Engine::open(options, t->settings, t.clock);
    QVERIFY_RESULT(cold);
    for (int round = 0; round < 2; ++round) { // the second round: both have seen every token
        qint64 expectedPosition = 1;
        for (int i : alive) {
            const auto warm = t->queue.poll(tickets[i].token);
            const auto fresh = (*cold)->queue.poll(tickets[i].token);
            QVERIFY_RESULT(warm);
            QVERIFY_RESULT(fresh);
            QCOMPARE(warm->state, fresh->state);
            QCOMPARE(warm->position, fresh->position);
            QCOMPARE(warm->estimatedWaitSeconds, fresh->estimatedWaitSeconds);
            if (warm->state == QueueState::Waiting)
                QCOMPARE(warm->position, expectedPosition++);
        }
        QCOMPARE(expectedPosition, qint64(alive.size() - 7 + 1));
    }
    // An evicted token is refused by both.
    QCOMPARE_ERROR(t->queue.poll(tickets[2].token), ErrorCode::TokenExpired);
    QCOMPARE_ERROR((*cold)->queue.poll(tickets[2].token), ErrorCode::TokenExpired);
}

void TestQueueService::admitsExactlyKOldestOncePerPeriod()
{
    TestEngine t(settingsWith(3, 10));
    const auto tickets = enterAll(t, 1, 7);
    const qint64 t0 = t.clock.nowMs();
    auto first = t->queue.activateDue(t0);
    QVERIFY_RESULT(first);
    QCOMPARE(*first, 3);
    // Not again in the same period, however often asked.
    for (qint64 at : {t0, t0 + 1, t0 + 9'999}) {
        t.clock.setMs(at);
        auto again = t->queue.activateDue(at);
        QVERIFY_RESULT(again);
        QCOMPARE(*again, 0);
    }
    for (int i = 0; i < 3; ++i)
        QCOMPARE(stateOf(t, tickets[i].token), QueueState::Active);
    for (int i = 3; i < 7; ++i)
        QCOMPARE(positionOf(t, tickets[i].token), i - 2);
    auto next = t->queue.nextAdmissionAtMs();
    QVERIFY_RESULT(next);
    QCOMPARE(*next, t0 + 10'000);

    t.clock.setMs(t0 + 10'000);
    auto second = t->queue.activateDue(t0 + 10'000);
    QVERIFY_RESULT(second);
    QCOMPARE(*second, 3);
    for (int i = 3; i < 6; ++i)
        QCOMPARE(stateOf(t, tickets[i].token), QueueState::Active);
    QCOMPARE(positionOf(t, tickets[6].token), 1);
    t.clock.setMs(t0 + 20'000);
    auto third = t->queue.activateDue(t0 + 20'000);
    QVERIFY_RESULT(third);
    QCOMPARE(*third, 1);
    QCOMPARE(stateOf(t, tickets[6].token), QueueState::Active);
}

void TestQueueService::idleTokensAreNotAdmitted()
{
    TestEngine t(settingsWith(5, 10));
    const auto tickets = enterAll(t, 1, 3);
    t.clock.advanceSeconds(299);
    QCOMPARE(positionOf(t, tickets[1].token), 2);
    QCOMPARE(positionOf(t, tickets[2].token), 3);
    t.clock.advanceSeconds(1); // the first one's idle deadline; no sweeper has run
    auto n = t->queue.activateDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 2);
    QCOMPARE(stateInDb(t, tickets[0].status.entryId), QStringLiteral("EXPIRED"));
    QCOMPARE(stateOf(t, tickets[1].token), QueueState::Active);
    QCOMPARE(stateOf(t, tickets[2].token), QueueState::Active);
}

void TestQueueService::queuesArePerConcert()
{
    TestEngine t(settingsWith(2, 10));
    const auto c1 = enterAll(t, 1, 2, 1);
    const auto c2 = enterAll(t, 3, 5, 2);
    const auto also = t->queue.enter(1, 2); // customer 1 in a second concert's queue
    QVERIFY_RESULT(also);
    QVERIFY(also->created);
    QVERIFY(also->status.entryId != c1[0].status.entryId);
    QCOMPARE(also->status.position, 4);
    QCOMPARE(c1[0].status.position, 1);
    QCOMPARE(c1[1].status.position, 2);
    QCOMPARE(c2[0].status.position, 1);
    QCOMPARE(positionOf(t, c1[0].token), 1); // the second queue did not push it back

    QCOMPARE(t.admitNow(), 4); // two of each
    QCOMPARE(stateOf(t, c1[0].token), QueueState::Active);
    QCOMPARE(stateOf(t, c1[1].token), QueueState::Active);
    QCOMPARE(stateOf(t, c2[0].token), QueueState::Active);
    QCOMPARE(stateOf(t, c2[1].token), QueueState::Active);
    QCOMPARE(positionOf(t, c2[2].token), 1);
    QCOMPARE(positionOf(t, also->token), 2);
    QCOMPARE_ERROR(t->queue.requireActive(c1[0].token, 2), ErrorCode::TokenWrongConcert);
    QVERIFY_RESULT(t->queue.requireActive(c1[0].token, 1));
}

void TestQueueService::estimatedWaitFromPositionKAndNextAdmission()
{
    const int k = 2, n = 10;
    TestEngine t(settingsWith(k, n));
    QCOMPARE(t.admitNow(), 0); // an admission ran at t0, with nobody waiting
    const qint64 t0 = t.clock.nowMs();
    t.clock.setMs(t0 + 3'000);
    const auto tickets = enterAll(t, 1, 5);
    // Next admission in 7 s takes positions 1-2, the one after (17 s) 3-4, then 27 s for 5.
    const qint64 expected[] = {7, 7, 17, 17, 27};
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(tickets[i].status.position, i + 1);
        QCOMPARE(tickets[i].status.estimatedWaitSeconds, expected[i]);
    }
    t.clock.setMs(t0 + 5'500); // 4.5 s to go: rounded up
    auto s = t->queue.poll(tickets[2].token);
    QVERIFY_RESULT(s);
    QCOMPARE(s->estimatedWaitSeconds, 5 + n);
    t.clock.setMs(t0 + 12'000); // overdue: the admission is due now
    s = t->queue.poll(tickets[0].token);
    QVERIFY_RESULT(s);
    QCOMPARE(s->estimatedWaitSeconds, 0);
    s = t->queue.poll(tickets[4].token);
    QVERIFY_RESULT(s);
    QCOMPARE(s->estimatedWaitSeconds, 2 * n);
    // After the admission, everybody is one round closer.
    QCOMPARE(t.admitNow(), 2);
    s = t->queue.poll(tickets[4].token);
    QVERIFY_RESULT(s);
    QCOMPARE(s->position, 3);
    QCOMPARE(s->estimatedWaitSeconds, qint64(n + n));
}

void TestQueueService::estimatedWaitBeforeFirstAdmission()
{
    // Before any admission has run, the first one is due at once (nextAdmissionAtMs says now),
    // so the estimate must not add a whole period for it.
    TestEngine t(settingsWith(2, 10));
    const auto tickets = enterAll(t, 1, 3);
    auto next = t->queue.nextAdmissionAtMs();
    QVERIFY_RESULT(next);
    QCOMPARE(*next, t.clock.nowMs());
    QCOMPARE(tickets[0].status.estimatedWaitSeconds, 0);
    QCOMPARE(tickets[2].status.estimatedWaitSeconds, 10);
    QCOMPARE(t->queue.activateDue(t.clock.nowMs()).value_or(-1), 2); // indeed admitted now
}

void TestQueueService::activeAnswersPositionZeroAndExpiry()
{
    EngineSettings settings;
    settings.activeSeconds = 120;
    TestEngine t(settings);
    const auto ticket = enterAll(t, 1, 1).first();
    t.clock.advanceSeconds(4);
    QCOMPARE(t.admitNow(), 1);
    const qint64 admittedAt = t.clock.nowMs();
    t.clock.advanceSeconds(10);
    auto s = t->queue.poll(ticket.token);
    QVERIFY_RESULT(s);
    QCOMPARE(s->state, QueueState::Active);
    QCOMPARE(s->position, 0);
    QCOMPARE(s->estimatedWaitSeconds, 0);
    QCOMPARE(s->expiresAtMs, admittedAt + 120'000);
}

void TestQueueService::activeExpiresAfterActiveSeconds()
{
    EngineSettings settings;
    settings.activeSeconds = 120;
    TestEngine t(settings);
    const auto ticket = enterAll(t, 1, 1).first();
    QCOMPARE(t.admitNow(), 1);
    const qint64 deadline = t.clock.nowMs() + 120'000;

    t.clock.setMs(deadline - 1);
    QVERIFY_RESULT(t->queue.requireActive(ticket.token, 1));
    auto n = t->queue.expireDue(deadline - 1);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 0);

    t.clock.setMs(deadline);
    // Refused at the deadline even before any sweeper has run.
    QCOMPARE_ERROR(t->queue.requireActive(ticket.token, 1), ErrorCode::TokenExpired);
    n = t->queue.expireDue(deadline);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    QCOMPARE(stateInDb(t, ticket.status.entryId), QStringLiteral("EXPIRED"));
    QCOMPARE_ERROR(t->queue.poll(ticket.token), ErrorCode::TokenExpired);
}

void TestQueueService::pollDoesNotExtendActiveTime()
{
    EngineSettings settings;
    settings.activeSeconds = 120;
    settings.idleSeconds = 300;
    TestEngine t(settings);
    const auto ticket = enterAll(t, 1, 1).first();
    QCOMPARE(t.admitNow(), 1);
    const qint64 deadline = t.clock.nowMs() + 120'000;
    t.clock.setMs(deadline - 1'000);
    QVERIFY_RESULT(t->queue.poll(ticket.token));
    t.clock.setMs(deadline);
    QCOMPARE_ERROR(t->queue.poll(ticket.token), ErrorCode::TokenExpired);
}

void TestQueueService::waitingEvictedAtIdleDeadline()
{
    EngineSettings settings = settingsWith(1, 3600); // admission far away: eviction is not tied
    settings.idleSeconds = 300;
    TestEngine t(settings);
    const auto tickets = enterAll(t, 1, 2);
    const qint64 deadline = t.clock.nowMs() + 300'000;
    t.clock.setMs(deadline - 1);
    auto n = t->queue.expireDue(deadline - 1);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 0);
    QCOMPARE(stateInDb(t, tickets[0].status.entryId), QStringLiteral("WAITING"));
    t.clock.setMs(deadline);
    n = t->queue.expireDue(deadline);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 2);
    QCOMPARE(stateInDb(t, tickets[0].status.entryId), QStringLiteral("EXPIRED"));
    QCOMPARE(stateInDb(t, tickets[1].status.entryId), QStringLiteral("EXPIRED"));
    QCOMPARE_ERROR(t->queue.poll(tickets[0].token), ErrorCode::TokenExpired);
    // A second sweep finds nothing more.
    n = t->queue.expireDue(deadline + 1'000);
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 0);
}

void TestQueueService::pollingKeepsWaitingTokenAlive()
{
    EngineSettings settings = settingsWith(1, 3600);
    settings.idleSeconds = 300;
    TestEngine t(settings);
    const auto tickets = enterAll(t, 1, 2);
    const qint64 t0 = t.clock.nowMs();
    t.clock.setMs(t0 + 200'000);
    QCOMPARE(positionOf(t, tickets[1].token), 2); // the second polls, the first does not
    t.clock.setMs(t0 + 300'000);
    auto n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    QCOMPARE(positionOf(t, tickets[1].token), 1); // polled at 300 s: alive until 600 s
    t.clock.setMs(t0 + 599'999);
    n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    QCOMPARE(*n, 0);
    // Q6: evicted within two seconds of the deadline, never before it (a poll stores its
    // deadline with a second to spare so that most polls need not write).
    t.clock.setMs(t0 + 600'000);
    n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    int evicted = *n;
    t.clock.setMs(t0 + 602'000);
    n = t->queue.expireDue(t.clock.nowMs());
    QVERIFY_RESULT(n);
    evicted += *n;
    QCOMPARE(evicted, 1);
    QCOMPARE(stateInDb(t, tickets[1].status.entryId), QStringLiteral("EXPIRED"));
}

void TestQueueService::enterAfterIdleDeadlineIsANewArrival()
{
    TestEngine t(settingsWith(1, 3600));
    const auto tickets = enterAll(t, 1, 2);
    t.clock.advanceSeconds(200);
    QCOMPARE(positionOf(t, tickets[1].token), 2);
    t.clock.advanceSeconds(100); // customer 1's deadline; no sweep has run
    auto again = t->queue.enter(1, 1);
    QVERIFY_RESULT(again);
    QVERIFY(again->created);
    QVERIFY(again->status.entryId != tickets[0].status.entryId);
    QCOMPARE(again->status.position, 2); // behind customer 2 now
    QCOMPARE(positionOf(t, tickets[1].token), 1);
    QCOMPARE(stateInDb(t, tickets[0].status.entryId), QStringLiteral("EXPIRED"));
}

void TestQueueService::expiredTokenIsRefused()
{
    EngineSettings settings;
    settings.activeSeconds = 60;
    TestEngine t(settings);
    const QString token = t.activeToken(1, 1);
    t.clock.advanceSeconds(60);
    QVERIFY_RESULT(t->queue.expireDue(t.clock.nowMs()));
    const auto polled = t->queue.poll(token);
    QCOMPARE_ERROR(polled, ErrorCode::TokenExpired);
    // Timed out, not used up: no payment to name.
    QVERIFY(!polled.error().extra.contains(QStringLiteral("paymentId")));
    QCOMPARE_ERROR(t->queue.requireActive(token), ErrorCode::TokenExpired);
    QCOMPARE_ERROR(t->queue.requireActive(token, 1), ErrorCode::TokenExpired);
    QCOMPARE_ERROR(t->catalogue.availableSchedules(token, 1), ErrorCode::TokenExpired);
    // Entering again starts a new entry.
    auto again = t->queue.enter(1, 1);
    QVERIFY_RESULT(again);
    QVERIFY(again->created);
    QCOMPARE(again->status.state, QueueState::Waiting);
}

void TestQueueService::paymentExpiresToken()
{
    TestEngine t;
    const QString token = t.activeToken(1, 1);
    auto schedules = t->catalogue.availableSchedules(token, 1);
    QVERIFY_RESULT(schedules);
    auto hold = t->reservations.hold(token, schedules->first().id, 1);
    QVERIFY_RESULT(hold);
    QVERIFY_RESULT(t->wallet.charge(1, hold->price));
    QVERIFY_RESULT(t->queue.requireActive(token, 1));
    const auto paid = t->payments.pay(token, {hold->id});
    QVERIFY_RESULT(paid);
    // A terminal that polls the token can tell "used by this payment" from "timed out", on the
    // poll's one-statement path (a token this service has seen) and on a cold one alike.
    const auto polled = t->queue.poll(token);
    QCOMPARE_ERROR(polled, ErrorCode::TokenExpired);
    QCOMPARE(polled.error().extra.value(QStringLiteral("paymentId")).toInteger(), paid->id);
    QueueService cold(t->db, t.clock, t->settings);
    const auto coldPoll = cold.poll(token);
    QCOMPARE_ERROR(coldPoll, ErrorCode::TokenExpired);
    QCOMPARE(coldPoll.error().extra.value(QStringLiteral("paymentId")).toInteger(), paid->id);
    const auto checked = t->queue.requireActive(token, 1);
    QCOMPARE_ERROR(checked, ErrorCode::TokenExpired);
    QCOMPARE(checked.error().extra.value(QStringLiteral("paymentId")).toInteger(), paid->id);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT state FROM queue_entries WHERE customer_id = 1"
                                           " AND concert_id = 1"))
                 .toString(),
             QStringLiteral("EXPIRED"));
}

void TestQueueService::requireActiveErrors()
{
    TestEngine t(settingsWith(1, 10));
    const QString active = t.activeToken(1, 1);
    const auto waiting = enterAll(t, 2, 4);
    QCOMPARE_ERROR(t->queue.requireActive(QString()), ErrorCode::TokenMissing);
    QCOMPARE_ERROR(t->queue.poll(QString()), ErrorCode::TokenMissing);
    QCOMPARE_ERROR(t->queue.requireActive(QStringLiteral("not-a-token")), ErrorCode::TokenInvalid);
    QCOMPARE_ERROR(t->queue.poll(QueueService::newToken()), ErrorCode::TokenInvalid);
    QCOMPARE_ERROR(t->queue.requireActive(active, 2), ErrorCode::TokenWrongConcert);
    QVERIFY_RESULT(t->queue.requireActive(active, 1));
    QVERIFY_RESULT(t->queue.requireActive(active));

    for (int i = 0; i < 3; ++i) {
        auto r = t->queue.requireActive(waiting[i].token, 1);
        QCOMPARE_ERROR(r, ErrorCode::TokenNotActive);
        QCOMPARE(r.error().extra.value(QStringLiteral("position")).toInteger(), i + 1);
    }
    QCOMPARE_ERROR(t->queue.requireActive(waiting[0].token, 2), ErrorCode::TokenWrongConcert);
    auto pass = t->queue.requireActive(active, 1);
    QVERIFY_RESULT(pass);
    QCOMPARE(pass->customerId, 1);
    QCOMPARE(pass->concertId, 1);
}

QTEST_GUILESS_MAIN(TestQueueService)
#include "tst_queueservice.moc"
