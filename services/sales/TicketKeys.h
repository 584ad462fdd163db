#pragma once

#include "core/Error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <array>
#include <compare>
#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace boxoffice {

// Which kind of ticket a key signs: a real door never accepts a training ticket (design X1, K5).
enum class TicketMode { Real, Training };

// A signing key's id: the first 8 bytes of SHA-256 over its raw 32-byte Ed25519 public key.
// Derived, not assigned, so every terminal and every offline scanner computes the same id from
// the key alone, and a key list cannot pair an id with another key unnoticed.
struct TicketKeyId
{
    static constexpr int kSize = 8;
    std::array<quint8, kSize> bytes{};

    static TicketKeyId of(QByteArrayView rawPublicKey);
    static std::optional<TicketKeyId> fromBytes(QByteArrayView bytes);
    // 16 lowercase hex digits, as stored in ticket_keys.key_id and in exported key lists.
    static std::optional<TicketKeyId> fromHex(QStringView hex);
    QString toHex() const;

    auto operator<=>(const TicketKeyId&) const = default;
};

// An Ed25519 public key that verifies ticket signatures. Cheap to copy (the OpenSSL key is
// shared) and safe to use from several threads at once.
class TicketPublicKey
{
public:
    static constexpr int kRawSize = 32;
    static constexpr int kSignatureSize = 64;

    // The 32 raw bytes of an Ed25519 public key (RFC 8032).
    static Result<TicketPublicKey> fromRaw(QByteArrayView raw);

    const QByteArray& raw() const { return m_raw; }
    const TicketKeyId& id() const { return m_id; }
    // Whether `signature` is this key's Ed25519 signature of `message` (EVP_DigestVerify).
    bool verify(QByteArrayView message, QByteArrayView signature) const;
    EVP_PKEY* handle() const { return m_key.get(); }

private:
    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_raw;
    TicketKeyId m_id;
};

// A terminal's private signing key. It lives in a PEM file only its user can read (mode 0600);
// nothing here ever writes it anywhere else, the database included.
class TicketSigningKey
{
public:
    // Where a terminal keeps its key: AppDataLocation/ticket-key.pem, or
    // AppDataLocation/training-ticket-key.pem for training, so the two can never be the same.
    static QString defaultPath(TicketMode mode);

    // The key in `path`, made (and written there, mode 0600) if the file does not exist yet.
    // Several processes starting at once all end up with the one key that won.
    static Result<TicketSigningKey> loadOrCreate(const QString& path, TicketMode mode);
    // The key in `path`; refused when the file is readable or writable by anyone but its
    // owner, is not owned by this user, or does not hold an unencrypted Ed25519 private key.
    static Result<TicketSigningKey> load(const QString& path, TicketMode mode);
    // A fresh key pair held in memory only (tests, benchmarks).
    static Result<TicketSigningKey> generate(TicketMode mode);

    const TicketPublicKey& publicKey() const { return m_public; }
    const TicketKeyId& id() const { return m_public.id(); }
    TicketMode mode() const { return m_mode; }
    // The Ed25519 signature (64 bytes) of `message` (EVP_DigestSign).
    Result<QByteArray> sign(QByteArrayView message) const;

private:
    TicketSigningKey(std::shared_ptr<EVP_PKEY> key, TicketPublicKey pub, TicketMode mode)
        : m_key(std::move(key)), m_public(std::move(pub)), m_mode(mode)
    {}
    static Result<TicketSigningKey> fromKey(std::shared_ptr<EVP_PKEY> key, TicketMode mode);

    std::shared_ptr<EVP_PKEY> m_key;
    TicketPublicKey m_public;
    TicketMode m_mode;
};

// One public key a door accepts, with what the list says about it.
struct TicketKeyInfo
{
    TicketPublicKey key;
    TicketMode mode = TicketMode::Real;
    QString terminal; // where the key was made, for people
    qint64 createdAtMs = 0;
};

// The public keys a door checks codes against: from the database (TicketKeyRepository) or from
// an exported JSON file, for a scanner with no database at all (design K2, K6).
class TicketKeySet
{
public:
    // Adds a key; refused when another key already has its id.
    Result<void> add(TicketKeyInfo info);
    const TicketKeyInfo* find(const TicketKeyId& id) const;
    const QList<TicketKeyInfo>& keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }

    // {"format":"boxoffice-ticket-keys","version":1,"keys":[{"keyId","algorithm":"Ed25519",
    //  "publicKey" (base64url, 32 bytes),"training","terminal","createdAt" (ISO 8601 UTC)}]}
    QByteArray toJson() const;
    // Strict: an unknown format or version, a key of another algorithm or length, or a keyId
    // that is not the key's own is refused, so a tampered list cannot slip a key in.
    static Result<TicketKeySet> fromJson(QByteArrayView json);
    static Result<TicketKeySet> readFile(const QString& path);
    // Written whole or not at all (a temporary file renamed into place).
    Result<void> writeFile(const QString& path) const;

private:
    QList<TicketKeyInfo> m_keys;
};

} // namespace boxoffice
