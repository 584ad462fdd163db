#pragma once

#include "audit/Actor.h"
#include "engine/EngineHost.h"

#include <QAbstractTableModel>
#include <QSet>

namespace boxoffice {

// A customer's purchases (design R1, R5): every seat they bought, newest payment first, with
// what became of it (refunded, checked in), their refunds, and the refund of some seats of one
// payment. Seats are chosen for a refund by checking their rows; only seats of one payment can
// be chosen together, and only seats that can still be refunded.
class PurchasesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PaymentColumn,
        ConcertColumn,
        DateColumn,
        SeatColumn,
        PriceColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { ReservationIdRole = Qt::UserRole + 1, PaymentIdRole, RefundableRole };

    explicit PurchasesModel(EngineHost& host, QObject* parent = nullptr);

    void setActor(const Actor& actor) { m_actor = actor; }
    QFuture<Result<void>> setCustomer(qint64 customerId);
    QFuture<Result<void>> reload();
    qint64 customerId() const { return m_customerId; }
    const QList<Purchase>& purchases() const { return m_history.purchases; }
    const QList<Refund>& refunds() const { return m_history.refunds; }
    const Purchase& purchase(int row) const { return m_history.purchases.at(row); }

    // Whether the seat can be refunded now: paid, not checked in, its performance not started.
    bool isRefundable(const Purchase& p) const;
    // The chosen seats (reservation ids, in row order) and their payment (0: none chosen).
    QList<qint64> chosen() const;
    qint64 chosenPayment() const { return m_chosenPayment; }
    // Chooses or unchooses a row; choosing a seat of another payment starts a new choice.
    void choose(int row, bool on);
    void clearChoice();

    // What refunding the chosen seats gives back (nothing is written).
    QFuture<Result<RefundQuote>> quote();
    // Refunds the chosen seats (one request; a second call while it is out sends nothing). The
    // rows show the refund when the answer comes.
    QFuture<Result<Refund>> refundChosen();
    bool isBusy() const { return m_busy; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(const Purchase& p);

Q_SIGNALS:
    void choiceChanged();
    void busyChanged(bool busy);

private:
    void apply(CustomerHistory history);
    void setBusy(bool busy);

    EngineHost& m_host;
    Actor m_actor;
    qint64 m_customerId = 0;
    CustomerHistory m_history;
    QSet<qint64> m_chosen;
    qint64 m_chosenPayment = 0;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace boxoffice
