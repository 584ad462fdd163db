#pragma once

#include "HoldsModel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace boxoffice {

// The customer's holds with their countdowns, the total, and Pay.
class HoldPanel : public QWidget
{
    Q_OBJECT

public:
    explicit HoldPanel(HoldsModel& model, QWidget* parent = nullptr);

    void refresh();
    void setMessage(const QString& text, bool error);
    QString message() const;
    QPushButton* payButton() const { return m_pay; }

Q_SIGNALS:
    void payRequested();
    void releaseRequested(qint64 reservationId);

private:
    HoldsModel& m_model;
    QTableView* m_table;
    QLabel* m_total;
    QLabel* m_message;
    QPushButton* m_pay;
    QPushButton* m_release;
};

} // namespace boxoffice
