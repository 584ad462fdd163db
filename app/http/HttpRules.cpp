#include "http/HttpRules.h"

#include <QThread>

namespace boxoffice {

namespace {

ApiResponse badFraming(Language lang, const QString& korean, const QString& english)
{
    return errorResponse(Error::make(ErrorCode::BadRequest, korean, english), lang);
}

QString kib(qsizetype bytes)
{
    return QString::number(bytes / 1024);
}

} // namespace

int HttpLimits::threadCount() const
{
    return threads > 0 ? threads : std::max(1, QThread::idealThreadCount());
}

std::optional<ApiResponse> checkHead(const RequestHead& head, const HttpLimits& limits)
{
    qsizetype headerBytes = 0;
    int contentLengths = 0;
    int transferEncodings = 0;
    int hosts = 0;
    QByteArray contentLength;
    QByteArray transferEncoding;
    QByteArray acceptLanguage;
    for (const auto& [name, value] : head.headers) {
        headerBytes += name.size() + value.size() + 4; // ": " and CRLF
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            ++contentLengths;
            contentLength = value;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            ++transferEncodings;
            transferEncoding = value;
        } else if (name.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (name.compare("Accept-Language", Qt::CaseInsensitive) == 0 &&
                   acceptLanguage.isEmpty()) {
            acceptLanguage = value;
        }
    }
    const Language lang = languageOf(acceptLanguage);
    if (headerBytes > limits.maxHeaderBytes) {
        return httpError(431, QLatin1StringView("HEADERS_TOO_LARGE"),
                         QStringLiteral("요청 헤더가 너무 큽니다 (최대 %1 KiB).")
                             .arg(kib(limits.maxHeaderBytes)),
                         QStringLiteral("The request headers are too large (%1 KiB at most).")
                             .arg(kib(limits.maxHeaderBytes)),
                         lang);
    }
    // Two framings of one body: a proxy in front may pick the other one (request smuggling).
    if (contentLengths > 1) {
        return badFraming(lang, QStringLiteral("Content-Length 헤더가 두 번 이상 있습니다."),
                          QStringLiteral("The request has more than one Content-Length header."));
    }
    if (transferEncodings > 0 && contentLengths > 0) {
        return badFraming(
            lang, QStringLiteral("Transfer-Encoding과 Content-Length를 함께 보낼 수 없습니다."),
            QStringLiteral("Transfer-Encoding and Content-Length cannot both be sent."));
    }
    if (transferEncodings > 1 ||
        (transferEncodings == 1 &&
         transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0)) {
        return badFraming(
            lang, QStringLiteral("Transfer-Encoding은 chunked 하나만 받습니다."),
            QStringLiteral("The only Transfer-Encoding accepted is a single \"chunked\"."));
    }
    if (head.version == "HTTP/1.1" && hosts != 1) {
        return badFraming(lang, QStringLiteral("HTTP/1.1 요청에는 Host 헤더가 하나 있어야 합니다."),
                          QStringLiteral("An HTTP/1.1 request needs exactly one Host header."));
    }
    if (contentLengths == 1) {
        const QByteArray digits = contentLength.trimmed();
        if (digits.isEmpty() || !std::all_of(digits.begin(), digits.end(),
                                             [](char c) { return c >= '0' && c <= '9'; })) {
            return badFraming(lang, QStringLiteral("Content-Length가 0 이상의 정수가 아닙니다."),
                              QStringLiteral("Content-Length is not a whole number."));
        }
        bool small = false;
        const qulonglong length = digits.toULongLong(&small);
        if (!small || length > qulonglong(limits.maxBodyBytes))
            return payloadTooLarge(lang, limits.maxBodyBytes);
    }
    return std::nullopt;
}

ApiResponse payloadTooLarge(Language lang, qsizetype maxBytes)
{
    return httpError(
        413, QLatin1StringView("PAYLOAD_TOO_LARGE"),
        QStringLiteral("요청 본문이 너무 큽니다 (최대 %1 KiB).").arg(kib(maxBytes)),
        QStringLiteral("The request body is too large (%1 KiB at most).").arg(kib(maxBytes)), lang);
}

ApiResponse tooManyConnections(Language lang)
{
    return httpError(503, QLatin1StringView("TOO_MANY_CONNECTIONS"),
                     QStringLiteral("서버에 연결이 너무 많습니다. 잠시 후 다시 시도해주세요."),
                     QStringLiteral("The server has too many connections. Please try again"
                                    " shortly."),
                     lang);
}

ApiResponse methodNotAllowed(Language lang, const QByteArrayList& allowed)
{
    const QString list = QString::fromLatin1(allowed.join(", "));
    ApiResponse r = httpError(405, QLatin1StringView("METHOD_NOT_ALLOWED"),
                              QStringLiteral("이 주소는 %1 요청만 받습니다.").arg(list),
                              QStringLiteral("This address accepts %1 only.").arg(list), lang);
    r.headers.emplaceBack("Allow", allowed.join(", "));
    return r;
}

ApiResponse duplicateJsonKey(Language lang)
{
    return badFraming(lang, QStringLiteral("요청 본문의 JSON에 같은 키가 두 번 있습니다."),
                      QStringLiteral("The JSON body has the same key twice."));
}

} // namespace boxoffice
