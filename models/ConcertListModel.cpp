#include "ConcertListModel.h"

#include "AsyncLoad.h"

namespace boxoffice {

ConcertListModel::ConcertListModel(EngineHost& host, QObject* parent)
    : QAbstractListModel(parent), m_host(host)
{}

QFuture<Result<void>> ConcertListModel::reload()
{
    return loadInto(
        m_host, this, m_generation, [](Engine& e) { return e.catalogue.concerts(); },
        [this](QList<Concert> list) { apply(std::move(list)); });
}

void ConcertListModel::apply(QList<Concert> concerts)
{
    const bool sameRows =
        concerts.size() == m_concerts.size() &&
        std::equal(concerts.begin(), concerts.end(), m_concerts.begin(),
                   [](const Concert& a, const Concert& b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_concerts = std::move(concerts);
        endResetModel();
        return;
    }
    for (int i = 0; i < concerts.size(); ++i) {
        if (concerts.at(i).title != m_concerts.at(i).title ||
            concerts.at(i).venue != m_concerts.at(i).venue) {
            m_concerts[i] = concerts.at(i);
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

qint64 ConcertListModel::idAt(int row) const
{
    return row >= 0 && row < m_concerts.size() ? m_concerts.at(row).id : 0;
}

int ConcertListModel::rowOf(qint64 concertId) const
{
    for (int i = 0; i < m_concerts.size(); ++i) {
        if (m_concerts.at(i).id == concertId)
            return i;
    }
    return -1;
}

QString ConcertListModel::titleOf(qint64 concertId) const
{
    const int row = rowOf(concertId);
    return row >= 0 ? m_concerts.at(row).title : QString::number(concertId);
}

int ConcertListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_concerts.size());
}

QVariant ConcertListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Concert& c = m_concerts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return c.title;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(c.title, c.venue);
    case IdRole:
        return c.id;
    case VenueRole:
        return c.venue;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConcertListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "concertId");
    names.insert(VenueRole, "venue");
    return names;
}

} // namespace boxoffice
