#pragma once

// Runs the boxoffice executable (BOXOFFICE_BIN, which each test's CMake defines) as a person
// would from a terminal, for the tests of its command line.

#include <QByteArray>
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace boxoffice::test {

struct BoxofficeRun
{
    int exitCode = -1;
    bool crashed = false; // or did not finish within the time
    QByteArray out;
    QByteArray err;
};

// Without any display: a command-line answer must come before any window system is needed (a
// terminal over ssh, a kiosk's boot script). With `home`, HOME and the XDG data and config
// folders point inside it, so nothing of the user's is read or written and what the program
// makes there can be seen.
inline BoxofficeRun runBoxoffice(const QStringList& arguments, const QString& home = {})
{
    BoxofficeRun r;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    if (!home.isEmpty()) {
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), QDir(home).filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"),
                   QDir(home).filePath(QStringLiteral("config")));
    }
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BOXOFFICE_BIN), arguments);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished(5000);
        r.crashed = true;
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace boxoffice::test
