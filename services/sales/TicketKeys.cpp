#include "sales/TicketKeys.h"

#include "sales/TicketBase64.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace boxoffice {

namespace {

constexpr qint64 kMaxKeyFileBytes = 64 * 1024;
constexpr qint64 kMaxKeyListBytes = 4 * 1024 * 1024;
const char kKeyListFormat[] = "boxoffice-ticket-keys";

struct PkeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BioFree
{
    void operator()(BIO* b) const { BIO_free(b); }
};

std::shared_ptr<EVP_PKEY> share(EVP_PKEY* key)
{
    return std::shared_ptr<EVP_PKEY>(key, PkeyFree{});
}

// OpenSSL keeps failures on a per-thread queue; a failure handled here must not linger and be
// reported later by an unrelated call.
QString takeOpensslError()
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0)
        return QStringLiteral("(no OpenSSL error)");
    char text[256];
    ERR_error_string_n(e, text, sizeof text);
    return QString::fromLatin1(text);
}

// PEM_read_* would otherwise ask for a passphrase on the terminal: a door terminal that stops
// at start waiting for input is worse than a clear refusal.
int noPassphrase(char*, int, int, void*)
{
    return -1;
}

Error keyFileError(const QString& path, const QString& korean, const QString& english)
{
    return Error::make(ErrorCode::BadRequest,
                       QStringLiteral("티켓 서명 키 파일 %1: %2").arg(path, korean),
                       QStringLiteral("ticket signing key %1: %2").arg(path, english));
}

enum class FileStep { Open, Read, Create, Write };

Error keyFileIoError(const QString& path, FileStep step, int err)
{
    static const char* const korean[] = {"열 수 없습니다", "읽을 수 없습니다", "만들 수 없습니다",
                                         "쓸 수 없습니다"};
    static const char* const english[] = {"cannot open", "cannot read", "cannot create",
                                          "cannot write"};
    const QString why = QString::fromLocal8Bit(std::strerror(err));
    return keyFileError(path,
                        QStringLiteral("%1 (%2)").arg(QString::fromUtf8(korean[int(step)]), why),
                        QStringLiteral("%1 (%2)").arg(QLatin1String(english[int(step)]), why));
}

Error keyListError(const QString& why)
{
    return Error::make(ErrorCode::BadRequest,
                       QStringLiteral("티켓 공개 키 목록이 올바르지 않습니다: %1").arg(why),
                       QStringLiteral("The ticket key list is not valid: %1").arg(why));
}

// The contents of a private key file, refused (as ssh refuses such a key) unless it is a
// regular file of this user that nobody else may read or change. Checked on the open file, not
// the name, so the file read is the file checked.
Result<QByteArray> readOwnerOnlyFile(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return fail(keyFileIoError(path, FileStep::Open, errno));
    QFile f;
    if (!f.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return fail(keyFileIoError(path, FileStep::Read, EIO));
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0)
        return fail(keyFileIoError(path, FileStep::Read, errno));
    if (!S_ISREG(st.st_mode))
        return fail(keyFileError(path, QStringLiteral("일반 파일이 아닙니다"),
                                 QStringLiteral("is not a regular file")));
    if (st.st_uid != ::geteuid())
        return fail(keyFileError(path, QStringLiteral("이 사용자의 파일이 아닙니다"),
                                 QStringLiteral("is owned by another user")));
    if ((st.st_mode & 077) != 0) {
        const QString mode = QString::number(st.st_mode & 0777, 8).rightJustified(4, u'0');
        return fail(keyFileError(
            path,
            QStringLiteral("다른 사용자가 읽거나 바꿀 수 있습니다 (권한 %1). 본인만 읽을 수 "
                           "있어야 합니다: chmod 600 %2")
                .arg(mode, path),
            QStringLiteral("others can read or change it (mode %1); it must be its owner's "
                           "only: chmod 600 %2")
                .arg(mode, path)));
    }
    if (st.st_size > kMaxKeyFileBytes)
        return fail(keyFileError(path, QStringLiteral("키 파일이 아닙니다 (너무 큽니다)"),
                                 QStringLiteral("is not a key file (too large)")));
    return f.read(kMaxKeyFileBytes);
}

