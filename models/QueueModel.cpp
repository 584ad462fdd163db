#include "QueueModel.h"

#include "Format.h"

namespace boxoffice {

namespace {
constexpr qint64 kAdmittedHighlightMs = 10'000;
}

QueueModel::Stage QueueModel::Entry::stage() const
{
    if (paymentId != 0)
        return Stage::Paid;
    if (expired || status.state == QueueState::Expired)
        return Stage::Expired;
    return status.state == QueueState::Active ? Stage::Admitted : Stage::Waiting;
}

QueueModel::QueueModel(EngineHost& host, QObject* parent)
    : QAbstractTableModel(parent), m_host(host), m_poll(host.uiClock(), this)
{
    m_poll.setInterval(kPollIntervalMs);
    connect(&m_poll, &ClockTimer::timeout, this, &QueueModel::pollAll);
}

QFuture<Result<QueueStatus>> QueueModel::join(qint64 customerId, const QString& customerName,
                                              qint64 concertId, const QString& concertTitle)
{
    return m_host
        .call([customerId, concertId](Engine& e) { return e.queue.enter(customerId, concertId); })
        .then(this, [=, this](Result<QueueTicket> ticket) -> Result<QueueStatus> {
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
                e.admittedAtMs = m_host.clock().nowMs();
            const int row = rowOf(customerId, concertId);
            // An admission this terminal learns from the join rather than from a poll is
            // still news.
            bool newlyAdmitted = false;
            if (row >= 0) {
                const Entry& old = m_entries.at(row);
                newlyAdmitted =
                    e.status.state == QueueState::Active && old.stage() == Stage::Waiting;
                m_entries[row] = e;
                emitRow(row);
            } else {
                beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
                m_entries << e;
                endInsertRows();
            }
            if (!m_poll.isActive())
                m_poll.start();
            Q_EMIT statusChanged(customerId, concertId);
            if (newlyAdmitted)
                Q_EMIT admitted(customerId, customerName, concertTitle);
            return e.status;
        });
}

void QueueModel::pollAll()
{
    if (m_polling)
        return; // the last poll has not come back (a slow database): no pile-up
    QStringList tokens;
    for (const Entry& e : m_entries) {
        if (e.stage() == Stage::Waiting || e.stage() == Stage::Admitted)
            tokens << e.token;
    }
    if (tokens.isEmpty())
        return;
    m_polling = true;
    m_host
        .call([tokens](Engine& e) -> Result<QList<Polled>> {
            QList<Polled> answers;
            for (const QString& token : tokens)
                answers << Polled{token, e.queue.poll(token)};
            return answers;
        })
        .then(this, [this](Result<QList<Polled>> answers) {
            m_polling = false;
            if (answers)
                applyPoll(*answers);
        });
}

void QueueModel::applyPoll(const QList<Polled>& answers)
{
    for (const Polled& p : answers) {
        const int row = rowOfToken(p.token);
        if (row < 0)
            continue; // joined again meanwhile: the new token is polled next time
        Entry& e = m_entries[row];
        if (!p.status) {
            const Error& err = p.status.error();
            if (err.code != ErrorCode::TokenExpired && err.code != ErrorCode::TokenInvalid)
                continue; // a busy database is worth another try next second
            // Used up by a payment (perhaps at another terminal) reads as paid, not expired.
            e.paymentId = err.extra.value(QStringLiteral("paymentId")).toInteger();
            e.expired = true;
            e.status.state = QueueState::Expired;
            emitRow(row);
            Q_EMIT statusChanged(e.customerId, e.concertId);
            continue;
        }
        const QueueStatus& s = *p.status;
        const bool changed = s.state != e.status.state || s.position != e.status.position ||
                             s.estimatedWaitSeconds != e.status.estimatedWaitSeconds ||
                             s.expiresAtMs != e.status.expiresAtMs;
        const bool nowAdmitted =
            e.status.state == QueueState::Waiting && s.state == QueueState::Active;
        e.status = s;
        if (nowAdmitted)
            e.admittedAtMs = m_host.clock().nowMs();
        emitRow(row); // the countdowns move even when nothing else did
        if (changed)
            Q_EMIT statusChanged(e.customerId, e.concertId);
        if (nowAdmitted)
            Q_EMIT admitted(e.customerId, e.customerName, e.concertTitle);
    }
}

void QueueModel::markPaid(qint64 customerId, qint64 concertId, qint64 paymentId)
{
    const int row = rowOf(customerId, concertId);
    if (row < 0)
        return;
    m_entries[row].paymentId = paymentId;
    m_entries[row].status.state = QueueState::Expired;
    emitRow(row);
    Q_EMIT statusChanged(customerId, concertId);
}

void QueueModel::forget(qint64 customerId)
{
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (m_entries.at(row).customerId != customerId)
            continue;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }
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

int QueueModel::rowOfToken(const QString& token) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).token == token)
            return i;
    }
    return -1;
}

void QueueModel::emitRow(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString QueueModel::shortTitle(const QString& title)
{
    // "봄밤의 재즈 — Spring Night Jazz": the part before the dash says which concert; the whole
    // title is in the tooltip.
    const qsizetype dash = title.indexOf(QStringLiteral(" — "));
    return dash > 0 ? title.left(dash) : title;
}

QString QueueModel::stageText(Stage stage)
{
    switch (stage) {
    case Stage::Waiting:
        return tr("Waiting");
    case Stage::Admitted:
        return tr("Choosing seats");
    case Stage::Paid:
        return tr("Paid");
    case Stage::Expired:
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
    const Stage stage = e.stage();
    const qint64 now = m_host.clock().nowMs();
    switch (role) {
    case StateRole:
        return int(stage);
    case CustomerIdRole:
        return e.customerId;
    case ConcertIdRole:
        return e.concertId;
    case AdmittedRecentlyRole:
        return stage == Stage::Admitted && e.admittedAtMs > 0 &&
               now - e.admittedAtMs < kAdmittedHighlightMs;
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (#%2)\n%3")
            .arg(e.customerName)
            .arg(e.customerId)
            .arg(e.concertTitle);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case CustomerColumn:
        return QStringLiteral("%1 (#%2)").arg(e.customerName).arg(e.customerId);
    case ConcertColumn:
        return shortTitle(e.concertTitle);
    case StateColumn:
        return stageText(stage);
    case PositionColumn:
        return stage == Stage::Waiting ? QVariant(e.status.position)
                                       : QVariant(QStringLiteral("—"));
    case WaitColumn:
        if (stage == Stage::Waiting)
            return Format::countdown(e.status.estimatedWaitSeconds * 1000);
        if (stage == Stage::Admitted)
            return tr("%1 left").arg(Format::countdown(e.status.expiresAtMs - now));
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
        //: The queue table's last column: the wait, or the time left to buy.
        return tr("Time");
    default:
        return {};
    }
}

} // namespace boxoffice
