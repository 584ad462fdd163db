// WindowSettings through the real staff window (offscreen), with QSettings pointed at a folder of
// the test's own: what the window kept at its close (size, splitter, last search, seat-map zoom,
// language chosen in the menu) comes back at the next start; an absent file and damaged files
// give the defaults, never a crash or a hidden panel.

#include "support/SettingsSupport.h"
#include "support/TestSupport.h"

#include "Format.h"
#include "common/DesktopHabits.h"
#include "common/WindowSettings.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "seatmap/SeatZoom.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QSplitter>
#include <QTemporaryDir>

using namespace boxoffice;
using namespace boxoffice::test;

class TestWindowSettings : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<TestEngine> m_engine;
    std::unique_ptr<TestHost> m_host;

    QString settingsFile() const { return m_settings->settingsFile(); }
    // A window as the program starts it: made, its settings restored, shown.
    std::unique_ptr<MainWindow> start()
    {
        auto window = std::make_unique<MainWindow>(**m_host);
        window->habits()->keepSettings();
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("the window was not shown");
        settleHost(**m_host);
        return window;
    }
    static QSplitter* splitter(const MainWindow& w)
    {
        return w.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
    }
    static QLineEdit* search(const MainWindow& w)
    {
        return w.findChild<QLineEdit*>(QStringLiteral("customerSearch"));
    }
    static SeatMapView* seats(const MainWindow& w)
    {
        return w.findChild<SeatMapView*>(QStringLiteral("seatMap"));
    }
    void writeSettings(const QByteArray& contents)
    {
        QVERIFY(QDir().mkpath(QFileInfo(settingsFile()).path()));
        QFile f(settingsFile());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(contents);
    }
    // What a window made without any kept settings looks like.
    void checkDefaults(const MainWindow& window)
    {
        QCOMPARE(window.size(), QSize(1280, 800));
        QCOMPARE(search(window)->text(), QString());
        QCOMPARE(seats(window)->venueCellSize(), 24);
        const QList<int> sizes = splitter(window)->sizes();
        QCOMPARE(sizes.size(), 3);
        for (int w : sizes)
            QVERIFY2(w > 100, qPrintable(QStringLiteral("a column of %1 px").arg(w)));
        QCOMPARE(WindowSettings().language(), QString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_settings = std::make_unique<TemporarySettings>();
        QCOMPARE(QSettings().fileName(), settingsFile());
        setUiLanguage(Language::English);
    }

    void init()
    {
        QFile::remove(settingsFile());
        m_engine = std::make_unique<TestEngine>();
        m_host = std::make_unique<TestHost>(*m_engine);
    }

    void cleanup()
    {
        m_host.reset();
        m_engine.reset();
    }

    void savedValuesComeBack()
    {
        QList<int> columns;
        QSize saved;
        int zoom = 0;
        {
            auto window = start();
            search(*window)->setText(QStringLiteral("김민준"));
            SeatMapView* view = seats(*window);
            view->zoomIn();
            view->zoomIn();
            zoom = view->venueCellSize();
            QVERIFY(zoom != 24);
            window->findChild<QAction*>(QStringLiteral("actionLanguage_ko"))->trigger();
            window->resize(1100, 720);
            splitter(*window)->setSizes({200, 600, 300});
            columns = splitter(*window)->sizes();
            saved = window->size();
            QCOMPARE(saved, QSize(1100, 720));
            QVERIFY(window->close());
        }
        QVERIFY(QFile::exists(settingsFile()));
        auto again = start();
        QCOMPARE(again->size(), saved);
        QCOMPARE(splitter(*again)->sizes(), columns);
        QCOMPARE(search(*again)->text(), QStringLiteral("김민준"));
        QCOMPARE(seats(*again)->venueCellSize(), zoom);
        QCOMPARE(WindowSettings().language(), QStringLiteral("ko"));
        // The menu offers the other one back.
        again->findChild<QAction*>(QStringLiteral("actionLanguage_en"))->trigger();
        QCOMPARE(WindowSettings().language(), QStringLiteral("en"));
    }

    void aWindowThatKeepsNothingSavesNothing()
    {
        // Windows made elsewhere (tests, screenshots) do not touch the person's settings.
        {
            MainWindow window(**m_host);
            window.show();
            search(window)->setText(QStringLiteral("kept?"));
            QVERIFY(window.close());
        }
        QCOMPARE(WindowSettings().customerSearch(), QString());
    }

    void absentFileGivesDefaults()
    {
        QVERIFY(!QFile::exists(settingsFile()));
        auto window = start();
        checkDefaults(*window);
    }

    void damagedFileGivesDefaults_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QByteArray noise;
        for (int i = 0; i < 4096; ++i)
            noise.append(char((i * 7919 + 13) % 256));
        QTest::newRow("noise") << noise;
        QTest::newRow("truncated") << QByteArray("[window]\ngeometry=@ByteArray(\\x1\\xd9\\xd0");
        // Each value of the right kind but wrong, alone, so that one cannot hide another.
        QTest::newRow("geometry") << QByteArray("[window]\ngeometry=@ByteArray(not a geometry)\n");
        QTest::newRow("state") << QByteArray("[window]\nstate=@ByteArray(nor a state)\n");
        QTest::newRow("splitter") << QByteArray(
            "[window]\nsplitters\\mainSplitter=@ByteArray(\\0\\0\\0\\xff)\n");
        QTest::newRow("zoom") << QByteArray("[window]\nseatZoom=25\n");
        QTest::newRow("language") << QByteArray("[window]\nlanguage=fr\n");
        QTest::newRow("search variant")
            << QByteArray("[window]\ncustomerSearch=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18)\n");
        QTest::newRow("wrong kinds") << QByteArray("[window]\n"
                                                   "geometry=1280\n"
                                                   "state=true\n"
                                                   "seatZoom=huge\n"
                                                   "language=@ByteArray(ko)\n"
                                                   "customerSearch=\"a\\tb\\x1\"\n");
        QTest::newRow("too long") << "[window]\ncustomerSearch=" + QByteArray(5000, 'a') + '\n';
    }

    void damagedFileGivesDefaults()
    {
        QFETCH(QByteArray, contents);
        writeSettings(contents);
        auto window = start();
        checkDefaults(*window);
        // And the next close writes a good file again.
        search(*window)->setText(QStringLiteral("42"));
        QVERIFY(window->close());
        QCOMPARE(WindowSettings().customerSearch(), QStringLiteral("42"));
    }

    void zoomIsOnlyAStep()
    {
        WindowSettings s;
        for (int cell : SeatZoom::kSteps) {
            s.setSeatZoom(cell);
            QCOMPARE(s.seatZoom(), cell);
        }
        for (int cell : {0, -12, 13, 1000}) {
            s.setSeatZoom(cell);
            QCOMPARE(s.seatZoom(), 0);
        }
    }
};

int main(int argc, char* argv[])
{
    // A screen as large as a desktop's: restoreGeometry fits a window to its screen, and the
    // offscreen platform's default one (800×600) is narrower than the window may be.
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("screen.json")));
    if (!dir.isValid() || !config.open(QIODevice::WriteOnly))
        qFatal("cannot write the offscreen screen's configuration");
    config.write(R"({"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1200,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + QFile::encodeName(config.fileName()));
    QApplication app(argc, argv);
    TestWindowSettings test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_windowsettings.moc"
