#include "sale/QueuePanel.h"

#include "Format.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace boxoffice {

namespace {
constexpr qint64 kHighlightMs = 10'000;
}

QueuePanel::QueuePanel(QueueModel& model, const Clock& clock, QWidget* parent)
    : QWidget(parent), m_model(model), m_clock(clock)
{
    setObjectName(QStringLiteral("queuePanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_box = new QGroupBox(tr("Queue"), this);
    m_box->setObjectName(QStringLiteral("queueStatusBox"));
    auto* form = new QFormLayout(m_box);
    m_state = new QLabel(m_box);
    m_state->setObjectName(QStringLiteral("queueState"));
    m_position = new QLabel(m_box);
    m_position->setObjectName(QStringLiteral("queuePosition"));
    m_wait = new QLabel(m_box);
    m_wait->setObjectName(QStringLiteral("queueWait"));
    m_progress = new QProgressBar(m_box);
    m_progress->setObjectName(QStringLiteral("queueProgress"));
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(10);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Position:"), m_position);
    form->addRow(tr("Wait / time left:"), m_wait);
    form->addRow(m_progress);
    m_announce = new QLabel(m_box);
    m_announce->setObjectName(QStringLiteral("queueAnnouncement"));
    m_announce->setWordWrap(true);
    form->addRow(m_announce);
    m_join = new QPushButton(tr("&Join queue"), m_box);
    m_join->setObjectName(QStringLiteral("joinQueueButton"));
    form->addRow(m_join);
    layout->addWidget(m_box);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(&m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The concert's title takes what is left and elides; the numbers stay readable.
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::ConcertColumn,
                                                      QHeaderView::Stretch);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);

    connect(m_join, &QPushButton::clicked, this, &QueuePanel::joinRequested);
    connect(&m_model, &QueueModel::statusChanged, this, &QueuePanel::refresh);
    refresh();
}

void QueuePanel::setTableVisible(bool visible)
{
    m_table->setVisible(visible);
}

void QueuePanel::follow(qint64 customerId, qint64 concertId)
{
    if (customerId != m_customerId || concertId != m_concertId)
        m_startPosition = 0;
    m_customerId = customerId;
    m_concertId = concertId;
    refresh();
}

void QueuePanel::highlightAdmission(const QString& text)
{
    m_highlightUntilMs = m_clock.nowMs() + kHighlightMs;
    m_announce->setText(text);
    refresh();
}

void QueuePanel::refresh()
{
    const bool highlight = m_clock.nowMs() < m_highlightUntilMs;
    m_box->setStyleSheet(highlight
                             ? QStringLiteral("QGroupBox#queueStatusBox { background: #dff6dd; }")
                             : QString());
    if (!highlight)
        m_announce->clear();
    const QueueModel::Entry* e = m_model.find(m_customerId, m_concertId);
    m_join->setEnabled(m_customerId > 0 && m_concertId > 0);
    if (!e) {
        m_state->setText(m_customerId > 0 && m_concertId > 0
                             ? tr("Not in the queue")
                             : tr("Choose a customer and a concert"));
        m_position->setText(QStringLiteral("—"));
        m_wait->setText(QStringLiteral("—"));
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        return;
    }
    m_state->setText(QueueModel::stateText(*e));
    const bool live = !e->used && !e->expired;
    if (live && e->status.state == QueueState::Waiting) {
        m_startPosition = std::max(m_startPosition, e->status.position);
        m_position->setText(tr("%1 (next to enter: 1)").arg(e->status.position));
        m_wait->setText(
            tr("about %1").arg(Format::countdown(e->status.estimatedWaitSeconds * 1000)));
        m_progress->setRange(0, int(std::max<qint64>(1, m_startPosition)));
        m_progress->setValue(int(m_startPosition - e->status.position + 1));
        m_join->setText(tr("&Join queue"));
    } else if (live && e->status.state == QueueState::Active) {
        m_position->setText(tr("Admitted"));
        m_wait->setText(
            tr("%1 left to buy").arg(Format::countdown(e->status.expiresAtMs - m_clock.nowMs())));
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
    } else {
        m_position->setText(QStringLiteral("—"));
        m_wait->setText(QStringLiteral("—"));
        m_progress->setRange(0, 1);
        m_progress->setValue(e->used ? 1 : 0);
        m_join->setText(tr("&Join queue again"));
    }
}

} // namespace boxoffice
