#include "http/Router.h"

namespace boxoffice {

namespace {

// What a `{name}` segment of a pattern is kept as.
const QString kParameter = QStringLiteral("{}");

bool isParameter(QStringView segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

// `args` gets the parameters' segments when the path fits.
bool fits(const QStringList& pattern, const QList<QStringView>& path, QStringList* args)
{
    if (pattern.size() != path.size())
        return false;
    QStringList found;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == kParameter) {
            if (path[i].isEmpty())
                return false;
            found << path[i].toString();
        } else if (pattern[i] != path[i]) {
            return false;
        }
    }
    *args = std::move(found);
    return true;
}

} // namespace

void Router::add(Route route)
{
    QStringList segments = route.pattern.split(u'/');
    for (QString& s : segments) {
        if (isParameter(s))
            s = kParameter;
    }
    m_entries << Entry{std::move(route), std::move(segments)};
}

Router::Match Router::match(QByteArrayView method, QStringView path) const
{
    const QByteArrayView asked = method == "HEAD" ? QByteArrayView("GET") : method;
    const QList<QStringView> segments = path.split(u'/');
    Match m;
    for (const Entry& e : m_entries) {
        QStringList args;
        if (!fits(e.segments, segments, &args))
            continue;
        const Route& route = e.route;
        if (route.method == asked) {
            m.route = &route;
            m.args = std::move(args);
            m.allowed.clear();
            return m;
        }
        if (!m.allowed.contains(route.method))
            m.allowed << route.method;
        if (route.method == "GET" && !m.allowed.contains("HEAD"))
            m.allowed << "HEAD";
    }
    return m;
}

} // namespace boxoffice
