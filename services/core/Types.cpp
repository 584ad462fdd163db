#include "core/Types.h"

#include <iterator>

namespace boxoffice {

namespace {

// One row per value, in the enum's order, so that a value is its own index (checked below):
// adding a value means adding its row here, and nothing else in the program spells it.
template <typename E> struct Spelling
{
    E value;
    const char16_t* name;
};

constexpr Spelling<QueueState> kQueueStates[] = {
    {QueueState::Waiting, u"WAITING"},
    {QueueState::Active, u"ACTIVE"},
    {QueueState::Expired, u"EXPIRED"},
};

constexpr Spelling<ReservationStatus> kReservationStatuses[] = {
    {ReservationStatus::Held, u"HELD"},
    {ReservationStatus::Paid, u"PAID"},
    {ReservationStatus::Expired, u"EXPIRED"},
    {ReservationStatus::Refunded, u"REFUNDED"},
};

constexpr Spelling<LedgerKind> kLedgerKinds[] = {
    {LedgerKind::Charge, u"CHARGE"},
    {LedgerKind::Payment, u"PAYMENT"},
    {LedgerKind::Refund, u"REFUND"},
};

constexpr Spelling<TicketStatus> kTicketStatuses[] = {
    {TicketStatus::Valid, u"VALID"},
    {TicketStatus::Revoked, u"REVOKED"},
};

constexpr Spelling<TicketRevocation> kTicketRevocations[] = {
    {TicketRevocation::Reissued, u"REISSUED"},
    {TicketRevocation::Refunded, u"REFUNDED"},
};

constexpr Spelling<AuditAction> kAuditActions[] = {
    {AuditAction::Charge, u"CHARGE"},
    {AuditAction::Payment, u"PAYMENT"},
    {AuditAction::Refund, u"REFUND"},
    {AuditAction::Reissue, u"REISSUE"},
    {AuditAction::CheckIn, u"CHECK_IN"},
    {AuditAction::QueuePause, u"QUEUE_PAUSE"},
    {AuditAction::QueueResume, u"QUEUE_RESUME"},
    {AuditAction::TrainingReset, u"TRAINING_RESET"},
};

template <typename E, std::size_t N> constexpr bool inOrder(const Spelling<E> (&table)[N])
{
    for (std::size_t i = 0; i < N; ++i) {
        if (std::size_t(table[i].value) != i)
            return false;
    }
    return true;
}
static_assert(inOrder(kQueueStates) && inOrder(kReservationStatuses) && inOrder(kLedgerKinds) &&
                  inOrder(kTicketStatuses) && inOrder(kTicketRevocations) && inOrder(kAuditActions),
              "a spelling table must list its enum's values in order");

template <typename E, std::size_t N> QString nameIn(const Spelling<E> (&table)[N], E value)
{
    const auto i = std::size_t(value);
    Q_ASSERT_X(i < N, "nameIn", "a value without a spelling");
    // The names are static text: the QString points at it instead of copying.
    return i < N ? QString::fromRawData(reinterpret_cast<const QChar*>(table[i].name),
                                        std::char_traits<char16_t>::length(table[i].name))
                 : QString();
}

template <typename E, std::size_t N>
std::optional<E> valueIn(const Spelling<E> (&table)[N], QStringView name)
{
    for (const Spelling<E>& s : table) {
        if (name == QStringView(s.name))
            return s.value;
    }
    return std::nullopt;
}

} // namespace

QString queueStateName(QueueState s)
{
    return nameIn(kQueueStates, s);
}

std::optional<QueueState> queueStateFromName(QStringView name)
{
    return valueIn(kQueueStates, name);
}

QString reservationStatusName(ReservationStatus s)
{
    return nameIn(kReservationStatuses, s);
}

std::optional<ReservationStatus> reservationStatusFromName(QStringView name)
{
    return valueIn(kReservationStatuses, name);
}

QString ledgerKindName(LedgerKind k)
{
    return nameIn(kLedgerKinds, k);
}

std::optional<LedgerKind> ledgerKindFromName(QStringView name)
{
    return valueIn(kLedgerKinds, name);
}

QString ticketStatusName(TicketStatus s)
{
    return nameIn(kTicketStatuses, s);
}

std::optional<TicketStatus> ticketStatusFromName(QStringView name)
{
    return valueIn(kTicketStatuses, name);
}

QString ticketRevocationName(TicketRevocation r)
{
    return nameIn(kTicketRevocations, r);
}

std::optional<TicketRevocation> ticketRevocationFromName(QStringView name)
{
    return valueIn(kTicketRevocations, name);
}

QString auditActionName(AuditAction a)
{
    return nameIn(kAuditActions, a);
}

std::optional<AuditAction> auditActionFromName(QStringView name)
{
    return valueIn(kAuditActions, name);
}

} // namespace boxoffice
