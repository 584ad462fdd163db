// The ticket commands of the boxoffice executable (design K2, K6): --export-ticket-keys writes
// the database's valid public keys; --verify-ticket checks a code against such a file with no
// database at all (exit 0 valid, 1 not, 2 for a bad command line or key file). Also the ticket
// options' parsing and the after-sale errors' HTTP statuses.

#include "BoxofficeProcess.h"
#include "CommandLine.h"
#include "Launcher.h"
#include "http/ApiResponse.h"
#include "sales/TicketCode.h"
#include "storage/TicketKeyRepository.h"
#include "support/TestSupport.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

class TestTicketCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void optionsParsed();
    void invalidCombinations_data();
    void invalidCombinations();
    void ticketCommandsNeedNoWindow();
    void httpStatuses();
    void exportWritesTheValidKeys();
    void exportIntoAMissingFolderFails();
    void verifyValidCode();
    void verifyRefusesTamperedAndTraining();
    void verifyNeedsAReadableKeyList();
    void invalidCommandLineExits2();

private:
    // Runs boxoffice with its data folders inside m_home, so nothing of the user's is read or
    // written and anything it creates can be seen.
    Run boxoffice(const QStringList& arguments);
    QStringList filesUnderHome() const;
    // A database with two registered keys, one revoked; the list exported from it.
    void exportKeys(TestEngine& t, const QString& file);

    std::unique_ptr<QTemporaryDir> m_home;
    std::optional<TicketSigningKey> m_key;
    std::optional<TicketSigningKey> m_revoked;
    std::optional<TicketSigningKey> m_training;
};

QStringList argv(const QStringList& options)
{
    return QStringList{QStringLiteral("boxoffice")} + options;
}

void TestTicketCommands::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

Run TestTicketCommands::boxoffice(const QStringList& arguments)
{
    const BoxofficeRun r = runBoxoffice(arguments, m_home->path());
    return Run{r.crashed ? -1 : r.exitCode, QString::fromUtf8(r.out), QString::fromUtf8(r.err)};
}

QStringList TestTicketCommands::filesUnderHome() const
{
    QStringList files;
    QDirIterator it(m_home->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

void TestTicketCommands::exportKeys(TestEngine& t, const QString& file)
{
    m_key = *TicketSigningKey::generate(TicketMode::Real);
    m_revoked = *TicketSigningKey::generate(TicketMode::Real);
    m_training = *TicketSigningKey::generate(TicketMode::Training);
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    QVERIFY_RESULT(
        TicketKeyRepository::registerKey(**conn, *m_key, QStringLiteral("매표소-1"), kStartMs));
    QVERIFY_RESULT(
        TicketKeyRepository::registerKey(**conn, *m_revoked, QStringLiteral("old"), kStartMs));
    QVERIFY_RESULT(
        TicketKeyRepository::registerKey(**conn, *m_training, QStringLiteral("class"), kStartMs));
    QVERIFY_RESULT(TicketKeyRepository::revoke(**conn, m_revoked->id(), kStartMs + 1));
    const Run r = boxoffice(
        {QStringLiteral("--export-ticket-keys"), file, QStringLiteral("--database"), t.location()});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("2 ticket key(s)")), qPrintable(r.out));
}

void TestTicketCommands::optionsParsed()
{
    auto o = parseCommandLine(argv({QStringLiteral("--verify-ticket"), QStringLiteral("BO1.x\n"),
                                    QStringLiteral("--ticket-keys"), QStringLiteral("k.json")}));
    QVERIFY2(o, qPrintable(o.error()));
    QVERIFY(o->verifyTicketSet);
    QCOMPARE(o->verifyTicket, QStringLiteral("BO1.x")); // a scanner's newline dropped
    QCOMPARE(o->ticketKeysFile, QStringLiteral("k.json"));
    o = parseCommandLine(
        argv({QStringLiteral("--verify-ticket=BO1.y"), QStringLiteral("--ticket-keys=k.json")}));
    QVERIFY2(o, qPrintable(o.error()));
    QCOMPARE(o->verifyTicket, QStringLiteral("BO1.y"));
    o = parseCommandLine(argv({QStringLiteral("--export-ticket-keys"), QStringLiteral("out.json"),
                               QStringLiteral("--ticket-key"), QStringLiteral("/k/t.pem")}));
    QVERIFY2(o, qPrintable(o.error()));
    QCOMPARE(o->exportTicketKeysFile, QStringLiteral("out.json"));
    QCOMPARE(o->ticketKeyFile, QStringLiteral("/k/t.pem"));
    QVERIFY(!o->verifyTicketSet);
    o = parseCommandLine(argv({}));
    QVERIFY(o);
    QVERIFY(o->ticketKeyFile.isEmpty() && !o->verifyTicketSet && o->exportTicketKeysFile.isEmpty());
    QVERIFY(!runTicketCommand(*o));
    // The key file: the option, else the default of its mode.
    QCOMPARE(ticketKeyPath(*o, TicketMode::Real), TicketSigningKey::defaultPath(TicketMode::Real));
    o->ticketKeyFile = QStringLiteral("/k/t.pem");
    QCOMPARE(ticketKeyPath(*o, TicketMode::Training), QStringLiteral("/k/t.pem"));
}

