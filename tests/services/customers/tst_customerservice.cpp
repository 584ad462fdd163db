// CustomerService: the box office's customer book (find by number, name or phone; add).

#include "customers/CustomerService.h"
#include "support/TestSupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QString digitsOf(QString s)
{
    return s.remove(QRegularExpression(QStringLiteral("[^0-9]")));
}

QList<qint64> idsOf(const QList<Customer>& list)
{
    QList<qint64> out;
    for (const auto& c : list)
        out << c.id;
    return out;
}

} // namespace

class TestCustomerService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void byId();
    void findByNumber();
    void findByNameFragment();
    void findByPhoneDigits();
    void findNothing();
    void findRespectsLimit();
    void addCustomer();
    void addValidates_data();
    void addValidates();
};

void TestCustomerService::byId()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(17, 4'000));
    auto c = t->customers.byId(17);
    QVERIFY_RESULT(c);
    QCOMPARE(c->id, 17);
    QVERIFY(!c->name.isEmpty());
    QVERIFY(!c->phone.isEmpty());
    QCOMPARE(c->balance, 4'000);
    QCOMPARE_ERROR(t->customers.byId(100'001), ErrorCode::UserNotFound);
    QCOMPARE_ERROR(t->customers.byId(0), ErrorCode::UserNotFound);
}

void TestCustomerService::findByNumber()
{
    TestEngine t;
    auto found = t->customers.find(QStringLiteral(" 7 "));
    QVERIFY_RESULT(found);
    QVERIFY(!found->isEmpty());
    QCOMPARE(found->first().id, 7); // the member with that number comes first
    QCOMPARE(idsOf(*found).count(7), 1);
}

void TestCustomerService::findByNameFragment()
{
    TestEngine t;
    auto target = t->customers.byId(23);
    QVERIFY_RESULT(target);
    const QString fragment = target->name.mid(1); // the given name, without the family name
    QVERIFY(!fragment.isEmpty());
    auto found = t->customers.find(fragment);
    QVERIFY_RESULT(found);
    QVERIFY(idsOf(*found).contains(23));
    for (const auto& c : *found)
        QVERIFY2(c.name.contains(fragment), qPrintable(c.name));
}

void TestCustomerService::findByPhoneDigits()
{
    TestEngine t;
    auto target = t->customers.byId(42);
    QVERIFY_RESULT(target);
    const QString digits = digitsOf(target->phone);
    QVERIFY(digits.size() >= 8);
    const QString tail = digits.right(8);
    for (const QString& query :
         {tail, tail.left(4) + QLatin1Char('-') + tail.right(4), target->phone}) {
        auto found = t->customers.find(query);
        QVERIFY_RESULT(found);
        QVERIFY2(idsOf(*found).contains(42), qPrintable(query));
        for (const auto& c : *found) {
            QVERIFY2(digitsOf(c.phone).contains(digitsOf(query)) || c.id == query.toLongLong(),
                     qPrintable(c.phone));
        }
    }
}

void TestCustomerService::findNothing()
{
    TestEngine t;
    auto empty = t->customers.find(QStringLiteral("   "));
    QVERIFY_RESULT(empty);
    QVERIFY(empty->isEmpty());
    auto none = t->customers.find(QStringLiteral("Zyxwvut"));
    QVERIFY_RESULT(none);
    QVERIFY(none->isEmpty());
    // LIKE wildcards are taken literally, not as "match everything".
    for (const QString& wildcard : {QStringLiteral("%"), QStringLiteral("_")}) {
        auto r = t->customers.find(wildcard);
        QVERIFY_RESULT(r);
        QVERIFY2(r->isEmpty(), qPrintable(wildcard));
    }
}

void TestCustomerService::findRespectsLimit()
{
    TestEngine t;
    auto found = t->customers.find(QStringLiteral("010"), 5);
    QVERIFY_RESULT(found);
    QCOMPARE(found->size(), 5); // all 100 demo phones start with 010
}

void TestCustomerService::addCustomer()
{
    TestEngine t;
    t.clock.advanceSeconds(42);
    auto added = t->customers.add(QStringLiteral("  홍   길동 "), QStringLiteral("010-5555-0101"));
    QVERIFY_RESULT(added);
    QVERIFY(added->id > 100);
    QCOMPARE(added->name, QStringLiteral("홍 길동"));
    QCOMPARE(added->phone, QStringLiteral("010-5555-0101"));
    QCOMPARE(added->balance, 0);
    auto again = t->customers.byId(added->id);
    QVERIFY_RESULT(again);
    QCOMPARE(again->name, added->name);
    QCOMPARE(again->phone, added->phone);
    QCOMPARE(
        scalar(*t->db, QStringLiteral("SELECT created_at FROM customers WHERE id = ?"), {added->id})
            .toLongLong(),
        t.clock.nowMs());
    auto found = t->customers.find(QStringLiteral("55550101"));
    QVERIFY_RESULT(found);
    QCOMPARE(idsOf(*found), QList<qint64>{added->id});
    // A new customer has a wallet at once.
    QCOMPARE(t->wallet.balance(added->id).value_or(-1), 0);
}

void TestCustomerService::addValidates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("phone");
    QTest::newRow("empty name") << QString() << QStringLiteral("010-1234-5678");
    QTest::newRow("blank name") << QStringLiteral("   ") << QStringLiteral("010-1234-5678");
    QTest::newRow("name too long")
        << QString(61, QLatin1Char('a')) << QStringLiteral("010-1234-5678");
    QTest::newRow("empty phone") << QStringLiteral("Kim") << QString();
    QTest::newRow("letters in phone") << QStringLiteral("Kim") << QStringLiteral("010-abcd-5678");
    QTest::newRow("phone too short") << QStringLiteral("Kim") << QStringLiteral("12");
    QTest::newRow("phone too long") << QStringLiteral("Kim") << QString(25, QLatin1Char('1'));
}

void TestCustomerService::addValidates()
{
    QFETCH(QString, name);
    QFETCH(QString, phone);
    TestEngine t;
    QCOMPARE_ERROR(t->customers.add(name, phone), ErrorCode::InvalidCustomer);
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM customers")).toInt(), 100);
}

QTEST_GUILESS_MAIN(TestCustomerService)
#include "tst_customerservice.moc"
