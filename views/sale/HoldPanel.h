#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace boxoffice {

class SaleSession;

// The customer's holds with their countdowns, the total, what the sale says now, and Pay. When
// the balance is short of the total it says by how much and offers "Charge and pay" in place
// (the shortfall pre-filled, one confirmation on the button itself, no dialog).
class HoldPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HoldPanel(SaleSession& session, QWidget* parent = nullptr);

    void refresh();
    QString message() const;
    QPushButton* payButton() const { return m_pay; }
    // Whether "Charge and pay" is offered (a kiosk without charging sends people to the
    // counter instead).
    void setChargingAllowed(bool allowed);
    // Rows and the amount field a finger can hit (`minimumRowHeight`), the prices and times
    // whole in a narrow column.
    void setKioskStyle(int minimumRowHeight);
    // At a kiosk the wallet top-up is a demo's (no money changes hands): it says so.
    void setDemoTopUp(bool demo);
    // The keyboard's way to "Charge and pay" (a menu shortcut): the same as clicking it.
    void triggerChargeAndPay();

Q_SIGNALS:
    // Something said to assistive technology as an alert (a hold running out, a refusal).
    void announced(const QString& text);

private:
    void showNotice();
    void chargeAndPay();
    void unconfirm();

    SaleSession& m_session;
    QTableView* m_table;
    QLabel* m_total;
    QLabel* m_message;
    QPushButton* m_pay;
    QPushButton* m_release;
    QWidget* m_chargeRow;
    QLabel* m_shortfall;
    QLineEdit* m_chargeAmount;
    QPushButton* m_chargePay;
    bool m_chargingAllowed = true;
    bool m_demoTopUp = false;
    bool m_confirming = false;
    qint64 m_offered = 0;
};

} // namespace boxoffice
