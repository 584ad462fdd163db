// Ticket signing keys (design K2): a terminal's private key in a file only its user can read,
// from the first instant; files that others can read or that hold anything but an Ed25519 key
// refused; one key when several threads or processes start at once; the public halves in the
// database and in an exported list, and nothing of a private key in any copy of the database.

#include "sales/TicketCode.h"
#include "sales/TicketKeys.h"
#include "storage/TicketKeyRepository.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sys/stat.h>
#include <thread>

using namespace boxoffice;
using namespace boxoffice::test;

namespace {

const char kChildEnv[] = "BOXOFFICE_TEST_TICKET_KEY_CHILD";

int modeOf(const QString& path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

void writeFile(const QString& path, const QByteArray& data, int mode = 0600)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
    f.close();
    ::chmod(QFile::encodeName(path).constData(), mode_t(mode));
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// PEM text of an OpenSSL key, optionally encrypted with a passphrase.
QByteArray pemOf(EVP_PKEY* key, bool encrypted = false, bool publicOnly = false)
{
    BIO* bio = BIO_new(BIO_s_mem());
    static char pass[] = "secret";
    if (publicOnly)
        PEM_write_bio_PUBKEY(bio, key);
    else
        PEM_write_bio_PrivateKey(bio, key, encrypted ? EVP_aes_256_cbc() : nullptr,
                                 encrypted ? reinterpret_cast<unsigned char*>(pass) : nullptr,
                                 encrypted ? 6 : 0, nullptr, nullptr);
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    QByteArray pem(data, size);
    BIO_free(bio);
    return pem;
}

EVP_PKEY* generated(const char* type)
{
    if (QByteArrayView(type) == "EC")
        return EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    return EVP_PKEY_Q_keygen(nullptr, nullptr, type);
}

// The 32 raw private bytes of the Ed25519 key in a PEM file, read by OpenSSL directly.
QByteArray rawPrivateKey(const QString& path)
{
    const QByteArray pem = readFile(path);
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    QByteArray raw(32, '\0');
    size_t size = 32;
    if (!key ||
        EVP_PKEY_get_raw_private_key(key, reinterpret_cast<unsigned char*>(raw.data()), &size) != 1)
        qFatal("cannot read the private key back");
    EVP_PKEY_free(key);
    return raw;
}

QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

class TestTicketKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createdOwnerOnlyWhateverTheUmask();
    void reloadGivesTheSameKey();
    void missingFolderIsMade();
    void keyIdIsSha256OfThePublicKey();
    void signAndVerify();
    void readableByOthersIsRefused_data();
    void readableByOthersIsRefused();
    void notAnEd25519KeyIsRefused_data();
    void notAnEd25519KeyIsRefused();
    void concurrentThreadsGetOneKey();
    void concurrentProcessesGetOneKey();
    void trainingKeyIsSeparate();
    void keyListRoundTrip();
    void keyListRefusesTampering_data();
    void keyListRefusesTampering();
    void registeredAndExportedFromTheDatabase();
    void registrationConflictsAreRefused();
    void databaseHoldsNoPrivateKey();

private:
    QTemporaryDir m_dir;
};

void TestTicketKeys::createdOwnerOnlyWhateverTheUmask()
{
    // umask 0 would make a plainly created file world-readable; the key file never is.
    const mode_t old = ::umask(0);
    const QString path = m_dir.filePath(QStringLiteral("umask0/ticket-key.pem"));
    const auto key = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
    ::umask(old);
    QVERIFY_RESULT(key);
    QCOMPARE(modeOf(path), 0600);
    QVERIFY(readFile(path).startsWith("-----BEGIN PRIVATE KEY-----"));
    // Nothing but the key is left behind (no temporary file).
    QCOMPARE(filesIn(m_dir.filePath(QStringLiteral("umask0"))),
             QStringList{QStringLiteral("ticket-key.pem")});
}

void TestTicketKeys::reloadGivesTheSameKey()
{
    const QString path = m_dir.filePath(QStringLiteral("reload.pem"));
    const auto first = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
    QVERIFY_RESULT(first);
    const QByteArray contents = readFile(path);
    const auto again = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
    QVERIFY_RESULT(again);
    QCOMPARE(again->id(), first->id());
    QCOMPARE(again->publicKey().raw(), first->publicKey().raw());
    QCOMPARE(readFile(path), contents); // loading never rewrites it
    const auto loaded = TicketSigningKey::load(path, TicketMode::Real);
    QVERIFY_RESULT(loaded);
    QCOMPARE(loaded->id(), first->id());
    // load() alone does not make a key.
    const auto missing =
        TicketSigningKey::load(m_dir.filePath(QStringLiteral("none.pem")), TicketMode::Real);
    QCOMPARE_ERROR(missing, ErrorCode::BadRequest);
    QVERIFY(missing.error().korean.contains(QStringLiteral("열 수 없습니다")));
    QVERIFY(missing.error().english.contains(QLatin1String("cannot open")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pem"))));
}

void TestTicketKeys::missingFolderIsMade()
{
    const QString path = m_dir.filePath(QStringLiteral("a/b/c/key.pem"));
    QVERIFY_RESULT(TicketSigningKey::loadOrCreate(path, TicketMode::Real));
    QCOMPARE(modeOf(path), 0600);
}

void TestTicketKeys::keyIdIsSha256OfThePublicKey()
{
    const auto key = TicketSigningKey::generate(TicketMode::Real);
    QVERIFY_RESULT(key);
    QCOMPARE(key->publicKey().raw().size(), 32);
    const QByteArray digest =
        QCryptographicHash::hash(key->publicKey().raw(), QCryptographicHash::Sha256);
    QCOMPARE(key->id().toHex(), QString::fromLatin1(digest.left(8).toHex()));
    QVERIFY(TicketKeyId::fromHex(key->id().toHex()) == key->id());
    QVERIFY(!TicketKeyId::fromHex(key->id().toHex().toUpper()));
    QVERIFY(!TicketKeyId::fromHex(key->id().toHex().left(15)));
    // Two keys, two ids.
    QVERIFY(TicketSigningKey::generate(TicketMode::Real)->id() != key->id());
}

void TestTicketKeys::signAndVerify()
{
    const QString path = m_dir.filePath(QStringLiteral("sign.pem"));
    const auto key = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
    QVERIFY_RESULT(key);
    const auto sig = key->sign("message");
    QVERIFY_RESULT(sig);
    QCOMPARE(sig->size(), 64);
    QVERIFY(key->publicKey().verify("message", *sig));
    QVERIFY(!key->publicKey().verify("messagE", *sig));
    QVERIFY(!key->publicKey().verify("message", sig->left(63)));
    // The key read back from its file signs the same (Ed25519 is deterministic).
    QCOMPARE(*TicketSigningKey::load(path, TicketMode::Real)->sign("message"), *sig);
}

void TestTicketKeys::readableByOthersIsRefused_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644") << 0644;
    QTest::newRow("0640 group") << 0640;
    QTest::newRow("0604 others") << 0604;
    QTest::newRow("0620 group write") << 0620;
    QTest::newRow("0666") << 0666;
}

void TestTicketKeys::readableByOthersIsRefused()
{
    QFETCH(int, mode);
    const QString path = m_dir.filePath(QStringLiteral("open-%1.pem").arg(mode, 0, 8));
    QVERIFY_RESULT(TicketSigningKey::loadOrCreate(path, TicketMode::Real));
    const QByteArray contents = readFile(path);
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(mode)), 0);
    for (const auto& r : {TicketSigningKey::load(path, TicketMode::Real),
                          TicketSigningKey::loadOrCreate(path, TicketMode::Real)}) {
        QCOMPARE_ERROR(r, ErrorCode::BadRequest);
        QVERIFY2(r.error().english.contains(path), qPrintable(r.error().english));
        QVERIFY2(r.error().english.contains(QLatin1String("chmod 600")),
                 qPrintable(r.error().english));
        QVERIFY(r.error().korean.contains(QLatin1String("chmod 600")));
    }
    // Refused, not repaired or replaced: the owner decides.
    QCOMPARE(readFile(path), contents);
    QCOMPARE(modeOf(path), mode);
    // Owner-only again, and it loads.
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), 0600), 0);
    QVERIFY_RESULT(TicketSigningKey::load(path, TicketMode::Real));
}

