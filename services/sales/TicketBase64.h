#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace boxoffice {

// Base64url without padding (RFC 4648 §5), the alphabet of ticket codes and exported keys.
QByteArray toBase64url(QByteArrayView bytes);

// The bytes of a base64url text, accepting only the one canonical spelling of each byte
// string: a text that decodes but does not re-encode to itself (padding, stray bits in the last
// character, a length of 4n + 1) is refused. Otherwise two texts could stand for the same
// signed bytes, and "this code is not that one" would not hold.
std::optional<QByteArray> fromCanonicalBase64url(QByteArrayView text);

} // namespace boxoffice
