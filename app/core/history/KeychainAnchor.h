#pragma once

#include "base/Status.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

class CredentialStore;

// The history anchor's second copy, in the keychain: someone who can rewrite both the history folder
// and the settings folder (where the anchor file lives) still cannot roll the trail back unnoticed
// without also reaching this user's unlocked keychain. Writes follow the history's own appends,
// newest wins: one write in flight, the latest line waiting, and a line never replaces a newer one
// another process stored meanwhile (a copy that lags is weaker, never a false alarm).
class KeychainAnchor : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kAccount = "history-anchor";

    explicit KeychainAnchor(CredentialStore *store, QObject *parent = nullptr);

    // `done` gets the stored line (empty when there is none yet), or why the keychain could not say.
    void read(const std::function<void(const QByteArray &line, const Status &status)> &done);
    // Stores `line` (HistoryAnchor's format) unless the keychain already holds a newer one.
    void store(const QByteArray &line);
    bool settled() const { return !m_writing && m_waiting.isEmpty(); }
    // Calls `done` once every store() so far has been written or has failed.
    void whenSettled(QObject *context, const std::function<void()> &done);
    // The last write's failure, translated; empty when it succeeded.
    QString lastError() const { return m_lastError; }

private:
    void writeNext();
    void settle();

    CredentialStore *m_store;
    bool m_writing = false;
    QByteArray m_waiting;
    QString m_lastError;
    QList<std::function<void()>> m_onSettled;
};
