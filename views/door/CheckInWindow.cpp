#include "door/CheckInWindow.h"

#include "common/Accessibility.h"

#include "Format.h"

#include <QDateTime>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace boxoffice {

namespace {

// The colours of the answers: green lets in, amber is "already in", red keeps out; each with
// white letters, dark enough for that to read in a bright foyer (contrast 4.5:1 or more).
const QColor kOk(0x1b, 0x6e, 0x34);
const QColor kAlready(0x9a, 0x52, 0x00);
const QColor kRefused(0xa8, 0x1f, 0x1a);
const QColor kElsewhere(0x5b, 0x2c, 0x83);
const QColor kWaiting(0x44, 0x4b, 0x55);

// The verdict's letters take this share of the window's height.
constexpr double kVerdictShare = 0.11;

QFont scaled(QFont f, int pixels, bool bold)
{
    f.setPixelSize(std::max(12, pixels));
    f.setBold(bold);
    return f;
}

} // namespace

CheckInWindow::CheckInWindow(EngineHost& host, qint64 scheduleId, const Actor& actor,
                             QWidget* parent)
    : QWidget(parent, Qt::Window), m_session(host, scheduleId, actor, this)
{
    setObjectName(QStringLiteral("checkInWindow"));
    setWindowTitle(tr("Check-in"));
    setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("doorHeading"));
    m_heading->setWordWrap(true);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("doorCount"));
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    top->addWidget(m_heading, 1);
    top->addWidget(m_count);
    layout->addLayout(top);

    m_scan = new QLineEdit(this);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setPlaceholderText(tr("Scan a ticket, or type its code and press Enter"));
    m_scan->setClearButtonEnabled(false);
    layout->addWidget(m_scan);

    m_result = new QFrame(this);
    m_result->setObjectName(QStringLiteral("doorResult"));
    m_result->setAutoFillBackground(true);
    auto* inside = new QVBoxLayout(m_result);
    inside->setContentsMargins(24, 24, 24, 24);
    m_verdict = new QLabel(m_result);
    m_verdict->setObjectName(QStringLiteral("doorVerdict"));
    m_verdict->setAlignment(Qt::AlignCenter);
    m_verdict->setWordWrap(true);
    m_detail = new QLabel(m_result);
    m_detail->setObjectName(QStringLiteral("doorDetail"));
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_code = new QLabel(m_result);
    m_code->setObjectName(QStringLiteral("doorCode"));
    m_code->setAlignment(Qt::AlignCenter);
    inside->addStretch();
    inside->addWidget(m_verdict);
    inside->addWidget(m_detail);
    inside->addStretch();
    inside->addWidget(m_code);
    layout->addWidget(m_result, 1);

    describe(m_scan, tr("Scan field"),
             tr("A handheld scanner types the ticket's code here and presses Enter."));
    describe(m_verdict, tr("Check-in answer"), tr("Whether the last ticket scanned gets in."));

    connect(m_scan, &QLineEdit::returnPressed, this, &CheckInWindow::scan);
    connect(&m_session, &DoorSession::answered, this, &CheckInWindow::showAnswer);
    connect(&m_session, &DoorSession::loaded, this, &CheckInWindow::showHeading);
    connect(&m_session, &DoorSession::countChanged, this, &CheckInWindow::showCount);
    connect(&m_session, &DoorSession::pendingChanged, this, [this](int pending) {
        if (pending > 0 && m_session.lastAnswer().outcome == DoorSession::Outcome::None)
            m_verdict->setText(tr("Checking…"));
    });

    m_verdict->setText(tr("Ready"));
    m_detail->setText(tr("Scan the first ticket."));
    paint(kWaiting);
    showHeading();
    showCount(0);
    resize(1024, 720);
    m_session.load();
}

QString CheckInWindow::verdict() const
{
    return m_verdict->text();
}

QColor CheckInWindow::verdictColour() const
{
    return m_colour;
}

void CheckInWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_scan->setFocus();
}

