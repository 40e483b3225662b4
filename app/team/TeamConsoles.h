#pragma once

#include "base/Status.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QString>

class TeamSigner;

// The consoles registered in the team trail: under each name a console writes with, the Ed25519 public
// key that signs its records and the database role the name is bound to (the server stamps it from
// session_user, and no one may change or remove a registration afterwards).
namespace TeamConsoles {
struct Console {
    QString dbRole;
    QString machine;
    QString publicKey; // hex
    QDateTime registeredAt;
};
struct Keys {
    QHash<QString, Console> consoles; // by the name records carry in `installation`
    qint64 signedFrom = 1;            // the first record that must be signed
};

// Registers this console's key under `name` (once), or says loudly why the trail will not take this
// console's records: the name is bound to another role or another key.
Status registerSelf(QSqlDatabase &db, const QString &name, const QString &machine, const TeamSigner &signer);
Result<Keys> read(QSqlDatabase &db);
// Why `record` fails its signature check (empty when it passes). Records before `signedFrom` and the
// database's own records carry no signature.
QString signatureProblem(const Keys &keys, qint64 seq, const QString &installation, const QString &dbRole,
                         const QString &text, const QString &signature);
} // namespace TeamConsoles