void TestTicketKeys::notAnEd25519KeyIsRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    EVP_PKEY* ed = generated("ED25519");
    EVP_PKEY* ec = generated("EC");
    EVP_PKEY* x = generated("X25519");
    const QByteArray good = pemOf(ed);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("text") << QByteArray("not a key\n");
    QTest::newRow("binary") << QByteArray(300, '\xfe');
    QTest::newRow("truncated PEM") << good.left(good.size() / 2);
    QTest::newRow("public key only") << pemOf(ed, false, true);
    QTest::newRow("encrypted Ed25519") << pemOf(ed, true);
    QTest::newRow("EC P-256") << pemOf(ec);
    QTest::newRow("X25519") << pemOf(x);
    QTest::newRow("too large") << QByteArray(70 * 1024, 'A');
    EVP_PKEY_free(ed);
    EVP_PKEY_free(ec);
    EVP_PKEY_free(x);
}

void TestTicketKeys::notAnEd25519KeyIsRefused()
{
    QFETCH(QByteArray, contents);
    const QString path = m_dir.filePath(
        QStringLiteral("bad-%1.pem").arg(QString::fromLatin1(QTest::currentDataTag())));
    writeFile(path, contents);
    // The encrypted key must not stop to ask for a passphrase: stdin is closed here anyway,
    // and the answer is a refusal, not a prompt.
    for (const auto& r : {TicketSigningKey::load(path, TicketMode::Real),
                          TicketSigningKey::loadOrCreate(path, TicketMode::Real)}) {
        QCOMPARE_ERROR(r, ErrorCode::BadRequest);
        QVERIFY(r.error().english.contains(path));
    }
    QCOMPARE(readFile(path), contents); // never overwritten by a new key
}

