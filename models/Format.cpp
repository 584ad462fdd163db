#include "Format.h"

#include <QDateTime>
#include <QLocale>

namespace boxoffice {

namespace {
Language g_language = Language::Korean;
}

void setUiLanguage(Language language)
{
    g_language = language;
}

Language uiLanguage()
{
    return g_language;
}

QString errorText(const Error& error)
{
    return error.message(g_language);
}

QString maskedName(const QString& name)
{
    const QString n = name.simplified();
    if (n.size() <= 1)
        return n;
    if (n.size() == 2)
        return n.left(1) + QLatin1Char('*');
    return n.left(1) + QString(n.size() - 2, QLatin1Char('*')) + n.right(1);
}

QString Format::krw(qint64 amount)
{
    //: An amount of Korean won; %1 is the number with thousands separators.
    return tr("%1 KRW").arg(QLocale().toString(amount));
}

QString Format::dateTime(qint64 utcMs)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime();
    return QLocale().toString(t, tr("yyyy-MM-dd (ddd) HH:mm"));
}

QString Format::date(qint64 utcMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(utcMs).toLocalTime().date(),
                              QLocale::ShortFormat);
}

QString Format::countdown(qint64 remainingMs)
{
    const qint64 s = std::max<qint64>(0, (remainingMs + 999) / 1000);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace boxoffice
