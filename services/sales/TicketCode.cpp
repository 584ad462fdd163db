#include "sales/TicketCode.h"

#include "sales/TicketBase64.h"

#include <limits>

namespace boxoffice {

namespace {

constexpr quint8 kTrainingFlag = 0x01;
constexpr int kOffsetFlags = 1;
constexpr int kOffsetKeyId = 2;
constexpr int kOffsetTicket = 10;
constexpr int kOffsetReservation = 18;
constexpr int kOffsetSchedule = 26;
constexpr int kOffsetIssue = 34;
constexpr int kOffsetLabelLength = 36;
static_assert(kOffsetLabelLength + 1 == TicketCode::kHeaderBytes);
static_assert(kOffsetKeyId + TicketKeyId::kSize == kOffsetTicket);
constexpr int kMinBytes = TicketCode::kHeaderBytes + 1 + TicketPublicKey::kSignatureSize;

struct ProblemText
{
    TicketCodeProblem problem;
    const char* name;
    const char* korean;
    const char* english;
};

constexpr ProblemText kProblems[] = {
    {TicketCodeProblem::Empty, "EMPTY", "읽은 코드가 없습니다", "nothing was scanned"},
    {TicketCodeProblem::TooLong, "TOO_LONG", "티켓 코드보다 깁니다", "longer than any ticket code"},
    {TicketCodeProblem::WrongPrefix, "WRONG_PREFIX", "BO1.로 시작하지 않습니다",
     "does not start with BO1."},
    {TicketCodeProblem::NotBase64, "NOT_BASE64", "코드에 허용되지 않는 문자가 있습니다",
     "the code holds characters a ticket code cannot"},
    {TicketCodeProblem::Truncated, "TRUNCATED", "코드가 잘렸습니다", "the code is cut short"},
    {TicketCodeProblem::TrailingBytes, "TRAILING_BYTES", "코드 뒤에 남는 데이터가 있습니다",
     "the code has bytes after its end"},
    {TicketCodeProblem::UnknownVersion, "UNKNOWN_VERSION", "알 수 없는 티켓 형식입니다",
     "an unknown ticket format"},
    {TicketCodeProblem::Malformed, "MALFORMED", "티켓 내용이 올바르지 않습니다",
     "the ticket's fields are not valid"},
    {TicketCodeProblem::UnknownKey, "UNKNOWN_KEY", "등록되지 않은 키로 서명되었습니다",
     "signed by a key this door does not know"},
    {TicketCodeProblem::BadSignature, "BAD_SIGNATURE", "서명이 맞지 않습니다 (위조 또는 손상)",
     "the signature does not match (forged or damaged)"},
    {TicketCodeProblem::WrongMode, "WRONG_MODE", "교육용 티켓과 실제 티켓은 서로 쓸 수 없습니다",
     "a training ticket is not valid at a real door, nor a real one in training"},
};

const ProblemText& textOf(TicketCodeProblem p)
{
    for (const ProblemText& t : kProblems) {
        if (t.problem == p)
            return t;
    }
    return kProblems[0];
}

std::unexpected<Error> invalid(TicketCodeProblem p)
{
    const ProblemText& t = textOf(p);
    Error e = Error::make(ErrorCode::TicketInvalid);
    e.korean = QStringLiteral("%1 (%2)").arg(e.korean, QString::fromUtf8(t.korean));
    e.english = QStringLiteral("%1 (%2)").arg(e.english, QString::fromUtf8(t.english));
    e.withExtra(QStringLiteral("reason"), QString::fromLatin1(t.name));
    return std::unexpected(std::move(e));
}

std::unexpected<Error> unfit(const QString& why)
{
    return std::unexpected(Error::make(ErrorCode::BadRequest,
                                       QStringLiteral("티켓 코드를 만들 수 없습니다: %1").arg(why),
                                       QStringLiteral("Cannot make the ticket code: %1").arg(why)));
}

void putBigEndian(QByteArray& out, quint64 value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.append(char((value >> (8 * i)) & 0xff));
}

quint64 getBigEndian(const QByteArray& in, int offset, int bytes)
{
    quint64 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | quint8(in.at(offset + i));
    return v;
}

bool validLabel(const QString& label, const QByteArray& utf8)
{
    if (utf8.isEmpty() || utf8.size() > TicketCode::kMaxSeatLabelBytes)
        return false;
    // The text must be the bytes exactly (no replaced invalid sequences, no lone surrogates),
    // and hold no control characters a printed ticket could not show.
    if (label.toUtf8() != utf8 || QString::fromUtf8(utf8) != label)
        return false;
    for (const QChar c : label) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

// The signed bytes of a payload, or an empty array when a field does not fit the layout.
QByteArray layout(const TicketPayload& p, QString* why)
{
    const QByteArray label = p.seatLabel.toUtf8();
    if (p.ticketId <= 0 || p.reservationId <= 0 || p.scheduleId <= 0) {
        *why = QStringLiteral("ids must be positive");
        return {};
    }
    if (p.issueNumber < 1 || p.issueNumber > std::numeric_limits<quint16>::max()) {
        *why = QStringLiteral("the issue number must be from 1 to 65535");
        return {};
    }
    if (!validLabel(p.seatLabel, label)) {
        *why = QStringLiteral("the seat label must be 1 to %1 bytes of UTF-8 text")
                   .arg(TicketCode::kMaxSeatLabelBytes);
        return {};
    }
    QByteArray out;
    out.reserve(TicketCode::kHeaderBytes + label.size());
    out.append(char(TicketCode::kVersion));
    out.append(char(p.training ? kTrainingFlag : 0));
    out.append(reinterpret_cast<const char*>(p.keyId.bytes.data()), TicketKeyId::kSize);
    putBigEndian(out, quint64(p.ticketId), 8);
    putBigEndian(out, quint64(p.reservationId), 8);
    putBigEndian(out, quint64(p.scheduleId), 8);
    putBigEndian(out, quint64(p.issueNumber), 2);
    out.append(char(label.size()));
    out.append(label);
    return out;
}

} // namespace

QString ticketCodeProblemName(TicketCodeProblem p)
{
    return QString::fromLatin1(textOf(p).name);
}

Result<QString> TicketCode::sign(const TicketPayload& payload, const TicketSigningKey& key)
{
    if (payload.keyId != key.id())
        return unfit(QStringLiteral("the payload names another key"));
    if (payload.training != (key.mode() == TicketMode::Training))
        return unfit(payload.training ? QStringLiteral("a training ticket needs the training key")
                                      : QStringLiteral("the training key signs training tickets"
                                                       " only"));
    QString why;
    QByteArray bytes = layout(payload, &why);
    if (bytes.isEmpty())
        return unfit(why);
    bytes += BO_TRY(key.sign(bytes));
    return kPrefix.toString() + QString::fromLatin1(toBase64url(bytes));
}

Result<TicketPayload> TicketCode::decode(QStringView code, QByteArray* signedBytes,
                                         QByteArray* signature)
{
    // Length first: whatever arrives, no more work than a code's worth.
    if (code.isEmpty())
        return invalid(TicketCodeProblem::Empty);
    if (code.size() > kMaxLength)
        return invalid(TicketCodeProblem::TooLong);
    if (!code.startsWith(kPrefix))
        return invalid(TicketCodeProblem::WrongPrefix);
    const QStringView body = code.sliced(kPrefix.size());
    QByteArray text;
    text.reserve(body.size());
    for (const QChar c : body) {
        if (c.unicode() > 0x7f)
            return invalid(TicketCodeProblem::NotBase64);
        text.append(char(c.unicode()));
    }
    const auto decoded = fromCanonicalBase64url(text);
    if (!decoded)
        return invalid(TicketCodeProblem::NotBase64);
    const QByteArray& b = *decoded;
    if (b.size() < kMinBytes)
        return invalid(TicketCodeProblem::Truncated);
    if (quint8(b.at(0)) != kVersion)
        return invalid(TicketCodeProblem::UnknownVersion);
    const int labelBytes = quint8(b.at(kOffsetLabelLength));
    if (labelBytes == 0 || labelBytes > kMaxSeatLabelBytes)
        return invalid(TicketCodeProblem::Malformed);
    const qsizetype expected = kHeaderBytes + labelBytes + TicketPublicKey::kSignatureSize;
    if (b.size() < expected)
        return invalid(TicketCodeProblem::Truncated);
    if (b.size() > expected)
        return invalid(TicketCodeProblem::TrailingBytes);

    const quint8 flags = quint8(b.at(kOffsetFlags));
    const quint64 ticket = getBigEndian(b, kOffsetTicket, 8);
    const quint64 reservation = getBigEndian(b, kOffsetReservation, 8);
    const quint64 schedule = getBigEndian(b, kOffsetSchedule, 8);
    const quint64 issue = getBigEndian(b, kOffsetIssue, 2);
    constexpr quint64 kMaxId = quint64(std::numeric_limits<qint64>::max());
    const QByteArray labelUtf8 = b.sliced(kHeaderBytes, labelBytes);
    const QString label = QString::fromUtf8(labelUtf8);
    if ((flags & ~kTrainingFlag) != 0 || ticket == 0 || ticket > kMaxId || reservation == 0 ||
        reservation > kMaxId || schedule == 0 || schedule > kMaxId || issue == 0 ||
        !validLabel(label, labelUtf8))
        return invalid(TicketCodeProblem::Malformed);

    TicketPayload p;
    p.ticketId = qint64(ticket);
    p.reservationId = qint64(reservation);
    p.scheduleId = qint64(schedule);
    p.issueNumber = int(issue);
    p.seatLabel = label;
    p.training = (flags & kTrainingFlag) != 0;
    p.keyId = *TicketKeyId::fromBytes(b.sliced(kOffsetKeyId, TicketKeyId::kSize));
    if (signedBytes)
        *signedBytes = b.first(expected - TicketPublicKey::kSignatureSize);
    if (signature)
        *signature = b.last(TicketPublicKey::kSignatureSize);
    return p;
}

Result<TicketPayload> TicketCode::verify(QStringView code, const TicketKeySet& keys,
                                         TicketMode mode)
{
    QByteArray signedBytes;
    QByteArray signature;
    TicketPayload p = BO_TRY(decode(code, &signedBytes, &signature));
    const TicketKeyInfo* key = keys.find(p.keyId);
    if (!key)
        return invalid(TicketCodeProblem::UnknownKey);
    if (!key->key.verify(signedBytes, signature))
        return invalid(TicketCodeProblem::BadSignature);
    // Both the signed flag and the key's own kind: a training ticket stays one even if its
    // key was (wrongly) registered as a real one, and the other way round.
    const bool training = mode == TicketMode::Training;
    if (p.training != training || (key->mode == TicketMode::Training) != training)
        return invalid(TicketCodeProblem::WrongMode);
    return p;
}

} // namespace boxoffice
