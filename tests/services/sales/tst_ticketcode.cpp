// Ticket codes (design K1): what a code binds, its length bound, and that reading one is total:
// whatever text arrives (a flipped byte anywhere, a truncated scan, random noise), the answer
// is the payload of a genuine code or TICKET_INVALID with a reason, never anything else.

#include "sales/TicketBase64.h"
#include "sales/TicketCode.h"
#include "sales/VenueLayout.h"
#include "support/TestSupport.h"

#include <QRandomGenerator>
#include <QTest>

using namespace boxoffice;

namespace {

const QString kBase64url =
    QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

TicketSigningKey newKey(TicketMode mode = TicketMode::Real)
{
    auto k = TicketSigningKey::generate(mode);
    if (!k)
        qFatal("cannot make a key: %s", qPrintable(k.error().internal));
    return *k;
}

TicketKeySet setOf(std::initializer_list<const TicketSigningKey*> keys)
{
    TicketKeySet set;
    for (const TicketSigningKey* k : keys) {
        if (!set.add(TicketKeyInfo{k->publicKey(), k->mode(), QStringLiteral("test"), 0}))
            qFatal("cannot add a key");
    }
    return set;
}

TicketPayload payloadFor(const TicketSigningKey& key, QString label = QStringLiteral("B-12-34"))
{
    TicketPayload p;
    p.ticketId = 4'000'000'017;
    p.reservationId = 123'456;
    p.scheduleId = 42;
    p.seatLabel = std::move(label);
    p.issueNumber = 3;
    p.keyId = key.id();
    p.training = key.mode() == TicketMode::Training;
    return p;
}

QString reasonOf(const Result<TicketPayload>& r)
{
    return r ? QString() : r.error().extra.value(QStringLiteral("reason")).toString();
}

// A code for hand-made bytes, signed properly: for layouts the encoder would never write.
QString signRaw(const TicketSigningKey& key, const QByteArray& bytes)
{
    auto sig = key.sign(bytes);
    if (!sig)
        qFatal("cannot sign");
    return QStringLiteral("BO1.") + QString::fromLatin1(toBase64url(bytes + *sig));
}

// The signed bytes of a valid code, to edit one field and sign again.
QByteArray signedBytesOf(const QString& code)
{
    QByteArray bytes;
    if (!TicketCode::decode(code, &bytes))
        qFatal("not a code");
    return bytes;
}

} // namespace

class TestTicketCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void payloadBindsEveryField();
    void lengthBound();
    void longestLayoutLabelFits();
    void signRefusesWhatDoesNotFit_data();
    void signRefusesWhatDoesNotFit();
    void everyCharacterChangedIsInvalid();
    void everyBitFlippedIsInvalid();
    void reasons_data();
    void reasons();
    void validlySignedButMalformed_data();
    void validlySignedButMalformed();
    void unknownKeyAndOtherKey();
    void trainingTicketsOnlyInTraining();
    void randomTextIsInvalid();
    void mutatedCodesAreInvalid();
};

void TestTicketCode::roundTrip()
{
    const TicketSigningKey key = newKey();
    const TicketPayload p = payloadFor(key, QStringLiteral("1층 A구역-12-34"));
    const auto code = TicketCode::sign(p, key);
    QVERIFY_RESULT(code);
    QVERIFY(code->startsWith(QLatin1String("BO1.")));
    const auto back = TicketCode::verify(*code, setOf({&key}));
    QVERIFY_RESULT(back);
    QCOMPARE(back->ticketId, p.ticketId);
    QCOMPARE(back->reservationId, p.reservationId);
    QCOMPARE(back->scheduleId, p.scheduleId);
    QCOMPARE(back->seatLabel, p.seatLabel);
    QCOMPARE(back->issueNumber, p.issueNumber);
    QCOMPARE(back->keyId, key.id());
    QCOMPARE(back->training, false);
    QVERIFY(*back == p);
    // Ed25519 is deterministic: a reprint of the same payload is the same code.
    QCOMPARE(*TicketCode::sign(p, key), *code);
}

void TestTicketCode::payloadBindsEveryField()
{
    // Two payloads differing in any one field never give the same code.
    const TicketSigningKey key = newKey();
    const TicketPayload base = payloadFor(key);
    QList<TicketPayload> variants(6, base);
    variants[0].ticketId += 1;
    variants[1].reservationId += 1;
    variants[2].scheduleId += 1;
    variants[3].seatLabel = QStringLiteral("B-12-35");
    variants[4].issueNumber += 1;
    variants[5].ticketId = std::numeric_limits<qint64>::max();
    QSet<QString> codes{*TicketCode::sign(base, key)};
    for (const TicketPayload& v : variants) {
        const auto code = TicketCode::sign(v, key);
        QVERIFY_RESULT(code);
        codes.insert(*code);
        const auto back = TicketCode::verify(*code, setOf({&key}));
        QVERIFY_RESULT(back);
        QVERIFY(*back == v);
    }
    QCOMPARE(codes.size(), variants.size() + 1);
}

