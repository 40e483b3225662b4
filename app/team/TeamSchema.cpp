#include "TeamSchema.h"

#include "team/TeamQueryIndexes.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TeamSchema", text);
}

// The trail, its hash formula, and the triggers that stamp the role, refuse changes and wake consoles.
QStringList version1Trail()
{
    return {
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS enrollee"),
        QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'enrollee_officers') "
                       "THEN CREATE ROLE enrollee_officers NOLOGIN; END IF; END $$"),
        QStringLiteral("CREATE TABLE enrollee.schema_version (version integer NOT NULL)"),
        QStringLiteral("INSERT INTO enrollee.schema_version VALUES (0)"),
        QStringLiteral("CREATE TABLE enrollee.trail ("
                       " seq bigint PRIMARY KEY CHECK (seq > 0),"
                       " installation text NOT NULL,"
                       " local_id bigint NOT NULL,"
                       " kind text NOT NULL,"
                       " ref_seq bigint NOT NULL DEFAULT 0,"
                       " db_role text NOT NULL DEFAULT session_user,"
                       " machine text NOT NULL,"
                       " recorded_at timestamptz NOT NULL DEFAULT now(),"
                       " body text NOT NULL,"
                       " hash text NOT NULL,"
                       " UNIQUE (installation, local_id, kind))"),
        // What a record's hash covers, in one place for the writers in C++ and in SQL.
        QStringLiteral("CREATE FUNCTION enrollee.record_text(installation text, local_id bigint, kind text, "
                       "ref_seq bigint, db_role text, machine text, body text) RETURNS text IMMUTABLE "
                       "LANGUAGE sql AS $$ SELECT installation || E'\\n' || local_id::text || E'\\n' || kind || "
                       "E'\\n' || ref_seq::text || E'\\n' || db_role || E'\\n' || machine || E'\\n' || body $$"),
        QStringLiteral("CREATE FUNCTION enrollee.record_hash(previous text, seq bigint, txt text) RETURNS text "
                       "IMMUTABLE LANGUAGE sql AS $$ SELECT encode(sha256(convert_to(previous || E'\\n' || "
                       "seq::text || E'\\n' || txt, 'UTF8')), 'hex') $$"),
        QStringLiteral("CREATE FUNCTION enrollee.stamp_role() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       "NEW.db_role := session_user; NEW.recorded_at := now(); RETURN NEW; END $$"),
        QStringLiteral("CREATE TRIGGER trail_stamp BEFORE INSERT ON enrollee.trail FOR EACH ROW "
                       "EXECUTE FUNCTION enrollee.stamp_role()"),
        QStringLiteral("CREATE FUNCTION enrollee.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       "RAISE EXCEPTION 'the team trail is append-only' USING ERRCODE = 'insufficient_privilege'; "
                       "END $$"),
        QStringLiteral("CREATE TRIGGER trail_no_update BEFORE UPDATE OR DELETE ON enrollee.trail FOR EACH ROW "
                       "EXECUTE FUNCTION enrollee.refuse_change()"),
        QStringLiteral("CREATE TRIGGER trail_no_truncate BEFORE TRUNCATE ON enrollee.trail FOR EACH STATEMENT "
                       "EXECUTE FUNCTION enrollee.refuse_change()"),
        QStringLiteral("CREATE FUNCTION enrollee.wake() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       "PERFORM pg_notify('enrollee_trail', ''); RETURN NULL; END $$"),
        QStringLiteral("CREATE TRIGGER trail_wake AFTER INSERT ON enrollee.trail FOR EACH STATEMENT "
                       "EXECUTE FUNCTION enrollee.wake()"),
    };
}

