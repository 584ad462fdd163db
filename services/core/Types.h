#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QtGlobal>

#include <optional>

namespace boxoffice {

// Each enum below has one spelling per value, in Types.cpp: the word the API sends and the text
// the schema stores (the repositories in storage/ build their statements and read their rows
// with these functions and never type the words themselves). A name that spells no value gives
// nothing: a row a newer program wrote is not read as some other state.

enum class QueueState { Waiting, Active, Expired };
QString queueStateName(QueueState s);
std::optional<QueueState> queueStateFromName(QStringView name);

struct QueueStatus
{
    qint64 entryId = 0;
    qint64 customerId = 0;
    qint64 concertId = 0;
    QueueState state = QueueState::Waiting;
    qint64 position = 0;             // 1 = next to be admitted; 0 once ACTIVE
    qint64 estimatedWaitSeconds = 0; // 0 once ACTIVE
    qint64 expiresAtMs = 0;          // ACTIVE only
};

struct QueueTicket
{
    QString token; // the secret; only its digest is stored
    QueueStatus status;
    bool created = false; // false: the customer's existing entry, with a fresh token
};

// Proof that a token was checked: ACTIVE, for this customer and concert.
struct TokenPass
{
    qint64 entryId = 0;
    qint64 customerId = 0;
    qint64 concertId = 0;
};

struct Customer
{
    qint64 id = 0;
    QString name;
    QString phone;
    qint64 balance = 0;
};

struct Concert
{
    qint64 id = 0;
    QString title;
    QString venue;
};

struct ScheduleInfo
{
    qint64 id = 0;
    qint64 concertId = 0;
    qint64 startsAtMs = 0;
    QString layout;
    int totalSeats = 0;
    int availableSeats = 0;
};

enum class SeatState { Available, HeldByMe, HeldByOther, Sold };

struct SeatInfo
{
    qint64 seatId = 0;
    qint64 scheduleId = 0;
    int number = 0;
    QString section;
    QString row;
    QString tier;
    qint64 price = 0;
    SeatState state = SeatState::Available;
    qint64 holdExpiresAtMs = 0;
    QString label; // what the ticket says: "7" in the demo hall, "B-12-34" in a large venue
    int posX = -1; // floor-plan cell; -1: laid out by number
    int posY = -1;
};

// REFUNDED: paid, then given back (design R1); like EXPIRED it no longer holds the seat.
enum class ReservationStatus { Held, Paid, Expired, Refunded };
QString reservationStatusName(ReservationStatus s);
std::optional<ReservationStatus> reservationStatusFromName(QStringView name);

struct Reservation
{
    qint64 id = 0;
    qint64 scheduleId = 0;
    qint64 seatId = 0;
    int seatNumber = 0;
    QString seatLabel;
    qint64 customerId = 0;
    qint64 price = 0;
    ReservationStatus status = ReservationStatus::Held;
    qint64 heldAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 paymentId = 0;
};

// A ticket as its holder and the door know it (design K1, K4): one code per issue.
enum class TicketStatus { Valid, Revoked };
QString ticketStatusName(TicketStatus s);
std::optional<TicketStatus> ticketStatusFromName(QStringView name);

// Why a code stopped being valid.
enum class TicketRevocation { Reissued, Refunded };
QString ticketRevocationName(TicketRevocation r);
std::optional<TicketRevocation> ticketRevocationFromName(QStringView name);

struct Ticket
{
    qint64 id = 0;
    qint64 reservationId = 0;
    qint64 scheduleId = 0;
    qint64 paymentId = 0;
    int issueNumber = 1;
    QString code; // "BO1.…", signed (TicketCode)
    QString seatLabel;
    TicketStatus status = TicketStatus::Valid;
    std::optional<TicketRevocation> revokedReason;
    qint64 issuedAtMs = 0;
    qint64 revokedAtMs = 0;
    qint64 checkedInAtMs = 0; // 0: not checked in
    // What the ticket is for, as it is printed (filled where tickets are shown, not in the
    // payment's answer).
    QString concertTitle;
    QString venue;
    qint64 startsAtMs = 0;
    QString tier;
    qint64 price = 0;
    bool training = false;

