#include "sales/TicketBase64.h"

namespace boxoffice {

QByteArray toBase64url(QByteArrayView bytes)
{
    return bytes.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                        QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromCanonicalBase64url(QByteArrayView text)
{
    for (const char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || toBase64url(decoded.decoded) != text)
        return std::nullopt;
    return std::move(decoded.decoded);
}

} // namespace boxoffice
