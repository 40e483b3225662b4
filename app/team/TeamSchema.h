#pragma once

#include "base/Status.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The team trail's schema in PostgreSQL, as numbered migrations applied in order by `team init`
// (an administrator) inside one transaction under an advisory lock, so running it twice, or from two
// machines at once, changes nothing the second time. Everything lives in schema "enrollee":
//  - trail: the shared, hash-chained records (officers: SELECT, INSERT; never UPDATE/DELETE/TRUNCATE,
//    which triggers refuse even to the owner); the database role is stamped by a trigger from
//    session_user, so a client cannot name someone else;
//  - policy: which actions need a second officer, per environment (officers read it);
//  - requests: four-eyes requests, changed only through SECURITY DEFINER functions that check
//    session_user, so a modified client still cannot approve its own request; since version 2 a request
//    may name a bulk run as a whole (run id, header digest, rows) instead of one user;
//  - bulk_policy (version 2): per environment, the rows above which any bulk run needs a second officer;
//  - console_keys (version 3): each console's Ed25519 public key, bound to the role that registered it;
//    from then on the trail admits a console's record only from that role, signed, continuing the chain;
//  - version 4: indexes for queries (a user's, an action's or a run's begin records, completions by the
//    begin they answer, records whose body is not plain JSON) and the functions they are built on;
//  - version 5: the text filter's trigram index on the words an entry is searched by (entry_text()),
//    instead of the whole record;
//  - version 6: that index by word runs (punctuation kept as a letter) and slices of the trail, so a
//    needle is found slice by slice from the newest (btree_gin).
namespace TeamSchema {
inline constexpr int kVersion = 6;
inline constexpr const char *kOfficers = "enrollee_officers";
inline constexpr const char *kChannel = "enrollee_trail";
inline constexpr qint64 kAppendLock = 111525040712812; // pg_advisory_xact_lock key serialising appends ("enroll")
// The migrations, oldest first; migration N takes the schema from version N-1 to N.
QList<QStringList> migrations();
// The version found (0: no schema), or why it could not be read.
Result<int> installedVersion(QSqlDatabase &db);
// Creates or upgrades the schema; returns the version before.
Result<int> migrate(QSqlDatabase &db);
// Refuses a database whose schema is missing or older/newer than this console's.
Status checkVersion(QSqlDatabase &db);
} // namespace TeamSchema
