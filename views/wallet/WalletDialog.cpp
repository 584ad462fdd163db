#include "wallet/WalletDialog.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "SaleSession.h"
#include "wallet/WalletService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace boxoffice {

WalletDialog::WalletDialog(SaleSession& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_ledger(session.host(), this)
{
    setObjectName(QStringLiteral("walletDialog"));
    setWindowTitle(tr("Wallet"));
    auto* layout = new QVBoxLayout(this);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("walletCustomer"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_balanceLabel = new QLabel(this);
    m_balanceLabel->setObjectName(QStringLiteral("walletBalance"));
    QFont big = m_balanceLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_balanceLabel->setFont(big);
    layout->addWidget(m_balanceLabel);

    auto* form = new QFormLayout;
    m_amount = new QLineEdit(this);
    m_amount->setObjectName(QStringLiteral("chargeAmount"));
    m_amount->setPlaceholderText(tr("e.g. 50,000"));
    m_amount->setClearButtonEnabled(true);
    form->addRow(tr("Charge &amount (KRW):"), m_amount);
    layout->addLayout(form);

    auto* quick = new QHBoxLayout;
    for (qint64 amount : {10000, 50000, 100000}) {
        auto* b = new QPushButton(Format::krw(amount), this);
        b->setObjectName(QStringLiteral("quick%1").arg(amount));
        describe(b, tr("Charge %1").arg(Format::krw(amount)), tr("Fills in this amount."));
        b->setAutoDefault(false);
        connect(b, &QPushButton::clicked, this, [this, amount] { setAmount(amount); });
        quick->addWidget(b);
    }
    quick->addStretch();
    m_charge = new QPushButton(tr("&Charge"), this);
    m_charge->setObjectName(QStringLiteral("chargeButton"));
    m_charge->setDefault(true);
    quick->addWidget(m_charge);
    layout->addLayout(quick);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("walletMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    auto* historyLabel = new QLabel(tr("History"), this);
    layout->addWidget(historyLabel);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("ledgerTable"));
    m_table->setModel(&m_ledger);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    historyLabel->setBuddy(m_table);
    layout->addWidget(m_table, 1);
    describe(m_amount, tr("Charge amount"),
             tr("Whole won from 1 to %L1 per charge.").arg(WalletService::kMaxCharge));
    describe(m_charge, tr("Charge"), tr("Adds the amount to the wallet."));
    describe(m_table, tr("Wallet history"), tr("Every charge, payment and refund, newest first."));
    describe(m_balanceLabel, tr("Balance"), tr("What the wallet holds now."));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_amount, &QLineEdit::textChanged, this, &WalletDialog::validate);
    connect(m_amount, &QLineEdit::returnPressed, this, &WalletDialog::charge);
    connect(m_charge, &QPushButton::clicked, this, &WalletDialog::charge);
    connect(&session, &SaleSession::balanceChanged, this, &WalletDialog::showBalance);
    connect(&session, &SaleSession::customerChanged, this, &WalletDialog::showCustomer);
    connect(&session, &SaleSession::busyChanged, this, &WalletDialog::validate);
    resize(560, 520);
    showCustomer();
}

void WalletDialog::showCustomer()
{
    const Customer& c = m_session.customer();
    m_title->setText(c.id > 0 ? tr("%1 (member #%2)").arg(c.name).arg(c.id) : QString());
    m_amount->clear();
    m_message->clear();
    m_ledger.setCustomer(c.id);
    showBalance();
}

void WalletDialog::showBalance()
{
    m_balanceLabel->setText(tr("Balance: %1").arg(Format::krw(m_session.balance())));
    if (m_ledger.customerId() > 0)
        m_ledger.reload();
    validate();
}

void WalletDialog::setAmount(qint64 amount)
{
    m_amount->setText(QLocale().toString(amount));
    m_amount->setFocus();
}

void WalletDialog::validate()
{
    const QString text = m_amount->text().trimmed();
    const bool busy = m_session.isBusy(SaleSession::Command::Charge);
    if (text.isEmpty()) {
        m_message->setText(tr("Charges are whole won from 1 to %L1 each; a balance may hold at"
                              " most %L2.")
                               .arg(WalletService::kMaxCharge)
                               .arg(WalletService::kMaxBalance));
        m_message->setStyleSheet(QString());
        m_charge->setEnabled(false);
        return;
    }
    const auto amount = WalletService::parseAmount(text);
    const qint64 balance = m_session.balance();
    QString problem;
    if (!amount)
        problem = errorText(amount.error());
    else if (balance + *amount > WalletService::kMaxBalance)
        problem = tr("After this charge the balance would be %1; the most a balance may hold is"
                     " %2.")
                      .arg(Format::krw(balance + *amount), Format::krw(WalletService::kMaxBalance));
    m_charge->setEnabled(problem.isEmpty() && m_session.hasCustomer() && !busy);
    m_message->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    m_message->setText(
        problem.isEmpty() ? tr("New balance after charging: %1").arg(Format::krw(balance + *amount))
                          : problem);
}

void WalletDialog::charge()
{
    const auto amount = WalletService::parseAmount(m_amount->text());
    if (!amount || !m_charge->isEnabled()) {
        validate();
        return;
    }
    m_session.charge(*amount, false).then(this, [this, amount](Result<qint64> after) {
        if (!after) {
            m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
            m_message->setText(errorText(after.error()));
            return;
        }
        m_amount->clear();
        m_message->setStyleSheet(QString());
        m_message->setText(
            tr("Charged %1. New balance: %2.").arg(Format::krw(*amount), Format::krw(*after)));
    });
    validate();
}

} // namespace boxoffice
