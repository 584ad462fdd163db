// Ticket verification at the door (design K1, K5): codes checked per second by
// TicketCode::verify (length and prefix checks, canonical base64url decode, layout checks, key
// lookup, Ed25519 signature) beside bare EVP_DigestVerify of the same bytes with the same key,
// measured in the same run in alternating rounds, medians reported. The bare baseline is what
// libcrypto alone costs for one Ed25519 verification: a context made once, then
// EVP_DigestVerifyInit and EVP_DigestVerify per code (Ed25519 is one-shot: every message needs
// its own init).
//
// The door's own path is measured in the same rounds: CheckInService::verify, what a scan costs
// before it is recorded (the signature against the registered keys, then the ticket's row, its
// seat and its check-in looked up in a read transaction), against a real database of sold
// seats (the demo's, every one paid through the services; a SQLite file, or PostgreSQL under
// BOXOFFICE_TEST_ENGINE=postgres as the tests do), cycling through the codes so no row stays
// hot. After the rounds, each ticket is checked in once (the scan and its write: the row, the
// audit row, the commit), a figure of its own.
//
// Usage: bench_tickets [--quick]. Prints a table; exits non-zero only on a wrong answer (a
// valid code refused, a tampered one accepted), never on timing.

#include "sales/TicketCode.h"
#include "sales/TicketKeys.h"
#include "sales/VenueLayout.h"
#include "support/AfterSaleSupport.h"
#include "support/BenchSupport.h"

#include <QCoreApplication>
#include <QTextStream>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::bench;

