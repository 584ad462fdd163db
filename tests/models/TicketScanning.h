#pragma once

// For the ticket tests: the command-line tools that read what a ticket shows as a person's
// phone, viewer or printer would (zbarimg from zbar-tools; pdftotext, pdfinfo, pdffonts and
// pdftoppm from poppler-utils), and codes of every length a ticket can carry.

#include <QByteArray>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace boxoffice::test {

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
};

// Runs a command-line tool; a missing tool is a failed test, not a skipped one.
inline ToolRun runTool(const QString& program, const QStringList& arguments)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForStarted(10000))
        qFatal("%s is not installed (scripts/deps.sh installs it)", qPrintable(program));
    p.waitForFinished(60000);
    return ToolRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                   p.readAllStandardOutput()};
}

// How many pages pdfinfo counts in a PDF (-1: none it could read).
inline int pdfPages(const QString& path)
{
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                       .match(QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {path}).out));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// What a phone's reader makes of an image: the QR symbol's data, exactly (empty: none read).
inline QByteArray scanQr(const QString& image)
{
    const ToolRun t =
        runTool(QStringLiteral("zbarimg"),
                {QStringLiteral("--raw"), QStringLiteral("-q"), QStringLiteral("-Sdisable"),
                 QStringLiteral("-Sqrcode.enable"), image});
    QByteArray out = t.out;
    if (out.endsWith('\n'))
        out.chop(1);
    return t.exitCode == 0 ? out : QByteArray();
}

// A code-shaped text of `length` characters (ticket codes are 140 to 199), varied by `seed`.
inline QString codeOfLength(int length, int seed)
{
    QString code = QStringLiteral("BO1.");
    const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    for (int i = 0; code.size() < length; ++i)
        code += alphabet.at((i * 7 + seed) % alphabet.size());
    return code;
}

} // namespace boxoffice::test
