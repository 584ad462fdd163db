#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace boxoffice {

class PaymentTicketsModel;
struct PrintedTicket;

// A payment's tickets (design K3, K4): the list of seats with the chosen ticket's QR symbol and
// code, Print (the system dialog), Save as PDF (every ticket of the payment in one file),
// Reprint (the chosen ticket again, the same code) and Reissue (a new code; the old one stops
// working at the door; the button asks once, in place, before it does). Shown in the sale window
// after a payment and on a customer's page.
class TicketsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TicketsPanel(PaymentTicketsModel& model, QWidget* parent = nullptr);

    // Offers a "Done" button that hides the panel (the sale window's; a page has its own close).
    void setClosable(bool closable);
    int currentRow() const;
    void setCurrentRow(int row);
    QString message() const;

    // What the buttons do, for menus and shortcuts.
    void print();
    void savePdf();
    void reprint();
    void reissue();

Q_SIGNALS:
    void closed();
    void statusMessage(const QString& text);

private:
    void refresh();
    void showCurrent();
    bool printTickets(const QList<PrintedTicket>& tickets);
    void say(const QString& text, bool error = false);
    void unconfirm();

    PaymentTicketsModel& m_model;
    QLabel* m_title;
    QListView* m_list;
    QLabel* m_qr;
    QLabel* m_code;
    QLabel* m_info;
    QLabel* m_message;
    QPushButton* m_print;
    QPushButton* m_save;
    QPushButton* m_reprint;
    QPushButton* m_reissue;
    QPushButton* m_done;
    int m_keptRow = -1;
    int m_confirmingRow = -1; // the row whose reissue waits for its confirming click
};

} // namespace boxoffice