void TestTicketCommands::invalidCombinations_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("names");
    const QString verify = QStringLiteral("--verify-ticket");
    const QString keys = QStringLiteral("--ticket-keys");
    QTest::newRow("verify without keys")
        << QStringList{verify, QStringLiteral("BO1.x")} << "--verify-ticket";
    QTest::newRow("keys without verify")
        << QStringList{keys, QStringLiteral("k.json")} << "--ticket-keys";
    QTest::newRow("verify with a database") << QStringList{verify,
                                                           QStringLiteral("c"),
                                                           keys,
                                                           QStringLiteral("k"),
                                                           QStringLiteral("--database"),
                                                           QStringLiteral("x.sqlite")}
                                            << "--verify-ticket";
    QTest::newRow("verify with serve")
        << QStringList{verify, QStringLiteral("c"), keys, QStringLiteral("k"),
                       QStringLiteral("--serve")}
        << "--verify-ticket";
    QTest::newRow("verify and export") << QStringList{verify,
                                                      QStringLiteral("c"),
                                                      keys,
                                                      QStringLiteral("k"),
                                                      QStringLiteral("--export-ticket-keys"),
                                                      QStringLiteral("o")}
                                       << "--verify-ticket";
    QTest::newRow("export with check")
        << QStringList{QStringLiteral("--export-ticket-keys"), QStringLiteral("o"),
                       QStringLiteral("--check")}
        << "--export-ticket-keys";
    QTest::newRow("empty export file")
        << QStringList{QStringLiteral("--export-ticket-keys"), QStringLiteral(" ")}
        << "--export-ticket-keys";
    QTest::newRow("empty key file")
        << QStringList{QStringLiteral("--ticket-key"), QString()} << "--ticket-key";
    QTest::newRow("verify without a value") << QStringList{verify} << "verify-ticket";
}

void TestTicketCommands::invalidCombinations()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, names);
    const auto o = parseCommandLine(argv(arguments));
    QVERIFY2(!o, "accepted");
    QVERIFY2(o.error().contains(names), qPrintable(o.error()));
    QVERIFY(!o.error().contains(u'\n'));
}

void TestTicketCommands::ticketCommandsNeedNoWindow()
{
    for (const char* a : {"--verify-ticket", "--verify-ticket=BO1.x", "-verify-ticket",
                          "--export-ticket-keys", "--export-ticket-keys=f.json"})
        QVERIFY2(isTicketCommand({QStringLiteral("boxoffice"), QString::fromLatin1(a)}), a);
    for (const char* a :
         {"--ticket-keys", "--verify-tickets", "verify-ticket", "--serve", "--ticket-key=x"})
        QVERIFY2(!isTicketCommand({QStringLiteral("boxoffice"), QString::fromLatin1(a)}), a);
}

void TestTicketCommands::httpStatuses()
{
    // Design §9's table, code by code.
    const std::pair<ErrorCode, int> expected[] = {
        {ErrorCode::RefundClosed, 409},
        {ErrorCode::AlreadyRefunded, 409},
        {ErrorCode::NotPaid, 409},
        {ErrorCode::AlreadyCheckedIn, 409},
        {ErrorCode::TicketRevoked, 410},
        {ErrorCode::TicketInvalid, 422},
        {ErrorCode::TicketWrongSchedule, 409},
        {ErrorCode::StaffApiDisabled, 403},
        {ErrorCode::SeatsAvailable, 409},
        {ErrorCode::AlreadyOnWaitlist, 409},
        {ErrorCode::TicketNotFound, 404},
        {ErrorCode::PaymentNotFound, 404},
    };
    for (const auto& [code, status] : expected) {
        QCOMPARE(httpStatus(code), status);
        // And each has its own wire name and both messages.
        const Error e = Error::make(code);
        QVERIFY(!e.codeName().isEmpty());
        QVERIFY(!e.korean.isEmpty() && !e.english.isEmpty() && e.korean != e.english);
    }
    QCOMPARE(errorCodeName(ErrorCode::TicketWrongSchedule),
             QStringLiteral("TICKET_WRONG_SCHEDULE"));
    QCOMPARE(errorCodeName(ErrorCode::PaymentNotFound), QStringLiteral("PAYMENT_NOT_FOUND"));
}

void TestTicketCommands::exportWritesTheValidKeys()
{
    TestEngine t;
    const QString file = m_home->filePath(QStringLiteral("keys.json"));
    exportKeys(t, file);
    const auto keys = TicketKeySet::readFile(file);
    QVERIFY_RESULT(keys);
    QCOMPARE(keys->keys().size(), 2);
    QVERIFY(keys->find(m_key->id()));
    QVERIFY(keys->find(m_training->id()));
    QVERIFY(!keys->find(m_revoked->id())); // revoked keys are not handed to doors
    QCOMPARE(keys->find(m_key->id())->terminal, QStringLiteral("매표소-1"));
    QCOMPARE(keys->find(m_training->id())->mode, TicketMode::Training);
}

