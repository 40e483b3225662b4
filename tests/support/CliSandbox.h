#pragma once

#include "sandbox/SandboxServer.h"
#include "support/CliHarness.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// Counts what `server` received per user ID (acted on or refused) in `received`, and its 429 answers
// apart in `tooMany`, for suites that check each row was sent exactly once.
void countRequests(SandboxServer *server, QObject *context, QHash<QString, int> *received, int *tooMany);

// The project's sandbox on loopback with an API key of its own, and the enrollee-cli arguments that act
// on it: the set-up the CLI suites that record actions share.
class CliSandbox
{
public:
    // Listens on loopback (any free port); the key starts with `keyPrefix`.
    Status start(const QByteArray &keyPrefix, QObject *parent);

    SandboxServer *server() const { return m_server; }
    QByteArray key() const { return m_key; }
    // `verb user` against this sandbox, with a partner ID, an email and --yes; `user` is made known to it.
    QStringList action(const QString &user, const QString &verb = QStringLiteral("deactivate")) const;
    // `n` completed deactivations of fresh users "<prefix>-0"...; false (and the error as a warning)
    // when one did not succeed. Sets the harness's SMILEID_API_KEY to this sandbox's key.
    bool act(CliHarness &cli, int n, const QString &prefix) const;

private:
    SandboxServer *m_server = nullptr;
    QByteArray m_key;
};
