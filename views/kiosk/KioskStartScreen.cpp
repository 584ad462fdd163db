#include "kiosk/KioskStartScreen.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "SaleSession.h"

#include <QFormLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace boxoffice {

KioskStartScreen::KioskStartScreen(SaleSession& session, QWidget* parent)
    : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("kioskStartScreen"));
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto* title = new QLabel(tr("Welcome! Buy your concert seats here."), this);
    title->setObjectName(QStringLiteral("kioskWelcome"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    title->setWordWrap(true);
    layout->addWidget(title);

    auto* form = new QFormLayout;
    form->setFormAlignment(Qt::AlignHCenter);
    m_member = new QLineEdit(this);
    m_member->setObjectName(QStringLiteral("kioskMemberNumber"));
    m_member->setValidator(new QIntValidator(1, 999'999'999, m_member));
    m_member->setMinimumHeight(56);
    m_member->setMinimumWidth(320);
    m_phone = new QLineEdit(this);
    m_phone->setObjectName(QStringLiteral("kioskPhoneDigits"));
    m_phone->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,4}")), m_phone));
    m_phone->setEchoMode(QLineEdit::Password);
    m_phone->setMinimumHeight(56);
    form->addRow(tr("Member number:"), m_member);
    form->addRow(tr("Last 4 digits of your phone:"), m_phone);
    layout->addLayout(form);

    m_start = new QPushButton(tr("Start"), this);
    m_start->setObjectName(QStringLiteral("kioskStartButton"));
    m_start->setMinimumSize(240, 64);
    layout->addWidget(m_start, 0, Qt::AlignHCenter);
    describe(m_member, tr("Member number"), tr("Your member number."));
    describe(m_phone, tr("Phone digits"), tr("The last four digits of your phone number."));
    describe(m_start, tr("Start"), tr("Starts buying seats as this member."));

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("kioskStartError"));
    m_error->setWordWrap(true);
    m_error->setAlignment(Qt::AlignCenter);
    QFont errorFont = m_error->font();
    errorFont.setPointSizeF(errorFont.pointSizeF() * 1.4);
    m_error->setFont(errorFont);
    m_error->setStyleSheet(QStringLiteral("color: #a4262c;"));
    layout->addWidget(m_error);
    layout->addStretch(2);

    connect(m_start, &QPushButton::clicked, this, &KioskStartScreen::start);
    connect(m_member, &QLineEdit::returnPressed, m_phone, qOverload<>(&QWidget::setFocus));
    connect(m_phone, &QLineEdit::returnPressed, this, &KioskStartScreen::start);
}

void KioskStartScreen::clear()
{
    m_member->clear();
    m_phone->clear();
    m_error->clear();
    m_start->setEnabled(true);
    m_member->setFocus();
}

QString KioskStartScreen::errorShown() const
{
    return m_error->text();
}

void KioskStartScreen::showError(const QString& text)
{
    m_error->setText(text);
    m_start->setEnabled(true);
}

void KioskStartScreen::start()
{
    if (!m_start->isEnabled())
        return;
    bool ok = false;
    const qint64 id = m_member->text().toLongLong(&ok);
    const QString digits = m_phone->text();
    if (!ok || id <= 0 || digits.size() != 4) {
        showError(tr("Type your member number and the last 4 digits of your phone."));
        return;
    }
    m_start->setEnabled(false);
    m_error->clear();
    m_session.host()
        .call([id](Engine& e) { return e.customers.byId(id); })
        .then(this, [this, id, digits](Result<Customer> c) {
            if (!c && c.error().code != ErrorCode::UserNotFound) {
                showError(errorText(c.error()));
                return;
            }
            QString phone = c ? c->phone : QString();
            phone.remove(QRegularExpression(QStringLiteral("[^0-9]")));
            // The same words whether the number or the digits are wrong: a kiosk does not say
            // which member numbers exist.
            if (!c || !phone.endsWith(digits)) {
                showError(tr("That member number and phone do not match. Please try again."));
                return;
            }
            m_session.selectCustomer(id).then(this, [this](Result<void> r) {
                if (!r) {
                    showError(errorText(r.error()));
                    return;
                }
                m_start->setEnabled(true);
                Q_EMIT started();
            });
        });
}

} // namespace boxoffice