void TestTicketKeys::concurrentThreadsGetOneKey()
{
    const QString path = m_dir.filePath(QStringLiteral("threads/key.pem"));
    constexpr int kThreads = 8;
    std::vector<QString> ids(kThreads);
    std::vector<std::thread> threads;
    std::atomic<bool> go{false};
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, i] {
            while (!go.load())
                std::this_thread::yield();
            const auto k = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
            ids[size_t(i)] = k ? k->id().toHex() : QStringLiteral("error: ") + k.error().english;
        });
    }
    go = true;
    for (auto& t : threads)
        t.join();
    const auto onDisk = TicketSigningKey::load(path, TicketMode::Real);
    QVERIFY_RESULT(onDisk);
    for (const QString& id : ids)
        QCOMPARE(id, onDisk->id().toHex());
    QCOMPARE(filesIn(m_dir.filePath(QStringLiteral("threads"))),
             QStringList{QStringLiteral("key.pem")});
}

void TestTicketKeys::concurrentProcessesGetOneKey()
{
    // Several terminals started at once on one data folder (a kiosk's boot): separate
    // processes, one key.
    const QString path = m_dir.filePath(QStringLiteral("processes/key.pem"));
    constexpr int kProcesses = 6;
    std::vector<std::unique_ptr<QProcess>> children;
    for (int i = 0; i < kProcesses; ++i) {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kChildEnv), path);
        p->setProcessEnvironment(env);
        p->start(QCoreApplication::applicationFilePath(), {});
        children.push_back(std::move(p));
    }
    QStringList ids;
    for (auto& p : children) {
        QVERIFY(p->waitForFinished(30000));
        QCOMPARE(p->exitCode(), 0);
        ids << QString::fromLatin1(p->readAllStandardOutput().trimmed());
    }
    const auto onDisk = TicketSigningKey::load(path, TicketMode::Real);
    QVERIFY_RESULT(onDisk);
    QCOMPARE(ids, QStringList(kProcesses, onDisk->id().toHex()));
    QCOMPARE(filesIn(m_dir.filePath(QStringLiteral("processes"))),
             QStringList{QStringLiteral("key.pem")});
}

