#pragma once

#include <QByteArrayView>

namespace boxoffice {

// Whether some object in a JSON text has the same key twice, compared after unescaping, so
// "a" and "\u0061" are one key. QJsonDocument silently keeps one of them, which would let
// `{"amount":1,"amount":999999}` charge whichever it kept. Meant for text QJsonDocument has
// accepted; on anything else it still ends (and answers for what it could read).
bool hasDuplicateKey(QByteArrayView json);

} // namespace boxoffice
