#pragma once

#include "sales/ReservationService.h"

#include <QAbstractTableModel>

namespace boxoffice {

// The current customer's seat holds with a live countdown (H2). A hold whose time runs out
// leaves the model on the next tick.
class HoldsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeatColumn, PriceColumn, TimeLeftColumn, ColumnCount };
    enum Role { ReservationIdRole = Qt::UserRole + 1, RemainingMsRole };

    HoldsModel(ReservationService& reservations, const Clock& clock, QObject* parent = nullptr);

    Result<void> setCustomer(qint64 customerId);
    Result<void> reload();
    // Advances the countdowns; drops holds whose time has passed (emits holdsExpired).
    void tick();

    qint64 total() const;
    QList<qint64> reservationIds() const;
    const QList<Reservation>& holds() const { return m_holds; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void holdsExpired(int count);

private:
    ReservationService& m_reservations;
    const Clock& m_clock;
    qint64 m_customerId = 0;
    QList<Reservation> m_holds;
};

} // namespace boxoffice