void CheckInWindow::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    // Letters in proportion to the window: as big as the screen allows, at any size.
    {
        const int h = std::max(height(), 300);
        m_verdict->setFont(scaled(font(), int(h * kVerdictShare), true));
        m_detail->setFont(scaled(font(), int(h * kVerdictShare * 0.45), false));
        m_heading->setFont(scaled(font(), int(h * 0.03), true));
        m_count->setFont(scaled(font(), int(h * 0.03), true));
        m_scan->setFont(scaled(font(), int(h * 0.028), false));
        m_code->setFont(scaled(font(), int(h * 0.02), false));
    }
}

void CheckInWindow::scan()
{
    const QString code = m_scan->text();
    m_scan->clear();
    m_scan->setFocus();
    m_session.scan(code);
}

void CheckInWindow::paint(const QColor& background)
{
    m_colour = background;
    QPalette p = m_result->palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, Qt::white);
    m_result->setPalette(p);
    for (QLabel* l : {m_verdict, m_detail, m_code}) {
        QPalette lp = l->palette();
        lp.setColor(QPalette::WindowText, Qt::white);
        l->setPalette(lp);
    }
}

void CheckInWindow::showAnswer(const DoorSession::Answer& a)
{
    const QString seat = a.seatLabel.isEmpty() ? QString() : tr("Seat %1").arg(a.seatLabel);
    // The end of the code, enough for staff to tell two scans apart.
    m_code->setText(a.code.size() > 12 ? QStringLiteral("…") + a.code.right(12) : a.code);
    switch (a.outcome) {
    case DoorSession::Outcome::Ok:
        m_verdict->setText(tr("OK — come in"));
        m_detail->setText(seat);
        paint(kOk);
        break;
    case DoorSession::Outcome::AlreadyCheckedIn:
        m_verdict->setText(tr("Already checked in"));
        m_detail->setText(
            tr("%1 — first checked in at %2")
                .arg(seat,
                     QLocale().toString(
                         QDateTime::fromMSecsSinceEpoch(a.firstCheckInMs).toLocalTime().time(),
                         QLocale::ShortFormat)));
        paint(kAlready);
        break;
    case DoorSession::Outcome::Revoked:
        m_verdict->setText(tr("Ticket revoked"));
        m_detail->setText(
            ticketRevocationFromName(a.error.extra.value(QStringLiteral("reason")).toString()) ==
                    TicketRevocation::Reissued
                ? tr("%1 — this code was replaced by a reissued ticket").arg(seat)
                : tr("%1 — this ticket was refunded").arg(seat));
        paint(kRefused);
        break;
    case DoorSession::Outcome::Invalid:
        m_verdict->setText(tr("Not a valid ticket"));
        m_detail->setText(tr("Do not let in. Ask for the ticket again or send to the box office."));
        paint(kRefused);
        break;
    case DoorSession::Outcome::WrongSchedule:
        m_verdict->setText(tr("Another performance"));
        m_detail->setText(tr("%1 — this ticket is for another date or time").arg(seat));
        paint(kElsewhere);
        break;
    case DoorSession::Outcome::Failed:
        m_verdict->setText(tr("Could not check"));
        m_detail->setText(errorText(a.error));
        paint(kWaiting);
        break;
    case DoorSession::Outcome::None:
        break;
    }
    m_verdict->setAccessibleDescription(m_verdict->text() + QLatin1Char(' ') + m_detail->text());
}

void CheckInWindow::showHeading()
{
    const ScheduleInfo& s = m_session.schedule();
    m_heading->setText(
        s.id > 0
            ? tr("Check-in: %1, %2").arg(m_session.concertTitle(), Format::dateTime(s.startsAtMs))
            : tr("Check-in"));
    if (s.id > 0)
        setWindowTitle(tr("Check-in — %1").arg(m_session.concertTitle()));
}

void CheckInWindow::showCount(qint64 count)
{
    m_count->setText(tr("Checked in: %1").arg(count));
}

} // namespace boxoffice