void TestTicketCode::lengthBound()
{
    const TicketSigningKey key = newKey();
    TicketPayload p = payloadFor(key, QString(TicketCode::kMaxSeatLabelBytes, u'W'));
    p.ticketId = p.reservationId = p.scheduleId = std::numeric_limits<qint64>::max();
    p.issueNumber = 65535;
    const auto longest = TicketCode::sign(p, key);
    QVERIFY_RESULT(longest);
    QCOMPARE(longest->size(), TicketCode::kMaxLength);
    QCOMPARE(longest->size(), 199);
    // Three-byte characters: the bound is in bytes, so 15 Hangul syllables are the most.
    p.seatLabel = QString(TicketCode::kMaxSeatLabelBytes / 3, QChar(0xAC00));
    const auto korean = TicketCode::sign(p, key);
    QVERIFY_RESULT(korean);
    QVERIFY(korean->size() < 200);
    QVERIFY_RESULT(TicketCode::verify(*korean, setOf({&key})));
    p.seatLabel = QStringLiteral("7");
    QCOMPARE(TicketCode::sign(p, key)->size(), 140);
}

void TestTicketCode::longestLayoutLabelFits()
{
    // The longest section name a layout accepts, in its longest row and seat.
    const QString section(VenueLayout::kMaxSectionNameBytes, u'S');
    const auto layout = VenueLayout::parse(
        QStringLiteral(R"({"name":"x","title":"t","sections":[{"name":"%1","tier":"R",)"
                       R"("price":1000,"rows":1000,"seatsPerRow":1000,"x":0,"y":0}]})")
            .arg(section)
            .toUtf8());
    QVERIFY_RESULT(layout);
    const TicketSigningKey key = newKey();
    const auto code =
        TicketCode::sign(payloadFor(key, section + QStringLiteral("-1000-1000")), key);
    QVERIFY_RESULT(code);
    QVERIFY(code->size() < 200);
    // One byte more in the name and the layout is refused before any seat exists.
    const auto tooLong = VenueLayout::parse(
        QStringLiteral(R"({"name":"x","title":"t","sections":[{"name":"%1","tier":"R",)"
                       R"("price":1000,"rows":1,"seatsPerRow":1,"x":0,"y":0}]})")
            .arg(section + u'S')
            .toUtf8());
    QCOMPARE_ERROR(tooLong, ErrorCode::BadRequest);
}

void TestTicketCode::signRefusesWhatDoesNotFit_data()
{
    QTest::addColumn<int>("field");
    QTest::newRow("ticket id 0") << 0;
    QTest::newRow("reservation id negative") << 1;
    QTest::newRow("schedule id 0") << 2;
    QTest::newRow("issue 0") << 3;
    QTest::newRow("issue 65536") << 4;
    QTest::newRow("empty label") << 5;
    QTest::newRow("label 46 bytes") << 6;
    QTest::newRow("label with a newline") << 7;
    QTest::newRow("label with a lone surrogate") << 8;
    QTest::newRow("another key's id") << 9;
    QTest::newRow("training flag, real key") << 10;
}

void TestTicketCode::signRefusesWhatDoesNotFit()
{
    QFETCH(int, field);
    const TicketSigningKey key = newKey();
    TicketPayload p = payloadFor(key);
    switch (field) {
    case 0:
        p.ticketId = 0;
        break;
    case 1:
        p.reservationId = -5;
        break;
    case 2:
        p.scheduleId = 0;
        break;
    case 3:
        p.issueNumber = 0;
        break;
    case 4:
        p.issueNumber = 65536;
        break;
    case 5:
        p.seatLabel.clear();
        break;
    case 6:
        p.seatLabel = QString(TicketCode::kMaxSeatLabelBytes + 1, u'x');
        break;
    case 7:
        p.seatLabel = QStringLiteral("A\n1");
        break;
    case 8:
        p.seatLabel = QString(QChar(0xD800)) + QStringLiteral("1");
        break;
    case 9:
        p.keyId = newKey().id();
        break;
    case 10:
        p.training = true;
        break;
    }
    QCOMPARE_ERROR(TicketCode::sign(p, key), ErrorCode::BadRequest);
}

