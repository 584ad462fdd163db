#pragma once

#include "QueueModel.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QGroupBox;

namespace boxoffice {

// The current customer's place in the concert's queue (state, exact position, estimated wait,
// progress, time left once admitted) and every customer this terminal has queued.
class QueuePanel : public QWidget
{
    Q_OBJECT

public:
    QueuePanel(QueueModel& model, const Clock& clock, QWidget* parent = nullptr);

    // Which entry the top of the panel follows.
    void follow(qint64 customerId, qint64 concertId);
    void refresh();
    // Marks an admission visibly for a while.
    void highlightAdmission(const QString& text);
    QPushButton* joinButton() const { return m_join; }
    // The table of everyone this terminal queued is for staff; a kiosk shows only its customer.
    void setTableVisible(bool visible);

Q_SIGNALS:
    void joinRequested();

private:
    QueueModel& m_model;
    const Clock& m_clock;
    qint64 m_customerId = 0;
    qint64 m_concertId = 0;
    qint64 m_startPosition = 0;
    qint64 m_highlightUntilMs = 0;
    QGroupBox* m_box;
    QLabel* m_state;
    QLabel* m_position;
    QLabel* m_wait;
    QProgressBar* m_progress;
    QLabel* m_announce;
    QPushButton* m_join;
    QTableView* m_table;
};

} // namespace boxoffice
