#include "customers/CustomerService.h"

#include <QRegularExpression>

namespace boxoffice {

CustomerService::CustomerService(std::shared_ptr<Database> db, const Clock& clock)
    : m_db(std::move(db)), m_clock(clock)
{}

Result<Customer> CustomerService::byId(qint64 id)
{
    Connection* conn = BO_TRY(m_db->connection());
    const auto c = BO_TRY(m_customers.byId(*conn, id));
    if (!c)
        return fail(ErrorCode::UserNotFound);
    return *c;
}

Result<QList<Customer>> CustomerService::find(const QString& text, int limit)
{
    const QString needle = text.trimmed();
    QList<Customer> out;
    if (needle.isEmpty())
        return out;
    Connection* conn = BO_TRY(m_db->connection());
    bool isNumber = false;
    const qint64 id = needle.toLongLong(&isNumber);
    if (isNumber && id > 0) {
        if (const auto c = BO_TRY(m_customers.byId(*conn, id)))
            out << *c;
    }
    QString digits = needle;
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    const QList<Customer> matches = BO_TRY(m_customers.matching(*conn, needle, digits, limit));
    // The member found by number counts towards the limit too.
    for (const Customer& c : matches) {
        if (out.size() >= limit)
            break;
        if (!out.isEmpty() && out.first().id == c.id)
            continue;
        out << c;
    }
    return out;
}

Result<Customer> CustomerService::add(const QString& name, const QString& phone)
{
    const QString n = name.simplified();
    const QString p = phone.trimmed();
    static const QRegularExpression phoneShape(QStringLiteral("^[0-9+][0-9 -]{6,18}$"));
    if (n.isEmpty() || n.size() > 60 || !phoneShape.match(p).hasMatch())
        return fail(ErrorCode::InvalidCustomer);
    Connection* conn = BO_TRY(m_db->connection());
    WriteTransaction tx = BO_TRY(WriteTransaction::begin(*conn));
    Customer c{0, n, p, 0};
    c.id = BO_TRY(m_customers.insert(*conn, n, p, m_clock.nowMs()));
    BO_CHECK(tx.commit());
    return c;
}

} // namespace boxoffice
