#include "TeamConsoles.h"

#include "team/TeamSigner.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TeamConsoles", text);
}

Status failed(const QString &what, const QSqlError &error)
{
    return Status::failure(what + QLatin1Char(' ') + error.databaseText().trimmed(), Status::Kind::Storage);
}
} // namespace

namespace TeamConsoles {

Status registerSelf(QSqlDatabase &db, const QString &name, const QString &machine, const TeamSigner &signer)
{
    if (!signer.ready())
        return Status::failure(tr("This console has no signing key yet (its history has no chain key): its "
                                  "records wait until it has one."),
                               Status::Kind::KeyUnavailable);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT db_role, public_key, session_user FROM enrollee.console_keys "
                                 "WHERE installation = ?"));
    query.addBindValue(name);
    if (!query.exec())
        return failed(tr("Could not read the team's registered consoles:"), query.lastError());
    if (!query.next()) {
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO enrollee.console_keys (installation, machine, public_key) VALUES (?, ?, ?)"));
        insert.addBindValue(name);
        insert.addBindValue(machine);
        insert.addBindValue(signer.publicKeyHex());
        if (!insert.exec())
            return failed(tr("Could not register this console's signing key in the team trail:"), insert.lastError());
        return Status::success();
    }
    const QString role = query.value(0).toString();
    const QString key = query.value(1).toString();
    const QString self = query.value(2).toString();
    if (role != self)
        return Status::failure(tr("The team trail refuses this console's records: its name (%1) is registered to "
                                  "the role %2, not to %3. Nothing was sent; ask the team's administrator.")
                                   .arg(name, role, self),
                               Status::Kind::PermissionDenied);
    if (key != signer.publicKeyHex())
        return Status::failure(tr("The team trail refuses this console's records: its name (%1) is registered "
                                  "with another signing key. The registration was changed in the database; "
                                  "nothing was sent. Ask the team's administrator.")
                                   .arg(name),
                               Status::Kind::PermissionDenied);
    return Status::success();
}

Result<Keys> read(QSqlDatabase &db)
{
    Keys keys;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT signed_from FROM enrollee.schema_version")) || !query.next())
        return failed(tr("Could not read the team trail's schema:"), query.lastError());
    keys.signedFrom = query.value(0).toLongLong();
    if (!query.exec(QStringLiteral(
            "SELECT installation, db_role, machine, public_key, registered_at FROM enrollee.console_keys")))
        return failed(tr("Could not read the team's registered consoles:"), query.lastError());
    while (query.next())
        keys.consoles.insert(query.value(0).toString(),
                             {query.value(1).toString(), query.value(2).toString(), query.value(3).toString(),
                              query.value(4).toDateTime()});
    return keys;
}

QString signatureProblem(const Keys &keys, qint64 seq, const QString &installation, const QString &dbRole,
                         const QString &text, const QString &signature)
{
    if (installation == QLatin1String("database") || seq < keys.signedFrom)
        return {};
    const auto it = keys.consoles.constFind(installation);
    if (it == keys.consoles.cend())
        return tr("it names a console that was never registered: it was not written by a console (forged)");
    if (it->dbRole != dbRole)
        return tr("it names a console registered to %1, but says %2 wrote it (forged)").arg(it->dbRole, dbRole);
    if (!TeamSigner::verify(it->publicKey, text, signature))
        return tr("its signature is not that of the console it names: that console never wrote it (forged, or "
                  "altered)");
    return {};
}

} // namespace TeamConsoles