QByteArray toPem(EVP_PKEY* key)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new(BIO_s_mem()));
    if (!bio ||
        PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    QByteArray pem(data, size);
    OPENSSL_cleanse(data, size_t(size));
    return pem;
}

// Creates `path` holding `pem`, readable by its owner only from the first instant: the file is
// opened with mode 0600 and O_EXCL (the umask can only take bits away), filled and synced under
// a temporary name, then linked into place. link() fails rather than replacing an existing key,
// so of several processes starting at once exactly one key wins and nobody sees a half-written
// file. EEXIST: another process won; the caller loads its key.
Result<bool> createKeyFile(const QString& path, QByteArray pem)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return fail(keyFileError(path, QStringLiteral("폴더를 만들 수 없습니다"),
                                 QStringLiteral("cannot create its folder")));
    const QByteArray final = QFile::encodeName(info.absoluteFilePath());
    const QByteArray temp = final + ".tmp-" + QByteArray::number(::getpid()) + '-' +
                            QByteArray::number(QRandomGenerator::system()->generate64(), 16);
    const int fd =
        ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return fail(keyFileIoError(path, FileStep::Create, errno));
    bool written = false;
    {
        QFile f;
        written = f.open(fd, QIODevice::WriteOnly, QFileDevice::DontCloseHandle) &&
                  f.write(pem) == pem.size() && f.flush() && ::fsync(fd) == 0;
    }
    const int writeErrno = errno;
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    ::close(fd);
    if (!written) {
        ::unlink(temp.constData());
        return fail(keyFileIoError(path, FileStep::Write, writeErrno));
    }
    const int linked = ::link(temp.constData(), final.constData());
    const int linkErrno = errno;
    ::unlink(temp.constData());
    if (linked != 0 && linkErrno == EEXIST)
        return false;
    if (linked != 0)
        return fail(keyFileIoError(path, FileStep::Create, linkErrno));
    // The new name must survive a power cut as well as the contents.
    const QByteArray dir = QFile::encodeName(info.absolutePath());
    if (const int dfd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return true;
}

} // namespace

// ---- TicketKeyId ----

TicketKeyId TicketKeyId::of(QByteArrayView rawPublicKey)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    TicketKeyId id;
    if (EVP_Digest(rawPublicKey.data(), size_t(rawPublicKey.size()), digest, &size, EVP_sha256(),
                   nullptr) == 1 &&
        size >= kSize)
        std::copy_n(digest, kSize, id.bytes.begin());
    return id;
}

std::optional<TicketKeyId> TicketKeyId::fromBytes(QByteArrayView bytes)
{
    if (bytes.size() != kSize)
        return std::nullopt;
    TicketKeyId id;
    std::copy_n(reinterpret_cast<const quint8*>(bytes.data()), kSize, id.bytes.begin());
    return id;
}

std::optional<TicketKeyId> TicketKeyId::fromHex(QStringView hex)
{
    if (hex.size() != 2 * kSize)
        return std::nullopt;
    for (const QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return std::nullopt;
    }
    return fromBytes(QByteArray::fromHex(hex.toLatin1()));
}

QString TicketKeyId::toHex() const
{
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(bytes.data()), kSize).toHex());
}

// ---- TicketPublicKey ----

Result<TicketPublicKey> TicketPublicKey::fromRaw(QByteArrayView raw)
{
    if (raw.size() != kRawSize)
        return fail(keyListError(
            QStringLiteral("an Ed25519 public key is 32 bytes, not %1").arg(raw.size())));
    EVP_PKEY* key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                                reinterpret_cast<const unsigned char*>(raw.data()),
                                                size_t(raw.size()));
    if (!key)
        return fail(keyListError(takeOpensslError()));
    TicketPublicKey k;
    k.m_key = share(key);
    k.m_raw = raw.toByteArray();
    k.m_id = TicketKeyId::of(raw);
    return k;
}

