#include "audit/TerminalIdentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QSysInfo>

#include <algorithm>

#include <unistd.h>

namespace boxoffice {

namespace {

bool nameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'.' || c == u'_' || c == u'-';
}

// The host name as far as it is made of name characters, never longer than leaves room for
// the random part.
QString hostPart()
{
    QString host;
    for (QChar c : QSysInfo::machineHostName()) {
        if (nameChar(c))
            host += c;
    }
    host.truncate(TerminalIdentity::kMaxLength - 9);
    return host.isEmpty() ? QStringLiteral("terminal") : host;
}

Error fileError(const QString& path, const QString& korean, const QString& english)
{
    return Error::make(ErrorCode::BadRequest,
                       QStringLiteral("터미널 이름 파일 %1: %2").arg(path, korean),
                       QStringLiteral("Terminal name file %1: %2").arg(path, english));
}

Result<QString> readName(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(fileError(path, QStringLiteral("읽을 수 없습니다 (%1)").arg(f.errorString()),
                              QStringLiteral("cannot be read (%1)").arg(f.errorString())));
    const QString name = QString::fromUtf8(f.read(TerminalIdentity::kMaxLength + 2)).trimmed();
    if (!TerminalIdentity::isValidName(name))
        return fail(fileError(path, QStringLiteral("터미널 이름이 들어 있지 않습니다"),
                              QStringLiteral("does not hold a terminal name")));
    return name;
}

} // namespace

QString TerminalIdentity::defaultPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("terminal-id"));
}

bool TerminalIdentity::isValidName(QStringView name)
{
    return !name.isEmpty() && name.size() <= kMaxLength &&
           std::all_of(name.begin(), name.end(), nameChar);
}

QString TerminalIdentity::makeName()
{
    return QStringLiteral("%1-%2")
        .arg(hostPart())
        .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
}

Result<QString> TerminalIdentity::loadOrCreate(const QString& path)
{
    if (QFileInfo::exists(path))
        return readName(path);
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QString name = makeName();
    // Written whole under another name, then linked into place only if nobody was first: a
    // reader never sees half a name, and of several starts at once one name wins.
    const QString temporary =
        path + QStringLiteral(".%1.tmp").arg(QRandomGenerator::system()->generate());
    {
        QFile f(temporary);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
            f.write(name.toUtf8() + '\n') < 0 || !f.flush()) {
            const QString why = f.errorString();
            QFile::remove(temporary);
            return fail(fileError(path, QStringLiteral("만들 수 없습니다 (%1)").arg(why),
                                  QStringLiteral("cannot be made (%1)").arg(why)));
        }
    }
    // link(2) fails with EEXIST when another start placed its name first: theirs is read.
    (void)::link(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData());
    QFile::remove(temporary);
    return readName(path);
}

} // namespace boxoffice
