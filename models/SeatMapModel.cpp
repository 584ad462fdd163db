#include "SeatMapModel.h"

#include "Format.h"

namespace boxoffice {

namespace {

constexpr int kDemoSeatsPerRow = 10;

quint64 cellKey(int x, int y)
{
    return (quint64(quint32(y)) << 32) | quint32(x);
}

} // namespace

SeatMapModel::SeatMapModel(CatalogueService& catalogue, const Clock& clock, QObject* parent)
    : QAbstractListModel(parent), m_catalogue(catalogue), m_clock(clock)
{}

QString SeatMapModel::stateName(SeatState state)
{
    switch (state) {
    case SeatState::Available:
        return tr("Available");
    case SeatState::HeldByMe:
        return tr("Held for this customer");
    case SeatState::HeldByOther:
        return tr("Held by another customer");
    case SeatState::Sold:
        break;
    }
    return tr("Sold");
}

Result<void> SeatMapModel::setSchedule(qint64 scheduleId)
{
    QList<SeatInfo> seats;
    if (scheduleId > 0) {
        auto r = m_catalogue.seatMap(scheduleId, m_viewer);
        if (!r)
            return std::unexpected(r.error());
        seats = std::move(*r);
    }
    beginResetModel();
    m_scheduleId = scheduleId;
    m_seats = std::move(seats);
    layOut();
    endResetModel();
    return {};
}

Result<void> SeatMapModel::setViewer(qint64 customerId)
{
    m_viewer = customerId;
    return refresh();
}

void SeatMapModel::layOut()
{
    m_cells.clear();
    m_rowByCell.clear();
    m_cells.reserve(m_seats.size());
    m_rowByCell.reserve(m_seats.size());
    int width = 0;
    int height = 0;
    for (int i = 0; i < m_seats.size(); ++i) {
        const SeatInfo& s = m_seats.at(i);
        QPoint cell(s.posX, s.posY);
        if (s.posX < 0 || s.posY < 0) {
            // The demo hall: ten to a row with an aisle after the fifth seat.
            const int column = (s.number - 1) % kDemoSeatsPerRow;
            cell = QPoint(column + (column >= kDemoSeatsPerRow / 2 ? 1 : 0),
                          (s.number - 1) / kDemoSeatsPerRow);
        }
        m_cells << cell;
        m_rowByCell.insert(cellKey(cell.x(), cell.y()), i);
        width = std::max(width, cell.x() + 1);
        height = std::max(height, cell.y() + 1);
    }
    m_gridSize = QSize(width, height);
}

Result<void> SeatMapModel::refresh()
{
    if (m_scheduleId <= 0)
        return {};
    auto r = m_catalogue.seatMap(m_scheduleId, m_viewer);
    if (!r)
        return std::unexpected(r.error());
    const QList<SeatInfo>& fresh = *r;
    bool sameSeats = fresh.size() == m_seats.size();
    for (int i = 0; sameSeats && i < fresh.size(); ++i)
        sameSeats = fresh.at(i).seatId == m_seats.at(i).seatId;
    if (!sameSeats)
        return setSchedule(m_scheduleId);
    // Emit one dataChanged per run of consecutive changed seats.
    int runStart = -1;
    for (int i = 0; i <= fresh.size(); ++i) {
        const bool changed =
            i < fresh.size() && (fresh.at(i).state != m_seats.at(i).state ||
                                 fresh.at(i).holdExpiresAtMs != m_seats.at(i).holdExpiresAtMs);
        if (changed) {
            m_seats[i].state = fresh.at(i).state;
            m_seats[i].holdExpiresAtMs = fresh.at(i).holdExpiresAtMs;
            if (runStart < 0)
                runStart = i;
        } else if (runStart >= 0) {
            Q_EMIT dataChanged(index(runStart), index(i - 1));
            runStart = -1;
        }
    }
    return {};
}

bool SeatMapModel::holdExpiredSinceRefresh() const
{
    const qint64 now = m_clock.nowMs();
    for (const SeatInfo& s : m_seats) {
        if ((s.state == SeatState::HeldByMe || s.state == SeatState::HeldByOther) &&
            s.holdExpiresAtMs <= now)
            return true;
    }
    return false;
}

int SeatMapModel::rowOfNumber(int seatNumber) const
{
    for (int i = 0; i < m_seats.size(); ++i) {
        if (m_seats.at(i).number == seatNumber)
            return i;
    }
    return -1;
}

int SeatMapModel::rowAt(int gridX, int gridY) const
{
    return m_rowByCell.value(cellKey(gridX, gridY), -1);
}

int SeatMapModel::count(SeatState state) const
{
    return int(std::count_if(m_seats.begin(), m_seats.end(),
                             [state](const SeatInfo& s) { return s.state == state; }));
}

int SeatMapModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_seats.size());
}

QVariant SeatMapModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SeatInfo& s = m_seats.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return s.label;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        //: Seat tooltip: seat label, tier, price, state.
        return tr("Seat %1 · %2 · %3 · %4")
            .arg(s.label, s.tier, Format::krw(s.price), stateName(s.state));
    case StateRole:
        return int(s.state);
    case PriceRole:
        return s.price;
    case TierRole:
        return s.tier;
    case HeldByMeRole:
        return s.state == SeatState::HeldByMe;
    case HoldExpiresRole:
        return s.holdExpiresAtMs;
    case NumberRole:
        return s.number;
    case SectionRole:
        return s.section;
    case RowRole:
        return s.row;
    case GridXRole:
        return m_cells.at(index.row()).x();
    case GridYRole:
        return m_cells.at(index.row()).y();
    case SeatIdRole:
        return s.seatId;
    default:
        return {};
    }
}

QHash<int, QByteArray> SeatMapModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(LabelRole, "label");
    names.insert(StateRole, "state");
    names.insert(PriceRole, "price");
    names.insert(TierRole, "tier");
    names.insert(HeldByMeRole, "heldByMe");
    names.insert(HoldExpiresRole, "holdExpiresAt");
    names.insert(NumberRole, "number");
    names.insert(SectionRole, "section");
    names.insert(RowRole, "row");
    names.insert(GridXRole, "gridX");
    names.insert(GridYRole, "gridY");
    names.insert(SeatIdRole, "seatId");
    return names;
}

} // namespace boxoffice
