#include "QueueModel.h"

#include "Format.h"

namespace boxoffice {

namespace {
constexpr qint64 kAdmittedHighlightMs = 10'000;
}

QueueModel::QueueModel(QueueService& queue, const Clock& clock, QObject* parent)
    : QAbstractTableModel(parent), m_queue(queue), m_clock(clock)
{}

Result<QueueStatus> QueueModel::join(qint64 customerId, const QString& customerName,
                                     qint64 concertId, const QString& concertTitle)
{
    auto ticket = m_queue.enter(customerId, concertId);
    if (!ticket)
        return std::unexpected(ticket.error());
    Entry e;
    e.customerId = customerId;
    e.customerName = customerName;
    e.concertId = concertId;
    e.concertTitle = concertTitle;
    e.token = ticket->token;
    e.status = ticket->status;
    if (e.status.state == QueueState::Active)
        e.admittedAtMs = m_clock.nowMs();
    const int row = rowOf(customerId, concertId);
    // An admission this terminal learns from the join rather than from a poll is still news.
    bool newlyAdmitted = false;
    if (row >= 0) {
        const Entry& old = m_entries.at(row);
        newlyAdmitted = e.status.state == QueueState::Active && !old.used && !old.expired &&
                        old.status.state == QueueState::Waiting;
        m_entries[row] = e;
        emitRow(row);
    } else {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
        m_entries << e;
        endInsertRows();
    }
    Q_EMIT statusChanged(customerId, concertId);
    if (newlyAdmitted)
        Q_EMIT admitted(customerId, customerName, concertTitle);
    return e.status;
}

void QueueModel::pollAll()
{
    for (int row = 0; row < m_entries.size(); ++row) {
        Entry& e = m_entries[row];
        if (e.used || e.expired)
            continue;
        const QueueState before = e.status.state;
        const auto s = m_queue.poll(e.token);
        if (!s) {
            if (s.error().code == ErrorCode::TokenExpired ||
                s.error().code == ErrorCode::TokenInvalid) {
                e.expired = true;
                e.status.state = QueueState::Expired;
                emitRow(row);
                Q_EMIT statusChanged(e.customerId, e.concertId);
            }
            continue; // a busy database is worth another try next second
        }
        const bool changed = s->state != e.status.state || s->position != e.status.position ||
                             s->estimatedWaitSeconds != e.status.estimatedWaitSeconds;
        e.status = *s;
        if (before == QueueState::Waiting && s->state == QueueState::Active) {
            e.admittedAtMs = m_clock.nowMs();
            Q_EMIT admitted(e.customerId, e.customerName, e.concertTitle);
        }
        emitRow(row);
        if (changed)
            Q_EMIT statusChanged(e.customerId, e.concertId);
    }
}

void QueueModel::markUsed(qint64 customerId, qint64 concertId)
{
    const int row = rowOf(customerId, concertId);
    if (row < 0)
        return;
    m_entries[row].used = true;
    m_entries[row].status.state = QueueState::Expired;
    emitRow(row);
    Q_EMIT statusChanged(customerId, concertId);
}

const QueueModel::Entry* QueueModel::find(qint64 customerId, qint64 concertId) const
{
    const int row = rowOf(customerId, concertId);
    return row >= 0 ? &m_entries.at(row) : nullptr;
}

QString QueueModel::tokenFor(qint64 customerId, qint64 concertId) const
{
    const Entry* e = find(customerId, concertId);
    return e ? e->token : QString();
}

int QueueModel::rowOf(qint64 customerId, qint64 concertId) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).customerId == customerId && m_entries.at(i).concertId == concertId)
            return i;
    }
    return -1;
}

void QueueModel::emitRow(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString QueueModel::stateText(const Entry& e)
{
    if (e.used)
        return tr("Used (paid)");
    switch (e.status.state) {
    case QueueState::Waiting:
        return tr("Waiting");
    case QueueState::Active:
        return tr("Admitted");
    case QueueState::Expired:
        break;
    }
    return tr("Expired");
}

int QueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int QueueModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = m_entries.at(index.row());
    switch (role) {
    case StateRole:
        return int(e.status.state);
    case CustomerIdRole:
        return e.customerId;
    case ConcertIdRole:
        return e.concertId;
    case AdmittedRecentlyRole:
        return e.admittedAtMs > 0 && m_clock.nowMs() - e.admittedAtMs < kAdmittedHighlightMs &&
               !e.used;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool waiting = e.status.state == QueueState::Waiting && !e.used && !e.expired;
    const bool active = e.status.state == QueueState::Active && !e.used && !e.expired;
    switch (index.column()) {
    case CustomerColumn:
        return QStringLiteral("%1 (#%2)").arg(e.customerName).arg(e.customerId);
    case ConcertColumn:
        return e.concertTitle;
    case StateColumn:
        return stateText(e);
    case PositionColumn:
        return waiting ? QVariant(e.status.position) : QVariant(QStringLiteral("—"));
    case WaitColumn:
        if (waiting)
            return Format::countdown(e.status.estimatedWaitSeconds * 1000);
        if (active)
            return tr("%1 left").arg(Format::countdown(e.status.expiresAtMs - m_clock.nowMs()));
        return QStringLiteral("—");
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CustomerColumn:
        return tr("Customer");
    case ConcertColumn:
        return tr("Concert");
    case StateColumn:
        return tr("State");
    case PositionColumn:
        return tr("Position");
    case WaitColumn:
        return tr("Wait / time left");
    default:
        return {};
    }
}

} // namespace boxoffice