// Four-eyes policy and requests, and the SECURITY DEFINER functions that alone change them.
QStringList version1Approvals()
{
    return {
        QStringLiteral("CREATE TABLE enrollee.policy (environment text NOT NULL, action text NOT NULL, "
                       "PRIMARY KEY (environment, action))"),
        QStringLiteral("INSERT INTO enrollee.policy VALUES ('production', 'delete')"),
        QStringLiteral("CREATE TABLE enrollee.requests ("
                       " id bigserial PRIMARY KEY,"
                       " requester text NOT NULL DEFAULT session_user,"
                       " profile text NOT NULL, partner_id text NOT NULL, host text NOT NULL, email text NOT NULL,"
                       " environment text NOT NULL, action text NOT NULL, user_id text NOT NULL,"
                       " reason text NOT NULL,"
                       " created_at timestamptz NOT NULL DEFAULT now(),"
                       " expires_at timestamptz NOT NULL,"
                       " status text NOT NULL DEFAULT 'pending'"
                       "  CHECK (status IN ('pending', 'approved', 'denied', 'run')),"
                       " decided_by text, decided_at timestamptz, decision_reason text, run_at timestamptz)"),
        // Server-side records (four-eyes events) chained exactly like the writers' own.
        QStringLiteral("CREATE FUNCTION enrollee.append_event(p_kind text, p_ref bigint, p_body text) RETURNS bigint "
                       "LANGUAGE plpgsql SECURITY DEFINER SET search_path = enrollee, pg_temp AS $$ "
                       "DECLARE s bigint; h text; BEGIN "
                       "PERFORM pg_advisory_xact_lock(111525040712812); "
                       "SELECT seq, hash INTO s, h FROM enrollee.trail ORDER BY seq DESC LIMIT 1; "
                       "s := coalesce(s, 0) + 1; h := coalesce(h, repeat('0', 64)); "
                       "INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, machine, body, hash) "
                       "VALUES (s, 'database', p_ref, p_kind, 0, 'database', p_body, enrollee.record_hash(h, s, "
                       "enrollee.record_text('database', p_ref, p_kind, 0, session_user::text, 'database', p_body))); "
                       "RETURN s; END $$"),
        QStringLiteral(
            "CREATE FUNCTION enrollee.request_approval(p_profile text, p_partner text, p_host text, p_email text, "
            "p_env text, "
            "p_action text, p_user text, p_reason text, p_ttl_seconds integer) RETURNS bigint LANGUAGE plpgsql "
            "SECURITY DEFINER SET search_path = enrollee, pg_temp AS $$ DECLARE r bigint; BEGIN "
            "IF NOT pg_has_role(session_user, 'enrollee_officers', 'MEMBER') THEN "
            "RAISE EXCEPTION 'not an officer' USING ERRCODE = 'insufficient_privilege'; END IF; "
            "INSERT INTO enrollee.requests (profile, partner_id, host, email, environment, action, user_id, reason, "
            "expires_at) VALUES (p_profile, p_partner, p_host, p_email, p_env, p_action, p_user, p_reason, "
            "now() + make_interval(secs => greatest(p_ttl_seconds, 1))) RETURNING id INTO r; "
            "PERFORM enrollee.append_event('request', r, json_build_object('type', 'request', 'request', r, "
            "'environment', p_env, 'action', p_action, 'user_id', p_user, 'partner_id', p_partner, 'reason', "
            "p_reason)::text); RETURN r; END $$"),
        QStringLiteral(
            "CREATE FUNCTION enrollee.decide(p_id bigint, p_approve boolean, p_reason text) RETURNS text "
            "LANGUAGE plpgsql SECURITY DEFINER SET search_path = enrollee, pg_temp AS $$ "
            "DECLARE q enrollee.requests; BEGIN "
            "IF NOT pg_has_role(session_user, 'enrollee_officers', 'MEMBER') THEN "
            "RAISE EXCEPTION 'not an officer' USING ERRCODE = 'insufficient_privilege'; END IF; "
            "SELECT * INTO q FROM enrollee.requests WHERE id = p_id FOR UPDATE; "
            "IF NOT FOUND THEN RAISE EXCEPTION 'no such request' USING ERRCODE = 'no_data_found'; END IF; "
            "IF q.requester = session_user THEN RAISE EXCEPTION 'self-approval refused: % made this request', "
            "q.requester USING ERRCODE = 'insufficient_privilege'; END IF; "
            "IF q.status <> 'pending' THEN RAISE EXCEPTION 'request already %', q.status "
            "USING ERRCODE = 'object_not_in_prerequisite_state'; END IF; "
            "IF q.expires_at < now() THEN RAISE EXCEPTION 'request expired' "
            "USING ERRCODE = 'object_not_in_prerequisite_state'; END IF; "
            "UPDATE enrollee.requests SET status = CASE WHEN p_approve THEN 'approved' ELSE 'denied' END, "
            "decided_by = session_user, decided_at = now(), decision_reason = p_reason WHERE id = p_id; "
            "PERFORM enrollee.append_event(CASE WHEN p_approve THEN 'approve' ELSE 'deny' END, p_id, "
            "json_build_object('type', CASE WHEN p_approve THEN 'approve' ELSE 'deny' END, 'request', p_id, "
            "'reason', p_reason)::text); "
            "RETURN CASE WHEN p_approve THEN 'approved' ELSE 'denied' END; END $$"),
        QStringLiteral(
            "CREATE FUNCTION enrollee.claim_run(p_id bigint) RETURNS SETOF enrollee.requests LANGUAGE plpgsql "
            "SECURITY DEFINER SET search_path = enrollee, pg_temp AS $$ DECLARE q enrollee.requests; BEGIN "
            "SELECT * INTO q FROM enrollee.requests WHERE id = p_id FOR UPDATE; "
            "IF NOT FOUND THEN RAISE EXCEPTION 'no such request' USING ERRCODE = 'no_data_found'; END IF; "
            "IF q.requester <> session_user THEN RAISE EXCEPTION 'only % may run this request', q.requester "
            "USING ERRCODE = 'insufficient_privilege'; END IF; "
            "IF q.status = 'run' THEN RAISE EXCEPTION 'request already run' "
            "USING ERRCODE = 'object_not_in_prerequisite_state'; END IF; "
            "IF q.status <> 'approved' THEN RAISE EXCEPTION 'request is %, not approved', q.status "
            "USING ERRCODE = 'object_not_in_prerequisite_state'; END IF; "
            "IF q.expires_at < now() THEN RAISE EXCEPTION 'request expired' "
            "USING ERRCODE = 'object_not_in_prerequisite_state'; END IF; "
            "UPDATE enrollee.requests SET status = 'run', run_at = now() WHERE id = p_id RETURNING * INTO q; "
            "PERFORM enrollee.append_event('run', p_id, json_build_object('type', 'run', 'request', p_id)::text); "
            "RETURN NEXT q; END $$"),
    };
}

