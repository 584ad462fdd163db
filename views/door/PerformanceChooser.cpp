#include "door/PerformanceChooser.h"

#include "common/Accessibility.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace boxoffice {

PerformanceChooser::PerformanceChooser(EngineHost& host, qint64 concertId, qint64 scheduleId,
                                       QWidget* parent)
    : QDialog(parent), m_concerts(host, this), m_schedules(host, this), m_wantedSchedule(scheduleId)
{
    setObjectName(QStringLiteral("performanceChooser"));
    setWindowTitle(tr("Open the door"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Which performance is this door for? Tickets for any other one"
                                " are turned away."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    m_concertBox = new QComboBox(this);
    m_concertBox->setObjectName(QStringLiteral("doorConcert"));
    m_concertBox->setModel(&m_concerts);
    m_dateBox = new QComboBox(this);
    m_dateBox->setObjectName(QStringLiteral("doorDate"));
    m_dateBox->setModel(&m_schedules);
    form->addRow(tr("&Concert"), m_concertBox);
    form->addRow(tr("&Date"), m_dateBox);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_open = buttons->addButton(tr("&Open check-in"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openCheckInButton"));
    layout->addWidget(buttons);
    describe(m_concertBox, tr("Concert"), tr("The concert whose audience comes in here."));
    describe(m_dateBox, tr("Date"), tr("The performance this door lets in."));

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_concertBox, &QComboBox::currentIndexChanged, this,
            &PerformanceChooser::concertPicked);
    connect(m_dateBox, &QComboBox::currentIndexChanged, this, &PerformanceChooser::showChoice);
    // Each list, when read, comes back to what was asked for (the sale's concert and date).
    connect(&m_concerts, &QAbstractItemModel::modelReset, this, [this, concertId] {
        const int row = m_concerts.rowOf(concertId);
        m_concertBox->setCurrentIndex(row >= 0 ? row : (m_concerts.rowCount() > 0 ? 0 : -1));
        concertPicked(m_concertBox->currentIndex());
    });
    connect(&m_schedules, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_schedules.rowOf(m_wantedSchedule);
        m_dateBox->setCurrentIndex(row >= 0 ? row : (m_schedules.rowCount() > 0 ? 0 : -1));
        showChoice();
    });
    setMinimumWidth(420);
    showChoice();
    m_concerts.reload();
}

qint64 PerformanceChooser::concertId() const
{
    const int row = m_concertBox->currentIndex();
    return row >= 0 ? m_concerts.idAt(row) : 0;
}

qint64 PerformanceChooser::scheduleId() const
{
    const int row = m_dateBox->currentIndex();
    return row >= 0 && m_schedules.concertId() == concertId() ? m_schedules.idAt(row) : 0;
}

void PerformanceChooser::choose(qint64 concertId, qint64 scheduleId)
{
    m_wantedSchedule = scheduleId;
    const int row = m_concerts.rowOf(concertId);
    if (row == m_concertBox->currentIndex() && m_schedules.concertId() == concertId)
        m_dateBox->setCurrentIndex(m_schedules.rowOf(scheduleId));
    else
        m_concertBox->setCurrentIndex(row); // its dates are read, then the wanted one chosen
}

void PerformanceChooser::concertPicked(int row)
{
    const qint64 id = row >= 0 ? m_concerts.idAt(row) : 0;
    if (id != m_schedules.concertId())
        m_schedules.setConcert(id);
    showChoice();
}

void PerformanceChooser::showChoice()
{
    m_open->setEnabled(scheduleId() > 0);
}

} // namespace boxoffice
