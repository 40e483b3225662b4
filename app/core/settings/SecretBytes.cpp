#include "SecretBytes.h"

#include <openssl/crypto.h>

#include <utility>

SecretBytes::SecretBytes(const QByteArray &secret) : SecretBytes(secret.constData(), secret.size())
{
}

SecretBytes::SecretBytes(const char *data, qsizetype size)
{
    if (size > 0)
        m_bytes = QByteArray(data, size); // a deep copy: this buffer is ours alone
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{
}

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

void SecretBytes::cleanse()
{
    cleanse(m_bytes);
}

void SecretBytes::wipe()
{
    wipe(m_bytes);
}

bool SecretBytes::cleanse(QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    // isDetached(): this reference is the buffer's only owner, so data() does not copy it first.
    if (!bytes.isDetached())
        return false;
    OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    return true;
}

void SecretBytes::wipe(QByteArray &bytes)
{
    cleanse(bytes);
    bytes.clear();
}
