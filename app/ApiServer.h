#pragma once

#include "Engine.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QJsonObject>
#include <QObject>

namespace boxoffice {

// A request as the handlers see it: what QHttpServer parsed, nothing more.
struct ApiRequest
{
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

    static int httpStatus(ErrorCode code);
    static Language languageOf(const QByteArray& acceptLanguage);

private:
    void addRoutes();

    Engine& m_engine;
    QHttpServer m_http;
};

} // namespace boxoffice
