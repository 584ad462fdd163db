// hasDuplicateKey(): the check that walks a JSON body for a key given twice in one object,
// which QJsonDocument would settle silently by keeping one of them.

#include "http/JsonKeys.h"

#include <QJsonDocument>
#include <QTest>

using namespace boxoffice;

class TestJsonKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keys_data();
    void keys();
    void malformedInputEnds();
    void deepNestingWithoutRecursion();
};

void TestJsonKeys::keys_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("duplicate");
    QTest::newRow("none") << QByteArray(R"({"a":1,"b":2})") << false;
    QTest::newRow("top level") << QByteArray(R"({"amount":1,"amount":999999})") << true;
    QTest::newRow("escape spells the same key")
        << QByteArray(R"({"amount":1,"\u0061mount":2})") << true;
    QTest::newRow("escaped quote") << QByteArray(R"({"a\"b":1,"a\u0022b":2})") << true;
    QTest::newRow("surrogate pair and UTF-8")
        << QByteArray("{\"\\ud83c\\udfb5\":1,\"\xf0\x9f\x8e\xb5\":2}") << true;
    QTest::newRow("different escapes differ") << QByteArray(R"({"a\n":1,"a\t":2})") << false;
    QTest::newRow("same key, other objects")
        << QByteArray(R"({"a":{"x":1},"b":{"x":2},"c":[{"x":3},{"x":4}]})") << false;
    QTest::newRow("nested") << QByteArray(R"({"a":{"x":1,"y":{"z":1,"z":2}}})") << true;
    QTest::newRow("in an array") << QByteArray(R"([{"x":1},{"y":1,"y":1}])") << true;
    QTest::newRow("a value equal to a key") << QByteArray(R"({"a":"a","b":"a"})") << false;
    QTest::newRow("key after a nested object") << QByteArray(R"({"a":{"b":1},"a":2})") << true;
    QTest::newRow("after an array value") << QByteArray(R"({"a":[1,2,"a"],"b":1})") << false;
    QTest::newRow("strings with braces") << QByteArray(R"({"a":"{\"a\":1}","b":"}"})") << false;
    QTest::newRow("empty key twice") << QByteArray(R"({"":1,"":2})") << true;
    QTest::newRow("whitespace") << QByteArray(" { \"a\" : 1 ,\n \"a\" : 2 } ") << true;
}

void TestJsonKeys::keys()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, duplicate);
    QJsonParseError err;
    QJsonDocument::fromJson(json, &err);
    QCOMPARE(err.error, QJsonParseError::NoError); // the check runs on accepted text
    QCOMPARE(hasDuplicateKey(json), duplicate);
}

// Whatever it is given, it ends: truncated, unbalanced, deep.
void TestJsonKeys::malformedInputEnds()
{
    for (const QByteArray& json :
         {QByteArray("{\"a"), QByteArray("{\"a\\"), QByteArray("{\"a\\u12"), QByteArray("}}]]{{"),
          QByteArray("\""), QByteArray(100000, '['), QByteArray(100000, '{'),
          QByteArray("{\"a\":1,\"a\"")}) {
        (void)hasDuplicateKey(json);
    }
    QVERIFY(hasDuplicateKey(QByteArray("{\"a\":1,\"a\"")));
    QVERIFY(!hasDuplicateKey(QByteArray()));
}

void TestJsonKeys::deepNestingWithoutRecursion()
{
    const int depth = 50000;
    QByteArray json = QByteArray(depth, '[') + R"({"k":1,"k":2})" + QByteArray(depth, ']');
    QVERIFY(hasDuplicateKey(json));
}

QTEST_APPLESS_MAIN(TestJsonKeys)
#include "tst_jsonkeys.moc"
