#include "KeychainAnchor.h"

#include "settings/CredentialStore.h"

#include <QCoreApplication>
#include <QPointer>

#include <utility>

namespace {
// The record number an anchor line names; 0 when it names none.
qint64 seqOf(const QByteArray &line)
{
    return line.trimmed().split(' ').value(2).toLongLong();
}
} // namespace

KeychainAnchor::KeychainAnchor(CredentialStore *store, QObject *parent) : QObject(parent), m_store(store)
{
}

void KeychainAnchor::read(const std::function<void(const QByteArray &, const Status &)> &done)
{
    m_store->read(QLatin1String(kAccount), [done](const CredentialResult &result) {
        if (result.ok())
            return done(result.secret, Status::success());
        if (result.status == CredentialResult::Status::NotFound)
            return done({}, Status::success());
        done({},
             Status::failure(QCoreApplication::translate("HistoryStore",
                                                         "The history anchor's copy in the keychain cannot be "
                                                         "read: %1")
                                 .arg(result.message),
                             Status::Kind::KeyUnavailable));
    });
}

void KeychainAnchor::store(const QByteArray &line)
{
    if (seqOf(line) <= seqOf(m_waiting))
        return;
    m_waiting = line;
    if (!m_writing)
        writeNext();
}

void KeychainAnchor::writeNext()
{
    if (m_waiting.isEmpty())
        return settle();
    m_writing = true;
    const QByteArray line = m_waiting;
    m_waiting.clear();
    QPointer<KeychainAnchor> self(this);
    const QString account = QLatin1String(kAccount);
    // Looked at first: another process may have anchored a newer record since.
    m_store->read(account, [self, line, account](const CredentialResult &current) {
        if (!self)
            return;
        if (current.ok() && seqOf(current.secret) >= seqOf(line)) {
            self->m_writing = false;
            return self->writeNext();
        }
        self->m_store->write(account, line, [self](const CredentialResult &written) {
            if (!self)
                return;
            self->m_lastError = written.ok() ? QString() : written.message;
            if (!written.ok())
                qWarning("%s",
                         qPrintable(QCoreApplication::translate("HistoryStore",
                                                                "The history anchor's copy in the keychain "
                                                                "could not be updated: %1")
                                        .arg(written.message)));
            self->m_writing = false;
            self->writeNext();
        });
    });
}

void KeychainAnchor::settle()
{
    const QList<std::function<void()>> waiting = std::exchange(m_onSettled, {});
    for (const auto &done : waiting)
        done();
}

void KeychainAnchor::whenSettled(QObject *context, const std::function<void()> &done)
{
    QPointer<QObject> guard(context);
    auto call = [guard, done] {
        if (guard)
            done();
    };
    if (settled())
        return call();
    m_onSettled.append(call);
}
