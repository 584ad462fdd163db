// LedgerModel: a customer's wallet history, newest first, with signed amounts, read through the
// EngineHost; the answer for a customer no longer shown is dropped.

#include "Format.h"
#include "LedgerModel.h"
#include "models/ModelSupport.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

QString cell(const LedgerModel& m, int row, int column)
{
    return m.index(row, column).data(Qt::DisplayRole).toString();
}

} // namespace

class TestLedgerModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chargesAndPaymentNewestFirst();
    void columnsAndHeaders();
    void otherCustomersAndNobody();
    void aSupersededCustomersAnswerIsDropped();
    void formatKrw_data();
    void formatKrw();
};

void TestLedgerModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestLedgerModel::chargesAndPaymentNewestFirst()
{
    TestEngine t;
    constexpr qint64 me = 15;
    QVERIFY_RESULT(t->wallet.charge(me, 200'000));
    t.clock.advanceSeconds(30);
    QVERIFY_RESULT(t->wallet.charge(me, 50'000));
    const QString token = t.activeToken(me, 1);
    const auto schedules = t->catalogue.schedulesOf(1);
    QVERIFY_RESULT(schedules);
    auto held = t->reservations.hold(token, schedules->first().id, 3);
    QVERIFY_RESULT(held);
    t.clock.advanceSeconds(30);
    auto paid = t->payments.pay(token, {held->id});
    QVERIFY_RESULT(paid);

    TestHost host(t);
    LedgerModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QVERIFY_RESULT(awaited(model.setCustomer(me)));
    // Nobody's history at once, this customer's when read.
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.customerId(), me);
    QCOMPARE(model.rowCount(), 3);

    // Newest first: the payment, then the second charge, then the first.
    const QList<LedgerKind> kinds{LedgerKind::Payment, LedgerKind::Charge, LedgerKind::Charge};
    const QList<qint64> amounts{-held->price, 50'000, 200'000};
    const QList<qint64> balances{250'000 - held->price, 250'000, 200'000};
    const auto history = t->wallet.history(me);
    QVERIFY_RESULT(history);
    for (int row = 0; row < 3; ++row) {
        const QModelIndex i = model.index(row, 0);
        QCOMPARE(i.data(LedgerModel::KindRole).toInt(), int(kinds.at(row)));
        QCOMPARE(i.data(LedgerModel::AmountRole).toLongLong(), amounts.at(row));
        QCOMPARE(cell(model, row, LedgerModel::KindColumn), LedgerModel::kindName(kinds.at(row)));
        QCOMPARE(cell(model, row, LedgerModel::BalanceColumn), Format::krw(balances.at(row)));
        QCOMPARE(cell(model, row, LedgerModel::WhenColumn),
                 Format::dateTime(history->at(row).atMs));
        if (row > 0)
            QVERIFY(history->at(row).atMs <= history->at(row - 1).atMs);
    }
    QCOMPARE(paid->balanceAfter, 250'000 - held->price);
    QVERIFY(history->at(1).atMs < history->at(0).atMs);
    QVERIFY(history->at(2).atMs < history->at(1).atMs);
    QCOMPARE(cell(model, 0, LedgerModel::AmountColumn),
             QStringLiteral("-%1").arg(Format::krw(held->price)));
    QCOMPARE(cell(model, 0, LedgerModel::AmountColumn), QStringLiteral("-150,000 KRW"));
    QCOMPARE(cell(model, 1, LedgerModel::AmountColumn), QStringLiteral("+50,000 KRW"));
    QCOMPARE(cell(model, 2, LedgerModel::AmountColumn), QStringLiteral("+200,000 KRW"));
    QCOMPARE(cell(model, 0, LedgerModel::KindColumn), QStringLiteral("Payment"));
    QCOMPARE(cell(model, 1, LedgerModel::KindColumn), QStringLiteral("Charge"));

    // A new charge shows on reload, on top.
    QVERIFY_RESULT(t->wallet.charge(me, 1'000));
    QVERIFY_RESULT(awaited(model.reload()));
    QCOMPARE(reset.count(), 3);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.index(0, 0).data(LedgerModel::AmountRole).toLongLong(), 1'000);
}

void TestLedgerModel::columnsAndHeaders()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(16, 10'000));
    TestHost host(t);
    LedgerModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setCustomer(16)));
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(LedgerModel::WhenColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("When"));
    QCOMPARE(model.headerData(LedgerModel::KindColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Kind"));
    QCOMPARE(
        model.headerData(LedgerModel::AmountColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Amount"));
    QCOMPARE(
        model.headerData(LedgerModel::BalanceColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Balance after"));
    // Money reads right-aligned, words left.
    const auto align = [&](int column) {
        return Qt::Alignment(model.index(0, column).data(Qt::TextAlignmentRole).toInt());
    };
    QVERIFY(align(LedgerModel::AmountColumn) & Qt::AlignRight);
    QVERIFY(align(LedgerModel::BalanceColumn) & Qt::AlignRight);
    QVERIFY(align(LedgerModel::KindColumn) & Qt::AlignLeft);
}

void TestLedgerModel::otherCustomersAndNobody()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(17, 10'000));
    TestHost host(t);
    LedgerModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY_RESULT(awaited(model.setCustomer(17)));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY_RESULT(awaited(model.setCustomer(18)));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY_RESULT(awaited(model.setCustomer(0)));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE_ERROR(awaited(model.setCustomer(999)), ErrorCode::BalanceNotFound);
    QCOMPARE(model.rowCount(), 0);
}

void TestLedgerModel::aSupersededCustomersAnswerIsDropped()
{
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(19, 10'000));
    QVERIFY_RESULT(t->wallet.charge(20, 20'000));
    QVERIFY_RESULT(t->wallet.charge(20, 30'000));
    TestHost host(t);
    LedgerModel model(*host);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QFuture<Result<void>> asked1;
    QFuture<Result<void>> asked2;
    {
        EngineGate gate(*host); // both asked before either is answered
        asked1 = model.setCustomer(19);
        asked2 = model.setCustomer(20);
    }
    QVERIFY_RESULT(awaited(asked1));
    QVERIFY_RESULT(awaited(asked2));
    QVERIFY(settleHost(*host));
    QCOMPARE(model.customerId(), 20);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data(LedgerModel::AmountRole).toLongLong(), 30'000);
}

void TestLedgerModel::formatKrw_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0 KRW");
    QTest::newRow("hundreds") << qint64(999) << QStringLiteral("999 KRW");
    QTest::newRow("thousands") << qint64(1'000) << QStringLiteral("1,000 KRW");
    QTest::newRow("vip seat") << qint64(150'000) << QStringLiteral("150,000 KRW");
    QTest::newRow("max balance") << qint64(10'000'000) << QStringLiteral("10,000,000 KRW");
    QTest::newRow("negative") << qint64(-1'234'567) << QStringLiteral("-1,234,567 KRW");
}

void TestLedgerModel::formatKrw()
{
    QFETCH(qint64, amount);
    QFETCH(QString, text);
    QCOMPARE(Format::krw(amount), text);
}

QTEST_GUILESS_MAIN(TestLedgerModel)
#include "tst_ledgermodel.moc"