bool TicketPublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (!m_key || signature.size() != kSignatureSize)
        return false;
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    const bool ok =
        ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) == 1 &&
        EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                         size_t(signature.size()),
                         reinterpret_cast<const unsigned char*>(message.data()),
                         size_t(message.size())) == 1;
    if (!ok)
        ERR_clear_error();
    return ok;
}

// ---- TicketSigningKey ----

QString TicketSigningKey::defaultPath(TicketMode mode)
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(mode == TicketMode::Training ? QStringLiteral("training-ticket-key.pem")
                                               : QStringLiteral("ticket-key.pem"));
}

Result<TicketSigningKey> TicketSigningKey::fromKey(std::shared_ptr<EVP_PKEY> key, TicketMode mode)
{
    unsigned char raw[TicketPublicKey::kRawSize];
    size_t size = sizeof raw;
    if (EVP_PKEY_get_raw_public_key(key.get(), raw, &size) != 1 || size != sizeof raw)
        return fail(Error::make(ErrorCode::StorageError).withInternal(takeOpensslError()));
    auto pub = BO_TRY(TicketPublicKey::fromRaw(
        QByteArrayView(reinterpret_cast<const char*>(raw), qsizetype(size))));
    return TicketSigningKey(std::move(key), std::move(pub), mode);
}

Result<TicketSigningKey> TicketSigningKey::generate(TicketMode mode)
{
    EVP_PKEY* key = nullptr;
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr);
    const bool ok = ctx && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_keygen(ctx, &key) == 1;
    EVP_PKEY_CTX_free(ctx);
    if (!ok) {
        EVP_PKEY_free(key);
        return fail(Error::make(ErrorCode::StorageError).withInternal(takeOpensslError()));
    }
    return fromKey(share(key), mode);
}

Result<TicketSigningKey> TicketSigningKey::load(const QString& path, TicketMode mode)
{
    QByteArray pem = BO_TRY(readOwnerOnlyFile(path));
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    EVP_PKEY* key =
        bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr) : nullptr;
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    if (!key) {
        ERR_clear_error();
        return fail(keyFileError(
            path, QStringLiteral("Ed25519 개인 키(암호 없는 PEM)가 들어 있지 않습니다"),
            QStringLiteral("does not hold an Ed25519 private key (unencrypted PEM)")));
    }
    auto shared = share(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_ED25519)
        return fail(keyFileError(path,
                                 QStringLiteral("Ed25519 키가 아닙니다 (다른 종류의 개인 키)"),
                                 QStringLiteral("holds another kind of private key, not Ed25519")));
    return fromKey(std::move(shared), mode);
}

Result<TicketSigningKey> TicketSigningKey::loadOrCreate(const QString& path, TicketMode mode)
{
    if (QFileInfo::exists(path))
        return load(path, mode);
    auto fresh = BO_TRY(generate(mode));
    const QByteArray pem = toPem(fresh.m_key.get());
    if (pem.isEmpty())
        return fail(Error::make(ErrorCode::StorageError).withInternal(takeOpensslError()));
    const bool created = BO_TRY(createKeyFile(path, pem));
    if (!created) // another process made it first: its key is the terminal's key
        return load(path, mode);
    return fresh;
}

Result<QByteArray> TicketSigningKey::sign(QByteArrayView message) const
{
    QByteArray signature(TicketPublicKey::kSignatureSize, Qt::Uninitialized);
    size_t size = size_t(signature.size());
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    const bool ok = ctx &&
                    EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, m_key.get()) == 1 &&
                    EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()),
                                   &size, reinterpret_cast<const unsigned char*>(message.data()),
                                   size_t(message.size())) == 1 &&
                    size == size_t(signature.size());
    if (!ok)
        return fail(Error::make(ErrorCode::StorageError).withInternal(takeOpensslError()));
    return signature;
}

// ---- TicketKeySet ----

Result<void> TicketKeySet::add(TicketKeyInfo info)
{
    if (const TicketKeyInfo* existing = find(info.key.id())) {
        if (existing->key.raw() == info.key.raw() && existing->mode == info.mode)
            return {};
        return fail(keyListError(
            QStringLiteral("two different keys have the id %1").arg(info.key.id().toHex())));
    }
    m_keys << std::move(info);
    return {};
}

