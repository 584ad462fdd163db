#include "ScheduleListModel.h"

#include "AsyncLoad.h"
#include "Format.h"

namespace boxoffice {

ScheduleListModel::ScheduleListModel(EngineHost& host, QObject* parent)
    : QAbstractListModel(parent), m_host(host)
{}

QFuture<Result<void>> ScheduleListModel::setConcert(qint64 concertId)
{
    if (concertId != m_concertId) {
        beginResetModel();
        m_concertId = concertId;
        m_schedules.clear();
        endResetModel();
    }
    return refresh();
}

QFuture<Result<void>> ScheduleListModel::refresh()
{
    const qint64 concertId = m_concertId;
    return loadInto(
        m_host, this, m_generation,
        [concertId](Engine& e) -> Result<QList<ScheduleInfo>> {
            if (concertId <= 0)
                return QList<ScheduleInfo>{};
            return e.catalogue.schedulesOf(concertId);
        },
        [this](QList<ScheduleInfo> fresh) { apply(std::move(fresh)); });
}

void ScheduleListModel::refreshCounts()
{
    const qint64 concertId = m_concertId;
    if (concertId <= 0)
        return;
    (void)loadInto(
        m_host, this, m_countsGeneration,
        [concertId](Engine& e) { return e.catalogue.schedulesOf(concertId); },
        [this, concertId](QList<ScheduleInfo> fresh) {
            if (concertId == m_concertId)
                applyCounts(fresh);
        });
}

void ScheduleListModel::applyCounts(const QList<ScheduleInfo>& fresh)
{
    for (const ScheduleInfo& f : fresh) {
        const int row = rowOf(f.id);
        if (row >= 0 && m_schedules.at(row).availableSeats != f.availableSeats) {
            m_schedules[row].availableSeats = f.availableSeats;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
}

void ScheduleListModel::apply(QList<ScheduleInfo> fresh)
{
    const bool sameRows =
        fresh.size() == m_schedules.size() &&
        std::equal(fresh.begin(), fresh.end(), m_schedules.begin(),
                   [](const ScheduleInfo& a, const ScheduleInfo& b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_schedules = std::move(fresh);
        endResetModel();
        return;
    }
    for (int i = 0; i < fresh.size(); ++i) {
        if (fresh.at(i).availableSeats != m_schedules.at(i).availableSeats) {
            m_schedules[i] = fresh.at(i);
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

qint64 ScheduleListModel::idAt(int row) const
{
    return row >= 0 && row < m_schedules.size() ? m_schedules.at(row).id : 0;
}

int ScheduleListModel::rowOf(qint64 scheduleId) const
{
    for (int i = 0; i < m_schedules.size(); ++i) {
        if (m_schedules.at(i).id == scheduleId)
            return i;
    }
    return -1;
}

int ScheduleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_schedules.size());
}

QVariant ScheduleListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ScheduleInfo& s = m_schedules.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        //: A performance in the list: its date and time, then how many seats are left.
        return tr("%1 · %Ln seat(s) left", nullptr, s.availableSeats)
            .arg(Format::dateTime(s.startsAtMs));
    case Qt::ToolTipRole:
        return tr("%L1 of %L2 seats available").arg(s.availableSeats).arg(s.totalSeats);
    case IdRole:
        return s.id;
    case StartsAtRole:
        return s.startsAtMs;
    case AvailableRole:
        return s.availableSeats;
    case TotalRole:
        return s.totalSeats;
    default:
        return {};
    }
}

QHash<int, QByteArray> ScheduleListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "scheduleId");
    names.insert(StartsAtRole, "startsAt");
    names.insert(AvailableRole, "availableSeats");
    names.insert(TotalRole, "totalSeats");
    return names;
}

} // namespace boxoffice
