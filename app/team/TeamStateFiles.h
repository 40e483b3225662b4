#pragma once

#include <QString>

// Where a console keeps what it knows of one team database, beside its settings: the checkpoint
// ("team-<tag>.checkpoint", the tag a digest of the database's place so two databases never share
// one), the forwarder's mark (".sent") and the kept four-eyes policy (".policy").
namespace TeamStateFiles {
// The database's name without the role, for file names and for people.
QString place(const QString &conninfo);
QString checkpoint(const QString &stateDir, const QString &conninfo);
QString mark(const QString &checkpoint);
QString policy(const QString &checkpoint);
} // namespace TeamStateFiles