void TestTicketCommands::exportIntoAMissingFolderFails()
{
    TestEngine t;
    const Run r = boxoffice({QStringLiteral("--export-ticket-keys"),
                             m_home->filePath(QStringLiteral("no/such/folder/keys.json")),
                             QStringLiteral("--database"), t.location()});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("--export-ticket-keys")), qPrintable(r.err));
    // Nor from a database that does not exist: none is made.
    if (!t.isPostgres()) {
        const QString none = m_home->filePath(QStringLiteral("none.sqlite"));
        const Run n = boxoffice({QStringLiteral("--export-ticket-keys"),
                                 m_home->filePath(QStringLiteral("k.json")),
                                 QStringLiteral("--database"), none});
        QCOMPARE(n.exitCode, 1);
        QVERIFY2(n.err.contains(none), qPrintable(n.err));
        QVERIFY(!QFile::exists(none));
        QVERIFY(!QFile::exists(m_home->filePath(QStringLiteral("k.json"))));
    }
}

void TestTicketCommands::verifyValidCode()
{
    TestEngine t;
    const QString file = m_home->filePath(QStringLiteral("keys.json"));
    exportKeys(t, file);
    const TicketPayload p{77, 1234, 5, QStringLiteral("가-12-34"), 2, m_key->id(), false};
    const auto code = TicketCode::sign(p, *m_key);
    QVERIFY_RESULT(code);
    const QStringList before = filesUnderHome();
    const Run r = boxoffice(
        {QStringLiteral("--verify-ticket"), *code, QStringLiteral("--ticket-keys"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(r.out.startsWith(QLatin1String("ticket: VALID\n")));
    for (const QString& expected :
         {QStringLiteral("ticket id:      77"), QStringLiteral("reservation id: 1234"),
          QStringLiteral("schedule id:    5"), QStringLiteral("seat:           가-12-34"),
          QStringLiteral("issue:          2"), QStringLiteral("training:       no"),
          m_key->id().toHex()})
        QVERIFY2(r.out.contains(expected), qPrintable(expected + QStringLiteral(" in ") + r.out));
    // No database was opened or made: nothing new under the data folders.
    QCOMPARE(filesUnderHome(), before);
}

void TestTicketCommands::verifyRefusesTamperedAndTraining()
{
    TestEngine t;
    const QString file = m_home->filePath(QStringLiteral("keys.json"));
    exportKeys(t, file);
    const TicketPayload p{77, 1234, 5, QStringLiteral("A-1-1"), 1, m_key->id(), false};
    QString code = *TicketCode::sign(p, *m_key);
    code[code.size() - 10] = code.at(code.size() - 10) == u'A' ? u'B' : u'A';
    Run r =
        boxoffice({QStringLiteral("--verify-ticket"), code, QStringLiteral("--ticket-keys"), file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.startsWith(QLatin1String("ticket: INVALID BAD_SIGNATURE")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("유효하지 않은 티켓입니다")));

    // The revoked key's codes, and training tickets, are refused too.
    const TicketPayload old{78, 1235, 5, QStringLiteral("A-1-2"), 1, m_revoked->id(), false};
    r = boxoffice({QStringLiteral("--verify-ticket"), *TicketCode::sign(old, *m_revoked),
                   QStringLiteral("--ticket-keys"), file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("UNKNOWN_KEY")), qPrintable(r.out));
    const TicketPayload training{79, 1236, 5, QStringLiteral("A-1-3"), 1, m_training->id(), true};
    r = boxoffice({QStringLiteral("--verify-ticket"), *TicketCode::sign(training, *m_training),
                   QStringLiteral("--ticket-keys"), file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("WRONG_MODE")), qPrintable(r.out));
    r = boxoffice({QStringLiteral("--verify-ticket"), QStringLiteral("hello"),
                   QStringLiteral("--ticket-keys"), file});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("WRONG_PREFIX")), qPrintable(r.out));
}

void TestTicketCommands::verifyNeedsAReadableKeyList()
{
    const QString missing = m_home->filePath(QStringLiteral("none.json"));
    Run r = boxoffice({QStringLiteral("--verify-ticket"), QStringLiteral("BO1.x"),
                       QStringLiteral("--ticket-keys"), missing});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--ticket-keys")) && r.err.contains(missing),
             qPrintable(r.err));
    const QString garbage = m_home->filePath(QStringLiteral("garbage.json"));
    QFile f(garbage);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\":\"something else\"}");
    f.close();
    r = boxoffice({QStringLiteral("--verify-ticket"), QStringLiteral("BO1.x"),
                   QStringLiteral("--ticket-keys"), garbage});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("format")), qPrintable(r.err));
}

void TestTicketCommands::invalidCommandLineExits2()
{
    const Run r = boxoffice({QStringLiteral("--verify-ticket"), QStringLiteral("BO1.x")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err.count(u'\n'), 1);
    QVERIFY(r.err.contains(QLatin1String("--ticket-keys")));
    QVERIFY(filesUnderHome().isEmpty());
}

} // namespace

QTEST_GUILESS_MAIN(TestTicketCommands)
#include "tst_ticketcommands.moc"
