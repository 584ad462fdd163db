#include "sale/SeatMapPanel.h"

#include "SaleSession.h"
#include "seatmap/SeatLegend.h"
#include "seatmap/SeatMapView.h"
#include "seatmap/SeatOverview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace boxoffice {

namespace {
constexpr int kKioskCell = 48;
}

SeatMapPanel::SeatMapPanel(SaleSession& session, bool kiosk, QWidget* parent)
    : QWidget(parent), m_session(session), m_kiosk(kiosk)
{
    setObjectName(QStringLiteral("seatMapPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // No mnemonic here: Alt+S is the Sale menu's; Ctrl+M goes to the map.
    auto* label = new QLabel(
        kiosk ? tr("Seats") : tr("Seats (Ctrl+M; arrows move, Space holds, Ctrl +/- zooms)"), this);
    m_view = new SeatMapView(this);
    m_view->setObjectName(QStringLiteral("seatMap"));
    m_view->setClock(session.host().uiClock());
    m_view->setModel(&session.seats());
    label->setBuddy(m_view);
    m_overview = new SeatOverview(session.seats(), this);
    m_goTo = new QLineEdit(this);
    m_goTo->setObjectName(QStringLiteral("goToSeat"));
    m_goTo->setPlaceholderText(tr("Go to seat, e.g. H-25-65"));
    m_goTo->setAccessibleName(tr("Go to seat"));
    m_goTo->setAccessibleDescription(tr("Type a seat as its ticket names it and press Enter."));
    m_goTo->setClearButtonEnabled(true);
    m_goToProblem = new QLabel(this);
    m_goToProblem->setObjectName(QStringLiteral("goToSeatProblem"));
    m_goToProblem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_goToProblem->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("seatSummary"));
    auto* top = new QHBoxLayout;
    top->addWidget(label, 1);
    top->addWidget(m_summary);
    top->addWidget(m_goToProblem);
    top->addWidget(m_goTo);
    layout->addLayout(top);
    // A venue is wide and short: its overview is a strip over the map, the map keeps its width.
    m_overview->setFixedHeight(96);
    layout->addWidget(m_overview);
    layout->addWidget(m_view, 1);
    // The column's whole width: in a narrow one the key goes on two lines rather than lose a
    // state's name.
    layout->addWidget(new SeatLegend(this));
    if (kiosk) {
        // A finger's size and no larger: a 50-seat hall fits the map's width on a 1280-wide
        // screen, scrolling nowhere.
        m_view->setCellSize(kKioskCell);
        m_view->setMinimumFitCell(kKioskCell);
    }

    connect(m_goTo, &QLineEdit::returnPressed, this, [this] { goToSeat(m_goTo->text()); });
    connect(m_view, &SeatMapView::viewChanged, this,
            [this] { m_overview->setVisibleCells(m_view->visibleCells()); });
    connect(m_overview, &SeatOverview::sectionChosen, m_view, &SeatMapView::showCells);
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
    connect(&seats, &QAbstractItemModel::modelReset, this, &SeatMapPanel::showVenueTools);
    connect(&seats, &QAbstractItemModel::dataChanged, this, &SeatMapPanel::updateSummary);
    updateLock();
    updateSummary();
    showVenueTools();
}

void SeatMapPanel::showVenueTools()
{
    // A hall of fifty seats is seen whole; only a venue in sections needs a way to find a seat.
    const bool venue = !m_session.seats().sections().isEmpty();
    m_overview->setVisible(venue);
    m_goTo->setVisible(venue);
    m_goToProblem->clear();
}

void SeatMapPanel::goToSeat(const QString& label)
{
    if (label.trimmed().isEmpty())
        return;
    const int row = m_session.seats().rowOfLabel(label);
    if (row < 0) {
        m_goToProblem->setText(tr("There is no seat \"%1\" on this map.").arg(label.trimmed()));
        return;
    }
    m_goToProblem->clear();
    m_view->goToRow(row);
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
