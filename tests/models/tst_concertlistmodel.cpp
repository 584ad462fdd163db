// ConcertListModel: the concerts on sale.

#include "ConcertListModel.h"
#include "support/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

class TestConcertListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsDemoConcerts();
    void reloadIsAReset();
    void emptyCatalogue();
};

void TestConcertListModel::listsDemoConcerts()
{
    TestEngine t;
    ConcertListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(model.reload());

    const auto concerts = t->catalogue.concerts();
    QVERIFY_RESULT(concerts);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowCount(), int(concerts->size()));
    for (int row = 0; row < model.rowCount(); ++row) {
        const Concert& c = concerts->at(row);
        const QModelIndex i = model.index(row);
        QCOMPARE(c.id, qint64(row + 1));
        QCOMPARE(model.idAt(row), c.id);
        QCOMPARE(i.data(ConcertListModel::IdRole).toLongLong(), c.id);
        QVERIFY(!c.title.isEmpty());
        QCOMPARE(i.data(Qt::DisplayRole).toString(), c.title);
        QCOMPARE(i.data(ConcertListModel::VenueRole).toString(), c.venue);
        const QString tip = i.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(c.title) && tip.contains(c.venue));
    }
    QVERIFY(model.index(0)
                .data(Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("Spring Night Jazz")));
    QCOMPARE(model.idAt(-1), 0);
    QCOMPARE(model.idAt(3), 0);
    QCOMPARE(model.roleNames().value(ConcertListModel::IdRole), QByteArray("concertId"));
    QCOMPARE(model.roleNames().value(ConcertListModel::VenueRole), QByteArray("venue"));
}

void TestConcertListModel::reloadIsAReset()
{
    TestEngine t;
    ConcertListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QVERIFY_RESULT(model.reload());
    QVERIFY_RESULT(model.reload());
    QCOMPARE(aboutToReset.count(), 2);
    QCOMPARE(reset.count(), 2);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 3);
}

void TestConcertListModel::emptyCatalogue()
{
    TestEngine t(EngineSettings{}, false);
    ConcertListModel model(t->catalogue);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(model.reload());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.idAt(0), 0);
}

QTEST_GUILESS_MAIN(TestConcertListModel)
#include "tst_concertlistmodel.moc"
