#include "CredentialStore.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

#include <utility>

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent), m_service(service), m_slowTimer(new QTimer(this))
{
    m_slowTimer->setSingleShot(true);
    connect(m_slowTimer, &QTimer::timeout, this, [this] {
        m_waitingLong = true;
        emit waitingLongChanged(true);
    });
}

void CredentialStore::jobStarted()
{
    if (m_pending++ == 0)
        m_slowTimer->start(m_slowMs);
}

void CredentialStore::jobFinished()
{
    if (--m_pending > 0)
        return;
    m_slowTimer->stop();
    if (m_waitingLong) {
        m_waitingLong = false;
        emit waitingLongChanged(false);
    }
}

void CredentialStore::startJob(QKeychain::Job *job, const std::shared_ptr<bool> &answered, const Callback &done)
{
    jobStarted();
    if (m_giveUpMs > 0) {
        QTimer::singleShot(m_giveUpMs, this, [this, answered, done] {
            if (std::exchange(*answered, true))
                return;
            jobFinished();
            emit gaveUp(m_giveUpMs / 1000);
            CredentialResult result;
            result.status = CredentialResult::Status::Error;
            result.message = tr("the keychain did not answer within %1 s (it may be locked and asking for its "
                                "password where no one can see it)")
                                 .arg(m_giveUpMs / 1000);
            done(result);
        });
    }
    job->start();
}

QString CredentialStore::profileAccount(const QString &profileName)
{
    return QStringLiteral("profile/") + profileName;
}

void CredentialStore::markUnavailable(const QString &reason)
{
    const bool changed = m_available;
    m_available = false;
    m_unavailableReason = reason;
    if (changed)
        emit availabilityChanged(false, reason);
}

CredentialResult::Status CredentialStore::classify(int error, const QString &message)
{
    switch (QKeychain::Error(error)) {
    case QKeychain::NoError:
        return CredentialResult::Status::Ok;
    case QKeychain::EntryNotFound:
        return CredentialResult::Status::NotFound;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return CredentialResult::Status::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError too: "Cannot autolaunch D-Bus", "Could not connect", "org.freedesktop.secrets was not
        // provided": whatever the wording, the keychain cannot be used now, so secrets stay in memory and the
        // person is told why.
        markUnavailable(message);
        return CredentialResult::Status::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return CredentialResult::Status::Error;
    }
    return CredentialResult::Status::Error;
}

void CredentialStore::read(const QString &account, const Callback &done)
{
    if (!m_available) {
        CredentialResult result;
        const QByteArray held = m_session.value(account);
        result.status = held.isEmpty() ? CredentialResult::Status::Unavailable : CredentialResult::Status::Ok;
        result.secret = held;
        result.message = m_unavailableReason;
        QTimer::singleShot(0, this, [done, result] { done(result); });
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setInsecureFallback(false); // never plain text on disk
    auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, answered, account, done] {
        if (std::exchange(*answered, true))
            return; // given up on already: the caller has its answer
        jobFinished();
        CredentialResult result;
        result.status = classify(job->error(), job->errorString());
        result.message = job->errorString();
        if (result.ok()) {
            result.secret = job->binaryData();
        } else if (result.status == CredentialResult::Status::Unavailable && m_session.contains(account)) {
            result.status = CredentialResult::Status::Ok;
            result.secret = m_session.value(account);
        }
        done(result);
    });
    startJob(job, answered, done);
}

void CredentialStore::write(const QString &account, const QByteArray &secret, const Callback &done)
{
    if (!m_available) {
        m_session.insert(account, secret);
        CredentialResult result;
        result.status = CredentialResult::Status::Unavailable;
        result.message = m_unavailableReason;
        QTimer::singleShot(0, this, [done, result] { done(result); });
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setInsecureFallback(false);
    job->setBinaryData(secret);
    auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, answered, account, secret, done] {
        if (std::exchange(*answered, true))
            return; // given up on already: the caller has its answer
        jobFinished();
        CredentialResult result;
        result.status = classify(job->error(), job->errorString());
        result.message = job->errorString();
        if (result.status == CredentialResult::Status::Unavailable)
            m_session.insert(account, secret);
        else if (result.ok())
            m_session.remove(account);
        done(result);
    });
    startJob(job, answered, done);
}

void CredentialStore::remove(const QString &account, const Callback &done)
{
    m_session.remove(account);
    if (!m_available) {
        CredentialResult result;
        result.status = CredentialResult::Status::Unavailable;
        result.message = m_unavailableReason;
        QTimer::singleShot(0, this, [done, result] { done(result); });
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setKey(account);
    auto answered = std::make_shared<bool>(false);
    connect(job, &QKeychain::Job::finished, this, [this, job, answered, done] {
        if (std::exchange(*answered, true))
            return; // given up on already: the caller has its answer
        jobFinished();
        CredentialResult result;
        result.status = classify(job->error(), job->errorString());
        result.message = job->errorString();
        done(result);
    });
    startJob(job, answered, done);
}
