#pragma once

#include "DoorSession.h"

#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;

namespace boxoffice {

// The check-in screen for one performance (design K5): a handheld scanner types a code and
// Enter into the scan field; the answer fills the screen in letters readable at arm's length
// (OK in green with the seat; ALREADY_CHECKED_IN with the first time; TICKET_REVOKED;
// TICKET_INVALID; TICKET_WRONG_SCHEDULE), and the field is empty and has the focus again, so
// the next scan needs no click. A window of its own, opened from the sale window's Door menu.
class CheckInWindow : public QWidget
{
    Q_OBJECT

public:
    CheckInWindow(EngineHost& host, qint64 scheduleId, const Actor& actor,
                  QWidget* parent = nullptr);

    DoorSession& session() { return m_session; }
    QLineEdit* scanField() const { return m_scan; }
    // What the big line says now, and its colour (for tests and screenshots).
    QString verdict() const;
    QColor verdictColour() const;

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void scan();
    void showAnswer(const DoorSession::Answer& answer);
    void showHeading();
    void showCount(qint64 count);
    void paint(const QColor& background);

    DoorSession m_session;
    QLabel* m_heading;
    QLabel* m_count;
    QLineEdit* m_scan;
    QFrame* m_result;
    QLabel* m_verdict;
    QLabel* m_detail;
    QLabel* m_code;
    QColor m_colour;
};

} // namespace boxoffice