void TestTicketKeys::trainingKeyIsSeparate()
{
    QVERIFY(TicketSigningKey::defaultPath(TicketMode::Real) !=
            TicketSigningKey::defaultPath(TicketMode::Training));
    QVERIFY(
        TicketSigningKey::defaultPath(TicketMode::Real).endsWith(QLatin1String("/ticket-key.pem")));
    const auto training = TicketSigningKey::generate(TicketMode::Training);
    QVERIFY_RESULT(training);
    QCOMPARE(training->mode(), TicketMode::Training);
}

void TestTicketKeys::keyListRoundTrip()
{
    const auto real = TicketSigningKey::generate(TicketMode::Real);
    const auto training = TicketSigningKey::generate(TicketMode::Training);
    TicketKeySet set;
    QVERIFY_RESULT(
        set.add({real->publicKey(), TicketMode::Real, QStringLiteral("매표소-1"), kStartMs}));
    QVERIFY_RESULT(set.add(
        {training->publicKey(), TicketMode::Training, QStringLiteral("class"), kStartMs + 1}));
    // The same key twice is one key.
    QVERIFY_RESULT(set.add({real->publicKey(), TicketMode::Real, QStringLiteral("again"), 0}));
    QCOMPARE(set.keys().size(), 2);

    const QString path = m_dir.filePath(QStringLiteral("keys.json"));
    QVERIFY_RESULT(set.writeFile(path));
    const auto back = TicketKeySet::readFile(path);
    QVERIFY_RESULT(back);
    QCOMPARE(back->keys().size(), 2);
    const TicketKeyInfo* r = back->find(real->id());
    const TicketKeyInfo* t = back->find(training->id());
    QVERIFY(r && t);
    QCOMPARE(r->key.raw(), real->publicKey().raw());
    QCOMPARE(r->mode, TicketMode::Real);
    QCOMPARE(r->terminal, QStringLiteral("매표소-1"));
    QCOMPARE(r->createdAtMs, kStartMs);
    QCOMPARE(t->mode, TicketMode::Training);

    // A code signed by the real key verifies against the list read back; the training one only
    // in training.
    TicketPayload p{1, 2, 3, QStringLiteral("A-1-1"), 1, real->id(), false};
    QVERIFY_RESULT(TicketCode::verify(*TicketCode::sign(p, *real), *back));
    p.keyId = training->id();
    p.training = true;
    const QString trainingCode = *TicketCode::sign(p, *training);
    QCOMPARE_ERROR(TicketCode::verify(trainingCode, *back), ErrorCode::TicketInvalid);
    QVERIFY_RESULT(TicketCode::verify(trainingCode, *back, TicketMode::Training));
}

