#include "TeamQueryIndexes.h"

namespace TeamQueryIndexes {

QString wordRuns(const QString &words)
{
    // Every printable ASCII character that is neither a letter nor a digit (a words column is lower-cased).
    return QStringLiteral("translate(%1, ' !\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~', '%2')")
        .arg(words, QString(33, QLatin1Char('q')));
}

QString slice(const QString &seq)
{
    return QStringLiteral("(%1 / %2)").arg(seq).arg(kSlice);
}

// Version 4: the trail queried where it lives. Two functions read a body as the console does without
// ever failing a statement (their exception handlers make them unsafe in parallel workers): body_field() is a string
// field of a JSON object body (NULL otherwise), and plain_record() says whether the body is a JSON object without
// repeated keys whose type agrees with the row's kind. Expression indexes on the begin records' user, action and run
// answer a user's timeline or a filter with keyset pagination on seq; completions are found by the begin they answer;
// and the few records that are not plain (damaged, or written by hand) have an index of their own, so
// a query can always add them to its candidates and let the console judge them as a read does.
QStringList version4()
{
    return {
        QStringLiteral(
            "CREATE FUNCTION enrollee.body_field(body text, field text) RETURNS text IMMUTABLE STRICT "
            "PARALLEL UNSAFE LANGUAGE plpgsql AS $$ DECLARE j jsonb; BEGIN j := body::jsonb; "
            "IF jsonb_typeof(j) = 'object' AND jsonb_typeof(j -> field) = 'string' THEN "
            "RETURN j ->> field; END IF; RETURN NULL; EXCEPTION WHEN data_exception THEN RETURN NULL; END $$"),
        QStringLiteral("CREATE FUNCTION enrollee.plain_record(kind text, body text) RETURNS boolean IMMUTABLE STRICT "
                       "PARALLEL UNSAFE LANGUAGE plpgsql AS $$ DECLARE j jsonb; t text; BEGIN j := body::jsonb; "
                       "IF jsonb_typeof(j) <> 'object' THEN RETURN false; END IF; "
                       "IF (SELECT count(*) FROM json_object_keys(body::json)) <> "
                       "(SELECT count(*) FROM jsonb_object_keys(j)) THEN RETURN false; END IF; "
                       "t := CASE WHEN jsonb_typeof(j -> 'type') = 'string' THEN j ->> 'type' ELSE '' END; "
                       "IF kind IN ('begin', 'complete') OR t IN ('begin', 'complete') THEN RETURN t = kind; END IF; "
                       "RETURN true; EXCEPTION WHEN data_exception THEN RETURN false; END $$"),
        QStringLiteral("CREATE INDEX trail_begins ON enrollee.trail (seq) WHERE kind = 'begin'"),
        QStringLiteral("CREATE INDEX trail_begin_user ON enrollee.trail (enrollee.body_field(body, 'user_id'), seq) "
                       "WHERE kind = 'begin'"),
        QStringLiteral("CREATE INDEX trail_begin_action ON enrollee.trail (enrollee.body_field(body, 'action'), seq) "
                       "WHERE kind = 'begin'"),
        QStringLiteral("CREATE INDEX trail_begin_run ON enrollee.trail (enrollee.body_field(body, 'run_id'), seq) "
                       "WHERE kind = 'begin'"),
        QStringLiteral("CREATE INDEX trail_completions ON enrollee.trail (ref_seq, seq) WHERE kind = 'complete'"),
        QStringLiteral(
            "CREATE INDEX trail_not_plain ON enrollee.trail (seq) WHERE NOT enrollee.plain_record(kind, body)"),
        // The text filter: a record's text lower-cased under the C collation (ASCII the same under every
        // database locale), found by trigrams; a record with anything else (non-ASCII text, a JSON
        // escape) is always a candidate.
        QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_trgm"),
        QStringLiteral("CREATE FUNCTION enrollee.search_text(body text, db_role text, machine text) RETURNS text "
                       "IMMUTABLE STRICT PARALLEL SAFE LANGUAGE sql AS $$ SELECT lower((body || chr(31) || db_role || "
                       "chr(31) || machine) COLLATE \"C\") $$"),
        QStringLiteral("CREATE FUNCTION enrollee.unjudged(txt text) RETURNS boolean IMMUTABLE STRICT PARALLEL SAFE "
                       "LANGUAGE sql AS $$ SELECT txt ~ '[^\\x01-\\x7f]' OR strpos(txt, chr(92)) > 0 $$"),
        QStringLiteral("CREATE INDEX trail_begin_text ON enrollee.trail USING gin "
                       "(enrollee.search_text(body, db_role, machine) gin_trgm_ops) WHERE kind = 'begin'"),
        QStringLiteral("CREATE INDEX trail_completion_text ON enrollee.trail USING gin "
                       "(enrollee.search_text(body, '', '') gin_trgm_ops) WHERE kind = 'complete'"),
        QStringLiteral("CREATE INDEX trail_begin_unjudged ON enrollee.trail (seq) WHERE kind = 'begin' AND "
                       "enrollee.unjudged(enrollee.search_text(body, db_role, machine))"),
        QStringLiteral("CREATE INDEX trail_completion_unjudged ON enrollee.trail (ref_seq) WHERE kind = 'complete' "
                       "AND enrollee.unjudged(body)"),
        QStringLiteral("REVOKE ALL ON FUNCTION enrollee.body_field(text, text), enrollee.plain_record(text, text), "
                       "enrollee.search_text(text, text, text), enrollee.unjudged(text) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION enrollee.body_field(text, text), enrollee.plain_record(text, text), "
                       "enrollee.search_text(text, text, text), enrollee.unjudged(text) TO enrollee_officers"),
        QStringLiteral("ANALYZE enrollee.trail"),
    };
}

// Version 5: the text filter narrowed by the words an entry is searched by, not by its whole record.
// The generated column `words` (entry_text()) is what HistoryQuery::searchText() joins from a record
// (a begin's user, operator, reason, run, role and machine; an answer's message and code), read from
// the parsed JSON so escapes are decoded, lower-cased under the C collation (ASCII the same under every
// database locale). Trigrams of the whole body were common to every record (keys, pid, times), so a
// rare needle narrowed nothing; these are as rare as the needle. Kept with the record, checking a
// candidate the index found is a substring test, not a parse. A record whose words hold anything but
// ASCII is always a candidate; one that is not a JSON object has no words and stands among the records
// that are not plain.
QStringList version5()
{
    return {
        QStringLiteral(
            "CREATE FUNCTION enrollee.entry_text(kind text, body text, db_role text, machine text) RETURNS text "
            "IMMUTABLE STRICT PARALLEL UNSAFE LANGUAGE plpgsql AS $$ DECLARE j jsonb; BEGIN j := body::jsonb; "
            "IF jsonb_typeof(j) <> 'object' THEN RETURN NULL; END IF; "
            "IF kind = 'complete' THEN RETURN lower(concat_ws(chr(31), replace(j ->> 'message', chr(31), ' '), "
            "replace(j ->> 'code', chr(31), ' ')) COLLATE \"C\"); END IF; "
            "RETURN lower(concat_ws(chr(31), replace(j ->> 'user_id', chr(31), ' '), replace(j ->> 'operator', "
            "chr(31), ' '), replace(j ->> 'reason', chr(31), ' '), replace(j ->> 'run_id', chr(31), ' '), "
            "replace(db_role, chr(31), ' '), replace(machine, chr(31), ' ')) COLLATE \"C\"); "
            "EXCEPTION WHEN data_exception THEN RETURN NULL; END $$"),
        QStringLiteral("DROP INDEX enrollee.trail_begin_text, enrollee.trail_completion_text, "
                       "enrollee.trail_begin_unjudged, enrollee.trail_completion_unjudged"),
        QStringLiteral("DROP FUNCTION enrollee.search_text(text, text, text)"),
        QStringLiteral("ALTER TABLE enrollee.trail ADD COLUMN words text GENERATED ALWAYS AS "
                       "(enrollee.entry_text(kind, body, db_role, machine)) STORED"),
        QStringLiteral("CREATE INDEX trail_begin_words ON enrollee.trail USING gin (words gin_trgm_ops) "
                       "WHERE kind = 'begin'"),
        QStringLiteral("CREATE INDEX trail_completion_words ON enrollee.trail USING gin (words gin_trgm_ops) "
                       "WHERE kind = 'complete'"),
        QStringLiteral("CREATE INDEX trail_begin_words_unjudged ON enrollee.trail (seq) WHERE kind = 'begin' AND "
                       "enrollee.unjudged(words)"),
        QStringLiteral("CREATE INDEX trail_completion_words_unjudged ON enrollee.trail (ref_seq) WHERE kind = "
                       "'complete' AND enrollee.unjudged(words)"),
        QStringLiteral("REVOKE ALL ON FUNCTION enrollee.entry_text(text, text, text, text) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION enrollee.entry_text(text, text, text, text) TO enrollee_officers"),
        QStringLiteral("ANALYZE enrollee.trail"),
    };
}

// Version 6: the text filter found slice by slice. Trigrams of the words split where pg_trgm sees no
// letter or digit, so "case-1" narrowed to the records holding "case" and any word beginning with "1",
// a fifth of the trail: wordRuns() maps every such character to one letter, so a needle keeps its
// punctuation's place among its trigrams ("seq", "eq1") and narrows to the records that hold it. The
// begin number's slice (16,384 records, by btree_gin) is a second key of the same index: a needle
// whose matches all lie far back is looked for slice by slice from the newest, each slice's
// candidates found at once, and only the slices before the first page are read, never every match.
QStringList version6()
{
    return {
        QStringLiteral("CREATE EXTENSION IF NOT EXISTS btree_gin"),
        QStringLiteral("DROP INDEX enrollee.trail_begin_words, enrollee.trail_completion_words"),
        QStringLiteral("CREATE INDEX trail_begin_word_runs ON enrollee.trail USING gin (%1 gin_trgm_ops, %2) "
                       "WHERE kind = 'begin'")
            .arg(wordRuns(QStringLiteral("words")), slice(QStringLiteral("seq"))),
        QStringLiteral("CREATE INDEX trail_completion_word_runs ON enrollee.trail USING gin (%1 gin_trgm_ops, %2) "
                       "WHERE kind = 'complete'")
            .arg(wordRuns(QStringLiteral("words")), slice(QStringLiteral("ref_seq"))),
        QStringLiteral("ANALYZE enrollee.trail"),
    };
}

} // namespace TeamQueryIndexes
