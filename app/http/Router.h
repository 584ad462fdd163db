#pragma once

#include "http/ApiResponse.h"

#include <QByteArrayList>
#include <QStringList>

#include <functional>

namespace boxoffice {

// Who may call a route: customers under part one's rule (the API key only from other machines
// when one is configured), or staff (the key from every address, loopback included; design §9).
enum class RouteAccess { Customer, Staff };

// The API's addresses: method, path pattern, handler, access. 404, 405 and Allow come from here.
class Router
{
public:
    // The path's `{name}` segments, in order.
    using Handler = std::function<ApiResponse(const ApiRequest&, const QStringList& args)>;

    struct Route
    {
        QByteArray method;
        QString pattern; // "/api/v1/concerts/{id}/schedules": `{…}` is one non-empty segment
        RouteAccess access = RouteAccess::Customer;
        Handler handler;
    };

    struct Match
    {
        const Route* route = nullptr; // nothing: see `allowed`
        QStringList args;
        // With no route: the methods the path takes (a 405 with Allow), or none (a 404).
        QByteArrayList allowed;
    };

    void add(Route route);
    // HEAD is answered as GET (the front sends no body); Allow names HEAD beside GET.
    Match match(QByteArrayView method, QStringView path) const;

private:
    struct Entry
    {
        Route route;
        QStringList segments; // the pattern cut at '/', each `{…}` as "{}"
    };
    QList<Entry> m_entries;
};

} // namespace boxoffice
