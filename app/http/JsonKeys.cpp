#include "http/JsonKeys.h"

#include <QList>
#include <QSet>
#include <QString>

namespace boxoffice {

namespace {

struct Level
{
    bool object = false;
    bool expectingKey = false; // in an object, after '{' or ','
    QSet<QString> keys;
};

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The string starting at json[*pos] (the opening quote), unescaped to UTF-16 as QJsonDocument
// would; *pos ends after the closing quote (or at the end of an unterminated string).
QString readString(QByteArrayView json, qsizetype* pos)
{
    QString out;
    qsizetype i = *pos + 1;
    qsizetype run = i; // start of the bytes not yet copied
    while (i < json.size() && json[i] != '"') {
        if (json[i] != '\\') {
            ++i;
            continue;
        }
        out += QString::fromUtf8(json.sliced(run, i - run));
        if (i + 1 >= json.size())
            break;
        const char e = json[i + 1];
        i += 2;
        switch (e) {
        case 'b':
            out += u'\b';
            break;
        case 'f':
            out += u'\f';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 't':
            out += u'\t';
            break;
        case 'u': {
            char16_t unit = 0;
            int digits = 0;
            for (; digits < 4 && i < json.size() && hexDigit(json[i]) >= 0; ++digits, ++i)
                unit = char16_t(unit * 16 + hexDigit(json[i]));
            out += QChar(unit); // a surrogate stays one UTF-16 unit, as in QJsonDocument
            break;
        }
        default: // '"', '\\', '/' and anything else stand for themselves
            out += QLatin1Char(e);
            break;
        }
        run = i;
    }
    out += QString::fromUtf8(json.sliced(run, std::min(i, json.size()) - run));
    *pos = std::min(i + 1, json.size());
    return out;
}

} // namespace

bool hasDuplicateKey(QByteArrayView json)
{
    // No recursion: the depth of the input decides only the size of this list.
    QList<Level> levels;
    qsizetype i = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (c == '"') {
            const QString s = readString(json, &i);
            if (!levels.isEmpty() && levels.last().object && levels.last().expectingKey) {
                Level& top = levels.last();
                top.expectingKey = false;
                if (top.keys.contains(s))
                    return true;
                top.keys.insert(s);
            }
            continue;
        }
        if (c == '{' || c == '[') {
            Level level;
            level.object = c == '{';
            level.expectingKey = level.object;
            levels.append(std::move(level));
        } else if (c == '}' || c == ']') {
            if (!levels.isEmpty())
                levels.removeLast();
        } else if (c == ',' && !levels.isEmpty() && levels.last().object) {
            levels.last().expectingKey = true;
        }
        ++i;
    }
    return false;
}

} // namespace boxoffice
