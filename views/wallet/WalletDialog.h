#pragma once

#include "LedgerModel.h"
#include "wallet/WalletService.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace boxoffice {

// A customer's wallet: balance, a validated charge with quick amounts, and the ledger (W1–W6).
class WalletDialog : public QDialog
{
    Q_OBJECT

public:
    WalletDialog(WalletService& wallet, QWidget* parent = nullptr);

    void setCustomer(qint64 customerId, const QString& name);
    // Pre-fills the charge field (the shortfall of a payment, say).
    void setAmount(qint64 amount);
    qint64 balance() const { return m_balance; }

Q_SIGNALS:
    void charged(qint64 customerId, qint64 newBalance);

private:
    void validate();
    void charge();
    void reload();

    WalletService& m_wallet;
    LedgerModel m_ledger;
    qint64 m_customerId = 0;
    qint64 m_balance = 0;
    QLabel* m_title;
    QLabel* m_balanceLabel;
    QLineEdit* m_amount;
    QLabel* m_message;
    QPushButton* m_charge;
    QTableView* m_table;
};

} // namespace boxoffice
