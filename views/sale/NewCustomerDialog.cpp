#include "sale/NewCustomerDialog.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "SaleSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace boxoffice {

NewCustomerDialog::NewCustomerDialog(SaleSession& session, QWidget* parent)
    : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("newCustomerDialog"));
    setWindowTitle(tr("New customer"));
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("newCustomerName"));
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("newCustomerPhone"));
    m_phone->setPlaceholderText(QStringLiteral("010-1234-5678"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Phone:"), m_phone);
    describe(m_name, tr("Name"), tr("The new customer's name."));
    describe(m_phone, tr("Phone"),
             tr("The new customer's phone number, for example 010-1234-5678."));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("newCustomerError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewCustomerDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void NewCustomerDialog::accept()
{
    if (!m_ok->isEnabled())
        return; // already asked
    m_ok->setEnabled(false);
    m_error->clear();
    m_session.addCustomer(m_name->text(), m_phone->text()).then(this, [this](Result<Customer> c) {
        m_ok->setEnabled(true);
        if (!c) {
            m_error->setText(errorText(c.error()));
            return;
        }
        Q_EMIT added(*c);
        QDialog::accept();
    });
}

void NewCustomerDialog::reject()
{
    // While the addition is out its answer decides: the customer may already be a member, and
    // Enter on the button the focus fell to, or Esc, must not walk away from that.
    if (!m_ok->isEnabled())
        return;
    QDialog::reject();
}

} // namespace boxoffice
