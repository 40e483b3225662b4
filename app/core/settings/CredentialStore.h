#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace QKeychain {
class Job;
}

// What a keychain operation came to.
struct CredentialResult {
    enum class Status {
        Ok,
        NotFound,
        Unavailable, // no keychain (no Secret Service, no D-Bus): the caller keeps secrets in memory only
        Denied,      // the user refused access
        Error,
    };
    Status status = Status::Error;
    QByteArray secret; // only for reads
    QString message;   // the keychain's own words, for the person
    bool ok() const { return status == Status::Ok; }
};

// The OS keychain through QtKeychain, asynchronous. Accounts: "profile/<name>" for API keys and
// "history-chain-key" for the audit trail. When the keychain is unavailable it says so once
// (available() turns false) and keeps what it was given in this process's memory only, so the
// session goes on and nothing secret is ever written to a file.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialResult &)>;

    explicit CredentialStore(const QString &service, QObject *parent = nullptr);

    static QString profileAccount(const QString &profileName);

    // Each calls `done` exactly once, on this object's thread, in a later event-loop turn.
    void read(const QString &account, const Callback &done);
    void write(const QString &account, const QByteArray &secret, const Callback &done);
    void remove(const QString &account, const Callback &done);

    // False after the keychain reported it is not there; the reason in unavailableReason().
    bool available() const { return m_available; }
    QString unavailableReason() const { return m_unavailableReason; }
    // Secrets held for this session only (the keychain fallback, or a key typed without saving).
    void setSessionSecret(const QString &account, const QByteArray &secret) { m_session.insert(account, secret); }
    QByteArray sessionSecret(const QString &account) const { return m_session.value(account); }
    QString service() const { return m_service; }
    // A keychain request has gone unanswered for longer than `slowMs` (default 1 s): typically the
    // keyring is locked and the desktop is asking for its password. Faces say what they wait for.
    bool isWaitingLong() const { return m_waitingLong; }
    void setSlowThreshold(int slowMs) { m_slowMs = slowMs; }
    // Past `giveUpMs` (0: never, the default) a request ends with an error instead of waiting on: a
    // command that nobody watches must not hang on a keyring whose unlock prompt nobody sees.
    void setGiveUpAfter(int giveUpMs) { m_giveUpMs = giveUpMs; }

signals:
    void availabilityChanged(bool available, const QString &reason);
    void waitingLongChanged(bool waiting);
    // A request went unanswered for the give-up time and ended with an error.
    void gaveUp(int seconds);

private:
    void markUnavailable(const QString &reason);
    CredentialResult::Status classify(int error, const QString &message);
    void startJob(QKeychain::Job *job, const std::shared_ptr<bool> &answered, const Callback &done);
    void jobStarted();
    void jobFinished();

    QString m_service;
    bool m_available = true;
    QString m_unavailableReason;
    QHash<QString, QByteArray> m_session;
    QTimer *m_slowTimer;
    int m_pending = 0;
    int m_slowMs = 1000;
    int m_giveUpMs = 0;
    bool m_waitingLong = false;
};
