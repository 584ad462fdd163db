#include "sale/QueuePanel.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "SaleSession.h"

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
const QColor kHighlight(0xdf, 0xf6, 0xdd);
} // namespace

QueuePanel::QueuePanel(SaleSession& session, QWidget* parent)
    : QWidget(parent), m_session(session),
      m_highlight(new ClockTimer(session.host().uiClock(), this)),
      m_second(new ClockTimer(session.host().clock(), this))
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
    // A narrow column (a kiosk's, at large type) wraps them rather than cut them.
    for (QLabel* l : {m_state, m_position, m_wait})
        l->setWordWrap(true);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Position:"), m_position);
    form->addRow(tr("Wait / time left:"), m_wait);
    form->addRow(m_progress);
    m_announce = new QLabel(m_box);
    m_announce->setObjectName(QStringLiteral("queueAnnouncement"));
    m_announce->setWordWrap(true);
    form->addRow(m_announce);
    // Gone while there is nothing to join (a place held, or a turn to choose seats), without
    // the box closing up over where it was: a row of its own that keeps the button's room (a
    // form drops a hidden row's spacing).
    auto* joinRow = new QWidget(m_box);
    auto* joinLayout = new QVBoxLayout(joinRow);
    joinLayout->setContentsMargins(0, 0, 0, 0);
    m_join = new QPushButton(tr("&Join queue"), joinRow);
    m_join->setObjectName(QStringLiteral("joinQueueButton"));
    QSizePolicy keepRoom = m_join->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_join->setSizePolicy(keepRoom);
    joinLayout->addWidget(m_join);
    form->addRow(joinRow);
    layout->addWidget(m_box);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_table->setModel(&session.queue());
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Every column as wide as its contents but the concert's, which takes what is left (its
    // short title, elided only if it must, the whole in its tooltip): the time and the place
    // are never pushed behind a scroll bar at 1280×800, in either language.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QueueModel::ConcertColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setWordWrap(false);
    layout->addWidget(m_table, 1);
    describe(m_join, tr("Join queue"), tr("Puts the customer in the concert's waiting queue."));
    describe(m_table, tr("Everyone queued here"),
             tr("Every customer this terminal put in a queue, with their place and time."));
    describe(m_state, tr("Queue state"), tr("Where the customer stands in the queue."));
    describe(m_position, tr("Queue position"), tr("1 is the next to be let in."));
    describe(m_wait, tr("Wait or time left"),
             tr("The expected wait, or the time left to buy once let in."));

    m_highlight->setSingleShot(true);
    connect(m_highlight, &ClockTimer::timeout, this, &QueuePanel::refresh);
    // The time left once admitted counts down every second of the engine's clock.
    m_second->setInterval(1000);
    connect(m_second, &ClockTimer::timeout, this, &QueuePanel::refresh);
    m_second->start();
    connect(m_join, &QPushButton::clicked, &session, &SaleSession::join);
    for (auto signal :
         {&SaleSession::queueChanged, &SaleSession::customerChanged, &SaleSession::concertChanged})
        connect(&session, signal, this, &QueuePanel::refresh);
    connect(&session, &SaleSession::busyChanged, this, &QueuePanel::refresh);
    connect(&session.queue(), &QueueModel::admitted, this,
            [this](qint64 customerId, const QString& name, const QString& concert) {
                if (customerId == m_session.customer().id)
                    announce(tr("%1 (#%2) may now choose seats for %3.")
                                 .arg(m_maskNames ? maskedName(name) : name)
                                 .arg(customerId)
                                 .arg(concert));
            });
    refresh();
}

void QueuePanel::setTableVisible(bool visible)
{
    m_table->setVisible(visible);
}

void QueuePanel::setNamesMasked(bool masked)
{
    m_maskNames = masked;
}

void QueuePanel::setAnnouncementVisible(bool visible)
{
    m_announce->setVisible(visible);
}

void QueuePanel::announce(const QString& text)
{
    m_announce->setText(text);
    m_highlight->start(kHighlightMs);
    refresh();
}

void QueuePanel::refresh()
{
    const qint64 customerId = m_session.customer().id;
    const qint64 concertId = m_session.concertId();
    if (customerId != m_followedCustomer || concertId != m_followedConcert) {
        m_followedCustomer = customerId;
        m_followedConcert = concertId;
        m_startPosition = 0;
        m_highlight->stop();
    }
    const QueueModel::Entry* e = m_session.queueEntry();
    const auto stage = e ? e->stage() : QueueModel::Stage::Expired;
    // An admission is news while it holds: not after the token is used, nor for someone else.
    const bool highlight = m_highlight->isActive() && e && stage == QueueModel::Stage::Admitted;
    // A palette, not a style sheet: a style sheet would cut the box off from the font its
    // window gives it (a kiosk's large type).
    m_box->setAutoFillBackground(highlight);
    QPalette palette = m_box->palette();
    palette.setColor(QPalette::Window,
                     highlight ? kHighlight : this->palette().color(QPalette::Window));
    m_box->setPalette(palette);
    if (!highlight)
        m_announce->clear();
    // A live token (waiting, or admitted and choosing) has nothing to join; a used or lapsed
    // one may join again.
    const bool inQueue =
        e && (stage == QueueModel::Stage::Waiting || stage == QueueModel::Stage::Admitted);
    m_join->setVisible(!inQueue);
    m_join->setEnabled(!inQueue && customerId > 0 && concertId > 0 &&
                       !m_session.isBusy(SaleSession::Command::Join));
    m_join->setText(e && (stage == QueueModel::Stage::Paid || stage == QueueModel::Stage::Expired)
                        ? tr("&Join queue again")
                        : tr("&Join queue"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    if (!e) {
        m_state->setText(customerId > 0 && concertId > 0 ? tr("Not in the queue")
                                                         : tr("Choose a customer and a concert"));
        m_position->setText(QStringLiteral("—"));
        m_wait->setText(QStringLiteral("—"));
        return;
    }
    m_state->setText(QueueModel::stageText(stage));
    switch (stage) {
    case QueueModel::Stage::Waiting:
        m_startPosition = std::max(m_startPosition, e->status.position);
        m_position->setText(tr("%1 (next to enter: 1)").arg(e->status.position));
        m_wait->setText(
            tr("about %1").arg(Format::countdown(e->status.estimatedWaitSeconds * 1000)));
        m_progress->setRange(0, int(std::max<qint64>(1, m_startPosition)));
        m_progress->setValue(int(m_startPosition - e->status.position + 1));
        break;
    case QueueModel::Stage::Admitted:
        m_position->setText(tr("Your turn"));
        m_wait->setText(
            tr("%1 left to buy")
                .arg(Format::countdown(e->status.expiresAtMs - m_session.host().clock().nowMs())));
        m_progress->setValue(1);
        break;
    case QueueModel::Stage::Paid:
    case QueueModel::Stage::Expired:
        m_position->setText(QStringLiteral("—"));
        m_wait->setText(QStringLiteral("—"));
        m_progress->setValue(stage == QueueModel::Stage::Paid ? 1 : 0);
        break;
    }
}

} // namespace boxoffice
