// The route table: which handler a method and path reach, and what 404, 405 and Allow say
// when none does.

#include "http/Router.h"

#include <QTest>

using namespace boxoffice;

class TestRouter : public QObject
{
    Q_OBJECT

private:
    Router m_router;
    QStringList m_called;

    Router::Handler named(const QString& name)
    {
        return [this, name](const ApiRequest&, const QStringList& args) {
            m_called << name + QLatin1Char('(') + args.join(QLatin1Char(',')) + QLatin1Char(')');
            return ApiResponse::json(200, {});
        };
    }

    QString call(QByteArrayView method, const QString& path)
    {
        m_called.clear();
        const Router::Match m = m_router.match(method, path);
        if (!m.route)
            return m.allowed.isEmpty()
                       ? QStringLiteral("404")
                       : QStringLiteral("405 ") + QString::fromLatin1(m.allowed.join(", "));
        m.route->handler(ApiRequest{}, m.args);
        return m_called.value(0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add({"GET", QStringLiteral("/api/v1/concerts"), RouteAccess::Customer,
                      named(QStringLiteral("concerts"))});
        m_router.add({"GET", QStringLiteral("/api/v1/concerts/{id}/schedules"),
                      RouteAccess::Customer, named(QStringLiteral("schedules"))});
        m_router.add({"GET", QStringLiteral("/api/v1/users/{id}/balance"), RouteAccess::Customer,
                      named(QStringLiteral("balance"))});
        m_router.add({"POST", QStringLiteral("/api/v1/users/{id}/balance/charge"),
                      RouteAccess::Customer, named(QStringLiteral("charge"))});
        m_router.add({"POST", QStringLiteral("/api/v1/refunds"), RouteAccess::Staff,
                      named(QStringLiteral("refund"))});
        m_router.add({"GET", QStringLiteral("/api/v1/payments/{id}/tickets.pdf"),
                      RouteAccess::Staff, named(QStringLiteral("pdf"))});
        m_router.add({"DELETE", QStringLiteral("/api/v1/a/{x}/b/{y}"), RouteAccess::Customer,
                      named(QStringLiteral("two"))});
        m_router.add({"PUT", QStringLiteral("/api/v1/a/{x}/b/{y}"), RouteAccess::Customer,
                      named(QStringLiteral("twoPut"))});
    }

    void routes_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("result");
        auto row = [](const char* name, const char* method, const char* path, const char* result) {
            QTest::newRow(name) << QByteArray(method) << QString::fromUtf8(path)
                                << QString::fromUtf8(result);
        };
        row("plain", "GET", "/api/v1/concerts", "concerts()");
        row("HEAD is GET", "HEAD", "/api/v1/concerts", "concerts()");
        row("one id", "GET", "/api/v1/concerts/12/schedules", "schedules(12)");
        row("id as given", "GET", "/api/v1/concerts/abc/schedules", "schedules(abc)");
        row("two ids", "DELETE", "/api/v1/a/1/b/2", "two(1,2)");
        row("literal after an id", "GET", "/api/v1/payments/5/tickets.pdf", "pdf(5)");
        row("other method", "POST", "/api/v1/concerts", "405 GET, HEAD");
        row("other method, ids", "GET", "/api/v1/users/3/balance/charge", "405 POST");
        row("two other methods", "GET", "/api/v1/a/1/b/2", "405 DELETE, PUT");
        row("unknown method", "BREW", "/api/v1/refunds", "405 POST");
        row("lowercase method", "get", "/api/v1/concerts", "405 GET, HEAD");
        row("empty id", "GET", "/api/v1/concerts//schedules", "404");
        row("trailing slash", "GET", "/api/v1/concerts/", "404");
        row("double slash", "GET", "//api/v1/concerts", "404");
        row("longer", "GET", "/api/v1/concerts/1/schedules/2", "404");
        row("shorter", "GET", "/api/v1", "404");
        row("root", "GET", "/", "404");
        row("empty", "GET", "", "404");
        row("no leading slash", "GET", "api/v1/concerts", "404");
        row("case", "GET", "/API/v1/concerts", "404");
    }

    void routes()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, result);
        QCOMPARE(call(method, path), result);
    }

    void accessIsTheRoutes()
    {
        QCOMPARE(m_router.match("POST", u"/api/v1/refunds").route->access, RouteAccess::Staff);
        QCOMPARE(m_router.match("GET", u"/api/v1/concerts").route->access, RouteAccess::Customer);
    }
};

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"
