#include "SeatMapModel.h"

#include "AsyncLoad.h"
#include "Format.h"

namespace boxoffice {

namespace {
constexpr int kDemoSeatsPerRow = 10;
} // namespace

SeatMapModel::SeatMapModel(EngineHost& host, QObject* parent)
    : QAbstractListModel(parent), m_host(host)
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

QFuture<Result<void>> SeatMapModel::setSchedule(qint64 scheduleId)
{
    if (scheduleId != m_scheduleId) {
        beginResetModel();
        m_scheduleId = scheduleId;
        m_seats.clear();
        layOut();
        endResetModel();
    }
    return refresh();
}

QFuture<Result<void>> SeatMapModel::setViewer(qint64 customerId)
{
    m_viewer = customerId;
    return refresh();
}

QFuture<Result<void>> SeatMapModel::refresh()
{
    if (m_reading) {
        // One more read after the one that is out, for everyone who asks meanwhile: its answer
        // may predate what they want to see.
        if (!m_again) {
            m_again = std::make_shared<QPromise<Result<void>>>();
            m_again->start();
        }
        return m_again->future();
    }
    const qint64 scheduleId = m_scheduleId;
    const qint64 viewer = m_viewer;
    m_reading = true;
    return loadInto(
               m_host, this, m_generation,
               [scheduleId, viewer](Engine& e) -> Result<QList<SeatInfo>> {
                   if (scheduleId <= 0)
                       return QList<SeatInfo>{};
                   return e.catalogue.seatMap(scheduleId, viewer);
               },
               [this, scheduleId](QList<SeatInfo> fresh) { apply(scheduleId, std::move(fresh)); })
        .then(this, [this](Result<void> r) {
            m_reading = false;
            if (!r)
                Q_EMIT loadFailed(r.error());
            if (auto again = std::exchange(m_again, nullptr)) {
                refresh().then(this, [again](Result<void> next) {
                    again->addResult(next);
                    again->finish();
                });
            }
            return r;
        });
}

void SeatMapModel::apply(qint64 scheduleId, QList<SeatInfo> fresh)
{
    if (scheduleId != m_scheduleId)
        return; // read for a schedule no longer shown; the read asked since is on its way
    const bool sameSeats =
        fresh.size() == m_seats.size() &&
        std::equal(fresh.begin(), fresh.end(), m_seats.begin(),
                   [](const SeatInfo& a, const SeatInfo& b) { return a.seatId == b.seatId; });
    m_loadedSchedule = scheduleId;
    if (!sameSeats) {
        beginResetModel();
        m_seats = std::move(fresh);
        layOut();
        endResetModel();
        return;
    }
    // One dataChanged per run of consecutive changed seats.
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
    count();
}

void SeatMapModel::layOut()
{
    m_cells.clear();
    m_rowByNumber.clear();
    m_rowByLabel.clear();
    m_sections.clear();
    m_sectionOfRow.clear();
    m_rowStarts.clear();
    m_cells.reserve(m_seats.size());
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
        m_rowByNumber.insert(s.number, i);
        m_rowByLabel.insert(s.label.toUpper(), i);
        width = std::max(width, cell.x() + 1);
        height = std::max(height, cell.y() + 1);
    }
    m_gridSize = QSize(width, height);
    m_rowByCell.fill(-1, qsizetype(width) * height);
    for (int i = 0; i < m_cells.size(); ++i)
        m_rowByCell[qsizetype(m_cells.at(i).y()) * width + m_cells.at(i).x()] = i;

    // Sections and the first seat of each of their rows (a venue from a layout file; the demo
    // hall has neither).
    QHash<QString, int> sectionIndex;
    QHash<QString, int> rowStartIndex;
    m_sectionOfRow.fill(-1, m_seats.size());
    for (int i = 0; i < m_seats.size(); ++i) {
        const SeatInfo& s = m_seats.at(i);
        if (s.section.isEmpty())
            continue;
        auto it = sectionIndex.find(s.section);
        if (it == sectionIndex.end()) {
            it = sectionIndex.insert(s.section, int(m_sections.size()));
            m_sections << Section{s.section, QRect(m_cells.at(i), QSize(1, 1)), 0, 0, 0};
        }
        m_sectionOfRow[i] = *it;
        m_sections[*it].cells |= QRect(m_cells.at(i), QSize(1, 1));
        if (s.row.isEmpty())
            continue;
        const QString key = s.section + QLatin1Char('\n') + s.row;
        auto r = rowStartIndex.find(key);
        if (r == rowStartIndex.end()) {
            rowStartIndex.insert(key, int(m_rowStarts.size()));
            m_rowStarts << RowStart{m_cells.at(i), s.row};
        } else if (m_cells.at(i).x() < m_rowStarts.at(*r).cell.x()) {
            m_rowStarts[*r].cell = m_cells.at(i);
        }
    }
    count();
}

void SeatMapModel::count()
{
    for (Section& section : m_sections)
        section.total = section.available = section.heldByMe = 0;
    for (int i = 0; i < m_seats.size(); ++i) {
        const int at = m_sectionOfRow.value(i, -1);
        if (at < 0)
            continue;
        Section& section = m_sections[at];
        ++section.total;
        if (m_seats.at(i).state == SeatState::Available)
            ++section.available;
        else if (m_seats.at(i).state == SeatState::HeldByMe)
            ++section.heldByMe;
    }
    Q_EMIT summaryChanged();
}

int SeatMapModel::rowFrom(QPoint cell, int dx, int dy) const
{
    const int limit = std::max(m_gridSize.width(), m_gridSize.height());
    for (int step = 0; step < limit; ++step) {
        cell += QPoint(dx, dy);
        if (cell.x() < 0 || cell.y() < 0 || cell.x() >= m_gridSize.width() ||
            cell.y() >= m_gridSize.height())
            return -1;
        if (const int row = rowAt(cell.x(), cell.y()); row >= 0)
            return row;
        if (std::abs(dy) > 1)
            return -1;
    }
    return -1;
}

int SeatMapModel::rowOfLabel(const QString& label) const
{
    QString key = label.simplified().toUpper();
    key.remove(QLatin1Char(' '));
    return m_rowByLabel.value(key, -1);
}

void SeatMapModel::showFree(const QList<qint64>& seatIds)
{
    for (int i = 0; i < m_seats.size(); ++i) {
        SeatInfo& s = m_seats[i];
        if (seatIds.contains(s.seatId) &&
            (s.state == SeatState::HeldByMe || s.state == SeatState::HeldByOther)) {
            s.state = SeatState::Available;
            s.holdExpiresAtMs = 0;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
    count();
}

bool SeatMapModel::holdExpiredSinceRefresh() const
{
    const qint64 now = m_host.clock().nowMs();
    return std::any_of(m_seats.begin(), m_seats.end(), [now](const SeatInfo& s) {
        return (s.state == SeatState::HeldByMe || s.state == SeatState::HeldByOther) &&
               s.holdExpiresAtMs <= now;
    });
}

int SeatMapModel::rowOfNumber(int seatNumber) const
{
    return m_rowByNumber.value(seatNumber, -1);
}

int SeatMapModel::rowAt(int gridX, int gridY) const
{
    if (gridX < 0 || gridY < 0 || gridX >= m_gridSize.width() || gridY >= m_gridSize.height())
        return -1;
    return m_rowByCell.at(qsizetype(gridY) * m_gridSize.width() + gridX);
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