    bool isCheckedIn() const { return checkedInAtMs != 0; }
};

struct Payment
{
    qint64 id = 0;
    qint64 customerId = 0;
    QList<qint64> reservationIds;
    qint64 amount = 0;
    qint64 balanceAfter = 0; // the customer's balance when this answer was made
    qint64 createdAtMs = 0;
    bool replayed = false; // an earlier payment answered again (P4)
    // Each paid reservation's current ticket, issued in the payment's own transaction (K1).
    QList<Ticket> tickets;
};

enum class LedgerKind { Charge, Payment, Refund };
QString ledgerKindName(LedgerKind k);
std::optional<LedgerKind> ledgerKindFromName(QStringView name);

struct LedgerEntry
{
    qint64 id = 0;
    LedgerKind kind = LedgerKind::Charge;
    qint64 amount = 0; // signed: charges positive, payments negative (W6)
    qint64 balanceAfter = 0;
    qint64 atMs = 0;
    qint64 paymentId = 0;
    qint64 refundId = 0;  // REFUND entries: the refund that gave the money back
    QString operatorName; // who took it at the counter; empty: the customer's own
};

// A refund of some of one payment's seats (design R1–R3).
struct Refund
{
    qint64 id = 0;
    qint64 paymentId = 0;
    qint64 customerId = 0;
    QList<qint64> reservationIds;
    qint64 amount = 0; // the refunded seats' prices
    qint64 fee = 0;    // what the venue keeps: floor(amount × feePercent / 100)
    int feePercent = 0;
    qint64 balanceAfter = 0; // the customer's balance when this answer was made
    qint64 refundedAtMs = 0;
    QString operatorName;
    bool replayed = false; // an earlier refund answered again (the same Idempotency-Key)

    qint64 returned() const { return amount - fee; }
};

// What a refund of some seats would give back now, before anyone commits to it.
struct RefundQuote
{
    QList<qint64> reservationIds;
    qint64 paymentId = 0;
    qint64 amount = 0;
    qint64 fee = 0;
    int feePercent = 0;

    qint64 returned() const { return amount - fee; }
};

// One seat a customer bought, as their page lists it: what happened to it since.
struct Purchase
{
    qint64 reservationId = 0;
    qint64 paymentId = 0;
    qint64 paidAtMs = 0;
    qint64 concertId = 0;
    QString concertTitle;
    qint64 scheduleId = 0;
    qint64 startsAtMs = 0;
    QString seatLabel;
    QString tier;
    qint64 price = 0;
    ReservationStatus status = ReservationStatus::Paid; // PAID or REFUNDED
    qint64 refundId = 0;
    qint64 refundedAtMs = 0;
    qint64 refundFee = 0; // this seat's share of its refund's fee
    qint64 ticketId = 0;  // the current (or last) ticket
    TicketStatus ticketStatus = TicketStatus::Valid;
    qint64 checkedInAtMs = 0;
};

// A door's answer to a scan that let someone in (design K5).
struct CheckIn
{
    qint64 id = 0;
    qint64 ticketId = 0;
    qint64 reservationId = 0;
    qint64 scheduleId = 0;
    QString seatLabel;
    qint64 checkedInAtMs = 0;
};

// What a staff action was, in the audit log (design R5).
enum class AuditAction {
    Charge,
    Payment,
    Refund,
    Reissue,
    CheckIn,
    QueuePause,
    QueueResume,
    TrainingReset
};
QString auditActionName(AuditAction a);
std::optional<AuditAction> auditActionFromName(QStringView name);

} // namespace boxoffice

// Carried by queued signals and QVariant (QSignalSpy) between the engine's thread and the GUI's.
Q_DECLARE_METATYPE(boxoffice::Customer)
Q_DECLARE_METATYPE(boxoffice::QueueStatus)
Q_DECLARE_METATYPE(boxoffice::Reservation)
Q_DECLARE_METATYPE(boxoffice::Payment)
Q_DECLARE_METATYPE(boxoffice::Ticket)
Q_DECLARE_METATYPE(boxoffice::Refund)
Q_DECLARE_METATYPE(boxoffice::CheckIn)
