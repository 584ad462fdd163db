#pragma once

#include "engine/EngineHost.h"

#include <QAbstractTableModel>
#include <QSet>

namespace boxoffice {

// The current customer's seat holds with a live countdown (H2), on the engine's clock: the
// countdown moves every second, and a hold leaves the model at the moment its time runs out.
class HoldsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeatColumn, PriceColumn, TimeLeftColumn, ColumnCount };
    enum Role { ReservationIdRole = Qt::UserRole + 1, RemainingMsRole, EndingSoonRole };
    static constexpr qint64 kEndingSoonMs = 30'000;

    explicit HoldsModel(EngineHost& host, QObject* parent = nullptr);

    QFuture<Result<void>> setCustomer(qint64 customerId);
    QFuture<Result<void>> reload();
    // Advances the countdowns; drops holds whose time has passed (emits holdsExpired). The
    // model's own timers call it; tests may too.
    void tick();
    qint64 customerId() const { return m_customerId; }

    qint64 total() const;
    QList<qint64> reservationIds() const;
    const QList<Reservation>& holds() const { return m_holds; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // Holds whose time ran out, dropped from the model just now.
    void holdsExpired(const QList<boxoffice::Reservation>& expired);
    // A hold has kEndingSoonMs or less left (once per hold).
    void holdEndingSoon(const boxoffice::Reservation& hold);

private:
    void apply(QList<Reservation> holds);
    void arm();

    EngineHost& m_host;
    qint64 m_customerId = 0;
    QList<Reservation> m_holds;
    quint64 m_generation = 0;
    QSet<qint64> m_warned; // holds already said to be ending soon
    ClockTimer m_second;
    ClockTimer m_nextExpiry;
};

} // namespace boxoffice
