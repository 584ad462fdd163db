#include "sale/SeatMapPanel.h"

#include "SaleSession.h"
#include "seatmap/SeatLegend.h"
#include "seatmap/SeatMapView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace boxoffice {

SeatMapPanel::SeatMapPanel(SaleSession& session, bool kiosk, QWidget* parent)
    : QWidget(parent), m_session(session), m_kiosk(kiosk)
{
    setObjectName(QStringLiteral("seatMapPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(
        kiosk ? tr("&Seats") : tr("&Seats (arrows move, Space holds, Ctrl +/- zooms)"), this);
    m_view = new SeatMapView(this);
    m_view->setObjectName(QStringLiteral("seatMap"));
    m_view->setClock(session.host().uiClock());
    m_view->setModel(&session.seats());
    label->setBuddy(m_view);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("seatSummary"));
    layout->addWidget(label);
    layout->addWidget(m_view, 1);
    auto* legendRow = new QHBoxLayout;
    legendRow->addWidget(new SeatLegend(this));
    legendRow->addStretch();
    legendRow->addWidget(m_summary);
    layout->addLayout(legendRow);
    if (kiosk) {
        m_view->setCellSize(56);
        m_view->setMinimumFitCell(56);
    }

    connect(m_view, &SeatMapView::seatActivated, this,
            [this](const QModelIndex& i) { m_session.activateSeat(i.row()); });
    connect(&session, &SaleSession::seatRefused, this, [this](int row, const QString& text) {
        m_view->showInlineMessage(m_session.seats().index(row), text);
    });
    connect(&session, &SaleSession::busyChanged, this, [this](SaleSession::Command c, bool busy) {
        if (c == SaleSession::Command::Seat || c == SaleSession::Command::Release)
            m_view->viewport()->setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
    });
    for (auto signal :
         {&SaleSession::customerChanged, &SaleSession::concertChanged, &SaleSession::queueChanged})
        connect(&session, signal, this, &SeatMapPanel::updateLock);
    auto& seats = session.seats();
    connect(&seats, &QAbstractItemModel::modelReset, this, &SeatMapPanel::startAtFirstFreeSeat);
    connect(&seats, &QAbstractItemModel::modelReset, this, &SeatMapPanel::updateLock);
    connect(&seats, &QAbstractItemModel::modelReset, this, &SeatMapPanel::updateSummary);
    connect(&seats, &QAbstractItemModel::dataChanged, this, &SeatMapPanel::updateSummary);
    updateLock();
    updateSummary();
}

void SeatMapPanel::updateLock()
{
    m_view->setLockedReason(m_session.lockReason(m_kiosk));
}

void SeatMapPanel::startAtFirstFreeSeat()
{
    // The keyboard starts on the first seat that can be had: Space holds it, no arrows needed.
    auto& seats = m_session.seats();
    for (int row = 0; row < seats.rowCount(); ++row) {
        if (seats.seat(row).state == SeatState::Available) {
            m_view->setCurrentIndex(seats.index(row));
            return;
        }
    }
    if (seats.rowCount() > 0)
        m_view->setCurrentIndex(seats.index(0));
}

void SeatMapPanel::updateSummary()
{
    const auto& seats = m_session.seats();
    m_summary->setText(seats.scheduleId() > 0 && seats.isLoaded()
                           ? tr("%L1 of %L2 seats available")
                                 .arg(seats.count(SeatState::Available))
                                 .arg(seats.rowCount())
                           : QString());
}

} // namespace boxoffice
