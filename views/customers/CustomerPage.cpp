#include "customers/CustomerPage.h"

#include "common/Accessibility.h"
#include "common/MessageBox.h"
#include "tickets/TicketsPanel.h"

#include "Format.h"
#include "SaleSession.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace boxoffice {

CustomerPage::CustomerPage(SaleSession& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_purchases(session.host(), this),
      m_tickets(session.host(), this)
{
    setObjectName(QStringLiteral("customerPage"));
    setWindowTitle(tr("Purchases and refunds"));
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("customerHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.3);
    m_heading->setFont(bold);
    layout->addWidget(m_heading);

    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* bought = new QGroupBox(tr("Seats bought"), left);
    auto* boughtLayout = new QVBoxLayout(bought);
    m_table = new QTableView(bought);
    m_table->setObjectName(QStringLiteral("purchasesTable"));
    m_table->setModel(&m_purchases);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    boughtLayout->addWidget(m_table, 1);
    m_summary = new QLabel(bought);
    m_summary->setObjectName(QStringLiteral("refundSummary"));
    m_summary->setWordWrap(true);
    boughtLayout->addWidget(m_summary);
    auto* row = new QHBoxLayout;
    m_message = new QLabel(bought);
    m_message->setObjectName(QStringLiteral("refundMessage"));
    m_message->setWordWrap(true);
    m_refund = new QPushButton(tr("&Refund…"), bought);
    m_refund->setObjectName(QStringLiteral("refundButton"));
    m_refund->setAutoDefault(false);
    row->addWidget(m_message, 1);
    row->addWidget(m_refund);
    boughtLayout->addLayout(row);
    leftLayout->addWidget(bought, 3);

    auto* given = new QGroupBox(tr("Refunds"), left);
    auto* givenLayout = new QVBoxLayout(given);
    m_refunds = new QListWidget(given);
    m_refunds->setObjectName(QStringLiteral("refundsList"));
    givenLayout->addWidget(m_refunds);
    leftLayout->addWidget(given, 1);

    m_ticketsPanel = new TicketsPanel(m_tickets, split);
    split->addWidget(left);
    split->addWidget(m_ticketsPanel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    describe(m_table, tr("Seats bought"),
             tr("Every seat the customer bought; tick seats of one payment to refund them."));
    describe(m_refund, tr("Refund"), tr("Refunds the ticked seats after one confirmation."));
    describe(m_refunds, tr("Refunds"), tr("The customer's refunds, newest first."));

    connect(m_refund, &QPushButton::clicked, this, &CustomerPage::refund);
    connect(&m_purchases, &PurchasesModel::choiceChanged, this, &CustomerPage::showChoice);
    connect(&m_purchases, &PurchasesModel::busyChanged, this, &CustomerPage::showChoice);
    connect(&m_purchases, &QAbstractItemModel::modelReset, this, [this] {
        showRefunds();
        showHeading();
        if (m_purchases.rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->selectRow(0);
        showChoice();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) { showTicketsOf(current.row()); });
    connect(m_ticketsPanel, &TicketsPanel::statusMessage, this,
            [this](const QString& text) { m_message->setText(text); });
    connect(&session, &SaleSession::operatorChanged, this, [this] {
        m_purchases.setActor(m_session.actor());
        m_tickets.setActor(m_session.actor());
    });
    connect(&session, &SaleSession::balanceChanged, this, &CustomerPage::showHeading);
    m_purchases.setActor(session.actor());
    m_tickets.setActor(session.actor());
    resize(1100, 640);
}

void CustomerPage::showCustomer()
{
    m_message->clear();
    m_purchases.clearChoice();
    m_tickets.setPayment(0);
    m_purchases.setCustomer(m_session.customer().id);
    showHeading();
    showChoice();
}

void CustomerPage::showHeading()
{
    const Customer& c = m_session.customer();
    m_heading->setText(
        tr("%1 (No. %2), balance %3").arg(c.name).arg(c.id).arg(Format::krw(c.balance)));
}

void CustomerPage::showTicketsOf(int row)
{
    if (row < 0 || row >= m_purchases.rowCount())
        return;
    const qint64 payment = m_purchases.purchase(row).paymentId;
    if (payment != m_tickets.paymentId())
        m_tickets.setPayment(payment);
}

void CustomerPage::showChoice()
{
    const QList<qint64> ids = m_purchases.chosen();
    m_refund->setEnabled(!ids.isEmpty() && !m_purchases.isBusy());
    if (ids.isEmpty()) {
        m_summary->setText(tr("Tick the seats of one payment to refund them. Seats of a"
                              " performance that has started, or already checked in, cannot be"
                              " refunded."));
        return;
    }
    // What goes back is the service's to say (the fee rule lives there); the answer replaces
    // this line when it comes, unless the choice changed meanwhile.
    m_summary->setText(tr("%n seat(s) of payment No. %1 chosen…", nullptr, int(ids.size()))
                           .arg(m_purchases.chosenPayment()));
    const quint64 mine = ++m_quoteGeneration;
    m_purchases.quote().then(this, [this, mine](Result<RefundQuote> q) {
        if (mine != m_quoteGeneration)
            return;
        if (!q) {
            m_summary->setText(errorText(q.error()));
            return;
        }
        m_summary->setText(
            tr("Refund %n seat(s) of payment No. %1: %2, less the fee of %3 (%4%): %5 back to"
               " the wallet.",
               nullptr, int(q->reservationIds.size()))
                .arg(q->paymentId)
                .arg(Format::krw(q->amount), Format::krw(q->fee))
                .arg(q->feePercent)
                .arg(Format::krw(q->returned())));
    });
}

void CustomerPage::showRefunds()
{
    m_refunds->clear();
    for (const Refund& r : m_purchases.refunds()) {
        QString line =
            tr("No. %1, %2: %n seat(s) of payment No. %3, %4 less %5 fee, %6 back", nullptr,
               int(r.reservationIds.size()))
                .arg(r.id)
                .arg(Format::dateTime(r.refundedAtMs))
                .arg(r.paymentId)
                .arg(Format::krw(r.amount), Format::krw(r.fee), Format::krw(r.returned()));
        if (!r.operatorName.isEmpty())
            line += tr(" (by %1)").arg(r.operatorName);
        m_refunds->addItem(line);
    }
    if (m_refunds->count() == 0)
        m_refunds->addItem(tr("No refunds."));
}

void CustomerPage::refund()
{
    const QList<qint64> ids = m_purchases.chosen();
    if (ids.isEmpty() || m_purchases.isBusy())
        return;
    const auto answer = MessageBox::question(
        this, tr("Refund"),
        tr("Refund %n seat(s)? The seats go back on sale and their tickets stop working.", nullptr,
           int(ids.size())) +
            QStringLiteral("\n\n") + m_summary->text(),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_purchases.refundChosen().then(this, [this](Result<Refund> r) {
        if (!r) {
            m_message->setText(errorText(r.error()));
            return;
        }
        m_message->setText(tr("Refund No. %1 made: %2 back to the wallet, %3 kept. Balance: %4.")
                               .arg(r->id)
                               .arg(Format::krw(r->returned()), Format::krw(r->fee),
                                    Format::krw(r->balanceAfter)));
        m_tickets.reload();
        // The sale window shows the new balance and the seats on sale again.
        m_session.refresh();
    });
}

} // namespace boxoffice
