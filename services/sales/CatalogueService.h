#pragma once

#include "queue/QueueService.h"
#include "storage/CatalogueRepository.h"

namespace boxoffice {

// Concerts, their schedules and seats (design C1–C3).
class CatalogueService
{
public:
    CatalogueService(std::shared_ptr<Database> db, const Clock& clock, QueueService& queue);

    Result<QList<Concert>> concerts();
    // C2: future schedules with at least one available seat; needs an ACTIVE token (Q8).
    Result<QList<ScheduleInfo>> availableSchedules(const QString& token, qint64 concertId);
    // C3: available seats of a schedule; needs an ACTIVE token for its concert (Q8).
    Result<QList<SeatInfo>> availableSeats(const QString& token, qint64 scheduleId);

    // The box-office terminal's view: every future schedule with its counts, no token needed.
    Result<QList<ScheduleInfo>> schedulesOf(qint64 concertId);
    // Every seat of a schedule with its state as seen by `viewerCustomerId` (0: nobody).
    Result<QList<SeatInfo>> seatMap(qint64 scheduleId, qint64 viewerCustomerId);
    Result<ScheduleInfo> schedule(qint64 scheduleId);

private:
    std::shared_ptr<Database> m_db;
    const Clock& m_clock;
    QueueService& m_queue;
    CatalogueRepository m_catalogue;
};

} // namespace boxoffice
