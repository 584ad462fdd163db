#pragma once

// For the widget tests (offscreen): a real sale (TestEngine, TestHost, QueueModel, SaleSession)
// for a panel to sit on, finding a panel's parts by object name, clicking and letting the
// answers land, and moving the test's ManualClock so that the panel's timers fire.

#include "QueueModel.h"
#include "SaleSession.h"
#include "models/ModelSupport.h"

#include <QAbstractButton>
#include <QDialog>
#include <QEvent>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

#include <memory>
#include <type_traits>

namespace boxoffice::test {

// A part of a widget by its object name; fatal when it is missing (a renamed part would
// otherwise make every later check vacuous).
template <typename T> T* child(const QObject* root, const char* name)
{
    T* w = root->findChild<T*>(QString::fromLatin1(name));
    if (!w)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

// Counts a widget's paint events: proof that it repaints.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

// An engine on a host's worker, every clock the test's ManualClock.
struct HostedEngine
{
    explicit HostedEngine(EngineSettings settings = {}) : engine(settings), host(engine) {}

    // Lets every call out come back and its answer land (and the calls those answers make).
    bool settle() { return settleHost(*host); }
    // Time passes on every clock, a second at a time, each step's calls answered.
    bool advance(qint64 ms) { return advanceSettled(engine.clock, *host, ms); }

    TestEngine engine;
    TestHost host;
};

// The sale a panel shows, as a window makes it.
struct SaleFixture : HostedEngine
{
    explicit SaleFixture(EngineSettings settings = {})
        : HostedEngine(settings), queue(*host), session(*host, queue)
    {}

    bool click(QAbstractButton* button)
    {
        QTest::mouseClick(button, Qt::LeftButton);
        return settle();
    }
    // Replaces a field's text as typed (keyClicks sends Latin-1 only) and presses Enter.
    bool enter(QLineEdit* field, const QString& text)
    {
        field->setFocus();
        field->selectAll();
        field->del();
        field->insert(text);
        QTest::keyClick(field, Qt::Key_Return);
        return settle();
    }

    // The customer chosen, the concert chosen (its first date comes by itself), the queue
    // joined and the admission seen by the terminal's next poll.
    bool admit(qint64 customerId, qint64 concertId = 1)
    {
        if (!awaitedOk(session.selectCustomer(customerId)))
            return false;
        session.selectConcert(concertId);
        if (!settle())
            return false;
        session.join();
        if (!settle())
            return false;
        engine.admitNow();
        // A poll the admission's clock move sent may have read before it: let it land first.
        return settle() && advance(QueueModel::kPollIntervalMs) && session.isAdmitted() &&
               session.scheduleId() > 0 && session.seats().isLoaded();
    }
    // admit(), then the seat held.
    bool hold(qint64 customerId, int seatNumber, qint64 concertId = 1)
    {
        if (!admit(customerId, concertId))
            return false;
        session.activateSeat(session.seats().rowOfNumber(seatNumber));
        return settle() && session.holds().rowCount() > 0;
    }

    QueueModel queue;
    SaleSession session;
};

// For a test class (a second base beside QObject): a widget over a fresh sale, made by open()
// in init() and gone by close() in cleanup(); shown (a dialog opened, as windows open them) and
// active, so that keys reach it.
template <typename W> class OnASale
{
public:
    // Another widget over the same sale when one is open; a fresh sale otherwise.
    template <typename... Args> bool open(QSize size, Args&&... args)
    {
        m_widget.reset();
        if (!m_sale)
            m_sale = std::make_unique<SaleFixture>();
        m_widget = std::make_unique<W>(m_sale->session, std::forward<Args>(args)...);
        m_widget->resize(size);
        if constexpr (std::is_base_of_v<QDialog, W>)
            m_widget->open();
        else
            m_widget->show();
        return QTest::qWaitForWindowActive(m_widget.get());
    }
    void close()
    {
        m_widget.reset();
        m_sale.reset();
    }
    W* widget() const { return m_widget.get(); }
    SaleFixture& sale() const { return *m_sale; }
    template <typename T> T* part(const char* name) const { return child<T>(widget(), name); }

private:
    std::unique_ptr<SaleFixture> m_sale;
    std::unique_ptr<W> m_widget;
};

} // namespace boxoffice::test
