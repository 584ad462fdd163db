#include "tickets/TicketsPanel.h"

#include "common/Accessibility.h"
#include "common/FileDialog.h"
#include "common/PrintDialog.h"

#include "Format.h"
#include "PaymentTicketsModel.h"
#include "TicketQr.h"

#include <QDir>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPrinter>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace boxoffice {

namespace {

// Pixels a QR module takes on screen: big enough for a phone held to the screen to read it.
constexpr int kScreenModule = 4;
// Characters of a code per line of its text.
constexpr int kCodeLine = 28;

} // namespace

TicketsPanel::TicketsPanel(PaymentTicketsModel& model, QWidget* parent)
    : QWidget(parent), m_model(model)
{
    setObjectName(QStringLiteral("ticketsPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* box = new QGroupBox(tr("Tickets"), this);
    auto* layout = new QGridLayout(box);
    m_title = new QLabel(box);
    m_title->setObjectName(QStringLiteral("ticketsTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title, 0, 0, 1, 2);

    m_list = new QListView(box);
    m_list->setObjectName(QStringLiteral("ticketsList"));
    m_list->setModel(&model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setMinimumWidth(160);
    layout->addWidget(m_list, 1, 0);

    auto* detail = new QVBoxLayout;
    m_qr = new QLabel(box);
    m_qr->setObjectName(QStringLiteral("ticketQr"));
    m_qr->setAlignment(Qt::AlignCenter);
    // No minimum of its own: the symbol's size is the least it takes, so nothing is drawn over
    // it and no module is cut.
    detail->addWidget(m_qr);
    m_info = new QLabel(box);
    m_info->setObjectName(QStringLiteral("ticketInfo"));
    m_info->setWordWrap(true);
    detail->addWidget(m_info);
    m_code = new QLabel(box);
    m_code->setObjectName(QStringLiteral("ticketCode"));
    m_code->setWordWrap(true);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    detail->addWidget(m_code);
    detail->addStretch();
    layout->addLayout(detail, 1, 1);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);

    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("ticketsMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message, 2, 0, 1, 2);

    auto* buttons = new QHBoxLayout;
    m_print = new QPushButton(tr("P&rint…"), box);
    m_print->setObjectName(QStringLiteral("printTicketsButton"));
    m_save = new QPushButton(tr("Save as P&DF…"), box);
    m_save->setObjectName(QStringLiteral("saveTicketsButton"));
    m_reprint = new QPushButton(tr("Re&print"), box);
    m_reprint->setObjectName(QStringLiteral("reprintButton"));
    m_reissue = new QPushButton(tr("Re&issue"), box);
    m_reissue->setObjectName(QStringLiteral("reissueButton"));
    m_done = new QPushButton(tr("Done"), box);
    m_done->setObjectName(QStringLiteral("ticketsDoneButton"));
    m_done->hide();
    for (QPushButton* b : {m_print, m_save, m_reprint, m_reissue, m_done}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
    }
    buttons->insertStretch(4);
    layout->addLayout(buttons, 3, 0, 1, 2);
    outer->addWidget(box);

    describe(m_list, tr("Tickets"), tr("The payment's tickets, one per seat."));
    describe(m_qr, tr("Ticket QR code"), tr("The chosen ticket's code as a QR symbol."));
    describe(m_print, tr("Print tickets"), tr("Prints every ticket of the payment."));
    describe(m_save, tr("Save tickets as PDF"),
             tr("Saves every ticket of the payment in one PDF, one ticket a page."));
    describe(m_reprint, tr("Reprint ticket"), tr("Prints the chosen ticket again, same code."));
    describe(m_reissue, tr("Reissue ticket"),
             tr("Gives the chosen seat a new code; the old one no longer gets in. Asks once to"
                " confirm, on the button itself."));
    describe(m_done, tr("Done with the tickets"),
             tr("Puts the tickets away and shows the seat map again."));

    connect(m_print, &QPushButton::clicked, this, &TicketsPanel::print);
    connect(m_save, &QPushButton::clicked, this, &TicketsPanel::savePdf);
    connect(m_reprint, &QPushButton::clicked, this, &TicketsPanel::reprint);
    for (QPushButton* other : {m_print, m_save, m_reprint, m_done})
        connect(other, &QPushButton::clicked, this, &TicketsPanel::unconfirm);
    connect(m_reissue, &QPushButton::clicked, this, &TicketsPanel::reissue);
    connect(m_done, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
    connect(&model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_keptRow = currentRow(); });
    connect(&model, &QAbstractItemModel::modelReset, this, [this] {
        // The row a person was looking at stays chosen when the list is read again.
        const int row = std::exchange(m_keptRow, -1);
        if (m_model.rowCount() > 0)
            setCurrentRow(row >= 0 && row < m_model.rowCount() ? row : 0);
        refresh();
    });
    connect(&model, &PaymentTicketsModel::busyChanged, this, &TicketsPanel::refresh);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        unconfirm(); // a confirmation is for the seat it named
        showCurrent();
    });
    refresh();
}

void TicketsPanel::setClosable(bool closable)
{
    m_done->setVisible(closable);
}

int TicketsPanel::currentRow() const
{
    const QModelIndex i = m_list->currentIndex();
    return i.isValid() ? i.row() : -1;
}

void TicketsPanel::setCurrentRow(int row)
{
    m_list->setCurrentIndex(m_model.index(row));
    showCurrent();
}

QString TicketsPanel::message() const
{
    return m_message->text();
}

void TicketsPanel::say(const QString& text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    if (!error && !text.isEmpty())
        Q_EMIT statusMessage(text);
}

void TicketsPanel::refresh()
{
    const int n = m_model.rowCount();
    m_title->setText(m_model.paymentId() > 0
                         ? tr("Payment No. %1: %n ticket(s)", nullptr, n).arg(m_model.paymentId())
                         : tr("No payment chosen"));
    const bool ready = m_model.isComplete() && !m_model.printable().isEmpty();
    m_print->setEnabled(ready);
    m_save->setEnabled(ready);
    showCurrent();
}

void TicketsPanel::showCurrent()
{
    const int row = currentRow();
    const bool has = row >= 0 && row < m_model.rowCount();
    const Ticket* t = has ? &m_model.ticket(row) : nullptr;
    const bool usable = t && t->status == TicketStatus::Valid;
    m_reprint->setEnabled(usable && m_model.isComplete());
    m_reissue->setEnabled(usable && !m_model.isBusy());
    if (!t) {
        m_qr->clear();
        m_code->clear();
        m_info->clear();
        return;
    }
    if (usable) {
        const auto qr = TicketQr::encode(t->code);
        m_qr->setPixmap(qr ? QPixmap::fromImage(qr->toImage(kScreenModule)) : QPixmap());
    } else {
        m_qr->setText(tr("Not valid"));
    }
    // A code has no spaces to wrap at: shown in lines of a fixed length, for reading it out;
    // the QR symbol is for scanning, and the tooltip holds it whole for copying.
    QStringList parts;
    for (qsizetype i = 0; i < t->code.size(); i += kCodeLine)
        parts << t->code.mid(i, kCodeLine);
    m_code->setText(parts.join(u'\n'));
    m_code->setToolTip(t->code);
    QStringList lines;
    if (!t->concertTitle.isEmpty())
        lines << t->concertTitle << Format::dateTime(t->startsAtMs);
    lines << tr("Seat %1").arg(t->seatLabel);
    if (!t->tier.isEmpty())
        lines << QStringLiteral("%1 · %2").arg(t->tier, Format::krw(t->price));
    lines << PaymentTicketsModel::stateText(*t);
    if (t->issueNumber > 1)
        lines << tr("Issue %1").arg(t->issueNumber);
    m_info->setText(lines.join(u'\n'));
}

bool TicketsPanel::printTickets(const QList<PrintedTicket>& tickets)
{
    if (tickets.isEmpty())
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setDocName(tr("Tickets, payment No. %1").arg(m_model.paymentId()));
    if (!PrintDialog::ask(printer, this))
        return false;
    if (const auto painted = TicketDocument::paintAll(printer, tickets); !painted) {
        say(errorText(painted.error()), true);
        return false;
    }
    return true;
}

void TicketsPanel::print()
{
    const QList<PrintedTicket> tickets = m_model.printable();
    if (printTickets(tickets))
        say(tr("Sent %n ticket(s) to the printer.", nullptr, int(tickets.size())));
}

void TicketsPanel::reprint()
{
    const int row = currentRow();
    if (row < 0)
        return;
    const QList<PrintedTicket> tickets = m_model.printable({row});
    if (printTickets(tickets))
        say(tr("Printed seat %1 again (the same code).").arg(m_model.ticket(row).seatLabel));
}

void TicketsPanel::savePdf()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(dir).filePath(tr("tickets-payment-%1.pdf").arg(m_model.paymentId()));
    const QString path =
        FileDialog::saveFileName(this, tr("Save tickets as PDF"), suggested, tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const auto written = m_model.writePdf(path); !written) {
        say(errorText(written.error()), true);
        return;
    }
    say(tr("Saved %n ticket(s) in %1.", nullptr, int(m_model.printable().size()))
            .arg(QDir::toNativeSeparators(path)));
}

void TicketsPanel::unconfirm()
{
    m_confirmingRow = -1;
    m_reissue->setText(tr("Re&issue"));
}

void TicketsPanel::reissue()
{
    const int row = currentRow();
    if (row < 0 || m_model.isBusy() || !m_reissue->isEnabled())
        return;
    const QString seat = m_model.ticket(row).seatLabel;
    if (m_confirmingRow != row) {
        // The one confirmation, in place: the same button, now saying what it will undo.
        m_confirmingRow = row;
        m_reissue->setText(tr("Confirm: new code for seat %1").arg(seat));
        say(tr("Seat %1's current code will no longer get in at the door.").arg(seat));
        m_reissue->setFocus();
        return;
    }
    unconfirm();
    m_model.reissue(row).then(this, [this, seat](Result<Ticket> fresh) {
        if (!fresh) {
            say(errorText(fresh.error()), true);
            return;
        }
        say(tr("Seat %1 has a new ticket (issue %2); print it for the customer.")
                .arg(seat)
                .arg(fresh->issueNumber));
    });
}

} // namespace boxoffice
