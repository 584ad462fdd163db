#pragma once

#include "queue/QueueService.h"
#include "storage/CatalogueRepository.h"
#include "storage/CustomerRepository.h"
#include "storage/ReservationRepository.h"

namespace boxoffice {

// Seat holds (design H1–H3).
class ReservationService
{
public:
    ReservationService(std::shared_ptr<Database> db, const Clock& clock,
                       const EngineSettings& settings, QueueService& queue);

    // H1: holds a seat for the token's customer for hold_seconds. Exactly one of any number of
    // concurrent callers wins; the others get SEAT_ALREADY_TAKEN.
    Result<Reservation> hold(const QString& token, qint64 scheduleId, int seatNumber);
    // Gives a held seat back before its time (the customer changed their mind).
    Result<void> release(const QString& token, qint64 reservationId);
    // The customer's live holds, oldest first.
    Result<QList<Reservation>> holdsOf(qint64 customerId);
    // H2: the sweeper. Marks holds whose time has passed EXPIRED. Returns how many.
    Result<int> expireHolds(qint64 nowMs);

private:
    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    const EngineSettings& m_settings;
    QueueService& m_queue;
    ReservationRepository m_reservations;
    CatalogueRepository m_catalogue;
    CustomerRepository m_customers;
};

} // namespace boxoffice
