#pragma once

#include <QWidget>

class QGroupBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace boxoffice {

class ClockTimer;
class SaleSession;

// The sale's customer in the concert's queue (state, exact position, estimated wait, progress,
// time left once admitted) and every customer this terminal has queued.
class QueuePanel : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePanel(SaleSession& session, QWidget* parent = nullptr);

    void refresh();
    QPushButton* joinButton() const { return m_join; }
    // The table of everyone this terminal queued is for staff; a kiosk shows only its customer.
    void setTableVisible(bool visible);
    // A passer-by may read a kiosk's screen: names half hidden (김*준), as the kiosk shows them.
    void setNamesMasked(bool masked);
    // A window that says the admission elsewhere (the kiosk's banner, larger) keeps the panel
    // to the state alone.
    void setAnnouncementVisible(bool visible);

private:
    void announce(const QString& text);

    SaleSession& m_session;
    qint64 m_startPosition = 0;
    qint64 m_followedCustomer = 0;
    qint64 m_followedConcert = 0;
    bool m_maskNames = false;
    QGroupBox* m_box;
    QLabel* m_state;
    QLabel* m_position;
    QLabel* m_wait;
    QProgressBar* m_progress;
    QLabel* m_announce;
    QPushButton* m_join;
    QTableView* m_table;
    ClockTimer* m_highlight;
    ClockTimer* m_second;
};

} // namespace boxoffice
