#include "common/SignInDialog.h"

#include "common/Accessibility.h"

#include "Format.h"
#include "audit/Actor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace boxoffice {

SignInDialog::SignInDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Who is working at this terminal? Your name is recorded with"
                                " every charge, sale, refund and check-in you make."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_field = new QLineEdit(this);
    m_field->setObjectName(QStringLiteral("signInName"));
    m_field->setPlaceholderText(tr("Your name"));
    m_field->setMaxLength(Actor::kMaxNameLength * 2); // room to trim; checked on accept
    layout->addWidget(m_field);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(this);
    m_ok = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("signInButton"));
    QPushButton* quit = buttons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("signInQuit"));
    layout->addWidget(buttons);
    describe(m_field, tr("Your name"), tr("The name your actions are recorded under."));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_field, &QLineEdit::textEdited, m_error, &QWidget::hide);
    setMinimumWidth(380);
}

void SignInDialog::accept()
{
    const auto name = Actor::checkedName(m_field->text());
    if (!name) {
        m_error->setText(errorText(name.error()));
        m_error->show();
        m_field->setFocus();
        return;
    }
    m_name = *name;
    QDialog::accept();
}

std::optional<QString> SignInDialog::ask(QWidget* parent)
{
    SignInDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.name();
}

} // namespace boxoffice
