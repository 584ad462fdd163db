#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace boxoffice {

class ClockTimer;
class EngineHost;
struct Error;

// A window's status bar: passing messages that clear themselves (on the host's UI clock), a red
// line while the database is unreachable or not answering, and which database this is.
class StatusLine : public QObject
{
    Q_OBJECT

public:
    StatusLine(QStatusBar* bar, EngineHost& host, QObject* parent = nullptr);

    void showMessage(const QString& text, qint64 ms = 6000);
    void showError(const Error& error);
    // What the red line says (empty while the database answers).
    QString connectionProblem() const;
    QLabel* databaseLabel() const { return m_database; }

private:
    void showConnection(const QString& problem);

    QStatusBar* m_bar;
    EngineHost& m_host;
    QLabel* m_connection;
    QLabel* m_database;
    ClockTimer* m_clear;
};

} // namespace boxoffice
