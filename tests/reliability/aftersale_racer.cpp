// One contender of tst_aftersaleprocesses: opens the engine on the database it is given, says
// READY, waits for the go file to appear (so that every contender starts at once, the slow
// opening done), does one check-in or one refund, and prints its answer as one line: "OK <id>"
// or the error code. A plain program, not a test.
//
//   aftersale_racer --database LOCATION --now MS --go FILE --checkin CODE --schedule ID
//   aftersale_racer --database LOCATION --now MS --go FILE --refund ID[,ID...] [--key KEY]
//
// --now is the test's clock (its demo performances are in the future of that moment).

#include "engine/Engine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QTextStream>
#include <QThread>

using namespace boxoffice;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    const QCommandLineOption database(QStringLiteral("database"), {}, QStringLiteral("LOCATION"));
    const QCommandLineOption go(QStringLiteral("go"), {}, QStringLiteral("FILE"));
    const QCommandLineOption checkin(QStringLiteral("checkin"), {}, QStringLiteral("CODE"));
    const QCommandLineOption schedule(QStringLiteral("schedule"), {}, QStringLiteral("ID"));
    const QCommandLineOption refund(QStringLiteral("refund"), {}, QStringLiteral("IDS"));
    const QCommandLineOption key(QStringLiteral("key"), {}, QStringLiteral("KEY"));
    const QCommandLineOption now(QStringLiteral("now"), {}, QStringLiteral("MS"));
    p.addOptions({database, go, checkin, schedule, refund, key, now});
    p.process(app);
    QTextStream out(stdout);

    ManualClock clock(p.value(now).toLongLong());
    DatabaseOptions options;
    options.location = p.value(database);
    TerminalSettings terminal;
    terminal.id = QStringLiteral("racer-%1").arg(QCoreApplication::applicationPid());
    auto engine = Engine::open(options, EngineSettings{}, clock, terminal);
    if (!engine) {
        out << "OPEN_FAILED " << engine.error().codeName() << Qt::endl;
        return 1;
    }
    out << "READY" << Qt::endl;
    // Polling a file is this helper's starting pistol; the test itself never sleeps.
    QDeadlineTimer deadline(60'000);
    while (!QFileInfo::exists(p.value(go))) {
        if (deadline.hasExpired()) {
            out << "NO_GO" << Qt::endl;
            return 1;
        }
        QThread::usleep(200);
    }
    const Actor by = Actor::staff(terminal.id);
    if (p.isSet(checkin)) {
        const auto r =
            (*engine)->door.checkIn(p.value(checkin), p.value(schedule).toLongLong(), by);
        out << (r ? QStringLiteral("OK %1").arg(r->id) : r.error().codeName()) << Qt::endl;
    } else {
        QList<qint64> ids;
        for (const QString& id : p.value(refund).split(u','))
            ids << id.toLongLong();
        const auto r = (*engine)->refunds.refund(ids, p.value(key), by);
        out << (r ? QStringLiteral("OK %1").arg(r->id) : r.error().codeName()) << Qt::endl;
    }
    return 0;
}
