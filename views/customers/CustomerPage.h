#pragma once

#include "PaymentTicketsModel.h"
#include "PurchasesModel.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace boxoffice {

class SaleSession;
class TicketsPanel;

// The sale customer's page (design R1, R5, K4): everything they bought, with what became of
// each seat (refunded, checked in), their refunds, and for the chosen payment its tickets
// (print, reprint, reissue). Seats of one payment are ticked to refund them: the page says what
// goes back and what the venue keeps before anyone confirms. Everything through the EngineHost.
class CustomerPage : public QDialog
{
    Q_OBJECT

public:
    explicit CustomerPage(SaleSession& session, QWidget* parent = nullptr);

    // Shows the sale's current customer, read again.
    void showCustomer();
    PurchasesModel& purchases() { return m_purchases; }
    PaymentTicketsModel& tickets() { return m_tickets; }
    TicketsPanel* ticketsPanel() const { return m_ticketsPanel; }
    // Asks to confirm, then refunds the ticked seats.
    void refund();

private:
    void showHeading();
    void showChoice();
    void showRefunds();
    void showTicketsOf(int row);

    SaleSession& m_session;
    PurchasesModel m_purchases;
    PaymentTicketsModel m_tickets;
    QLabel* m_heading;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_refund;
    QLabel* m_message;
    QListWidget* m_refunds;
    TicketsPanel* m_ticketsPanel;
    quint64 m_quoteGeneration = 0;
};

} // namespace boxoffice
