// StatusLine (offscreen), driven through a real EngineHost: passing messages that clear on the
// window's clock, which database this is, and the red line while the database is not answering
// (a worker held inside a call) or out of reach (a connection the server dropped, a file the
// worker cannot open), gone with "back" once it answers again.

#include "support/WidgetSupport.h"

#include "common/StatusLine.h"
#include "common/UiLanguage.h"

#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QStatusBar>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {
const QString kBack = QStringLiteral("The database is back.");
}

class TestStatusLine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<QStatusBar> m_bar;
    std::unique_ptr<StatusLine> m_line;

    void openHost()
    {
        m_host = std::make_unique<EngineHost>(m_engine->clock, m_engine->clock);
        QVERIFY(awaitedOk(m_host->adopt(**m_engine, false)));
    }
    void openLine()
    {
        m_bar = std::make_unique<QStatusBar>();
        m_line = std::make_unique<StatusLine>(m_bar.get(), *m_host);
        m_bar->resize(900, 30);
        m_bar->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
    }
    void advance(qint64 ms) { QVERIFY(advanceSettled(m_engine->clock, *m_host, ms, 250)); }
    QLabel* connectionLabel() { return child<QLabel>(m_bar.get(), "connectionLabel"); }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }

    void init() { m_engine = std::make_unique<TestEngine>(); }

    void cleanup()
    {
        m_line.reset();
        m_bar.reset();
        m_host.reset();
        m_engine.reset();
    }

    void namesTheDatabase()
    {
        openHost();
        openLine();
        const QString text = m_line->databaseLabel()->text();
        QCOMPARE(text, QStringLiteral("Database: %1").arg((*m_engine)->db->displayName()));
        QVERIFY(!text.contains(QLatin1String("password")));
        QVERIFY(m_line->connectionProblem().isEmpty());
        QVERIFY(!connectionLabel()->isVisible());
    }

    void aMessageClearsOnTheWindowsClock()
    {
        openHost();
        openLine();
        m_line->showMessage(QStringLiteral("Payment 3 complete."), 6000);
        QCOMPARE(m_bar->currentMessage(), QStringLiteral("Payment 3 complete."));
        advance(5999);
        QCOMPARE(m_bar->currentMessage(), QStringLiteral("Payment 3 complete."));
        advance(1);
        QVERIFY(m_bar->currentMessage().isEmpty());
        // A newer message has its own time.
        m_line->showMessage(QStringLiteral("one"), 6000);
        advance(4000);
        m_line->showMessage(QStringLiteral("two"), 6000);
        advance(4000);
        QCOMPARE(m_bar->currentMessage(), QStringLiteral("two"));
        // An error is said in words, for longer.
        m_line->showError(Error::make(ErrorCode::StorageBusy).withInternal(QStringLiteral("SQL")));
        QCOMPARE(m_bar->currentMessage(), errorText(Error::make(ErrorCode::StorageBusy)));
        advance(9999);
        QVERIFY(!m_bar->currentMessage().isEmpty());
        advance(1);
        QVERIFY(m_bar->currentMessage().isEmpty());
    }

    void aStalledCallIsSaidAndSoIsItsEnd()
    {
        openHost();
        openLine();
        // Waits measured on the test's clock: "3 s of a call running" is 3 s of it.
        m_host->setWaitClock(m_engine->clock);
        QSignalSpy stalled(m_host.get(), &EngineHost::stalledChanged);
        const int heightBefore = m_bar->sizeHint().height();
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                               "^engine: a database call has been running")));
        {
            EngineGate gate(*m_host);
            m_engine->clock.advanceMs(EngineHost::kStallAfterMs - 1);
            QVERIFY(m_line->connectionProblem().isEmpty());
            m_engine->clock.advanceMs(EngineHost::kWatchdogIntervalMs);
            QCOMPARE(stalled.count(), 1);
            QVERIFY2(m_line->connectionProblem().contains(QLatin1String("not answering")),
                     qPrintable(m_line->connectionProblem()));
            QVERIFY(connectionLabel()->isVisible());
            // The red line takes no more height than the bar had: nothing above it moves.
            QCOMPARE(m_bar->sizeHint().height(), heightBefore);
        }
        QVERIFY(settleHost(*m_host));
        advance(EngineHost::kWatchdogIntervalMs);
        QCOMPARE(stalled.count(), 2);
        QVERIFY(m_line->connectionProblem().isEmpty());
        QVERIFY(!connectionLabel()->isVisible());
        QCOMPARE(m_bar->currentMessage(), kBack);
    }

    void aDroppedConnectionIsSaidAndSoIsItsReturn()
    {
        // The log says what the driver said; the window does not.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^change watch:")));
        if (!m_engine->isPostgres()) {
            // SQLite: the worker opens the file for its first look, and cannot: the folder it
            // lives in is somewhere else for a moment. The window is made after that look.
            const QString folder = m_engine->dir.path();
            const QString away = folder + QStringLiteral("-away");
            QVERIFY(QDir().rename(folder, away));
            openHost();
            QVERIFY(QDir().rename(away, folder));
            QVERIFY(!m_host->isDatabaseAvailable());
            openLine();
        } else {
            // PostgreSQL: the server drops the worker's connection (as a restart does).
            openHost();
            openLine();
            const auto pid = awaited(m_host->call([](Engine& e) -> Result<qint64> {
                Connection* conn = BO_TRY(e.db->connection());
                auto q = BO_TRY(conn->run(QStringLiteral("SELECT pg_backend_pid()")));
                return q.next() ? q.i64(0) : qint64(0);
            }));
            QVERIFY_RESULT(pid);
            QVERIFY(
                scalar(*(*m_engine)->db, QStringLiteral("SELECT pg_terminate_backend(?)"), {*pid})
                    .toBool());
            // The next look that finds the connection gone says so (the server takes its own
            // time to close it); the line stays until a look gets through.
            for (int i = 0; i < 200 && m_line->connectionProblem().isEmpty(); ++i) {
                advance(250);
                QTest::qWait(10);
            }
        }
        const QString said = m_line->connectionProblem();
        QVERIFY2(!said.isEmpty(), "the window never said the database is out of reach");
        QVERIFY2(!said.contains(QLatin1String("SQL")) && !said.contains(QLatin1String("QPSQL")) &&
                     !said.contains(QLatin1String("sqlite")),
                 qPrintable(said));
        QVERIFY(connectionLabel()->isVisible());
        QSignalSpy available(m_host.get(), &EngineHost::databaseAvailable);
        QTRY_VERIFY((advance(250), available.count() > 0));
        QVERIFY(m_line->connectionProblem().isEmpty());
        QVERIFY(!connectionLabel()->isVisible());
        QCOMPARE(m_bar->currentMessage(), kBack);
    }
};

QTEST_MAIN(TestStatusLine)
#include "tst_statusline.moc"
