// Ticket verification at the door (design K1, K5): codes checked per second by
// TicketCode::verify (length and prefix checks, canonical base64url decode, layout checks, key
// lookup, Ed25519 signature) beside bare EVP_DigestVerify of the same bytes with the same key,
// measured in the same run in alternating rounds, medians reported. The bare baseline is what
// libcrypto alone costs for one Ed25519 verification: a context made once, then
// EVP_DigestVerifyInit and EVP_DigestVerify per code (Ed25519 is one-shot: every message needs
// its own init). The database half of a check-in (the lookup and the insert) is not here.
//
// Usage: bench_tickets [--quick]. Prints a table; exits non-zero only on a wrong answer (a
// valid code refused, a tampered one accepted), never on timing.

#include "sales/TicketCode.h"
#include "sales/TicketKeys.h"
#include "sales/VenueLayout.h"
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

    out << "bench_tickets: " << OpenSSL_version(OPENSSL_VERSION) << ", code of " << code.size()
        << " characters, " << grouped(perRound) << " checks a round, " << rounds
        << " rounds alternating, medians" << Qt::endl;
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
    return 0;
}
