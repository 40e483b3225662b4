#pragma once

#include <QByteArray>

// A secret (an API key) with exactly one owner: it is copied into a buffer of its own on the way in,
// so wiping it blanks the only copy this object holds and never a buffer other QByteArrays share
// (QByteArray::fill() on a shared array detaches and blanks a fresh copy, leaving the secret where it
// was). Wiped when destroyed. Move-only.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(const QByteArray &secret);
    SecretBytes(const char *data, qsizetype size);
    ~SecretBytes() { wipe(); }
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    // A second owner with a buffer of its own.
    SecretBytes clone() const { return SecretBytes(m_bytes.constData(), m_bytes.size()); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    qsizetype size() const { return m_bytes.size(); }
    // For the signer, which must not keep it. Not to be copied into something that outlives the call.
    const QByteArray &bytes() const { return m_bytes; }
    // Overwrites the bytes with zeros (in a way the compiler may not elide), keeping the size.
    void cleanse();
    // cleanse(), then empties.
    void wipe();

    // Blanks a buffer only `bytes` refers to (read from a file or a terminal), then clears it. A shared
    // buffer is left to its other owners and only this reference is dropped: blanking it would break
    // them, and detaching first would blank a copy.
    static void wipe(QByteArray &bytes);
    // The blanking half of wipe(): zeros when `bytes` is the buffer's only owner; false when it is shared.
    static bool cleanse(QByteArray &bytes);

private:
    QByteArray m_bytes;
};
