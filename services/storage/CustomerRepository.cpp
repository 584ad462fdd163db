#include "storage/CustomerRepository.h"

namespace boxoffice {

namespace {

const QString kCustomerColumns = QStringLiteral("id, name, phone, balance");

// A customer from the columns of kCustomerColumns, in that order.
Customer customerFrom(const Query& q)
{
    return Customer{q.i64(0), q.str(1), q.str(2), q.i64(3)};
}

// `text` as a LIKE pattern that matches it anywhere, with '!' as the escape character.
QString containing(QString text)
{
    text.replace(QLatin1Char('!'), QLatin1String("!!"))
        .replace(QLatin1Char('%'), QLatin1String("!%"))
        .replace(QLatin1Char('_'), QLatin1String("!_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

} // namespace

Result<bool> CustomerRepository::exists(Connection& conn, qint64 customerId)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT 1 FROM customers WHERE id = ?"), {customerId}));
    return q.next();
}

Result<std::optional<Customer>> CustomerRepository::byId(Connection& conn, qint64 customerId)
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM customers WHERE id = ?").arg(kCustomerColumns);
    auto q = BO_TRY(conn.run(sql, {customerId}));
    if (!q.next())
        return std::optional<Customer>{};
    return std::optional<Customer>{customerFrom(q)};
}

Result<QList<Customer>> CustomerRepository::matching(Connection& conn, const QString& text,
                                                     const QString& digits, int limit)
{
    static const QString sql =
        QStringLiteral(
            "SELECT %1 FROM customers WHERE name LIKE ? ESCAPE '!'"
            " OR (? <> '' AND REPLACE(phone, '-', '') LIKE ? ESCAPE '!') ORDER BY id LIMIT ?")
            .arg(kCustomerColumns);
    auto q = BO_TRY(conn.run(sql, {containing(text), digits, containing(digits), limit}));
    QList<Customer> out;
    while (q.next())
        out << customerFrom(q);
    return out;
}

Result<qint64> CustomerRepository::insert(Connection& conn, const QString& name,
                                          const QString& phone, qint64 nowMs)
{
    auto q = BO_TRY(conn.run(QStringLiteral("INSERT INTO customers (name, phone, balance,"
                                            " created_at) VALUES (?, ?, 0, ?) RETURNING id"),
                             {name, phone, nowMs}));
    const auto id = q.nextI64();
    if (!id)
        return fail(ErrorCode::StorageError);
    return *id;
}

Result<qint64> CustomerRepository::count(Connection& conn)
{
    auto q = BO_TRY(conn.run(QStringLiteral("SELECT COUNT(*) FROM customers")));
    return q.nextI64().value_or(0);
}

Result<void> CustomerRepository::lockCustomer(Connection& conn, qint64 customerId)
{
    return conn.execute(QStringLiteral("UPDATE customers SET balance = balance WHERE id = ?"),
                        {customerId});
}

} // namespace boxoffice
