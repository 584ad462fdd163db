#pragma once

#include "LedgerModel.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace boxoffice {

class SaleSession;

// The sale customer's wallet: balance, a validated charge with quick amounts, and the ledger
// (W1–W6). Charging goes through the sale, so every panel sees the new balance.
class WalletDialog : public QDialog
{
    Q_OBJECT

public:
    explicit WalletDialog(SaleSession& session, QWidget* parent = nullptr);

    // Shows the sale's current customer, with nothing typed.
    void showCustomer();
    // Pre-fills the charge field (the shortfall of a payment, say).
    void setAmount(qint64 amount);

private:
    void validate();
    void charge();
    void showBalance();

    SaleSession& m_session;
    LedgerModel m_ledger;
    QLabel* m_title;
    QLabel* m_balanceLabel;
    QLineEdit* m_amount;
    QLabel* m_message;
    QPushButton* m_charge;
    QTableView* m_table;
};

} // namespace boxoffice
