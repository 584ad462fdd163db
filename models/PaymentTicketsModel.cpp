#include "PaymentTicketsModel.h"

#include "AsyncLoad.h"
#include "Format.h"

namespace boxoffice {

PaymentTicketsModel::PaymentTicketsModel(EngineHost& host, QObject* parent)
    : QAbstractListModel(parent), m_host(host)
{}

QFuture<Result<void>> PaymentTicketsModel::setPayment(qint64 paymentId, const QList<Ticket>& first)
{
    m_paymentId = paymentId;
    apply(paymentId > 0 ? first : QList<Ticket>{});
    return reload();
}

QFuture<Result<void>> PaymentTicketsModel::reload()
{
    const qint64 paymentId = m_paymentId;
    return loadInto(
        m_host, this, m_generation,
        [paymentId](Engine& e) -> Result<QList<Ticket>> {
            if (paymentId <= 0)
                return QList<Ticket>{};
            return e.tickets.ofPayment(paymentId);
        },
        [this](QList<Ticket> tickets) { apply(std::move(tickets)); });
}

void PaymentTicketsModel::apply(QList<Ticket> tickets)
{
    beginResetModel();
    m_tickets = std::move(tickets);
    endResetModel();
}

void PaymentTicketsModel::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

QFuture<Result<Ticket>> PaymentTicketsModel::reissue(int row)
{
    if (row < 0 || row >= m_tickets.size() || m_busy)
        return {}; // one change at a time: a second click sends nothing
    setBusy(true);
    const qint64 ticketId = m_tickets.at(row).id;
    const qint64 paymentId = m_paymentId;
    const Actor by = m_actor;
    return m_host.call([ticketId, by](Engine& e) { return e.tickets.reissue(ticketId, by); })
        .then(this, [this, paymentId](Result<Ticket> fresh) {
            setBusy(false);
            if (paymentId == m_paymentId)
                reload();
            return fresh;
        });
}

PaymentTicketsModel::TicketState PaymentTicketsModel::stateOf(const Ticket& t)
{
    if (t.status == TicketStatus::Revoked)
        return t.revokedReason == TicketRevocation::Reissued ? TicketState::Replaced
                                                             : TicketState::Refunded;
    return t.isCheckedIn() ? TicketState::CheckedIn : TicketState::Valid;
}

QString PaymentTicketsModel::stateText(const Ticket& t)
{
    switch (stateOf(t)) {
    case TicketState::Valid:
        return tr("Valid");
    case TicketState::CheckedIn:
        return tr("Checked in %1").arg(Format::dateTime(t.checkedInAtMs));
    case TicketState::Refunded:
        return tr("Refunded");
    case TicketState::Replaced:
        return tr("Replaced by a reissued ticket");
    }
    return {};
}

QList<PrintedTicket> PaymentTicketsModel::printable(const QList<int>& rows) const
{
    QList<PrintedTicket> out;
    for (int row = 0; row < m_tickets.size(); ++row) {
        if (!rows.isEmpty() && !rows.contains(row))
            continue;
        const Ticket& t = m_tickets.at(row);
        if (t.status != TicketStatus::Valid)
            continue;
        out << PrintedTicket::from(t);
    }
    return out;
}

Result<void> PaymentTicketsModel::writePdf(const QString& path) const
{
    const QList<PrintedTicket> tickets = printable();
    if (tickets.isEmpty())
        return fail(Error::make(ErrorCode::BadRequest,
                                QStringLiteral("저장할 수 있는 티켓이 없습니다."),
                                QStringLiteral("There is no usable ticket to save.")));
    return TicketDocument::writePdf(path, tickets);
}

bool PaymentTicketsModel::isComplete() const
{
    return !m_tickets.isEmpty() && std::all_of(m_tickets.cbegin(), m_tickets.cend(),
                                               [](const Ticket& t) { return t.startsAtMs != 0; });
}

int PaymentTicketsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tickets.size());
}

QVariant PaymentTicketsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ticket& t = m_tickets.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("Seat %1 — %2").arg(t.seatLabel, stateText(t));
    case Qt::ToolTipRole:
        return t.code;
    case TicketIdRole:
        return t.id;
    case CodeRole:
        return t.code;
    case SeatRole:
        return t.seatLabel;
    case StatusRole:
        return QVariant::fromValue(stateOf(t));
    case StatusTextRole:
        return stateText(t);
    default:
        return {};
    }
}

} // namespace boxoffice
