// PerformanceChooser (offscreen): which performance a check-in screen is for. The sale's concert
// and date come chosen; another concert lists its own dates; nothing can be opened until a date
// is chosen, and what is opened is the date shown.

#include "support/AfterSaleSupport.h"
#include "support/WidgetSupport.h"

#include "common/UiLanguage.h"
#include "door/PerformanceChooser.h"

#include <QComboBox>
#include <QPushButton>

using namespace boxoffice;
using namespace boxoffice::test;

class TestPerformanceChooser : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostedEngine> m_engine;
    std::unique_ptr<PerformanceChooser> m_chooser;

    TestEngine& t() { return m_engine->engine; }
    template <typename T> T* part(const char* name) { return child<T>(m_chooser.get(), name); }
    bool openFor(qint64 concertId, qint64 scheduleId)
    {
        m_chooser = std::make_unique<PerformanceChooser>(*m_engine->host, concertId, scheduleId);
        m_chooser->open();
        return QTest::qWaitForWindowExposed(m_chooser.get()) && m_engine->settle();
    }

private Q_SLOTS:
    void initTestCase() { applyUiLanguage(QStringLiteral("en")); }
    void init() { m_engine = std::make_unique<HostedEngine>(); }
    void cleanup()
    {
        m_chooser.reset();
        m_engine.reset();
    }

    void theSalesPerformanceComesChosen()
    {
        const qint64 second = scheduleOf(t(), 2, 1);
        QVERIFY(openFor(2, second));
        QCOMPARE(m_chooser->concertId(), qint64(2));
        QCOMPARE(m_chooser->scheduleId(), second);
        QCOMPARE(part<QComboBox>("doorConcert")->currentText(),
                 t()->catalogue.concerts()->at(1).title);
        QVERIFY(part<QPushButton>("openCheckInButton")->isEnabled());
    }

    void nothingChosenOffersTheFirstDate()
    {
        QVERIFY(openFor(0, 0));
        QCOMPARE(m_chooser->concertId(), t()->catalogue.concerts()->first().id);
        QCOMPARE(m_chooser->scheduleId(), scheduleOf(t(), m_chooser->concertId()));
    }

    void anotherConcertListsItsOwnDates()
    {
        QVERIFY(openFor(1, scheduleOf(t(), 1, 1)));
        auto* concerts = part<QComboBox>("doorConcert");
        concerts->setCurrentIndex(1);
        // Until its dates are read, nothing of the first concert's can be opened.
        QVERIFY(m_chooser->scheduleId() == 0 ||
                m_chooser->scheduleId() == scheduleOf(t(), m_chooser->concertId()));
        QVERIFY(m_engine->settle());
        const qint64 concert = m_chooser->concertId();
        QCOMPARE(concert, t()->catalogue.concerts()->at(1).id);
        QCOMPARE(part<QComboBox>("doorDate")->count(),
                 int(t()->catalogue.schedulesOf(concert)->size()));
        QCOMPARE(m_chooser->scheduleId(), scheduleOf(t(), concert));
        part<QComboBox>("doorDate")->setCurrentIndex(1);
        QCOMPARE(m_chooser->scheduleId(), scheduleOf(t(), concert, 1));
        // choose() goes back to a date of the first concert once its dates are read again.
        m_chooser->choose(1, scheduleOf(t(), 1, 1));
        QVERIFY(m_engine->settle());
        QCOMPARE(m_chooser->scheduleId(), scheduleOf(t(), 1, 1));
    }

    void openingAcceptsTheShownDate()
    {
        QVERIFY(openFor(1, scheduleOf(t(), 1)));
        QSignalSpy accepted(m_chooser.get(), &QDialog::accepted);
        QTest::mouseClick(part<QPushButton>("openCheckInButton"), Qt::LeftButton);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(m_chooser->scheduleId(), scheduleOf(t(), 1));
    }
};

QTEST_MAIN(TestPerformanceChooser)
#include "tst_performancechooser.moc"