void TestTicketCode::everyCharacterChangedIsInvalid()
{
    // Each position of a valid code replaced in turn by every other base64url character and by
    // a few others: every single one is TICKET_INVALID. Three label lengths, so that the bytes
    // end on each of base64's three alignments (the last character then carries 0, 2 or 4
    // spare bits, which a lax decoder would ignore).
    const TicketSigningKey key = newKey();
    const TicketKeySet keys = setOf({&key});
    const QString others = kBase64url + QStringLiteral("=+/. \n\0\u00e9\ud55c");
    for (const QString label :
         {QStringLiteral("B-12-34"), QStringLiteral("B-12-345"), QStringLiteral("B-12-3456")}) {
        const QString code = *TicketCode::sign(payloadFor(key, label), key);
        int checked = 0;
        for (qsizetype i = 0; i < code.size(); ++i) {
            for (const QChar c : others) {
                if (c == code.at(i))
                    continue;
                QString changed = code;
                changed[i] = c;
                const auto r = TicketCode::verify(changed, keys);
                if (r || r.error().code != ErrorCode::TicketInvalid)
                    QFAIL(qPrintable(QStringLiteral("%1: position %2 changed to U+%3 was not"
                                                    " refused")
                                         .arg(label)
                                         .arg(i)
                                         .arg(c.unicode(), 4, 16, QLatin1Char('0'))));
                ++checked;
            }
        }
        QVERIFY(checked > code.size() * 60);
        // The code itself, untouched, still verifies: the refusals were the changes.
        QVERIFY_RESULT(TicketCode::verify(code, keys));
    }
}

void TestTicketCode::everyBitFlippedIsInvalid()
{
    // Below the text: each bit of the decoded bytes (payload and signature) flipped in turn and
    // the bytes encoded again, so every one is a well-formed base64url code.
    const TicketSigningKey key = newKey();
    const TicketKeySet keys = setOf({&key});
    const QString code = *TicketCode::sign(payloadFor(key), key);
    const QByteArray bytes = *fromCanonicalBase64url(code.sliced(4).toLatin1());
    QHash<QString, int> reasons;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            QByteArray flipped = bytes;
            flipped[i] = char(flipped[i] ^ (1 << bit));
            const auto r = TicketCode::verify(
                QStringLiteral("BO1.") + QString::fromLatin1(toBase64url(flipped)), keys);
            if (r || r.error().code != ErrorCode::TicketInvalid)
                QFAIL(qPrintable(
                    QStringLiteral("byte %1 bit %2 flipped was not refused").arg(i).arg(bit)));
            ++reasons[reasonOf(r)];
        }
    }
    // Each layer caught some: the version byte, the layout, the key id, the signature.
    for (const char* reason : {"UNKNOWN_VERSION", "MALFORMED", "UNKNOWN_KEY", "BAD_SIGNATURE",
                               "TRUNCATED", "TRAILING_BYTES"})
        QVERIFY2(reasons.value(QString::fromLatin1(reason)) > 0, reason);
}

void TestTicketCode::reasons_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("reason");
    const TicketSigningKey key = newKey();
    const QString valid = *TicketCode::sign(payloadFor(key), key);
    QTest::newRow("empty") << QString() << "EMPTY";
    QTest::newRow("huge") << QString(10'000'000, u'A') << "TOO_LONG";
    QTest::newRow("one over the bound")
        << QStringLiteral("BO1.") + QString(196, u'A') << "TOO_LONG";
    QTest::newRow("lowercase prefix") << QStringLiteral("bo1.") + valid.sliced(4) << "WRONG_PREFIX";
    QTest::newRow("other version prefix")
        << QStringLiteral("BO2.") + valid.sliced(4) << "WRONG_PREFIX";
    QTest::newRow("prefix only") << QStringLiteral("BO1.") << "TRUNCATED";
    QTest::newRow("standard base64")
        << valid.left(10) + QStringLiteral("+") + valid.sliced(11) << "NOT_BASE64";
    QTest::newRow("padded") << valid + QStringLiteral("=") << "NOT_BASE64";
    QTest::newRow("leading space") << QStringLiteral(" ") + valid << "WRONG_PREFIX";
    QTest::newRow("trailing newline") << valid + QStringLiteral("\n") << "NOT_BASE64";
    QTest::newRow("4n+1 characters") << valid.left(4 + 4 * 30 + 1) << "NOT_BASE64";
    QTest::newRow("truncated") << valid.left(valid.size() - 8) << "TRUNCATED";
    QTest::newRow("half") << valid.left(4 + 60) << "TRUNCATED";
    QTest::newRow("trailing bytes")
        << QStringLiteral("BO1.") +
               QString::fromLatin1(toBase64url(*fromCanonicalBase64url(valid.sliced(4).toLatin1()) +
                                               QByteArray("xyz")))
        << "TRAILING_BYTES";
    QTest::newRow("non-ASCII") << valid.left(20) + QStringLiteral("한") + valid.sliced(21)
                               << "NOT_BASE64";
}

