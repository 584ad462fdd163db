// Faults of the machine rather than the customer: a read-only database file, a
// full disk (a small tmpfs), a database locked by another process for longer than the busy
// timeout, a truncated or corrupt file. Each gives a clear message in the API and the window,
// no crash, and nothing half-written.

#include "support/TestSupport.h"

#include "CommandLine.h"
#include "Launcher.h"
#include "SeatMapModel.h"
#include "common/StatusLine.h"
#include "common/UiLanguage.h"
#include "engine/EngineHost.h"
#include "http/ApiServer.h"
#include "sale/MainWindow.h"
#include "seatmap/SeatMapView.h"
#include "storage/InvariantChecker.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QStorageInfo>

#include <unistd.h>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QByteArray digestOf(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Runs boxoffice with arguments; returns exit code and stderr.
std::pair<int, QString> runBoxOffice(const QStringList& args, const QStringList& prefix = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    if (prefix.isEmpty())
        p.start(QStringLiteral(BOXOFFICE_BIN), args);
    else
        p.start(prefix.first(), prefix.mid(1) + QStringList{QStringLiteral(BOXOFFICE_BIN)} + args);
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return {-1, QStringLiteral("timed out")};
    }
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
}

// The last line a process wrote to stderr: what a person reads.
QString lastLine(const QString& text)
{
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last();
}

Error openError(const QString& location)
{
    AppOptions o;
    o.database = location;
    ManualClock clock(kStartMs);
    auto e = openEngine(o, clock);
    return e ? Error::make(ErrorCode::StorageError, QStringLiteral("열림"),
                           QStringLiteral("opened"))
             : e.error();
}

} // namespace

class TestEnvironmentFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        setUiLanguage(Language::English);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void damagedFilesAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("says");
        QTest::newRow("random bytes")
            << QStringLiteral("garbage") << QStringLiteral("not a Box Office database");
        QTest::newRow("text file")
            << QStringLiteral("text") << QStringLiteral("not a Box Office database");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("damaged");
        QTest::newRow("zeroed pages") << QStringLiteral("zeroed") << QStringLiteral("damaged");
    }

    void damagedFilesAreRefusedClearly()
    {
        QFETCH(QString, kind);
        QFETCH(QString, says);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("box.sqlite"));
        if (kind == QLatin1String("garbage") || kind == QLatin1String("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            if (kind == QLatin1String("text"))
                f.write("these are somebody's notes, not a database\n");
            else
                for (int i = 0; i < 2000; ++i)
                    f.write(QByteArray::number(qint64(i) * 2654435761u, 36));
        } else {
            // A real Box Office database, checkpointed, then cut short or scribbled over.
            {
                TestEngine made;
                QVERIFY(made->db->connection().value()->runOnce(
                    QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
                QVERIFY(QFile::copy(made.path(), path));
            }
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            if (kind == QLatin1String("truncated")) {
                QVERIFY(f.resize(f.size() / 3));
            } else {
                f.seek(4096 * 2);
                f.write(QByteArray(4096 * 6, '\0'));
            }
        }
        const QByteArray before = digestOf(path);

        // The service layer: an error value with the stable code and the file named.
        const Error e = openError(path);
        QVERIFY2(e.english.contains(says, Qt::CaseInsensitive), qPrintable(e.english));
        QVERIFY(e.english.contains(path));
        QVERIFY(!e.english.contains(QLatin1String("Unable to"))); // no driver text for people
        QVERIFY(e.internal.isEmpty());
        // The server: one line and exit 1, no crash. The GUI: the same words on stderr before
        // its message box (the box itself is a QMessageBox::critical with errorText()).
        for (const QStringList& args :
             {QStringList{QStringLiteral("--serve"), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), path},
              QStringList{QStringLiteral("--check"), QStringLiteral("--database"), path}}) {
            const auto [code, err] = runBoxOffice(args);
            QCOMPARE(code, 1);
        }
        const auto [code, err] =
            runBoxOffice({QStringLiteral("--serve"), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), path});
        QVERIFY2(lastLine(err).contains(says, Qt::CaseInsensitive), qPrintable(err));
        // Nothing was written to it.
        QCOMPARE(digestOf(path), before);
    }

    void readOnlyFileIsRefusedClearly()
    {
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                              QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                              QFileDevice::ExeGroup);
        const QString path = dir.filePath(QStringLiteral("box.sqlite"));
        {
            TestEngine made;
            QVERIFY(made->db->connection().value()->runOnce(
                QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
            QVERIFY(QFile::copy(made.path(), path));
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadOther |
                                                QFileDevice::ReadGroup));
        const QByteArray before = digestOf(path);
        // root writes whatever the permissions say: run the server as nobody then, with a data
        // folder of its own (nobody's home does not exist), where the terminal keeps its name.
        QTemporaryDir nobodysData;
        QFile::setPermissions(nobodysData.path(),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                  QFileDevice::WriteOther | QFileDevice::ExeOther);
        const QStringList asUser =
            geteuid() == 0 ? QStringList{QStringLiteral("runuser"),
                                         QStringLiteral("-u"),
                                         QStringLiteral("nobody"),
                                         QStringLiteral("--"),
                                         QStringLiteral("env"),
                                         QStringLiteral("XDG_DATA_HOME=") + nobodysData.path()}
                           : QStringList{};
        const auto [code, err] =
            runBoxOffice({QStringLiteral("--serve"), QStringLiteral("--listen"),
                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--database"), path},
                         asUser);
        QCOMPARE(code, 1);
        QVERIFY2(lastLine(err).contains(QLatin1String("read-only")), qPrintable(err));
        QVERIFY(lastLine(err).contains(path));
        QCOMPARE(digestOf(path), before);
    }

    void fullDiskChangesNothing()
    {
        // A small tmpfs when this machine lets us mount one (root, as in CI); else SQLite's
        // own page limit, which fails the same way (SQLITE_FULL) at the same places.
        QTemporaryDir dir;
        const QString mountPoint = dir.filePath(QStringLiteral("small"));
        QDir().mkpath(mountPoint);
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=8m"), QStringLiteral("tmpfs"), mountPoint});
        const bool mounted = mount.waitForFinished(10000) && mount.exitCode() == 0;
        auto unmount = qScopeGuard([&] {
            if (mounted)
                QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint});
        });
        if (!mounted)
            qWarning("no tmpfs (not root): simulating a full disk with PRAGMA max_page_count");
        const QString path = QDir(mountPoint).filePath(QStringLiteral("box.sqlite"));
        ManualClock clock(kStartMs);
        DatabaseOptions options;
        options.location = path;
        auto opened = Engine::open(options, EngineSettings{}, clock);
        QVERIFY_RESULT(opened);
        Engine& engine = **opened;
        QVERIFY_RESULT(DemoSeeder::seedIfEmpty(*engine.db, clock));
        QVERIFY_RESULT(engine.queue.enter(1, 1));
        QVERIFY_RESULT(engine.queue.activateDue(clock.nowMs()));
        const QString token = engine.queue.enter(1, 1)->token;
        QVERIFY_RESULT(engine.wallet.charge(1, 300000));
        const qint64 schedule = engine.catalogue.schedulesOf(1)->first().id;
        const auto held = engine.reservations.hold(token, schedule, 7);
        QVERIFY_RESULT(held);

        // Fill it.
        QFile filler(QDir(mountPoint).filePath(QStringLiteral("filler")));
        if (mounted) {
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(64 * 1024, 'x');
            while (filler.write(block) == block.size() && filler.flush()) {
            }
            filler.close();
        } else {
            auto q = engine.db->connection().value()->run(QStringLiteral("PRAGMA page_count"));
            QVERIFY(q && q->next());
            QVERIFY(engine.db->connection().value()->runOnce(
                QStringLiteral("PRAGMA max_page_count = %1").arg(q->i64(0))));
        }

        // Every write fails plainly and leaves nothing behind; reads still answer.
        ApiServer api(engine);
        ApiRequest r;
        r.acceptLanguage = "en";
        int failures = 0;
        for (int i = 0; i < 40; ++i) {
            r.body = QByteArrayLiteral("{\"amount\": 1000}");
            r.idempotencyKey = QByteArray("fill-") + QByteArray::number(i);
            const ApiResponse a = api.charge(r, QStringLiteral("2"));
            if (a.status == 200)
                continue; // the WAL still had room for a few
            ++failures;
            QCOMPARE(a.status, 503);
            QCOMPARE(a.body.value(QStringLiteral("code")).toString(),
                     QStringLiteral("CHARGE_FAILED"));
            QCOMPARE(a.body.value(QStringLiteral("message")).toString(),
                     QStringLiteral("An error occurred while charging. Please try again."));
        }
        QVERIFY2(failures > 0, "the disk never filled up");
        const auto paid = engine.payments.pay(token, {held->id});
        QVERIFY(!paid);
        QVERIFY2(paid.error().code == ErrorCode::StorageFull, qPrintable(paid.error().codeName()));
        QCOMPARE(paid.error().english, QStringLiteral("The disk holding the database is full."));
        QCOMPARE(*engine.wallet.balance(1), qint64(300000)); // nothing half-written
        const auto report = InvariantChecker::check(*engine.db);
        QVERIFY_RESULT(report);
        QVERIFY2(report->ok(), qPrintable(report->problems.join(QLatin1Char('\n'))));

        // Room again: the same engine carries on.
        if (mounted)
            QVERIFY(filler.remove());
        else
            QVERIFY(engine.db->connection().value()->runOnce(
                QStringLiteral("PRAGMA max_page_count = 1073741823")));
        QVERIFY_RESULT(engine.payments.pay(token, {held->id}));
        QCOMPARE(*engine.wallet.balance(1), qint64(300000 - held->price));
        QVERIFY(InvariantChecker::check(*engine.db)->ok());
    }

    void lockedLongerThanTheBusyTimeout()
    {
        TestEngine seeded;
        const QString path = seeded.path();
        const QString token = seeded.activeToken(1, 1);
        // This terminal waits at most 300 ms for the lock.
        ManualClock clock(seeded.clock.nowMs());
        DatabaseOptions options;
        options.location = path;
        options.busyTimeoutMs = 300;
        auto opened = Engine::open(options, EngineSettings{}, clock);
        QVERIFY_RESULT(opened);
        Engine& engine = **opened;

        // Another process takes the write lock and keeps it.
        QProcess holder;
        // -interactive: answers are written at once, not when the pipe's buffer fills.
        holder.start(QStringLiteral("sqlite3"), {QStringLiteral("-interactive"), path});
        QVERIFY(holder.waitForStarted());
        holder.write("BEGIN EXCLUSIVE;\nSELECT 'lock' || 'ed';\n");
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += holder.readAllStandardOutput()).contains("locked"),
                                 10000);

        ApiServer api(engine);
        ApiRequest r;
        r.acceptLanguage = "en";
        r.body = QByteArrayLiteral("{\"amount\": 5000}");
        const ApiResponse charged = api.charge(r, QStringLiteral("1"));
        QCOMPARE(charged.status, 503);
        QCOMPARE(charged.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("CHARGE_FAILED"));
        r.authorization = "Bearer " + token.toLatin1();
        r.body = QByteArrayLiteral("{\"scheduleId\": 1, \"seatNumber\": 9}");
        const ApiResponse held = api.hold(r);
        QCOMPARE(held.status, 503);
        QCOMPARE(held.body.value(QStringLiteral("code")).toString(),
                 QStringLiteral("STORAGE_BUSY"));
        QCOMPARE(held.body.value(QStringLiteral("message")).toString(),
                 QStringLiteral("The database is busy. Please try again shortly."));

        // The window, its engine on the host's worker, says the same and stays usable.
        {
            EngineHost host(clock, clock);
            QVERIFY(awaitedOk(host.adopt(engine)));
            MainWindow window(host);
            window.show();
            SaleSession& sale = window.session();
            QVERIFY(awaitedOk(sale.selectCustomer(2)));
            const auto charged = awaited(sale.charge(5000, false));
            QVERIFY(!charged.has_value());
            QCOMPARE(charged.error().codeName(), QStringLiteral("CHARGE_FAILED"));
            QCOMPARE(sale.notice().text,
                     QStringLiteral("An error occurred while charging. Please try again."));
            sale.selectConcert(1);
            QVERIFY(settleHost(host));
            auto* view = window.findChild<SeatMapView*>(QStringLiteral("seatMap"));
            QVERIFY(view);
            // Customer 2 is not in the queue: the lock does not even get asked.
            QVERIFY(!view->lockedReason().isEmpty());
        }

        // The other process lets go: everything works again, nothing was half-written.
        holder.write("COMMIT;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        r.authorization.clear();
        r.body = QByteArrayLiteral("{\"amount\": 5000}");
        QCOMPARE(api.charge(r, QStringLiteral("1")).status, 200);
        r.authorization = "Bearer " + token.toLatin1();
        r.body = QByteArrayLiteral("{\"scheduleId\": 1, \"seatNumber\": 9}");
        QCOMPARE(api.hold(r).status, 201);
        QCOMPARE(*engine.wallet.balance(1), qint64(5000));
        QVERIFY(InvariantChecker::check(*engine.db)->ok());
    }

    void aLockedFileFreezesNoWindow()
    {
        // A2 on SQLite: another process holds the write lock for longer than the busy timeout
        // (5 s, the default). The window's charge waits on the worker; the window keeps taking
        // events, says within 5 s that the database is not answering, then that it is busy, and
        // works again once the lock is let go, with nothing half-written.
        TestEngine seeded;
        SystemClock clock;
        DatabaseOptions options;
        options.location = seeded.path();
        auto opened = Engine::open(options, EngineSettings{}, clock);
        QVERIFY_RESULT(opened);
        EngineHost host(clock, clock);
        QVERIFY(awaitedOk(host.adopt(**opened)));
        MainWindow window(host);
        window.show();
        SaleSession& sale = window.session();
        QVERIFY(awaitedOk(sale.selectCustomer(4)));

        QProcess holder;
        holder.start(QStringLiteral("sqlite3"), {QStringLiteral("-interactive"), seeded.path()});
        QVERIFY(holder.waitForStarted());
        holder.write("BEGIN EXCLUSIVE;\nSELECT 'lock' || 'ed';\n");
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += holder.readAllStandardOutput()).contains("locked"),
                                 10000);

        QElapsedTimer since;
        since.start();
        auto charge = sale.charge(8000, false);
        qint64 worst = 0;
        QString notAnswering;
        while (!charge.isFinished() && since.elapsed() < 20'000) {
            QElapsedTimer ping;
            ping.start();
            bool ran = false;
            QMetaObject::invokeMethod(
                &window, [&ran] { ran = true; }, Qt::QueuedConnection);
            while (!ran)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            worst = std::max(worst, ping.elapsed());
            if (notAnswering.isEmpty())
                notAnswering = window.statusLine()->connectionProblem();
            QTest::qWait(50);
        }
        qInfo().noquote() << "locked: worst event delay" << worst
                          << "ms; the window said:" << notAnswering;
        QVERIFY2(worst < 500, qPrintable(QString::number(worst)));
        QVERIFY2(!notAnswering.isEmpty(), "the window never said the database is not answering");
        const auto refused = awaited(charge);
        QVERIFY(!refused.has_value());
        QVERIFY2(refused.error().code == ErrorCode::StorageBusy ||
                     refused.error().code == ErrorCode::ChargeFailed,
                 qPrintable(refused.error().codeName()));
        QTRY_VERIFY_WITH_TIMEOUT(window.statusLine()->connectionProblem().isEmpty(), 5000);

        holder.write("COMMIT;\n.quit\n");
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        const auto again = awaited(sale.charge(8000, false));
        QVERIFY2(again.has_value(), whyFailed(again).constData());
        QCOMPARE(*again, qint64(8000));
        QCOMPARE(seeded->wallet.history(4)->size(), 1); // the refused charge left nothing
        QVERIFY(InvariantChecker::check(*seeded->db)->ok());
    }
};

QTEST_MAIN(TestEnvironmentFaults)
#include "tst_environmentfaults.moc"
