#include "sale/CustomerBar.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "SaleSession.h"
#include "sale/NewCustomerDialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace boxoffice {

CustomerBar::CustomerBar(SaleSession& session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("customerBar"));
    auto* bar = new QHBoxLayout(this);
    bar->setContentsMargins(0, 0, 0, 0);
    auto* searchLabel = new QLabel(tr("&Customer:"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Number, name or phone (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    searchLabel->setBuddy(m_search);
    m_find = new QPushButton(tr("Find"), this);
    m_find->setObjectName(QStringLiteral("findCustomerButton"));
    m_results = new QComboBox(this);
    m_results->setObjectName(QStringLiteral("customerResults"));
    m_results->setMinimumContentsLength(24);
    m_results->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_newCustomer = new QPushButton(tr("&New customer…"), this);
    m_newCustomer->setObjectName(QStringLiteral("newCustomerButton"));
    m_info = new QLabel(this);
    m_info->setObjectName(QStringLiteral("customerInfo"));
    m_wallet = new QPushButton(tr("&Wallet…"), this);
    m_wallet->setObjectName(QStringLiteral("walletButton"));
    bar->addWidget(searchLabel);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_find);
    bar->addWidget(m_results, 1);
    bar->addWidget(m_newCustomer);
    bar->addSpacing(12);
    bar->addWidget(m_info, 2);
    bar->addWidget(m_wallet);
    describe(m_search, tr("Customer search"),
             tr("A member number, a name or a phone number; Enter finds the customer."));
    describe(m_find, tr("Find"), tr("Finds the customer typed in the search field."));
    describe(m_results, tr("Matching customers"), tr("Pick the customer when several match."));
    describe(m_newCustomer, tr("New customer"), tr("Adds a walk-up customer with name and phone."));
    describe(m_info, tr("Customer"), tr("The sale's customer and their wallet balance."));
    describe(m_wallet, tr("Wallet"), tr("The customer's balance, charges and history."));

    connect(m_search, &QLineEdit::returnPressed, this, &CustomerBar::find);
    connect(m_find, &QPushButton::clicked, this, &CustomerBar::find);
    connect(m_results, &QComboBox::activated, this,
            [this](int i) { choose(m_results->itemData(i).toLongLong()); });
    connect(m_newCustomer, &QPushButton::clicked, this, &CustomerBar::addCustomer);
    connect(m_wallet, &QPushButton::clicked, this, &CustomerBar::walletRequested);
    connect(&m_session, &SaleSession::customerChanged, this, &CustomerBar::showCustomer);
    connect(&m_session, &SaleSession::balanceChanged, this, &CustomerBar::showCustomer);
    connect(&m_session, &SaleSession::busyChanged, this, [this](SaleSession::Command c, bool busy) {
        if (c == SaleSession::Command::Customer)
            m_find->setEnabled(!busy);
    });
    showCustomer();
}

void CustomerBar::focusSearch()
{
    m_search->setFocus();
    m_search->selectAll();
}

void CustomerBar::find()
{
    const QString text = m_search->text().trimmed();
    if (text.isEmpty() || !m_find->isEnabled())
        return;
    m_find->setEnabled(false);
    m_session.findCustomers(text).then(this, [this, text](Result<QList<Customer>> found) {
        m_find->setEnabled(true);
        if (!found) {
            Q_EMIT message(errorText(found.error()));
            return;
        }
        m_results->clear();
        for (const Customer& c : *found)
            m_results->addItem(QStringLiteral("#%1 %2 · %3").arg(c.id).arg(c.name, c.phone), c.id);
        if (found->isEmpty()) {
            Q_EMIT message(tr("No customer matches \"%1\".").arg(text));
            return;
        }
        choose(found->first().id);
        // A member number typed in full is that member, however many names contain it.
        const bool exactNumber = QString::number(found->first().id) == text;
        if (found->size() > 1 && !exactNumber) {
            Q_EMIT message(
                tr("%n customer(s) match; pick one from the list.", nullptr, int(found->size())));
            m_results->setFocus();
        }
    });
}

void CustomerBar::choose(qint64 customerId)
{
    m_session.selectCustomer(customerId).then(this, [this, customerId](Result<void> r) {
        if (r)
            return;
        // Only an unknown number is "no such member"; anything else is the database's trouble.
        Q_EMIT message(r.error().code == ErrorCode::UserNotFound
                           ? tr("No member with number %1.").arg(customerId)
                           : errorText(r.error()));
    });
}

void CustomerBar::addCustomer()
{
    auto* dialog = new NewCustomerDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewCustomerDialog::added, this, [this](const Customer& c) {
        Q_EMIT message(tr("Added %1 as member #%2.").arg(c.name).arg(c.id));
    });
    dialog->open();
}

void CustomerBar::showCustomer()
{
    const Customer& c = m_session.customer();
    if (c.id <= 0) {
        m_info->setText(tr("No customer selected"));
        m_wallet->setEnabled(false);
        return;
    }
    m_info->setText(tr("%1 (#%2) · %3 · balance %4")
                        .arg(c.name)
                        .arg(c.id)
                        .arg(c.phone, Format::krw(c.balance)));
    m_wallet->setEnabled(true);
}

} // namespace boxoffice
