#pragma once

#include "core/Error.h"
#include "sales/TicketKeys.h"

#include <QString>
#include <QStringView>

namespace boxoffice {

// What a ticket code says, all of it covered by the signature (design K1).
struct TicketPayload
{
    qint64 ticketId = 0;
    qint64 reservationId = 0;
    qint64 scheduleId = 0;
    QString seatLabel;   // what the ticket says: "7", "B-12-34"
    int issueNumber = 1; // 1 for the first code; a reissue counts up (K4)
    TicketKeyId keyId;   // the key that signed it
    bool training = false;

    bool operator==(const TicketPayload&) const = default;
};

// Why a code is not a valid ticket. Every one of them is TICKET_INVALID to the door; the reason
// is in the error's "reason" field and message, for the person at the scanner.
enum class TicketCodeProblem {
    Empty,          // nothing scanned
    TooLong,        // longer than any code can be
    WrongPrefix,    // not "BO1."
    NotBase64,      // characters outside base64url, or not its canonical spelling
    Truncated,      // fewer bytes than the layout needs
    TrailingBytes,  // more bytes than the layout needs
    UnknownVersion, // a payload version this program does not read
    Malformed,      // a field out of range: unknown flag, id or issue 0, label not UTF-8
    UnknownKey,     // signed by a key not in the door's list
    BadSignature,   // the signature does not match the bytes
    WrongMode,      // a training ticket at a real door, or a real one at a training door
};
QString ticketCodeProblemName(TicketCodeProblem p);

// The ticket code: "BO1." + base64url without padding of (payload ‖ Ed25519 signature).
//
// Payload, version 1 (integers unsigned, big-endian):
//   offset  size  field
//        0     1  version = 1
//        1     1  flags: bit 0 = training ticket; the other bits are 0
//        2     8  key id (TicketKeyId: SHA-256 of the signing public key, first 8 bytes)
//       10     8  ticket id      (1 .. 2^63 - 1)
//       18     8  reservation id (1 .. 2^63 - 1)
//       26     8  schedule id    (1 .. 2^63 - 1)
//       34     2  issue number   (1 .. 65535)
//       36     1  seat label length L in bytes (1 .. kMaxSeatLabelBytes)
//       37     L  seat label, UTF-8
//   37 + L    64  Ed25519 signature of bytes 0 .. 36 + L
//
// Fixed-width integers rather than varints: the worst case is the only case, so the length
// bound below is plain arithmetic and parsing cannot overrun. A new layout gets a new version
// byte; a door refuses versions it does not know.
class TicketCode
{
public:
    static constexpr QStringView kPrefix = u"BO1.";
    static constexpr int kVersion = 1;
    static constexpr int kHeaderBytes = 37;
    // The longest seat label a code carries. Venue layouts keep section names to
    // VenueLayout::kMaxSectionNameBytes (32) and rows and seats to 1000 each, so the longest
    // label a layout can make, "<section>-1000-1000", is 42 bytes; the demo hall's are numbers.
    static constexpr int kMaxSeatLabelBytes = 45;
    static constexpr int kMaxBytes =
        kHeaderBytes + kMaxSeatLabelBytes + TicketPublicKey::kSignatureSize; // 146
    // Base64 of n bytes without padding is ceil(4n / 3) characters: 195 for 146, so the
    // longest code is 199 characters and the shortest (a one-byte label) 140.
    static constexpr int kMaxLength = int(kPrefix.size()) + (4 * kMaxBytes + 2) / 3;
    static_assert(kMaxLength < 200);

    // The signed code for a payload; refused (BAD_REQUEST) when a field does not fit the
    // layout, or the key is not the payload's key or not of the payload's kind.
    static Result<QString> sign(const TicketPayload& payload, const TicketSigningKey& key);

    // The payload a code carries, if its signature is right by a key of `keys` of the given
    // kind. Total: any text at all gives a value or TICKET_INVALID (with the reason), never a
    // crash, and never costs more than one signature check.
    static Result<TicketPayload> verify(QStringView code, const TicketKeySet& keys,
                                        TicketMode mode = TicketMode::Real);

    // The payload of a well-formed code, unchecked: its signed bytes and signature go to
    // `signedBytes` and `signature` when given. For showing what a refused code claims, and
    // for the benchmark; nothing may trust what this returns.
    static Result<TicketPayload> decode(QStringView code, QByteArray* signedBytes = nullptr,
                                        QByteArray* signature = nullptr);
};

} // namespace boxoffice
