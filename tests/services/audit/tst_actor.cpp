// Actor: who a staff action is recorded as (design R5); a typed operator name made fit to keep.

#include "audit/Actor.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace boxoffice;

class TestActor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void customerIsNoStaff();
    void namesAreTidied();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
};

void TestActor::customerIsNoStaff()
{
    QVERIFY(!Actor::customer().isStaff());
    QVERIFY(Actor::staff(QStringLiteral("김민지")).isStaff());
    QVERIFY(!Actor::staff(QString()).isStaff());
}

void TestActor::namesAreTidied()
{
    QCOMPARE(*Actor::checkedName(QStringLiteral("  김민지 ")), QStringLiteral("김민지"));
    QCOMPARE(*Actor::checkedName(QStringLiteral("Alex \t  Kim")), QStringLiteral("Alex Kim"));
    QCOMPARE(*Actor::checkedName(QString(Actor::kMaxNameLength, u'가')),
             QString(Actor::kMaxNameLength, u'가'));
}

void TestActor::badNamesAreRefused_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral(" \t\n ");
    QTest::newRow("too long") << QString(Actor::kMaxNameLength + 1, u'a');
    QTest::newRow("control") << QStringLiteral("a\u0007b");
    QTest::newRow("bidi") << QStringLiteral("a\u202Eb");
}

void TestActor::badNamesAreRefused()
{
    QFETCH(QString, typed);
    const auto r = Actor::checkedName(typed);
    QCOMPARE_ERROR(r, ErrorCode::BadRequest);
    QVERIFY(!r.error().korean.isEmpty());
    QVERIFY(!r.error().english.isEmpty());
}

QTEST_GUILESS_MAIN(TestActor)
#include "tst_actor.moc"
