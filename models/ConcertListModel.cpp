#include "ConcertListModel.h"

namespace boxoffice {

ConcertListModel::ConcertListModel(CatalogueService& catalogue, QObject* parent)
    : QAbstractListModel(parent), m_catalogue(catalogue)
{}

Result<void> ConcertListModel::reload()
{
    auto list = m_catalogue.concerts();
    if (!list)
        return std::unexpected(list.error());
    beginResetModel();
    m_concerts = *list;
    endResetModel();
    return {};
}

qint64 ConcertListModel::idAt(int row) const
{
    return row >= 0 && row < m_concerts.size() ? m_concerts.at(row).id : 0;
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