void TestTicketCode::reasons()
{
    QFETCH(QString, code);
    QFETCH(QString, reason);
    const TicketSigningKey key = newKey();
    const auto r = TicketCode::verify(code, setOf({&key}));
    QCOMPARE_ERROR(r, ErrorCode::TicketInvalid);
    QCOMPARE(reasonOf(r), reason);
    // The message says why, in both languages.
    QVERIFY(r.error().english.startsWith(QLatin1String("This is not a valid ticket. (")));
    QVERIFY(r.error().korean.startsWith(QStringLiteral("유효하지 않은 티켓입니다. (")));
}

void TestTicketCode::validlySignedButMalformed_data()
{
    QTest::addColumn<int>("offset");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("reason");
    QTest::newRow("version 2") << 0 << 2 << "UNKNOWN_VERSION";
    QTest::newRow("version 0") << 0 << 0 << "UNKNOWN_VERSION";
    QTest::newRow("unknown flag") << 1 << 0x02 << "MALFORMED";
    QTest::newRow("ticket id top bit") << 10 << 0x80 << "MALFORMED";
    QTest::newRow("schedule id top bit") << 26 << 0x80 << "MALFORMED";
    QTest::newRow("label length 0") << 36 << 0 << "MALFORMED";
    QTest::newRow("label length over the bound") << 36 << 46 << "MALFORMED";
    QTest::newRow("label length beyond the bytes") << 36 << 45 << "TRUNCATED";
    QTest::newRow("label length short of the bytes") << 36 << 3 << "TRAILING_BYTES";
    QTest::newRow("label byte not UTF-8") << 37 << 0xff << "MALFORMED";
    QTest::newRow("label control char") << 37 << 0x07 << "MALFORMED";
}

void TestTicketCode::validlySignedButMalformed()
{
    // Bytes the encoder never writes, signed by the door's own key: the layout is checked on
    // its own, not only trusted because the signature is good.
    QFETCH(int, offset);
    QFETCH(int, value);
    QFETCH(QString, reason);
    const TicketSigningKey key = newKey();
    QByteArray bytes = signedBytesOf(*TicketCode::sign(payloadFor(key), key));
    bytes[offset] = char(value);
    const auto r = TicketCode::verify(signRaw(key, bytes), setOf({&key}));
    QCOMPARE_ERROR(r, ErrorCode::TicketInvalid);
    QCOMPARE(reasonOf(r), reason);

    // Zero ids, each: the fields are 8 bytes wide.
    for (const int field : {10, 18, 26}) {
        QByteArray zero = signedBytesOf(*TicketCode::sign(payloadFor(key), key));
        zero.replace(field, 8, QByteArray(8, '\0'));
        QCOMPARE(reasonOf(TicketCode::verify(signRaw(key, zero), setOf({&key}))),
                 QStringLiteral("MALFORMED"));
    }
}

void TestTicketCode::unknownKeyAndOtherKey()
{
    const TicketSigningKey key = newKey();
    const TicketSigningKey other = newKey();
    const QString code = *TicketCode::sign(payloadFor(key), key);
    QCOMPARE(reasonOf(TicketCode::verify(code, TicketKeySet())), QStringLiteral("UNKNOWN_KEY"));
    QCOMPARE(reasonOf(TicketCode::verify(code, setOf({&other}))), QStringLiteral("UNKNOWN_KEY"));
    QVERIFY_RESULT(TicketCode::verify(code, setOf({&other, &key})));

    // A forger who claims the door's key id but signs with his own key.
    QByteArray bytes = signedBytesOf(*TicketCode::sign(payloadFor(other), other));
    bytes.replace(2, 8, QByteArray(reinterpret_cast<const char*>(key.id().bytes.data()), 8));
    QCOMPARE(reasonOf(TicketCode::verify(signRaw(other, bytes), setOf({&key}))),
             QStringLiteral("BAD_SIGNATURE"));
}

