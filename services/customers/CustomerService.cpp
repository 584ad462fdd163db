#include "customers/CustomerService.h"

#include <QRegularExpression>

namespace boxoffice {

CustomerService::CustomerService(std::shared_ptr<Database> db, const Clock& clock)
    : m_db(std::move(db)), m_clock(clock)
{}

Result<Customer> CustomerService::byId(qint64 id)
{
    Connection* conn = BO_TRY(m_db->connection());
    auto q = BO_TRY(conn->run(
        QStringLiteral("SELECT id, name, phone, balance FROM customers WHERE id = ?"), {id}));
    if (!q.next())
        return fail(ErrorCode::UserNotFound);
    return Customer{q.i64(0), q.str(1), q.str(2), q.i64(3)};
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
        auto q = BO_TRY(conn->run(
            QStringLiteral("SELECT id, name, phone, balance FROM customers WHERE id = ?"), {id}));
        if (q.next())
            out << Customer{q.i64(0), q.str(1), q.str(2), q.i64(3)};
    }
    QString digits = needle;
    digits.remove(QRegularExpression(QStringLiteral("[^0-9]")));
    QString escaped = needle;
    escaped.replace(QLatin1Char('!'), QLatin1String("!!"))
        .replace(QLatin1Char('%'), QLatin1String("!%"))
        .replace(QLatin1Char('_'), QLatin1String("!_"));
    auto q = BO_TRY(conn->run(
        QStringLiteral(
            "SELECT id, name, phone, balance FROM customers"
            " WHERE name LIKE ? ESCAPE '!' OR (? <> '' AND REPLACE(phone, '-', '') LIKE ?)"
            " ORDER BY id LIMIT ?"),
        {QStringLiteral("%%1%").arg(escaped), digits, QStringLiteral("%%1%").arg(digits), limit}));
    // The member found by number counts towards the limit too.
    while (out.size() < limit && q.next()) {
        if (!out.isEmpty() && out.first().id == q.i64(0))
            continue;
        out << Customer{q.i64(0), q.str(1), q.str(2), q.i64(3)};
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
    {
        auto q = BO_TRY(conn->run(QStringLiteral("INSERT INTO customers (name, phone, balance,"
                                                 " created_at) VALUES (?, ?, 0, ?) RETURNING id"),
                                  {n, p, m_clock.nowMs()}));
        if (!q.next())
            return fail(ErrorCode::StorageError);
        c.id = q.i64(0);
    }
    BO_CHECK(tx.commit());
    return c;
}

} // namespace boxoffice
