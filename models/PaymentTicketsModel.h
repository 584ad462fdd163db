#pragma once

#include "TicketDocument.h"
#include "audit/Actor.h"
#include "engine/EngineHost.h"

#include <QAbstractListModel>

namespace boxoffice {

// The tickets of one payment (design K3, K4): a row per seat with its current code, to show
// with its QR symbol, print, save as one PDF, reprint and reissue. Read and changed through the
// EngineHost; `actor` is who a reissue is recorded as.
class PaymentTicketsModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TicketIdRole = Qt::UserRole + 1,
        CodeRole,
        SeatRole,
        StatusRole,    // TicketState
        StatusTextRole // what a person reads: "Valid", "Checked in 19:02", ...
    };
    // What a row's ticket is good for now.
    enum class TicketState { Valid, CheckedIn, Refunded, Replaced };
    Q_ENUM(TicketState)

    explicit PaymentTicketsModel(EngineHost& host, QObject* parent = nullptr);

    void setActor(const Actor& actor) { m_actor = actor; }
    // Shows `paymentId`'s tickets (0: none). The payment's answer may bring them first, to show
    // at once; the rest of what a ticket says (concert, date, tier) follows from the engine.
    QFuture<Result<void>> setPayment(qint64 paymentId, const QList<Ticket>& first = {});
    QFuture<Result<void>> reload();
    qint64 paymentId() const { return m_paymentId; }
    const QList<Ticket>& tickets() const { return m_tickets; }
    const Ticket& ticket(int row) const { return m_tickets.at(row); }
    bool isBusy() const { return m_busy; }
    // Whether every ticket's whole text is here (the payment's own answer brings only codes and
    // seats; what is printed follows).
    bool isComplete() const;

    // K4: a new code for the row's seat; the old code stops working. The row shows the new
    // ticket when the answer comes.
    QFuture<Result<Ticket>> reissue(int row);
    // What paper shows of the given rows (all of them when `rows` is empty); only tickets that
    // can still be used, for a ticket that was replaced or refunded must not be printed again.
    QList<PrintedTicket> printable(const QList<int>& rows = {}) const;
    // Every usable ticket of the payment as one PDF, one per page.
    Result<void> writePdf(const QString& path) const;
    static TicketState stateOf(const Ticket& t);
    static QString stateText(const Ticket& t);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

Q_SIGNALS:
    void busyChanged(bool busy);

private:
    void apply(QList<Ticket> tickets);
    void setBusy(bool busy);

    EngineHost& m_host;
    Actor m_actor;
    qint64 m_paymentId = 0;
    QList<Ticket> m_tickets;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace boxoffice