void TestTicketCode::trainingTicketsOnlyInTraining()
{
    const TicketSigningKey real = newKey(TicketMode::Real);
    const TicketSigningKey training = newKey(TicketMode::Training);
    const TicketKeySet both = setOf({&real, &training});
    const QString trainingCode = *TicketCode::sign(payloadFor(training), training);
    const QString realCode = *TicketCode::sign(payloadFor(real), real);

    // At a real door, even one that (wrongly) lists the training key: refused.
    QCOMPARE(reasonOf(TicketCode::verify(trainingCode, both)), QStringLiteral("WRONG_MODE"));
    QCOMPARE_ERROR(TicketCode::verify(trainingCode, both, TicketMode::Real),
                   ErrorCode::TicketInvalid);
    const auto inClass = TicketCode::verify(trainingCode, both, TicketMode::Training);
    QVERIFY_RESULT(inClass);
    QVERIFY(inClass->training);
    QCOMPARE(reasonOf(TicketCode::verify(realCode, both, TicketMode::Training)),
             QStringLiteral("WRONG_MODE"));

    // The flag is signed: clearing it breaks the signature.
    QByteArray bytes = *fromCanonicalBase64url(trainingCode.sliced(4).toLatin1());
    bytes[1] = 0;
    QCOMPARE(reasonOf(TicketCode::verify(
                 QStringLiteral("BO1.") + QString::fromLatin1(toBase64url(bytes)), both)),
             QStringLiteral("BAD_SIGNATURE"));
    // The training key re-signing a cleared flag is still no real ticket: its key is a
    // training key.
    QByteArray cleared = signedBytesOf(trainingCode);
    cleared[1] = 0;
    QCOMPARE(reasonOf(TicketCode::verify(signRaw(training, cleared), both)),
             QStringLiteral("WRONG_MODE"));
    // And a real key re-signing a set flag is a training ticket, refused at a real door.
    QByteArray set = signedBytesOf(realCode);
    set[1] = 1;
    QCOMPARE(reasonOf(TicketCode::verify(signRaw(real, set), both)), QStringLiteral("WRONG_MODE"));
}

void TestTicketCode::randomTextIsInvalid()
{
    // Fuzz-style, reproducible: random texts of every shape, from noise to the right prefix
    // with the right alphabet and a plausible length.
    const TicketSigningKey key = newKey();
    const TicketKeySet keys = setOf({&key});
    QRandomGenerator rng(20260101);
    for (int i = 0; i < 20000; ++i) {
        QString s;
        const int shape = i % 4;
        const int length = int(rng.bounded(shape == 3 ? 260 : 220));
        if (shape >= 2)
            s = QStringLiteral("BO1.");
        for (int j = 0; j < length; ++j) {
            switch (shape) {
            case 0:
                s += QChar(char16_t(rng.bounded(1, 0xD800)));
                break;
            case 1:
                s += QChar(char16_t(rng.bounded(0x20, 0x7f)));
                break;
            default:
                s += kBase64url.at(rng.bounded(kBase64url.size()));
                break;
            }
        }
        const auto r = TicketCode::verify(s, keys);
        if (r || r.error().code != ErrorCode::TicketInvalid || reasonOf(r).isEmpty())
            QFAIL(qPrintable(QStringLiteral("random text %1 was not refused").arg(i)));
    }
}

void TestTicketCode::mutatedCodesAreInvalid()
{
    // Random edits of a valid code: cut, grow, splice, swap, several changes at once.
    const TicketSigningKey key = newKey();
    const TicketKeySet keys = setOf({&key});
    const QString code = *TicketCode::sign(payloadFor(key), key);
    QRandomGenerator rng(7);
    for (int i = 0; i < 20000; ++i) {
        QString m = code;
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e) {
            const int at = int(rng.bounded(m.size() + 1));
            switch (rng.bounded(4)) {
            case 0:
                m.truncate(at);
                break;
            case 1:
                m.insert(at, kBase64url.at(rng.bounded(kBase64url.size())));
                break;
            case 2:
                if (at < m.size())
                    m.remove(at, 1);
                break;
            default:
                if (at + 1 < m.size())
                    std::swap(m[at], m[at + 1]);
                break;
            }
        }
        if (m == code)
            continue;
        const auto r = TicketCode::verify(m, keys);
        if (r || r.error().code != ErrorCode::TicketInvalid)
            QFAIL(qPrintable(QStringLiteral("mutation %1 (%2) was accepted").arg(i).arg(m)));
    }
}

QTEST_GUILESS_MAIN(TestTicketCode)
#include "tst_ticketcode.moc"
