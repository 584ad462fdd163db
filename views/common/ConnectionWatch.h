#pragma once

#include <QObject>

namespace boxoffice {

class EngineHost;

// Whether the database answers, in words for people: empty while it does; why not while it is
// out of reach (the host's error) or holding a call (stalled). Every window that must say so
// (the staff window's red line, the kiosk's screen) reads it here.
class ConnectionWatch : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionWatch(EngineHost& host, QObject* parent = nullptr);

    QString problem() const;

Q_SIGNALS:
    void problemChanged(const QString& problem);
    // The problem that was said is over.
    void back();

private:
    void update();

    QString m_unavailable;
    bool m_stalled = false;
    QString m_said;
};

} // namespace boxoffice