const TicketKeyInfo* TicketKeySet::find(const TicketKeyId& id) const
{
    for (const TicketKeyInfo& k : m_keys) {
        if (k.key.id() == id)
            return &k;
    }
    return nullptr;
}

QByteArray TicketKeySet::toJson() const
{
    QJsonArray keys;
    for (const TicketKeyInfo& k : m_keys) {
        keys.append(QJsonObject{
            {QStringLiteral("keyId"), k.key.id().toHex()},
            {QStringLiteral("algorithm"), QStringLiteral("Ed25519")},
            {QStringLiteral("publicKey"), QString::fromLatin1(toBase64url(k.key.raw()))},
            {QStringLiteral("training"), k.mode == TicketMode::Training},
            {QStringLiteral("terminal"), k.terminal},
            {QStringLiteral("createdAt"),
             QDateTime::fromMSecsSinceEpoch(k.createdAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QLatin1String(kKeyListFormat)},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("keys"), keys}})
        .toJson(QJsonDocument::Indented);
}

Result<TicketKeySet> TicketKeySet::fromJson(QByteArrayView json)
{
    if (json.size() > kMaxKeyListBytes)
        return fail(keyListError(QStringLiteral("larger than 4 MiB")));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return fail(keyListError(err.error != QJsonParseError::NoError
                                     ? err.errorString()
                                     : QStringLiteral("not a JSON object")));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kKeyListFormat))
        return fail(keyListError(
            QStringLiteral("\"format\" is not \"%1\"").arg(QLatin1String(kKeyListFormat))));
    if (o.value(QStringLiteral("version")) != QJsonValue(1))
        return fail(keyListError(QStringLiteral("unknown \"version\" (this program reads 1)")));
    if (!o.value(QStringLiteral("keys")).isArray())
        return fail(keyListError(QStringLiteral("\"keys\" is not a list")));
    TicketKeySet set;
    const QJsonArray keys = o.value(QStringLiteral("keys")).toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject k = keys.at(i).toObject();
        const QString where = QStringLiteral("key %1: ").arg(i + 1);
        if (k.value(QStringLiteral("algorithm")).toString() != QLatin1String("Ed25519"))
            return fail(keyListError(where + QStringLiteral("\"algorithm\" is not Ed25519")));
        const auto raw =
            fromCanonicalBase64url(k.value(QStringLiteral("publicKey")).toString().toLatin1());
        if (!raw)
            return fail(keyListError(where + QStringLiteral("\"publicKey\" is not base64url")));
        auto key = TicketPublicKey::fromRaw(*raw);
        if (!key)
            return fail(keyListError(where + key.error().english));
        const auto id = TicketKeyId::fromHex(k.value(QStringLiteral("keyId")).toString());
        if (!id || *id != key->id())
            return fail(keyListError(where + QStringLiteral("\"keyId\" is not this key's id")));
        const QJsonValue training = k.value(QStringLiteral("training"));
        if (!training.isBool())
            return fail(keyListError(where + QStringLiteral("\"training\" is not true or false")));
        const QDateTime created = QDateTime::fromString(
            k.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
        BO_CHECK(
            set.add(TicketKeyInfo{*key, training.toBool() ? TicketMode::Training : TicketMode::Real,
                                  k.value(QStringLiteral("terminal")).toString(),
                                  created.isValid() ? created.toMSecsSinceEpoch() : 0}));
    }
    return set;
}

Result<TicketKeySet> TicketKeySet::readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(keyListError(QStringLiteral("cannot read %1 (%2)").arg(path, f.errorString())));
    return fromJson(f.read(kMaxKeyListBytes + 1));
}

Result<void> TicketKeySet::writeFile(const QString& path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(toJson()) < 0 || !f.commit())
        return fail(
            Error::make(ErrorCode::StorageError,
                        QStringLiteral("%1에 쓸 수 없습니다 (%2)").arg(path, f.errorString()),
                        QStringLiteral("cannot write %1 (%2)").arg(path, f.errorString())));
    return {};
}

} // namespace boxoffice