// Only what the console needs: read and append the trail, read policy and requests, call the functions.
QStringList version1Grants()
{
    return {
        QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA enrollee FROM PUBLIC"),
        QStringLiteral("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA enrollee FROM PUBLIC"),
        QStringLiteral("GRANT USAGE ON SCHEMA enrollee TO enrollee_officers"),
        QStringLiteral("GRANT SELECT, INSERT ON enrollee.trail TO enrollee_officers"),
        QStringLiteral("GRANT SELECT ON enrollee.schema_version, enrollee.policy, enrollee.requests "
                       "TO enrollee_officers"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION enrollee.record_text(text, bigint, text, bigint, text, text, "
                       "text), enrollee.record_hash(text, bigint, text), enrollee.stamp_role(), enrollee.wake(), "
                       "enrollee.request_approval(text, text, text, text, text, text, text, text, integer), "
                       "enrollee.decide(bigint, boolean, text), enrollee.claim_run(bigint) TO enrollee_officers"),
    };
}

// Version 2: a bulk run approved as a whole. A request may name a run (its id, the SHA-256 of its header
// with every row, and the number of rows) instead of one user; a bulk policy gives, per environment, the
// number of rows above which any run needs a second officer.
QStringList version2BulkRuns()
{
    return {
        QStringLiteral(
            "ALTER TABLE enrollee.requests ADD COLUMN run_id text NOT NULL DEFAULT '', "
            "ADD COLUMN run_digest text NOT NULL DEFAULT '', ADD COLUMN row_count integer NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE TABLE enrollee.bulk_policy (environment text PRIMARY KEY, "
                       "max_rows integer NOT NULL CHECK (max_rows >= 0))"),
        QStringLiteral("INSERT INTO enrollee.bulk_policy VALUES ('production', 100)"),
        QStringLiteral(
            "CREATE FUNCTION enrollee.request_run_approval(p_profile text, p_partner text, p_host text, p_email "
            "text, p_env text, p_action text, p_run text, p_digest text, p_rows integer, p_reason text, "
            "p_ttl_seconds integer) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER "
            "SET search_path = enrollee, pg_temp AS $$ DECLARE r bigint; BEGIN "
            "IF NOT pg_has_role(session_user, 'enrollee_officers', 'MEMBER') THEN "
            "RAISE EXCEPTION 'not an officer' USING ERRCODE = 'insufficient_privilege'; END IF; "
            "IF p_run = '' OR length(p_digest) <> 64 OR p_rows < 1 THEN "
            "RAISE EXCEPTION 'a run request names a run, its digest and its rows' "
            "USING ERRCODE = 'invalid_parameter_value'; END IF; "
            "INSERT INTO enrollee.requests (profile, partner_id, host, email, environment, action, user_id, reason, "
            "expires_at, run_id, run_digest, row_count) VALUES (p_profile, p_partner, p_host, p_email, p_env, "
            "p_action, '', p_reason, now() + make_interval(secs => greatest(p_ttl_seconds, 1)), p_run, p_digest, "
            "p_rows) RETURNING id INTO r; "
            "PERFORM enrollee.append_event('request', r, json_build_object('type', 'request', 'request', r, "
            "'environment', p_env, 'action', p_action, 'run_id', p_run, 'run_digest', p_digest, 'rows', p_rows, "
            "'partner_id', p_partner, 'reason', p_reason)::text); RETURN r; END $$"),
        QStringLiteral("REVOKE ALL ON FUNCTION enrollee.request_run_approval(text, text, text, text, text, text, "
                       "text, text, integer, text, integer) FROM PUBLIC"),
        QStringLiteral("GRANT SELECT ON enrollee.bulk_policy TO enrollee_officers"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION enrollee.request_run_approval(text, text, text, text, text, text, "
                       "text, text, integer, text, integer) TO enrollee_officers"),
    };
}

// Version 3: signed records. A console registers its Ed25519 public key under the name it writes with;
// the database binds that name to the registering role, and from then on admits a console's record only
// from that role, signed, and continuing the chain; records in the database's own name only from its
// SECURITY DEFINER functions. `signed_from` is the first record that must be signed (records before it
// were written by consoles that did not sign yet).
QStringList version3SignedRecords()
{
    return {
        QStringLiteral("CREATE TABLE enrollee.console_keys ("
                       " installation text PRIMARY KEY CHECK (installation <> 'database'),"
                       " db_role text NOT NULL DEFAULT session_user,"
                       " machine text NOT NULL,"
                       " public_key text NOT NULL CHECK (public_key ~ '^[0-9a-f]{64}$'),"
                       " registered_at timestamptz NOT NULL DEFAULT now())"),
        QStringLiteral("CREATE FUNCTION enrollee.stamp_registration() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       "NEW.db_role := session_user; NEW.registered_at := now(); RETURN NEW; END $$"),
        QStringLiteral("CREATE TRIGGER console_keys_stamp BEFORE INSERT ON enrollee.console_keys FOR EACH ROW "
                       "EXECUTE FUNCTION enrollee.stamp_registration()"),
        QStringLiteral("CREATE TRIGGER console_keys_no_update BEFORE UPDATE OR DELETE ON enrollee.console_keys "
                       "FOR EACH ROW EXECUTE FUNCTION enrollee.refuse_change()"),
        QStringLiteral("CREATE TRIGGER console_keys_no_truncate BEFORE TRUNCATE ON enrollee.console_keys "
                       "FOR EACH STATEMENT EXECUTE FUNCTION enrollee.refuse_change()"),
        QStringLiteral("ALTER TABLE enrollee.trail ADD COLUMN signature text NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE enrollee.schema_version ADD COLUMN signed_from bigint NOT NULL DEFAULT 1"),
        QStringLiteral("UPDATE enrollee.schema_version SET signed_from = "
                       "(SELECT coalesce(max(seq), 0) + 1 FROM enrollee.trail)"),
        QStringLiteral(
            "CREATE FUNCTION enrollee.admit_record() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE p_seq bigint; p_hash text; BEGIN "
            "NEW.db_role := session_user; NEW.recorded_at := now(); "
            "IF NEW.installation = 'database' THEN "
            "IF current_user <> (SELECT pg_get_userbyid(relowner) FROM pg_class "
            "WHERE oid = 'enrollee.trail'::regclass) THEN "
            "RAISE EXCEPTION 'only the database writes records in its own name' "
            "USING ERRCODE = 'insufficient_privilege'; END IF; "
            "ELSIF NOT EXISTS (SELECT 1 FROM enrollee.console_keys k WHERE k.installation = NEW.installation "
            "AND k.db_role = session_user) THEN "
            "RAISE EXCEPTION 'console % is not registered to role %', NEW.installation, session_user "
            "USING ERRCODE = 'insufficient_privilege'; "
            "ELSIF NEW.signature = '' THEN "
            "RAISE EXCEPTION 'a console''s record must be signed' USING ERRCODE = 'insufficient_privilege'; "
            "END IF; "
            "SELECT seq, hash INTO p_seq, p_hash FROM enrollee.trail ORDER BY seq DESC LIMIT 1; "
            "IF NEW.seq <> coalesce(p_seq, 0) + 1 OR NEW.hash <> enrollee.record_hash(coalesce(p_hash, "
            "repeat('0', 64)), NEW.seq, enrollee.record_text(NEW.installation, NEW.local_id, NEW.kind, "
            "NEW.ref_seq, NEW.db_role, NEW.machine, NEW.body)) THEN "
            "RAISE EXCEPTION 'record #% does not continue the chain', NEW.seq "
            "USING ERRCODE = 'integrity_constraint_violation'; END IF; "
            "RETURN NEW; END $$"),
        QStringLiteral("DROP TRIGGER trail_stamp ON enrollee.trail"),
        QStringLiteral("CREATE TRIGGER trail_admit BEFORE INSERT ON enrollee.trail FOR EACH ROW "
                       "EXECUTE FUNCTION enrollee.admit_record()"),
        QStringLiteral("REVOKE ALL ON FUNCTION enrollee.stamp_registration(), enrollee.admit_record() FROM PUBLIC"),
        QStringLiteral("GRANT SELECT, INSERT ON enrollee.console_keys TO enrollee_officers"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION enrollee.stamp_registration(), enrollee.admit_record() "
                       "TO enrollee_officers"),
    };
}

Status sqlFailure(const QString &what, const QSqlError &error)
{
    return Status::failure(what + QLatin1Char(' ') + error.databaseText().trimmed(), Status::Kind::Storage);
}
} // namespace

namespace TeamSchema {

QList<QStringList> migrations()
{
    return {version1Trail() + version1Approvals() + version1Grants(),
            version2BulkRuns(),
            version3SignedRecords(),
            TeamQueryIndexes::version4(),
            TeamQueryIndexes::version5(),
            TeamQueryIndexes::version6()};
}

Result<int> installedVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT to_regclass('enrollee.schema_version') IS NOT NULL")) || !query.next())
        return sqlFailure(tr("Could not read the team schema's version:"), query.lastError());
    if (!query.value(0).toBool())
        return 0;
    if (!query.exec(QStringLiteral("SELECT version FROM enrollee.schema_version")) || !query.next())
        return sqlFailure(tr("Could not read the team schema's version:"), query.lastError());
    return query.value(0).toInt();
}

Result<int> migrate(QSqlDatabase &db)
{
    if (!db.transaction())
        return sqlFailure(tr("Could not begin the schema upgrade:"), db.lastError());
    QSqlQuery query(db);
    // Two administrators running init at once: the second waits, then finds nothing to do.
    query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kAppendLock + 1));
    Result<int> before = installedVersion(db);
    if (!before.ok()) {
        db.rollback();
        return before;
    }
    const QList<QStringList> steps = migrations();
    for (int version = before.value() + 1; version <= int(steps.size()); ++version) {
        for (const QString &sql : steps.at(version - 1)) {
            if (!query.exec(sql)) {
                const Status failed = sqlFailure(
                    tr("The schema upgrade to version %1 failed (nothing was changed):").arg(version),
                    query.lastError());
                db.rollback();
                return failed;
            }
        }
        query.exec(QStringLiteral("UPDATE enrollee.schema_version SET version = %1").arg(version));
    }
    if (!db.commit())
        return sqlFailure(tr("Could not commit the schema upgrade:"), db.lastError());
    return before.value();
}

Status checkVersion(QSqlDatabase &db)
{
    const Result<int> version = installedVersion(db);
    if (!version.ok())
        return version.status();
    if (version.value() == 0)
        return Status::failure(tr("The database has no team trail schema: an administrator must run "
                                  "\"enrollee-cli team init --conninfo ...\" first."),
                               Status::Kind::Storage);
    if (version.value() < kVersion)
        return Status::failure(tr("The team trail schema is version %1; this console needs version %2: an "
                                  "administrator must run \"enrollee-cli team init\" to upgrade it.")
                                   .arg(version.value())
                                   .arg(kVersion),
                               Status::Kind::Storage);
    if (version.value() > kVersion)
        return Status::failure(tr("The team trail schema is version %1, newer than this console understands "
                                  "(%2): update Enrollee Console.")
                                   .arg(version.value())
                                   .arg(kVersion),
                               Status::Kind::Storage);
    return Status::success();
}

} // namespace TeamSchema
