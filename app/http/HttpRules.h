#pragma once

#include "http/ApiResponse.h"

#include <QByteArrayList>

#include <optional>

namespace boxoffice {

// What one client may cost the server (design A5, A8). The defaults are the product's; tests
// shorten the timeouts, which are real network time, not the engine's Clock.
struct HttpLimits
{
    int threads = 0; // network threads; 0: one per core
    int maxConnections = 1000;
    qsizetype maxBodyBytes = 64 * 1024;
    qsizetype maxHeaderBytes = 16 * 1024;
    int requestTimeoutMs = 10'000; // from the request line to the last byte of the body
    int idleTimeoutMs = 30'000;    // a connection with no request under way

    int threadCount() const;
};

// A request's head as received, before any of its body.
struct RequestHead
{
    QByteArray method;
    QByteArray version; // "HTTP/1.1"
    HttpHeaders headers;
};

// The rules of A8 a head can break, checked before any body is read: oversized headers (431),
// ambiguous framing (400: two Content-Lengths, Transfer-Encoding beside Content-Length or other
// than chunked, HTTP/1.1 without one Host) and a declared body over the limit (413). Nothing
// when the request may go on. The front closes the connection after such an answer: whatever
// follows the head cannot be trusted to be the next request.
std::optional<ApiResponse> checkHead(const RequestHead& head, const HttpLimits& limits);

// The HTTP layer's own refusals.
ApiResponse payloadTooLarge(Language lang, qsizetype maxBytes);
ApiResponse tooManyConnections(Language lang);
ApiResponse methodNotAllowed(Language lang, const QByteArrayList& allowed);
ApiResponse duplicateJsonKey(Language lang);

} // namespace boxoffice
