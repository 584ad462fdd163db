#pragma once

#include "engine/Engine.h"
#include "http/ApiResponse.h"
#include "http/HttpRules.h"
#include "http/Router.h"

#include <QHostAddress>

#include <expected>
#include <memory>
#include <optional>
#include <vector>

namespace boxoffice {

class ChangeWatch;
class HttpFront;
class SeatSnapshots;

// The HTTP API of design §4 and the staff API of §9 over the engine's services: the routes and
// their handlers, served by an HttpFront (libmicrohttpd) once listen() is called. Everything but
// listen() works without a socket, so tests and the fuzzer call it directly.
class ApiServer
{
public:
    explicit ApiServer(Engine& engine, HttpLimits limits = {});
    ~ApiServer();
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    // Listens; returns the port (useful with port 0) or an error line. Call setApiKey() first.
    std::expected<quint16, QString> listen(const QHostAddress& address, quint16 port);

    // A whole request as the front delivers it: the key guard, the route (404, 405 with Allow),
    // the handler.
    ApiResponse handle(const ApiRequest& r);

    // The handlers.
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
    // Staff (design §9): every client needs the key.
    ApiResponse refund(const ApiRequest& r);
    ApiResponse paymentTickets(const ApiRequest& r, const QString& paymentId);
    ApiResponse paymentTicketsPdf(const ApiRequest& r, const QString& paymentId);
    ApiResponse reissue(const ApiRequest& r, const QString& ticketId);
    ApiResponse checkIn(const ApiRequest& r);

    // Who the staff API's actions are recorded as (design R5): whoever holds the key acts for
    // this server, so the operator is "api@" and the terminal's name. The audit rows name the
    // terminal too; the operator keeps API actions apart from a person's in the cash-up.
    Actor staffActor() const;

    // Requires `key` in X-Api-Key from every client that is not on this machine (loopback
    // clients need none) and, on staff routes, from every client. Keys are compared in constant
    // time and never logged.
    void setApiKey(const QByteArray& key);
    // Whether a customer's request needs no key (none configured, or a loopback client).
    bool mayPass(const ApiRequest& r) const;
    // The refusal for a customer's request without the right key, or nothing when it may pass;
    // `what` names the request in the log line (empty: its method and path).
    std::optional<ApiResponse> guard(const ApiRequest& r, const QByteArray& what) const;
    // The same for a route of either access: staff routes need the key from every client, and
    // are refused (403 STAFF_API_DISABLED) when no key is configured (design §9).
    std::optional<ApiResponse> admit(const ApiRequest& r, RouteAccess access,
                                     const QByteArray& what) const;

    // The seat lists kept between requests, and what tells them they may be stale (tests count
    // their builds).
    const SeatSnapshots& seatSnapshots() const { return *m_seats; }
    const ChangeWatch& changes() const { return *m_changes; }
    const HttpLimits& limits() const { return m_limits; }
    // Connections the front holds open now (0 before listen()).
    int openConnections() const;
    // How many of them each network thread serves (empty before listen()).
    std::vector<int> connectionsPerThread() const;

private:
    void addRoutes();
    // The key check itself: nothing when X-Api-Key is the configured key.
    std::optional<ApiResponse> keyRefusal(const ApiRequest& r, const QByteArray& what) const;

    Engine& m_engine;
    const HttpLimits m_limits;
    Router m_router;
    QByteArray m_apiKeyDigest; // SHA-256 of the key; empty: no key required
    std::unique_ptr<ChangeWatch> m_changes;
    std::unique_ptr<SeatSnapshots> m_seats;
    std::unique_ptr<HttpFront> m_front; // last: it stops before what its threads use goes
};

} // namespace boxoffice
