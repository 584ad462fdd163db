#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace boxoffice {

class SaleSession;

// Who is buying: find by member number, name or phone; add a walk-up; the customer's line with
// their balance; the wallet.
class CustomerBar : public QWidget
{
    Q_OBJECT

public:
    explicit CustomerBar(SaleSession& session, QWidget* parent = nullptr);

    void focusSearch();
    // Looks the typed text up (Enter does the same).
    void find();
    void addCustomer();
    QLineEdit* searchField() const { return m_search; }

Q_SIGNALS:
    void message(const QString& text);
    void walletRequested();

private:
    void showCustomer();
    void choose(qint64 customerId);

    SaleSession& m_session;
    QLineEdit* m_search;
    QPushButton* m_find;
    QComboBox* m_results;
    QPushButton* m_newCustomer;
    QLabel* m_info;
    QPushButton* m_wallet;
};

} // namespace boxoffice
