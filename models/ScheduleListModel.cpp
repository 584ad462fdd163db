#include "ScheduleListModel.h"

#include "Format.h"

namespace boxoffice {

ScheduleListModel::ScheduleListModel(CatalogueService& catalogue, QObject* parent)
    : QAbstractListModel(parent), m_catalogue(catalogue)
{}

Result<void> ScheduleListModel::setConcert(qint64 concertId)
{
    QList<ScheduleInfo> list;
    if (concertId > 0) {
        auto r = m_catalogue.schedulesOf(concertId);
        if (!r)
            return std::unexpected(r.error());
        list = *r;
    }
    beginResetModel();
    m_concertId = concertId;
    m_schedules = list;
    endResetModel();
    return {};
}

Result<void> ScheduleListModel::refresh()
{
    if (m_concertId <= 0)
        return {};
    auto r = m_catalogue.schedulesOf(m_concertId);
    if (!r)
        return std::unexpected(r.error());
    const QList<ScheduleInfo>& fresh = *r;
    bool sameRows = fresh.size() == m_schedules.size();
    for (int i = 0; sameRows && i < fresh.size(); ++i)
        sameRows = fresh.at(i).id == m_schedules.at(i).id;
    if (!sameRows)
        return setConcert(m_concertId);
    for (int i = 0; i < fresh.size(); ++i) {
        if (fresh.at(i).availableSeats != m_schedules.at(i).availableSeats) {
            m_schedules[i] = fresh.at(i);
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    return {};
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
