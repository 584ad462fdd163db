#pragma once

#include "engine/Engine.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>

namespace boxoffice {

// A request as the handlers see it: what QHttpServer parsed, nothing more.
struct ApiRequest
{
    QHostAddress remote;
    QByteArray apiKey; // the X-Api-Key header
    QByteArray authorization;
    QByteArray acceptLanguage;
    QByteArray idempotencyKey;
    QByteArray body;
};

struct ApiResponse
{
    int status = 200;
    QJsonObject body;
};

// The HTTP API of design §4 over the engine's services, on QHttpServer.
class ApiServer : public QObject
{
    Q_OBJECT

public:
    explicit ApiServer(Engine& engine, QObject* parent = nullptr);

    // Listens; returns the port (useful with port 0) or an error line.
    std::expected<quint16, QString> listen(const QHostAddress& address, quint16 port);

    // The handlers, callable without a socket (tests, fuzzing).
    ApiResponse enterQueue(const ApiRequest& r);
    ApiResponse pollQueue(const ApiRequest& r);
    ApiResponse concerts(const ApiRequest& r);
    ApiResponse schedules(const ApiRequest& r, const QString& concertId);
    ApiResponse seats(const ApiRequest& r, const QString& scheduleId);
    ApiResponse hold(const ApiRequest& r);
    ApiResponse balance(const ApiRequest& r, const QString& userId);
    ApiResponse charge(const ApiRequest& r, const QString& userId);
    ApiResponse history(const ApiRequest& r, const QString& userId);
    ApiResponse pay(const ApiRequest& r);

    // Requires `key` in X-Api-Key from every client that is not on this machine (loopback
    // clients need none). Keys are compared in constant time and never logged.
    void setApiKey(const QByteArray& key);
    // Whether a request needs no key (none configured, or a loopback client).
    bool mayPass(const ApiRequest& r) const;
    // The refusal for a request without the right key, or nothing when it may pass.
    std::optional<ApiResponse> guard(const ApiRequest& r, const QByteArray& what) const;

    static int httpStatus(ErrorCode code);
    static Language languageOf(const QByteArray& acceptLanguage);

private:
    void addRoutes();

    Engine& m_engine;
    QHttpServer m_http;
    QByteArray m_apiKeyDigest; // SHA-256 of the key; empty: no key required
};

} // namespace boxoffice