void TestTicketKeys::keyListRefusesTampering_data()
{
    QTest::addColumn<QByteArray>("json");
    const auto a = TicketSigningKey::generate(TicketMode::Real);
    const auto b = TicketSigningKey::generate(TicketMode::Real);
    TicketKeySet set;
    (void)set.add({a->publicKey(), TicketMode::Real, QStringLiteral("t"), 0});
    const QByteArray good = set.toJson();
    const QByteArray aId = a->id().toHex().toLatin1();
    const QByteArray aPub = a->publicKey().raw().toBase64(QByteArray::Base64UrlEncoding |
                                                          QByteArray::OmitTrailingEquals);
    QTest::newRow("not JSON") << QByteArray("{");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("other format") << QByteArray(good).replace("boxoffice-ticket-keys", "x");
    QTest::newRow("version 2") << QByteArray(good).replace("\"version\": 1", "\"version\": 2");
    QTest::newRow("keys not a list")
        << QByteArray(R"({"format":"boxoffice-ticket-keys","version":1,"keys":{}})");
    QTest::newRow("another key's id") << QByteArray(good).replace(aId, b->id().toHex().toLatin1());
    QTest::newRow("uppercase id") << QByteArray(good).replace(aId, aId.toUpper());
    QTest::newRow("other algorithm") << QByteArray(good).replace("Ed25519", "RSA");
    QTest::newRow("short key") << QByteArray(good).replace(aPub, aPub.left(40));
    QTest::newRow("padded key") << QByteArray(good).replace(aPub, aPub + "=");
    QTest::newRow("standard base64 key") << QByteArray(good).replace(aPub, aPub + "+");
    QTest::newRow("training missing")
        << QByteArray(good).replace("\"training\": false", "\"training\": \"no\"");
    QTest::newRow("huge") << QByteArray(5 * 1024 * 1024, ' ');
}

void TestTicketKeys::keyListRefusesTampering()
{
    QFETCH(QByteArray, json);
    QCOMPARE_ERROR(TicketKeySet::fromJson(json), ErrorCode::BadRequest);
}

void TestTicketKeys::registeredAndExportedFromTheDatabase()
{
    TestEngine t(EngineSettings{}, false);
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    const auto door = TicketSigningKey::generate(TicketMode::Real);
    const auto office = TicketSigningKey::generate(TicketMode::Real);
    QVERIFY_RESULT(TicketKeyRepository::registerKey(**conn, *door, QStringLiteral("door"), 5));
    QVERIFY_RESULT(TicketKeyRepository::registerKey(**conn, *door, QStringLiteral("door"), 6));
    QVERIFY_RESULT(TicketKeyRepository::registerKey(**conn, *office, QStringLiteral("office"), 7));
    QCOMPARE(scalar(*t->db, QStringLiteral("SELECT COUNT(*) FROM ticket_keys")).toInt(), 2);

    auto keys = TicketKeyRepository::validKeys(**conn);
    QVERIFY_RESULT(keys);
    QCOMPARE(keys->keys().size(), 2);
    QCOMPARE(keys->find(door->id())->key.raw(), door->publicKey().raw());
    QCOMPARE(keys->find(door->id())->createdAtMs, qint64(5)); // the first registration
    QCOMPARE(keys->find(office->id())->terminal, QStringLiteral("office"));

    // Exported and read back, the list checks codes with no database.
    const auto exported = TicketKeySet::fromJson(keys->toJson());
    QVERIFY_RESULT(exported);
    TicketPayload p{9, 8, 7, QStringLiteral("12"), 1, office->id(), false};
    QVERIFY_RESULT(TicketCode::verify(*TicketCode::sign(p, *office), *exported));

    // A revoked key is no longer valid; revoking twice changes nothing.
    QVERIFY(TicketKeyRepository::revoke(**conn, office->id(), 10).value_or(false));
    const auto again = TicketKeyRepository::revoke(**conn, office->id(), 11);
    QVERIFY_RESULT(again);
    QVERIFY(!*again);
    keys = TicketKeyRepository::validKeys(**conn);
    QVERIFY_RESULT(keys);
    QCOMPARE(keys->keys().size(), 1);
    QVERIFY(!keys->find(office->id()));
    QCOMPARE_ERROR(TicketCode::verify(*TicketCode::sign(p, *office), *keys),
                   ErrorCode::TicketInvalid);
}

