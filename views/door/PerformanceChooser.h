#pragma once

#include "ConcertListModel.h"
#include "ScheduleListModel.h"

#include <QDialog>

class QComboBox;
class QPushButton;

namespace boxoffice {

// Which performance a check-in screen is for (design K5): a concert and one of its dates, the
// sale's own as the first answer. Opened with open(), never exec(), so the sale window (and a
// test) goes on while it is up; accepted() means scheduleId() is chosen.
class PerformanceChooser : public QDialog
{
    Q_OBJECT

public:
    PerformanceChooser(EngineHost& host, qint64 concertId, qint64 scheduleId,
                       QWidget* parent = nullptr);

    qint64 concertId() const;
    qint64 scheduleId() const;
    // Chooses by id (what the person does with the two lists), once the lists are read.
    void choose(qint64 concertId, qint64 scheduleId);

private:
    void concertPicked(int row);
    void showChoice();

    ConcertListModel m_concerts;
    ScheduleListModel m_schedules;
    QComboBox* m_concertBox;
    QComboBox* m_dateBox;
    QPushButton* m_open;
    qint64 m_wantedSchedule = 0;
};

} // namespace boxoffice