namespace {

[[noreturn]] void wrong(const QString& what)
{
    std::fflush(stdout);
    std::fprintf(stderr, "bench_tickets: WRONG ANSWER: %s\n", qPrintable(what));
    std::exit(1);
}

template <typename T> T need(Result<T> r, const char* what)
{
    if (!r)
        wrong(QStringLiteral("%1: %2").arg(QLatin1String(what), r.error().english));
    if constexpr (!std::is_void_v<T>)
        return std::move(*r);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// One way of checking a code, counted per second over rounds.
struct Contender
{
    QString name;
    std::function<bool()> once; // true: the code was accepted
    std::vector<double> perSecond;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QLatin1String("--quick"));
    const int rounds = quick ? 3 : 11;
    const int perRound = quick ? 300 : 4000;
    QTextStream out(stdout);

    const TicketSigningKey key = need(TicketSigningKey::generate(TicketMode::Real), "key");
    TicketKeySet one;
    need(one.add({key.publicKey(), TicketMode::Real, QStringLiteral("door"), 0}), "key set");
    // A venue with many terminals: the signing key is the last of 64.
    TicketKeySet many;
    for (int i = 0; i < 63; ++i) {
        const TicketSigningKey other = need(TicketSigningKey::generate(TicketMode::Real), "key");
        need(many.add({other.publicKey(), TicketMode::Real, QStringLiteral("t%1").arg(i), 0}),
             "key set");
    }
    need(many.add({key.publicKey(), TicketMode::Real, QStringLiteral("door"), 0}), "key set");

    // The longest code a layout can make: the worst case for every step but the signature.
    TicketPayload payload;
    payload.ticketId = 4'000'000'017;
    payload.reservationId = 12'345'678;
    payload.scheduleId = 42;
    payload.seatLabel =
        QString(VenueLayout::kMaxSectionNameBytes, u'S') + QStringLiteral("-1000-1000");
    payload.keyId = key.id();
    const QString code = need(TicketCode::sign(payload, key), "sign");
    QByteArray signedBytes;
    QByteArray signature;
    need(TicketCode::decode(code, &signedBytes, &signature), "decode");
    // A forgery that gets as far as the signature: one character of the signature changed.
    QString tampered = code;
    const qsizetype at = tampered.size() - 20;
    tampered[at] = tampered.at(at) == u'A' ? u'B' : u'A';

    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_PKEY* pkey = key.publicKey().handle();
    const auto bare = [&](const QByteArray& message) {
        return EVP_DigestVerifyInit(ctx, nullptr, nullptr, nullptr, pkey) == 1 &&
               EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.constData()),
                                size_t(signature.size()),
                                reinterpret_cast<const unsigned char*>(message.constData()),
                                size_t(message.size())) == 1;
    };

    // Right answers first, both ways: the figures mean nothing otherwise.
    if (!bare(signedBytes))
        wrong(QStringLiteral("bare EVP_DigestVerify refused the genuine signature"));
    QByteArray alteredBytes = signedBytes;
    alteredBytes[20] = char(alteredBytes[20] ^ 1);
    if (bare(alteredBytes))
        wrong(QStringLiteral("bare EVP_DigestVerify accepted altered bytes"));
    const auto verified = TicketCode::verify(code, many);
    if (!verified || *verified != payload)
        wrong(QStringLiteral("TicketCode::verify refused or changed the genuine code"));
    const auto forged = TicketCode::verify(tampered, many);
    if (forged ||
        forged.error().extra.value(QStringLiteral("reason")) != QLatin1String("BAD_SIGNATURE"))
        wrong(QStringLiteral("TicketCode::verify did not refuse a forged signature as such"));

    // The door against a real database: every demo seat of the concerts sold.
    test::TestEngine door;
    struct Sold
    {
        QString code;
        qint64 scheduleId = 0;
    };
    std::vector<Sold> sold;
    const int concerts = quick ? 1 : 3;
    int customer = 0;
    for (qint64 concert = 1; concert <= concerts; ++concert) {
        const auto schedules = need(door->catalogue.schedulesOf(concert), "schedules");
        for (const ScheduleInfo& s : schedules) {
            // Two seats a payment: four of the dearest tiers would pass one charge's limit.
            for (int first = 1; first + 1 <= 50; first += 2) {
                const Payment p = test::buy(door, 1 + customer++ % 100, s.id, {first, first + 1});
                for (const Ticket& t : p.tickets)
                    sold.push_back({t.code, s.id});
            }
        }
    }
    if (sold.empty())
        wrong(QStringLiteral("no ticket was sold"));
    if (!door->door.verify(sold.front().code, sold.front().scheduleId))
        wrong(QStringLiteral("CheckInService::verify refused a sold ticket"));
    if (door->door.verify(tampered, sold.front().scheduleId))
        wrong(QStringLiteral("CheckInService::verify accepted a code it never issued"));
    size_t next = 0;
    const QString engineName =
        door.isPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");

    std::vector<Contender> contenders = {
        {QStringLiteral("bare EVP_DigestVerify (init + verify)"),
         [&] { return bare(signedBytes); },
         {}},
        {QStringLiteral("TicketCode::verify, 1 key"),
         [&] { return TicketCode::verify(code, one).has_value(); },
         {}},
        {QStringLiteral("TicketCode::verify, 64 keys, the right one last"),
         [&] { return TicketCode::verify(code, many).has_value(); },
         {}},
        {QStringLiteral("TicketCode::decode only (no signature)"),
         [&] { return TicketCode::decode(code).has_value(); },
         {}},
        {QStringLiteral("TicketCode::verify, forged signature (refused)"),
         [&] { return !TicketCode::verify(tampered, many).has_value(); },
         {}},
        {QStringLiteral("CheckInService::verify (signature + lookup), %1").arg(engineName),
         [&] {
             const Sold& t = sold[next++ % sold.size()];
             return door->door.verify(t.code, t.scheduleId).has_value();
         },
         {}},
    };
    for (int r = 0; r < rounds; ++r) {
        // Alternate the order each round, so that neither side always runs warm.
        std::vector<Contender*> order;
        for (Contender& c : contenders)
            order.push_back(&c);
        if (r % 2)
            std::reverse(order.begin(), order.end());
        for (Contender* c : order) {
            const Stopwatch watch;
            for (int i = 0; i < perRound; ++i) {
                if (!c->once())
                    wrong(c->name + QStringLiteral(": wrong answer in round %1").arg(r + 1));
            }
            c->perSecond.push_back(perRound / (watch.elapsedUs() / 1e6));
        }
    }
    EVP_MD_CTX_free(ctx);

    // Each ticket let in once: the scan with its write, as the door records it.
    const Actor by = Actor::staff(QStringLiteral("bench"));
    const Stopwatch writes;
    for (const Sold& t : sold) {
        if (!door->door.checkIn(t.code, t.scheduleId, by))
            wrong(QStringLiteral("CheckInService::checkIn refused a ticket's first scan"));
    }
    const double checkInsPerSecond = double(sold.size()) / (writes.elapsedUs() / 1e6);
    if (door->door.checkIn(sold.front().code, sold.front().scheduleId, by))
        wrong(QStringLiteral("CheckInService::checkIn let a ticket in twice"));

    out << "bench_tickets: " << OpenSSL_version(OPENSSL_VERSION) << ", code of " << code.size()
        << " characters, " << grouped(perRound) << " checks a round, " << rounds
        << " rounds alternating, medians; the door's database: " << engineName << ", "
        << grouped(qint64(sold.size())) << " tickets sold" << Qt::endl;
    out << QStringLiteral("%1 %2 %3 %4")
               .arg(QStringLiteral("what"), -50)
               .arg(QStringLiteral("checks/s"), 12)
               .arg(QStringLiteral("us each"), 9)
               .arg(QStringLiteral("vs bare"), 8)
        << Qt::endl;
    const double base = median(contenders.front().perSecond);
    for (const Contender& c : contenders) {
        const double rate = median(c.perSecond);
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(c.name, -50)
                   .arg(grouped(qint64(rate)), 12)
                   .arg(fixed(1e6 / rate, 1), 9)
                   .arg(fixed(rate / base, 2), 8)
            << Qt::endl;
    }
    out << QStringLiteral("%1 %2 %3 %4")
               .arg(QStringLiteral("CheckInService::checkIn, each ticket once (+ write)"), -50)
               .arg(grouped(qint64(checkInsPerSecond)), 12)
               .arg(fixed(1e6 / checkInsPerSecond, 1), 9)
               .arg(fixed(checkInsPerSecond / base, 2), 8)
        << Qt::endl;
    return 0;
}