void TestTicketKeys::registrationConflictsAreRefused()
{
    TestEngine t(EngineSettings{}, false);
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    const QString path = m_dir.filePath(QStringLiteral("conflict.pem"));
    const auto real = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
    QVERIFY_RESULT(real);
    QVERIFY_RESULT(TicketKeyRepository::registerKey(**conn, *real, QStringLiteral("a"), 1));
    // The same file pointed at as the training key: refused, so no real key ever signs
    // tickets marked as training in the same database, and the reverse.
    const auto asTraining = TicketSigningKey::load(path, TicketMode::Training);
    QVERIFY_RESULT(asTraining);
    QCOMPARE_ERROR(TicketKeyRepository::registerKey(**conn, *asTraining, QStringLiteral("a"), 2),
                   ErrorCode::BadRequest);
    // Another public key stored under this key's id (a corrupted or tampered row).
    const auto other = TicketSigningKey::generate(TicketMode::Real);
    QVERIFY(
        (*conn)->tryRun(QStringLiteral("UPDATE ticket_keys SET public_key = ? WHERE key_id = ?"),
                        {QString::fromLatin1(other->publicKey().raw().toBase64(
                             QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)),
                         real->id().toHex()}));
    QCOMPARE_ERROR(TicketKeyRepository::registerKey(**conn, *real, QStringLiteral("a"), 3),
                   ErrorCode::BadRequest);
    QCOMPARE_ERROR(TicketKeyRepository::validKeys(**conn), ErrorCode::StorageCorrupt);
}

void TestTicketKeys::databaseHoldsNoPrivateKey()
{
    TestEngine t;
    auto conn = t->db->connection();
    QVERIFY_RESULT(conn);
    const QString path = m_dir.filePath(QStringLiteral("copy.pem"));
    const auto key = TicketSigningKey::loadOrCreate(path, TicketMode::Real);
    QVERIFY_RESULT(key);
    QVERIFY_RESULT(TicketKeyRepository::registerKey(**conn, *key, QStringLiteral("door"), 1));

    const QByteArray priv = rawPrivateKey(path);
    const QByteArray pem = readFile(path);
    // Every spelling the private key could be stored in.
    const QList<QByteArray> secrets = {
        priv,
        priv.toHex(),
        priv.toHex().toUpper(),
        priv.toBase64(),
        priv.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals),
        pem.split('\n').value(1), // the PKCS#8 body's base64 line
        QByteArray("PRIVATE KEY"),
    };
    const QByteArray pub = key->publicKey().raw().toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals);
    QByteArray everything;
    if (!t.isPostgres()) {
        // The copy someone would take: the files on disk, WAL included.
        QVERIFY((*conn)->runOnce(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")));
        everything = readFile(t.path()) + readFile(t.path() + QStringLiteral("-wal"));
    } else {
        // A dump: every column of every table in the schema, as text.
        QStringList columns;
        auto q = (*conn)->tryRun(
            QStringLiteral("SELECT table_name, column_name FROM information_schema.columns"
                           " WHERE table_schema = ? ORDER BY table_name, ordinal_position"),
            {t.schema()});
        QVERIFY(q);
        while (q->next())
            columns << q->str(0) + u'.' + q->str(1);
        QVERIFY(columns.contains(QStringLiteral("ticket_keys.public_key")));
        for (const QString& c : columns) {
            const QStringList parts = c.split(u'.');
            auto rows = (*conn)->tryRun(QStringLiteral("SELECT CAST(\"%2\" AS TEXT) FROM %1")
                                            .arg(parts.at(0), parts.at(1)));
            QVERIFY(rows);
            while (rows->next())
                everything += rows->str(0).toUtf8() + '\n';
        }
    }
    // The scan sees what is there: the public key is found.
    QVERIFY(everything.contains(pub));
    for (const QByteArray& s : secrets)
        QVERIFY2(!everything.contains(s), s.constData());
}

int main(int argc, char** argv)
{
    // A child of concurrentProcessesGetOneKey: make or load the key and print its id.
    if (const QByteArray path = qgetenv(kChildEnv); !path.isEmpty()) {
        QCoreApplication app(argc, argv);
        const auto key = TicketSigningKey::loadOrCreate(QFile::decodeName(path), TicketMode::Real);
        if (!key) {
            fprintf(stderr, "%s\n", qPrintable(key.error().english));
            return 1;
        }
        printf("%s\n", qPrintable(key->id().toHex()));
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestTicketKeys test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ticketkeys.moc"
