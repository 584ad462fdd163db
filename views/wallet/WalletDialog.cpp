#include "wallet/WalletDialog.h"

#include "Format.h"
#include "common/UiLanguage.h"

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

WalletDialog::WalletDialog(WalletService& wallet, QWidget* parent)
    : QDialog(parent), m_wallet(wallet), m_ledger(wallet, this)
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

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_amount, &QLineEdit::textChanged, this, &WalletDialog::validate);
    connect(m_amount, &QLineEdit::returnPressed, this, &WalletDialog::charge);
    connect(m_charge, &QPushButton::clicked, this, &WalletDialog::charge);
    resize(560, 520);
    validate();
}

void WalletDialog::setCustomer(qint64 customerId, const QString& name)
{
    m_customerId = customerId;
    m_title->setText(tr("%1 (member #%2)").arg(name).arg(customerId));
    m_amount->clear();
    m_message->clear();
    reload();
}

void WalletDialog::setAmount(qint64 amount)
{
    m_amount->setText(QLocale().toString(amount));
    m_amount->setFocus();
}

void WalletDialog::reload()
{
    const auto b = m_wallet.balance(m_customerId);
    if (b) {
        m_balance = *b;
        m_balanceLabel->setText(tr("Balance: %1").arg(Format::krw(m_balance)));
    } else {
        m_balanceLabel->setText(errorText(b.error()));
    }
    if (auto r = m_ledger.setCustomer(m_customerId); !r)
        m_message->setText(errorText(r.error()));
    validate();
}

void WalletDialog::validate()
{
    const QString text = m_amount->text().trimmed();
    if (text.isEmpty()) {
        m_message->setText(tr("Charges are whole won from 1 to 1,000,000 each; a balance may hold"
                              " at most 10,000,000."));
        m_message->setStyleSheet(QString());
        m_charge->setEnabled(false);
        return;
    }
    const auto amount = WalletService::parseAmount(text);
    QString problem;
    if (!amount)
        problem = errorText(amount.error());
    else if (m_balance + *amount > WalletService::kMaxBalance)
        problem = tr("After this charge the balance would be %1; the most a balance may hold is"
                     " 10,000,000 KRW.")
                      .arg(Format::krw(m_balance + *amount));
    m_charge->setEnabled(problem.isEmpty() && m_customerId > 0);
    m_message->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
    m_message->setText(
        problem.isEmpty()
            ? tr("New balance after charging: %1").arg(Format::krw(m_balance + *amount))
            : problem);
}

void WalletDialog::charge()
{
    const auto amount = WalletService::parseAmount(m_amount->text());
    if (!amount || !m_charge->isEnabled()) {
        validate();
        return;
    }
    const auto after = m_wallet.charge(m_customerId, *amount);
    if (!after) {
        m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_message->setText(errorText(after.error()));
        return;
    }
    m_amount->clear();
    reload();
    m_message->setStyleSheet(QString());
    m_message->setText(
        tr("Charged %1. New balance: %2.").arg(Format::krw(*amount), Format::krw(*after)));
    Q_EMIT charged(m_customerId, *after);
}

} // namespace boxoffice
