#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace boxoffice {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

// A request as the handlers see it, whatever carried it: the HTTP front, a test, the fuzzer.
struct ApiRequest
{
    QByteArray method = "GET";
    QString path;      // decoded, without the query
    HttpHeaders query; // the query's arguments, decoded, in order
    QHostAddress remote;
    QByteArray apiKey; // the X-Api-Key header
    QByteArray authorization;
    QByteArray acceptLanguage;
    QByteArray idempotencyKey;
    QByteArray body;
    // False on the front's network threads: a handler that would block there (a seat list to
    // build) answers ApiResponse::later() and is called again on a thread that may wait.
    bool mayBlock = true;

    // The first value of a query argument (empty when absent).
    QByteArray queryValue(QByteArrayView name) const;
};

struct ApiResponse
{
    int status = 200;
    QJsonObject body;       // the answer, unless `content` is set
    QByteArray content;     // a body sent as it is: a prebuilt JSON answer, a PDF
    QByteArray contentType; // with `content`; JSON otherwise
    HttpHeaders headers;    // beyond Content-Type and Content-Length: Retry-After, Allow
    bool later = false;     // see ApiRequest::mayBlock

    // What goes on the wire.
    QByteArray wireBody() const;
    QByteArray wireContentType() const;

    static ApiResponse json(int status, QJsonObject body);
    static ApiResponse prebuilt(int status, QByteArray content, QByteArray contentType);
    static ApiResponse notYet();
};

// Korean unless the client's first choice is English (design §1, Messages).
Language languageOf(QByteArrayView acceptLanguage);
// The HTTP status of a service error (design §4); 5xx only for the server's own trouble.
int httpStatus(ErrorCode code);
// `{"code","message"}` plus the error's extra fields, with its status; a 503 says when to retry.
ApiResponse errorResponse(const Error& e, Language lang);
// An error of the HTTP layer itself (a limit, the framing), whose code is not a service's.
ApiResponse httpError(int status, QLatin1StringView code, const QString& korean,
                      const QString& english, Language lang);

} // namespace boxoffice
