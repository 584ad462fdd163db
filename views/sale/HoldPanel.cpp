#include "sale/HoldPanel.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "SaleSession.h"
#include "wallet/WalletService.h"

#include <QAccessible>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace boxoffice {

HoldPanel::HoldPanel(SaleSession& session, QWidget* parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("holdPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* box = new QGroupBox(tr("Held seats"), this);
    auto* layout = new QVBoxLayout(box);
    m_table = new QTableView(box);
    m_table->setObjectName(QStringLiteral("holdsTable"));
    m_table->setModel(&session.holds());
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    m_total = new QLabel(box);
    m_total->setObjectName(QStringLiteral("holdsTotal"));
    QFont f = m_total->font();
    f.setBold(true);
    m_total->setFont(f);
    layout->addWidget(m_total);
    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("holdMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_chargeRow = new QWidget(box);
    m_chargeRow->setObjectName(QStringLiteral("chargeRow"));
    auto* chargeLayout = new QGridLayout(m_chargeRow);
    chargeLayout->setContentsMargins(0, 0, 0, 0);
    m_shortfall = new QLabel(m_chargeRow);
    m_shortfall->setObjectName(QStringLiteral("shortfallLabel"));
    m_shortfall->setWordWrap(true);
    m_chargeAmount = new QLineEdit(m_chargeRow);
    m_chargeAmount->setObjectName(QStringLiteral("chargeAndPayAmount"));
    m_chargeAmount->setMaximumWidth(140);
    m_chargeAmount->setAlignment(Qt::AlignRight);
    m_chargePay = new QPushButton(m_chargeRow);
    m_chargePay->setObjectName(QStringLiteral("chargeAndPayButton"));
    // The words on a line of their own; the amount and the button under them.
    chargeLayout->addWidget(m_shortfall, 0, 0, 1, 2);
    chargeLayout->addWidget(m_chargeAmount, 1, 0);
    chargeLayout->addWidget(m_chargePay, 1, 1);
    chargeLayout->setColumnStretch(1, 1);
    layout->addWidget(m_chargeRow);
    auto* buttons = new QHBoxLayout;
    m_release = new QPushButton(tr("&Release seat"), box);
    m_release->setObjectName(QStringLiteral("releaseButton"));
    m_pay = new QPushButton(tr("&Pay"), box);
    m_pay->setObjectName(QStringLiteral("payButton"));
    m_pay->setDefault(true);
    buttons->addWidget(m_release);
    buttons->addStretch();
    buttons->addWidget(m_pay);
    layout->addLayout(buttons);
    outer->addWidget(box);
    describe(m_table, tr("Held seats"), tr("The seats held for the customer and the time left."));
    describe(m_pay, tr("Pay"), tr("Pays every held seat from the customer's wallet."));
    describe(m_release, tr("Release seat"), tr("Gives the chosen held seat back."));
    describe(m_chargeAmount, tr("Amount to charge"),
             tr("What to add to the wallet before paying; the shortfall to start with."));
    describe(m_chargePay, tr("Charge and pay"),
             tr("Charges the wallet and pays the held seats; asks once to confirm."));
    // Its name is its text (what a screen reader reads out); only what it is, is described.
    m_message->setAccessibleDescription(tr("What the sale says now."));

    connect(m_pay, &QPushButton::clicked, &session, &SaleSession::pay);
    connect(m_release, &QPushButton::clicked, this, [this] {
        QModelIndex i = m_table->currentIndex();
        if (!i.isValid() && m_session.holds().rowCount() == 1)
            i = m_session.holds().index(0, 0); // the only one: no need to pick it first
        if (i.isValid())
            m_session.release(i.data(HoldsModel::ReservationIdRole).toLongLong());
    });
    connect(&session, &SaleSession::holdsChanged, this, &HoldPanel::refresh);
    connect(&session, &SaleSession::busyChanged, this, &HoldPanel::refresh);
    connect(&session, &SaleSession::balanceChanged, this, &HoldPanel::refresh);
    connect(&session, &SaleSession::noticeChanged, this, &HoldPanel::showNotice);
    connect(&session.holds(), &QAbstractItemModel::rowsRemoved, this, &HoldPanel::refresh);
    connect(m_chargePay, &QPushButton::clicked, this, &HoldPanel::chargeAndPay);
    connect(m_chargeAmount, &QLineEdit::returnPressed, this, &HoldPanel::chargeAndPay);
    connect(m_chargeAmount, &QLineEdit::textEdited, this, &HoldPanel::unconfirm);
    refresh();
    showNotice();
}

void HoldPanel::refresh()
{
    const int n = m_session.holds().rowCount();
    m_total->setText(tr("Total: %1 (%n seat(s))", nullptr, n).arg(Format::krw(m_session.total())));
    m_pay->setEnabled(n > 0 && !m_session.isBusy(SaleSession::Command::Pay) &&
                      !m_session.isBusy(SaleSession::Command::Charge));
    m_release->setEnabled(n > 0 && !m_session.isBusy(SaleSession::Command::Release));

    const qint64 shortfall = m_session.shortfall();
    const bool offer = m_chargingAllowed && n > 0 && shortfall > 0;
    m_chargeRow->setVisible(n > 0 && shortfall > 0);
    m_chargeAmount->setVisible(offer);
    m_chargePay->setVisible(offer);
    if (n > 0 && shortfall > 0) {
        const QString krw = Format::krw(shortfall);
        m_shortfall->setText(
            !offer        ? tr("The balance is %1 short. Please pay at the counter.").arg(krw)
            : m_demoTopUp ? tr("The balance is %1 short. This demo kiosk can top"
                               " up the wallet: no real money is taken.")
                                .arg(krw)
                          : tr("The balance is %1 short.").arg(krw));
        if (shortfall != m_offered) {
            m_offered = shortfall;
            m_chargeAmount->setText(QLocale().toString(shortfall));
            unconfirm();
        }
    } else {
        m_offered = 0;
        unconfirm();
    }
    m_chargePay->setEnabled(offer && !m_session.isBusy(SaleSession::Command::Charge) &&
                            !m_session.isBusy(SaleSession::Command::Pay));
}

void HoldPanel::setKioskStyle(int minimumRowHeight)
{
    m_table->verticalHeader()->setMinimumSectionSize(minimumRowHeight);
    m_table->verticalHeader()->setDefaultSectionSize(minimumRowHeight);
    m_chargeAmount->setMinimumHeight(minimumRowHeight);
    // A narrow column at large type: the price and the time left as wide as the widest they
    // can be, once (they never shift as seats come and go), and the seat takes the rest.
    auto* header = m_table->horizontalHeader();
    const auto wide = [this, header](int column, const QString& widest) {
        const QString title =
            m_session.holds().headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        const int margin = 2 * style()->pixelMetric(QStyle::PM_HeaderMargin) + 12;
        header->setSectionResizeMode(column, QHeaderView::Fixed);
        header->resizeSection(column, std::max(m_table->fontMetrics().horizontalAdvance(widest),
                                               header->fontMetrics().horizontalAdvance(title)) +
                                          margin);
    };
    wide(HoldsModel::PriceColumn, Format::krw(999'999));
    wide(HoldsModel::TimeLeftColumn, QStringLiteral("00:00"));
    header->setSectionResizeMode(HoldsModel::SeatColumn, QHeaderView::Stretch);
    m_table->setWordWrap(true);
}

void HoldPanel::setChargingAllowed(bool allowed)
{
    m_chargingAllowed = allowed;
    refresh();
}

void HoldPanel::setDemoTopUp(bool demo)
{
    m_demoTopUp = demo;
    unconfirm();
    refresh();
}

void HoldPanel::unconfirm()
{
    m_confirming = false;
    m_chargePay->setText(m_demoTopUp ? tr("Demo top-up and pay") : tr("Charge &and pay"));
}

void HoldPanel::triggerChargeAndPay()
{
    if (m_chargePay->isVisible() && m_chargePay->isEnabled())
        m_chargePay->click();
}

void HoldPanel::chargeAndPay()
{
    if (!m_chargePay->isVisible() || !m_chargePay->isEnabled())
        return;
    const auto amount = WalletService::parseAmount(m_chargeAmount->text());
    if (!amount) {
        m_shortfall->setText(errorText(amount.error()));
        return;
    }
    if (!m_confirming) {
        // The one confirmation, in place: the same button, now naming the money.
        m_confirming = true;
        m_chargePay->setText(
            m_demoTopUp ? tr("Confirm: demo top-up of %1, then pay").arg(Format::krw(*amount))
                        : tr("Confirm: charge %1 and pay").arg(Format::krw(*amount)));
        m_chargePay->setFocus();
        return;
    }
    unconfirm();
    m_session.charge(*amount, true);
}

void HoldPanel::showNotice()
{
    const auto& notice = m_session.notice();
    using Kind = SaleSession::Notice::Kind;
    QString style;
    switch (notice.kind) {
    case Kind::Error:
        style = QStringLiteral("color: #b00020;");
        break;
    case Kind::Warning:
        style = QStringLiteral("color: #8a4b00;");
        break;
    case Kind::Success:
        style = QStringLiteral("color: #0b6a0b;");
        break;
    case Kind::Info:
    case Kind::None:
        break;
    }
    m_message->setStyleSheet(style);
    m_message->setText(notice.text);
    // Said out loud by a screen reader: a hold running out, a refusal, the shortfall.
    if (!notice.text.isEmpty() && (notice.kind == Kind::Warning || notice.kind == Kind::Error)) {
        QAccessibleEvent alert(m_message, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
        Q_EMIT announced(notice.text);
    }
}

QString HoldPanel::message() const
{
    return m_message->text();
}

} // namespace boxoffice
