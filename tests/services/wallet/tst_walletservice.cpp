// WalletService: balance lookup and charge (design W1–W4, W6), amount parsing, the ledger.

#include "support/TestSupport.h"
#include "wallet/WalletService.h"

#include <QLocale>
#include <QTest>

#include <atomic>
#include <cmath>
#include <latch>
#include <limits>
#include <thread>
#include <vector>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

int ledgerRows(TestEngine& t)
{
    return scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM ledger")).toInt();
}

qint64 ledgerSum(TestEngine& t, qint64 customerId)
{
    return scalar(*t->db,
                  QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM ledger"
                                 " WHERE customer_id = ?"),
                  {customerId})
        .toLongLong();
}

} // namespace

class TestWalletService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chargeAddsToBalanceAndLedger();
    void chargeAmountLimits_data();
    void chargeAmountLimits();
    void balanceCeiling();
    void unknownCustomer();
    void failedChargeChangesNothing();
    void concurrentChargesAllCount();
    void chargeWithKeyIsMadeOnce();
    void oneKeyRacing_data();
    void oneKeyRacing();
    void limitsAreSaidFromTheConstants();
    void parseAmount_data();
    void parseAmount();
    void checkAmount_data();
    void checkAmount();
    void historyNewestFirst();
};

void TestWalletService::chargeAddsToBalanceAndLedger()
{
    TestEngine t;
    auto b = t->wallet.charge(3, 50'000);
    QVERIFY_RESULT(b);
    QCOMPARE(*b, 50'000);
    t.clock.advanceSeconds(1);
    b = t->wallet.charge(3, 25'000);
    QVERIFY_RESULT(b);
    QCOMPARE(*b, 75'000);
    auto balance = t->wallet.balance(3);
    QVERIFY_RESULT(balance);
    QCOMPARE(*balance, 75'000);
    QCOMPARE(ledgerSum(t, 3), 75'000); // W6: the balance is the plain sum of the ledger
    QCOMPARE(ledgerRows(t), 2);
    auto other = t->wallet.balance(4);
    QVERIFY_RESULT(other);
    QCOMPARE(*other, 0);
}

void TestWalletService::chargeAmountLimits_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<bool>("valid");
    QTest::newRow("zero") << qint64(0) << false;
    QTest::newRow("negative") << qint64(-5) << false;
    QTest::newRow("one too many") << qint64(1'000'001) << false;
    QTest::newRow("huge") << std::numeric_limits<qint64>::max() << false;
    QTest::newRow("most negative") << std::numeric_limits<qint64>::min() << false;
    QTest::newRow("one") << qint64(1) << true;
    QTest::newRow("a million") << qint64(1'000'000) << true;
}

void TestWalletService::chargeAmountLimits()
{
    QFETCH(qint64, amount);
    QFETCH(bool, valid);
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(9, 500));
    auto r = t->wallet.charge(9, amount);
    if (valid) {
        QVERIFY_RESULT(r);
        QCOMPARE(*r, 500 + amount);
        QCOMPARE(t->wallet.balance(9).value_or(-1), 500 + amount);
        QCOMPARE(ledgerRows(t), 2);
    } else {
        QCOMPARE_ERROR(r, ErrorCode::InvalidAmount);
        QVERIFY2(r.error().korean.contains(QStringLiteral("1,000,000")), "names the limit");
        QVERIFY2(r.error().english.contains(QStringLiteral("1,000,000")), "names the limit");
        QCOMPARE(t->wallet.balance(9).value_or(-1), 500);
        QCOMPARE(ledgerRows(t), 1);
    }
    QCOMPARE(ledgerSum(t, 9), t->wallet.balance(9).value_or(-1));
}

void TestWalletService::balanceCeiling()
{
    TestEngine t;
    for (int i = 0; i < 9; ++i)
        QVERIFY_RESULT(t->wallet.charge(1, WalletService::kMaxCharge));
    QVERIFY_RESULT(t->wallet.charge(1, 500'000));
    auto over = t->wallet.charge(1, 500'001); // would be 10,000,001
    QCOMPARE_ERROR(over, ErrorCode::InvalidAmount);
    QVERIFY2(over.error().korean.contains(QStringLiteral("10,000,000")), "names the limit");
    QVERIFY2(over.error().english.contains(QStringLiteral("10,000,000")), "names the limit");
    QVERIFY2(over.error().english.contains(QStringLiteral("9,500,000")), "names the balance");
    QCOMPARE(t->wallet.balance(1).value_or(-1), 9'500'000);
    QCOMPARE(ledgerRows(t), 10);

    auto exact = t->wallet.charge(1, 500'000); // exactly the ceiling is allowed
    QVERIFY_RESULT(exact);
    QCOMPARE(*exact, 10'000'000);
    QCOMPARE_ERROR(t->wallet.charge(1, 1), ErrorCode::InvalidAmount);
    QCOMPARE(t->wallet.balance(1).value_or(-1), 10'000'000);
    QCOMPARE(ledgerRows(t), 11);
    QCOMPARE(ledgerSum(t, 1), 10'000'000);
}

void TestWalletService::unknownCustomer()
{
    TestEngine t;
    auto b = t->wallet.balance(100'001);
    QCOMPARE_ERROR(b, ErrorCode::BalanceNotFound);
    QCOMPARE(b.error().korean, QStringLiteral("잔액 정보가 없습니다."));
    QCOMPARE_ERROR(t->wallet.charge(100'001, 1'000), ErrorCode::BalanceNotFound);
    QCOMPARE_ERROR(t->wallet.history(100'001), ErrorCode::BalanceNotFound);
    QCOMPARE_ERROR(t->wallet.balance(0), ErrorCode::BalanceNotFound);
    QCOMPARE_ERROR(t->wallet.balance(-1), ErrorCode::BalanceNotFound);
    QCOMPARE(ledgerRows(t), 0);
}

void TestWalletService::failedChargeChangesNothing()
{
    // W2: balance update and ledger entry together or neither. The ledger write is made to
    // fail after the balance was updated inside the transaction.
    TestEngine t;
    QVERIFY_RESULT(t->wallet.charge(2, 1'000));
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY(failInserts(**conn, QStringLiteral("ledger_fails"), QStringLiteral("ledger")));
    auto r = t->wallet.charge(2, 5'000);
    QCOMPARE_ERROR(r, ErrorCode::ChargeFailed);
    QCOMPARE(r.error().korean, QStringLiteral("충전 중 오류가 발생했습니다. 다시 시도해주세요."));
    QVERIFY(!r.error().korean.contains(QStringLiteral("disk trouble"))); // no SQL text shown
    QCOMPARE(t->wallet.balance(2).value_or(-1), 1'000);
    QCOMPARE(ledgerRows(t), 1);

    QVERIFY(removeFailingInsert(**conn, QStringLiteral("ledger_fails"), QStringLiteral("ledger")));
    auto ok = t->wallet.charge(2, 5'000); // nothing was left half done or locked
    QVERIFY_RESULT(ok);
    QCOMPARE(*ok, 6'000);
    QCOMPARE(ledgerSum(t, 2), 6'000);
}

void TestWalletService::concurrentChargesAllCount()
{
    constexpr int kThreads = 4, kCharges = 10;
    TestEngine t;
    std::latch start(kThreads);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            start.arrive_and_wait();
            for (int k = 0; k < kCharges; ++k) {
                if (!t->wallet.charge(5, 1'000))
                    ++failures;
            }
        });
    }
    for (auto& th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(t->wallet.balance(5).value_or(-1), kThreads * kCharges * 1'000);
    QCOMPARE(ledgerRows(t), kThreads * kCharges);
    QCOMPARE(ledgerSum(t, 5), kThreads * kCharges * 1'000);
}

void TestWalletService::chargeWithKeyIsMadeOnce()
{
    TestEngine t;
    const QString key = QStringLiteral("charge-3-1");
    QCOMPARE(t->wallet.charge(3, 50'000, key).value_or(-1), 50'000);
    QCOMPARE(t->wallet.charge(3, 50'000, key).value_or(-1), 50'000); // the first answer again
    QCOMPARE(ledgerRows(t), 1);

    // The same key for another amount is another request: refused, nothing charged.
    QCOMPARE_ERROR(t->wallet.charge(3, 60'000, key), ErrorCode::IdempotencyKeyReused);
    QCOMPARE(t->wallet.balance(3).value_or(-1), 50'000);
    QCOMPARE(ledgerRows(t), 1);

    // Keys are per customer; a new key is a new charge.
    QCOMPARE(t->wallet.charge(4, 60'000, key).value_or(-1), 60'000);
    QCOMPARE(t->wallet.charge(3, 60'000, QStringLiteral("charge-3-2")).value_or(-1), 110'000);
    QCOMPARE(ledgerRows(t), 3);
    QCOMPARE(ledgerSum(t, 3), 110'000);
}

void TestWalletService::oneKeyRacing_data()
{
    QTest::addColumn<bool>("sameAmount");
    QTest::newRow("same amount") << true;
    QTest::newRow("different amounts") << false;
}

// Threads charging with one key at once: one charge is made; a repeat of it gets its answer,
// a different amount under the key is refused, whoever comes first.
void TestWalletService::oneKeyRacing()
{
    QFETCH(bool, sameAmount);
    constexpr int kThreads = 4, kRounds = 5;
    TestEngine t;
    qint64 expected = 0;
    for (int round = 0; round < kRounds; ++round) {
        const QString key = QStringLiteral("race-%1").arg(round);
        std::latch start(kThreads);
        Result<qint64> results[kThreads];
        std::vector<std::thread> threads;
        for (int i = 0; i < kThreads; ++i) {
            threads.emplace_back([&, i] {
                start.arrive_and_wait();
                results[i] = t->wallet.charge(6, sameAmount ? 1'000 : 1'000 * (i + 1), key);
            });
        }
        for (auto& th : threads)
            th.join();
        int made = 0;
        for (int i = 0; i < kThreads; ++i) {
            if (!results[i]) {
                QVERIFY(!sameAmount);
                QCOMPARE_ERROR(results[i], ErrorCode::IdempotencyKeyReused);
                continue;
            }
            // Every success is the one charge's answer.
            if (made++ == 0)
                expected = *results[i];
            QCOMPARE(*results[i], expected);
        }
        QVERIFY(made >= 1);
        if (!sameAmount)
            QCOMPARE(made, 1);
        QCOMPARE(t->wallet.balance(6).value_or(-1), expected);
        QCOMPARE(ledgerRows(t), round + 1);
        QCOMPARE(ledgerSum(t, 6), expected);
    }
}

void TestWalletService::limitsAreSaidFromTheConstants()
{
    QCOMPARE(groupedWon(0), QStringLiteral("0"));
    QCOMPARE(groupedWon(999), QStringLiteral("999"));
    QCOMPARE(groupedWon(1'000), QStringLiteral("1,000"));
    QCOMPARE(groupedWon(123'456), QStringLiteral("123,456"));
    QCOMPARE(groupedWon(-1'234'567), QStringLiteral("-1,234,567"));
    QCOMPARE(groupedWon(std::numeric_limits<qint64>::min()),
             QStringLiteral("-9,223,372,036,854,775,808"));
    // Whatever the locale says (German groups with dots).
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    const Error e = Error::make(ErrorCode::InvalidAmount);
    QLocale::setDefault(before);
    for (const QString& text : {e.korean, e.english}) {
        QVERIFY2(text.contains(groupedWon(WalletService::kMaxCharge)), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('%')), qPrintable(text));
    }
}

void TestWalletService::parseAmount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // -1: INVALID_AMOUNT
    QTest::newRow("separators") << QStringLiteral("50,000") << qint64(50'000);
    QTest::newRow("plain") << QStringLiteral("50000") << qint64(50'000);
    QTest::newRow("one") << QStringLiteral("1") << qint64(1);
    QTest::newRow("a million") << QStringLiteral("1,000,000") << qint64(1'000'000);
    QTest::newRow("spaces") << QStringLiteral(" 7000 ") << qint64(7'000);
    QTest::newRow("letters") << QStringLiteral("abc") << qint64(-1);
    QTest::newRow("fraction") << QStringLiteral("12.5") << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("blank") << QStringLiteral("   ") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
    QTest::newRow("exponent") << QStringLiteral("1e20") << qint64(-1);
    QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
    QTest::newRow("over a million") << QStringLiteral("1,000,001") << qint64(-1);
    QTest::newRow("misplaced separator") << QStringLiteral("5,0000") << qint64(-1);
    QTest::newRow("twenty digits") << QStringLiteral("99999999999999999999") << qint64(-1);
    QTest::newRow("hex") << QStringLiteral("0x10") << qint64(-1);
}

void TestWalletService::parseAmount()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const auto r = WalletService::parseAmount(text);
    if (expected < 0) {
        QCOMPARE_ERROR(r, ErrorCode::InvalidAmount);
    } else {
        QVERIFY_RESULT(r);
        QCOMPARE(*r, expected);
    }
}

void TestWalletService::checkAmount_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<qint64>("expected"); // -1: INVALID_AMOUNT
    QTest::newRow("one") << 1.0 << qint64(1);
    QTest::newRow("fifty thousand") << 50'000.0 << qint64(50'000);
    QTest::newRow("a million") << 1e6 << qint64(1'000'000);
    QTest::newRow("fraction") << 12.5 << qint64(-1);
    QTest::newRow("just over a million") << 1'000'000.5 << qint64(-1);
    QTest::newRow("1e20") << 1e20 << qint64(-1);
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << qint64(-1);
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << qint64(-1);
    QTest::newRow("minus infinity") << -std::numeric_limits<double>::infinity() << qint64(-1);
    QTest::newRow("zero") << 0.0 << qint64(-1);
    QTest::newRow("negative") << -5.0 << qint64(-1);
    QTest::newRow("tiny") << 0.5 << qint64(-1);
}

void TestWalletService::checkAmount()
{
    QFETCH(double, value);
    QFETCH(qint64, expected);
    const auto r = WalletService::checkAmount(value);
    if (expected < 0) {
        QCOMPARE_ERROR(r, ErrorCode::InvalidAmount);
    } else {
        QVERIFY_RESULT(r);
        QCOMPARE(*r, expected);
    }
}

void TestWalletService::historyNewestFirst()
{
    TestEngine t;
    const qint64 amounts[] = {100, 2'000, 30'000};
    QList<qint64> times;
    for (qint64 a : amounts) {
        t.clock.advanceSeconds(60);
        times << t.clock.nowMs();
        QVERIFY_RESULT(t->wallet.charge(8, a));
    }
    QVERIFY_RESULT(t->wallet.charge(9, 777)); // someone else's
    auto h = t->wallet.history(8);
    QVERIFY_RESULT(h);
    QCOMPARE(h->size(), 3);
    QCOMPARE(h->at(0).amount, 30'000);
    QCOMPARE(h->at(0).balanceAfter, 32'100);
    QCOMPARE(h->at(0).atMs, times[2]);
    QCOMPARE(h->at(1).amount, 2'000);
    QCOMPARE(h->at(1).balanceAfter, 2'100);
    QCOMPARE(h->at(1).atMs, times[1]);
    QCOMPARE(h->at(2).amount, 100);
    QCOMPARE(h->at(2).balanceAfter, 100);
    QCOMPARE(h->at(2).atMs, times[0]);
    for (const auto& e : *h)
        QCOMPARE(e.kind, LedgerKind::Charge);
    auto limited = t->wallet.history(8, 2);
    QVERIFY_RESULT(limited);
    QCOMPARE(limited->size(), 2);
    QCOMPARE(limited->first().amount, 30'000);
    auto empty = t->wallet.history(10);
    QVERIFY_RESULT(empty);
    QVERIFY(empty->isEmpty());
}

QTEST_GUILESS_MAIN(TestWalletService)
#include "tst_walletservice.moc"
