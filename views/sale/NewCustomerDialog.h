#pragma once

#include "core/Types.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace boxoffice {

class SaleSession;

// A walk-up customer's name and phone, for staff. OK adds them and makes them the sale's
// customer; a refusal is said in the dialog, which keeps what was typed.
class NewCustomerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewCustomerDialog(SaleSession& session, QWidget* parent = nullptr);

    void accept() override;
    void reject() override;

Q_SIGNALS:
    void added(const boxoffice::Customer& customer);

private:
    SaleSession& m_session;
    QLineEdit* m_name;
    QLineEdit* m_phone;
    QLabel* m_error;
    QPushButton* m_ok;
};

} // namespace boxoffice
