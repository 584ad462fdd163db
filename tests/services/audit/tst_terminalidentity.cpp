// TerminalIdentity: a program instance's name, kept in its data folder (design K2, R5).

#include "audit/TerminalIdentity.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QSet>
#include <QTest>

#include <latch>
#include <mutex>
#include <thread>

using namespace boxoffice;

class TestTerminalIdentity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void madeOnceThenKept();
    void foldersAreTerminals();
    void concurrentStartsAgree();
    void damagedFileIsRefused();
    void validNames();
};

void TestTerminalIdentity::madeOnceThenKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/terminal-id"));
    const auto first = TerminalIdentity::loadOrCreate(path);
    QVERIFY_RESULT(first);
    QVERIFY(TerminalIdentity::isValidName(*first));
    QVERIFY(QFile::exists(path));
    const auto again = TerminalIdentity::loadOrCreate(path);
    QVERIFY_RESULT(again);
    QCOMPARE(*again, *first);
    // No temporary file is left beside it.
    QCOMPARE(QDir(dir.filePath(QStringLiteral("sub"))).entryList(QDir::Files),
             QStringList{QStringLiteral("terminal-id")});
}

void TestTerminalIdentity::foldersAreTerminals()
{
    QTemporaryDir a, b;
    const auto one = TerminalIdentity::loadOrCreate(a.filePath(QStringLiteral("terminal-id")));
    const auto two = TerminalIdentity::loadOrCreate(b.filePath(QStringLiteral("terminal-id")));
    QVERIFY_RESULT(one);
    QVERIFY_RESULT(two);
    QVERIFY(*one != *two);
}

void TestTerminalIdentity::concurrentStartsAgree()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("terminal-id"));
    constexpr int kThreads = 16;
    std::latch start(kThreads);
    std::mutex m;
    QSet<QString> names;
    int failures = 0;
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            start.arrive_and_wait();
            const auto name = TerminalIdentity::loadOrCreate(path);
            std::lock_guard lock(m);
            if (name)
                names.insert(*name);
            else
                ++failures;
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures, 0);
    QCOMPARE(names.size(), 1);
}

void TestTerminalIdentity::damagedFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("terminal-id"));
    for (const QByteArray& content :
         {QByteArray(), QByteArray("two words\n"), QByteArray(100, 'a'), QByteArray("a/b")}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        const auto name = TerminalIdentity::loadOrCreate(path);
        QCOMPARE_ERROR(name, ErrorCode::BadRequest);
        QVERIFY(name.error().english.contains(path));
        QVERIFY(name.error().korean.contains(path));
        // Left as it was for a person to look at, not replaced.
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), content);
    }
}

void TestTerminalIdentity::validNames()
{
    QVERIFY(TerminalIdentity::isValidName(u"counter-pc-3f9a1c2e"));
    QVERIFY(TerminalIdentity::isValidName(u"a.b_c"));
    QVERIFY(!TerminalIdentity::isValidName(u""));
    QVERIFY(!TerminalIdentity::isValidName(u"매표소"));
    QVERIFY(!TerminalIdentity::isValidName(u"a b"));
    QVERIFY(!TerminalIdentity::isValidName(QString(65, u'a')));
}

QTEST_GUILESS_MAIN(TestTerminalIdentity)
#include "tst_terminalidentity.moc"
