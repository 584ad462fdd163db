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

enum class ReservationStatus { Held, Paid, Expired };
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

struct Payment
{
    qint64 id = 0;
    qint64 customerId = 0;
    QList<qint64> reservationIds;
    qint64 amount = 0;
    qint64 balanceAfter = 0; // the customer's balance when this answer was made
    qint64 createdAtMs = 0;
    bool replayed = false; // an earlier payment answered again (P4)
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
};

} // namespace boxoffice

// Carried by queued signals and QVariant (QSignalSpy) between the engine's thread and the GUI's.
Q_DECLARE_METATYPE(boxoffice::Customer)
Q_DECLARE_METATYPE(boxoffice::QueueStatus)
Q_DECLARE_METATYPE(boxoffice::Reservation)
Q_DECLARE_METATYPE(boxoffice::Payment)
