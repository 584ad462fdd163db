// ConcertListModel: the concerts on sale, read through the EngineHost; a reload resets the rows
// only when the set of concerts changed, and a renamed concert is one row's dataChanged.

#include "ConcertListModel.h"
#include "models/ModelSupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

bool runSql(TestEngine& t, const QString& sql)
{
    auto conn = t->db->connection();
    return conn && (*conn)->runOnce(sql).has_value();
}

} // namespace

class TestConcertListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsDemoConcerts();
    void rowOfAndTitleOf();
    void reloadResetsOnlyWhenTheSetChanges();
    void emptyCatalogue();
};

void TestConcertListModel::listsDemoConcerts()
{
    TestEngine t;
    TestHost host(t);
    ConcertListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(awaited(model.reload()));

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

void TestConcertListModel::rowOfAndTitleOf()
{
    TestEngine t;
    TestHost host(t);
    ConcertListModel model(*host);
    // Before the list is read a concert is known by its number.
    QCOMPARE(model.rowOf(2), -1);
    QCOMPARE(model.titleOf(2), QStringLiteral("2"));
    QVERIFY_RESULT(awaited(model.reload()));
    const auto concerts = t->catalogue.concerts();
    QVERIFY_RESULT(concerts);
    for (int row = 0; row < concerts->size(); ++row) {
        QCOMPARE(model.rowOf(concerts->at(row).id), row);
        QCOMPARE(model.titleOf(concerts->at(row).id), concerts->at(row).title);
        QCOMPARE(model.idAt(model.rowOf(concerts->at(row).id)), concerts->at(row).id);
    }
    QCOMPARE(model.rowOf(0), -1);
    QCOMPARE(model.rowOf(99), -1);
    QCOMPARE(model.titleOf(99), QStringLiteral("99"));
}

void TestConcertListModel::reloadResetsOnlyWhenTheSetChanges()
{
    TestEngine t;
    TestHost host(t);
    ConcertListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy aboutToReset(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);

    // The same concerts again (every change anywhere reloads): a view keeps its selection.
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(aboutToReset.count(), 1);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(model.rowCount(), 3);

    // A renamed concert is that row's change only.
    QVERIFY(runSql(t, QStringLiteral("UPDATE concerts SET title = 'Renamed' WHERE id = 2")));
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("Renamed"));
    QCOMPARE(model.titleOf(2), QStringLiteral("Renamed"));

    // A concert more is another set of rows.
    QVERIFY(
        runSql(t, QStringLiteral("INSERT INTO concerts (title, venue) VALUES ('Extra', 'Hall')")));
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.titleOf(model.idAt(3)), QStringLiteral("Extra"));
}

void TestConcertListModel::emptyCatalogue()
{
    TestEngine t(EngineSettings{}, false);
    TestHost host(t);
    ConcertListModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.idAt(0), 0);
    QCOMPARE(reset.count(), 0); // nothing before, nothing now
}

QTEST_GUILESS_MAIN(TestConcertListModel)
#include "tst_concertlistmodel.moc"
