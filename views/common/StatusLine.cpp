#include "common/StatusLine.h"

#include "common/ConnectionWatch.h"

#include "Format.h"
#include "engine/EngineHost.h"

#include <QLabel>
#include <QStatusBar>

namespace boxoffice {

StatusLine::StatusLine(QStatusBar* bar, EngineHost& host, QObject* parent)
    : QObject(parent), m_bar(bar), m_host(host), m_clear(new ClockTimer(host.uiClock(), this))
{
    m_connection = new QLabel(bar);
    m_connection->setObjectName(QStringLiteral("connectionLabel"));
    m_connection->setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e9; color: #a4262c; padding: 2px 6px; }"));
    m_connection->hide();
    bar->addPermanentWidget(m_connection, 1);
    m_database = new QLabel(bar);
    m_database->setObjectName(QStringLiteral("databaseLabel"));
    bar->addPermanentWidget(m_database);
    // The bar is as tall with the red line as without it: the window under it never jumps
    // when the database stops or starts answering. (One line: the whole text is its tooltip.)
    m_connection->setText(QStringLiteral("X"));
    m_database->setMinimumHeight(m_connection->sizeHint().height());
    m_connection->clear();
    m_database->setText(tr("Database: %1").arg(host.databaseName()));

    m_clear->setSingleShot(true);
    connect(m_clear, &ClockTimer::timeout, bar, &QStatusBar::clearMessage);
    auto* watch = new ConnectionWatch(host, this);
    connect(watch, &ConnectionWatch::problemChanged, this, &StatusLine::showConnection);
    connect(watch, &ConnectionWatch::back, this,
            [this] { showMessage(tr("The database is back.")); });
    connect(&host, &EngineHost::schedulerFailed, this, &StatusLine::showError);
    showConnection(watch->problem());
}

void StatusLine::showMessage(const QString& text, qint64 ms)
{
    m_bar->showMessage(text);
    m_clear->start(ms);
}

void StatusLine::showError(const Error& error)
{
    showMessage(errorText(error), 10'000);
}

QString StatusLine::connectionProblem() const
{
    return m_connection->isVisible() ? m_connection->text() : QString();
}

void StatusLine::showConnection(const QString& problem)
{
    m_connection->setText(problem);
    m_connection->setToolTip(problem);
    m_connection->setVisible(!problem.isEmpty());
}

} // namespace boxoffice
