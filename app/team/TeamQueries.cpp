#include "TeamQueries.h"

#include "action/Action.h"
#include "team/TeamCounts.h"
#include "team/TeamEntries.h"
#include "team/TeamTrail.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <utility>

namespace {
constexpr int kWalkBatch = 1000;
constexpr int kMaxBatch = 5000;
int g_window = 5000; // begins looked at in order before a text filter asks its trigram index

Status failed(const QSqlError &error)
{
    return Status::failure(QCoreApplication::translate("TeamTrail", "Could not read the team trail:") + QLatin1Char(' ')
                               + error.databaseText().trimmed() + QLatin1Char(' ') + error.driverText().trimmed(),
                           Status::Kind::Storage);
}

QString arrayOf(const QList<qint64> &numbers)
{
    QStringList words;
    for (qint64 n : numbers)
        words.append(QString::number(n));
    return QLatin1Char('{') + words.join(QLatin1Char(',')) + QLatin1Char('}');
}

// The longest run of ASCII letters and digits in `needle`, or nothing.
QString token(const QString &needle)
{
    QString best;
    QString run;
    const QString ended = needle + QLatin1Char(' ');
    for (const QChar c : ended) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            run.append(c);
            continue;
        }
        if (run.size() > best.size())
            best = run;
        run.clear();
    }
    return best;
}

// The LIKE pattern that narrows the text filter, or nothing. In a body that is ASCII without a JSON
// escape (enrollee.unjudged() says which are not; they are always candidates), every string field
// stands verbatim, so a field holding the needle shows it in enrollee.search_text(), which lower-cases
// ASCII as Qt does: the whole needle when it is printable ASCII without a quote or a backslash, else its
// longest run of letters and digits.
QString pattern(const HistoryQuery &query)
{
    const QString needle = query.needle();
    bool verbatim = true;
    for (const QChar c : needle) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == QLatin1Char('"') || c == QLatin1Char('\\'))
            verbatim = false;
    }
    QString core = verbatim ? needle : token(needle);
    if (core.isEmpty())
        return {};
    core.replace(QLatin1Char('%'), QLatin1String("\\%")).replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + core + QLatin1Char('%');
}

// The conditions SQL states exactly on plain begin records `b`, with their values in order.
QString conditions(const HistoryQuery &query, QVariantList *values)
{
    QString sql;
    if (!query.userId.isEmpty()) {
        sql += QStringLiteral(" AND enrollee.body_field(b.body, 'user_id') = ?");
        values->append(query.userId);
    }
    if (query.action) {
        sql += QStringLiteral(" AND enrollee.body_field(b.body, 'action') = ?");
        values->append(ActionInfo::cliName(*query.action));
    }
    if (!query.runId.isEmpty()) {
        sql += QStringLiteral(" AND enrollee.body_field(b.body, 'run_id') = ?");
        values->append(query.runId);
    }
    if (!query.dbRole.isEmpty()) {
        sql += QStringLiteral(" AND b.db_role = ?");
        values->append(query.dbRole);
    }
    return sql;
}
} // namespace

void TeamQueries::setTextWindow(int begins)
{
    g_window = qMax(1, begins);
}

TeamQueries::TeamQueries(QSqlDatabase &db, QString file, qint64 verifiedThrough, TeamConsoles::Keys keys)
    : m_db(db), m_file(std::move(file)), m_verifiedThrough(verifiedThrough), m_keys(std::move(keys))
{
}

Result<QList<qint64>> TeamQueries::candidates(const HistoryQuery &query, Source source, qint64 bound, int size,
                                              bool *full)
{
    if (source != Source::BeginText)
        return listed(query, source, bound, size, full);
    // A common word is met soon in order, a rare one is found at once by its trigrams, and the planner
    // cannot tell which: the next few thousand begins are looked at in order first, the trigrams asked only
    // beyond them.
    const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
    QVariantList values{pattern(query)};
    QString inner = QStringLiteral("SELECT b.seq, b.body, b.db_role, b.machine FROM enrollee.trail b WHERE b.kind = "
                                   "'begin'");
    if (newestFirst && bound > 0) {
        inner += QStringLiteral(" AND b.seq < ?");
        values.append(bound);
    } else if (!newestFirst) {
        inner += QStringLiteral(" AND b.seq > ?");
        values.append(bound);
    }
    inner += conditions(query, &values);
    const QString order = newestFirst ? QStringLiteral(" ORDER BY seq DESC") : QStringLiteral(" ORDER BY seq");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT w.seq, enrollee.search_text(w.body, w.db_role, w.machine) LIKE ? FROM (%1%2 "
                             "LIMIT %3) w%4")
                  .arg(inner, QString(order).replace(QLatin1String("seq"), QLatin1String("b.seq")))
                  .arg(g_window)
                  .arg(QString(order).replace(QLatin1String("seq"), QLatin1String("w.seq"))));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return failed(q.lastError());
    QList<qint64> hits;
    qint64 examined = 0;
    qint64 last = 0;
    while (q.next()) {
        ++examined;
        last = q.value(0).toLongLong();
        if (q.value(1).toBool() && hits.size() < size)
            hits.append(last);
    }
    if (hits.size() >= size || examined < g_window) {
        *full = hits.size() >= size;
        return hits;
    }
    Result<QList<qint64>> beyond = listed(query, source, last, size - int(hits.size()), full);
    if (!beyond.ok())
        return beyond;
    return hits + beyond.value();
}

Result<QList<qint64>> TeamQueries::listed(const HistoryQuery &query, Source source, qint64 bound, int size, bool *full)
{
    const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
    const bool ofCompletions = source == Source::CompletionText || source == Source::CompletionUnjudged;
    const QString seq = ofCompletions ? QStringLiteral("c.ref_seq") : QStringLiteral("b.seq");
    QVariantList values;
    QString sql;
    switch (source) {
    case Source::Plain:
        sql = QStringLiteral("SELECT b.seq FROM enrollee.trail b WHERE b.kind = 'begin'");
        break;
    case Source::NotPlain:
        sql = QStringLiteral("SELECT b.seq FROM enrollee.trail b WHERE NOT enrollee.plain_record(b.kind, b.body)");
        break;
    case Source::BeginText:
        sql = QStringLiteral("SELECT b.seq FROM enrollee.trail b WHERE b.kind = 'begin' AND "
                             "enrollee.search_text(b.body, b.db_role, b.machine) LIKE ?");
        values.append(pattern(query));
        break;
    case Source::BeginUnjudged:
        sql = QStringLiteral("SELECT b.seq FROM enrollee.trail b WHERE b.kind = 'begin' AND "
                             "enrollee.unjudged(enrollee.search_text(b.body, b.db_role, b.machine))");
        break;
    case Source::CompletionText:
        sql = QStringLiteral("SELECT c.ref_seq FROM enrollee.trail c WHERE c.kind = 'complete' AND "
                             "enrollee.search_text(c.body, '', '') LIKE ?");
        values.append(pattern(query));
        break;
    case Source::CompletionUnjudged:
        sql = QStringLiteral(
            "SELECT c.ref_seq FROM enrollee.trail c WHERE c.kind = 'complete' AND enrollee.unjudged(c.body)");
        break;
    }
    if (newestFirst && bound > 0) {
        sql += QStringLiteral(" AND %1 < ?").arg(seq);
        values.append(bound);
    } else if (!newestFirst) {
        sql += QStringLiteral(" AND %1 > ?").arg(seq);
        values.append(bound);
    }
    // Only begins are narrowed by the exact filters; the other lists are wider, never narrower.
    if (source == Source::Plain || source == Source::BeginText || source == Source::BeginUnjudged)
        sql += conditions(query, &values);
    sql +=
        QStringLiteral(" ORDER BY %1%2 LIMIT %3").arg(seq, newestFirst ? QStringLiteral(" DESC") : QString()).arg(size);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return failed(q.lastError());
    QList<qint64> seqs;
    while (q.next())
        seqs.append(q.value(0).toLongLong());
    *full = seqs.size() == size;
    return seqs;
}

Result<QList<HistoryEntry>> TeamQueries::entriesOf(const QList<qint64> &seqs, QStringList *problems)
{
    if (seqs.isEmpty())
        return QList<HistoryEntry>();
    QStringList columns;
    for (const QString &c : QString::fromLatin1(TeamTrail::kColumns).split(QLatin1Char(','), Qt::SkipEmptyParts))
        columns.append(QStringLiteral("t.") + c.trimmed());
    // The begins, every completion naming them, and every record that is not plain past the first of
    // them (a hand-written answer may name its begin in its body): the read decides what each one is.
    // Their numbers first, then the records by number, so the planner sees how few they are.
    QSqlQuery found(m_db);
    found.setForwardOnly(true);
    found.prepare(QStringLiteral("SELECT seq FROM enrollee.trail WHERE seq = ANY(?::bigint[]) UNION SELECT seq FROM "
                                 "enrollee.trail WHERE kind = 'complete' AND ref_seq = ANY(?::bigint[]) UNION SELECT "
                                 "seq FROM enrollee.trail WHERE NOT enrollee.plain_record(kind, body) AND seq > ?"));
    const QString array = arrayOf(seqs);
    found.addBindValue(array);
    found.addBindValue(array);
    found.addBindValue(*std::min_element(seqs.cbegin(), seqs.cend()));
    if (!found.exec())
        return failed(found.lastError());
    QList<qint64> numbers;
    while (found.next())
        numbers.append(found.value(0).toLongLong());
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, p.hash FROM enrollee.trail t LEFT JOIN enrollee.trail p ON p.seq = t.seq - 1 "
                             "WHERE t.seq = ANY(?::bigint[]) ORDER BY t.seq")
                  .arg(columns.join(QStringLiteral(", "))));
    q.addBindValue(arrayOf(numbers));
    if (!q.exec())
        return failed(q.lastError());
    QList<TeamRecord> records;
    QHash<qint64, QString> previous;
    while (q.next()) {
        records.append(TeamTrail::recordAt(q));
        if (!q.value(11).isNull())
            previous.insert(records.last().seq, q.value(11).toString());
    }
    HistoryRead read = TeamEntries::of(records, 1, m_file);
    problems->append(read.problems);
    problems->append(TeamEntries::unverified(records, previous, m_keys, m_verifiedThrough));
    const QSet<qint64> wanted(seqs.cbegin(), seqs.cend());
    QList<HistoryEntry> entries;
    for (HistoryEntry &e : read.entries) {
        if (wanted.contains(e.id))
            entries.append(std::move(e));
    }
    return entries;
}

Result<TeamQueries::Batch> TeamQueries::nextBatch(const HistoryQuery &query, qint64 bound, int size,
                                                  QStringList *problems)
{
    const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
    // With a text filter the candidates are the begins whose own text, or an answer's, holds it, and
    // those whose text only the console can judge; without, every begin the exact filters keep.
    const QList<Source> sources = pattern(query).isEmpty()
        ? QList<Source>{Source::Plain, Source::NotPlain}
        : QList<Source>{Source::BeginText, Source::CompletionText, Source::BeginUnjudged, Source::CompletionUnjudged,
                        Source::NotPlain};
    QList<QList<qint64>> lists;
    Batch batch;
    batch.exhausted = true;
    // A full list may continue past its last row, where the other lists' rows are not known yet: this
    // batch ends at the nearest of those ends.
    qint64 cut = 0;
    for (const Source source : sources) {
        bool full = false;
        Result<QList<qint64>> found = candidates(query, source, bound, size, &full);
        if (!found.ok())
            return found.status();
        if (full) {
            batch.exhausted = false;
            const qint64 end = found.value().last();
            cut = cut == 0 ? end : (newestFirst ? qMax(cut, end) : qMin(cut, end));
        }
        lists.append(std::move(found.value()));
    }
    batch.next = cut;
    QList<qint64> seqs;
    for (const QList<qint64> &list : std::as_const(lists)) {
        for (qint64 seq : list) {
            if (cut == 0 || (newestFirst ? seq >= cut : seq <= cut))
                seqs.append(seq);
        }
    }
    std::sort(seqs.begin(), seqs.end());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    Result<QList<HistoryEntry>> entries = entriesOf(seqs, problems);
    if (!entries.ok())
        return entries.status();
    batch.entries = std::move(entries.value());
    if (newestFirst)
        std::reverse(batch.entries.begin(), batch.entries.end());
    return batch;
}

Result<HistoryPage> TeamQueries::page(const HistoryQuery &query, qint64 after, int limit)
{
    HistoryPage page;
    QStringList problems;
    qint64 bound = after;
    int size = qBound(1, limit + 1, kMaxBatch);
    bool done = false;
    while (!done) {
        const Result<Batch> batch = nextBatch(query, bound, size, &problems);
        if (!batch.ok())
            return batch.status();
        for (const HistoryEntry &e : batch.value().entries) {
            if (!query.matches(e))
                continue;
            if (page.entries.size() >= limit) {
                page.more = true;
                done = true;
                break;
            }
            page.entries.append(e);
        }
        if (batch.value().exhausted)
            break;
        bound = batch.value().next;
        size = qMin(size * 4, kMaxBatch); // a filter that keeps few candidates asks for more at a time
    }
    if (!page.entries.isEmpty())
        page.next = page.entries.constLast().id;
    problems.removeDuplicates();
    page.problems = problems;
    return page;
}

Result<QStringList> TeamQueries::walk(const HistoryQuery &query, const HistoryBackend::EntryVisitor &visit)
{
    QStringList problems;
    qint64 bound = 0;
    for (;;) {
        const Result<Batch> batch = nextBatch(query, bound, kWalkBatch, &problems);
        if (!batch.ok())
            return batch.status();
        for (const HistoryEntry &e : batch.value().entries) {
            if (query.matches(e) && !visit(e)) {
                problems.removeDuplicates();
                return problems;
            }
        }
        if (batch.value().exhausted)
            break;
        bound = batch.value().next;
    }
    problems.removeDuplicates();
    return problems;
}

Result<HistoryRead> TeamQueries::readUser(const QString &userId)
{
    HistoryQuery query;
    query.userId = userId;
    query.order = HistoryQuery::Order::OldestFirst;
    HistoryRead read;
    const Result<QStringList> walked = walk(query, [&read](const HistoryEntry &e) {
        read.entries.append(e);
        return true;
    });
    if (!walked.ok())
        return walked.status();
    read.problems = walked.value();
    return read;
}

Result<HistoryEntry> TeamQueries::readEntry(qint64 id)
{
    QStringList problems;
    const Result<QList<HistoryEntry>> entries = entriesOf({id}, &problems);
    if (!entries.ok())
        return entries.status();
    for (const HistoryEntry &e : entries.value()) {
        if (e.id == id)
            return e;
    }
    return Status::failure(QCoreApplication::translate("HistoryStore", "Entry #%1 is not in the history.").arg(id),
                           Status::Kind::Error);
}

Result<HistoryCounts> TeamQueries::count(const HistoryQuery &query)
{
    // Counted by the database when it can say exactly what a read would: no text or dates to judge,
    // and every record plain (checked in the same snapshot). Otherwise each candidate is judged here.
    if (query.needle().isEmpty() && !query.from.isValid() && !query.until.isValid()) {
        QVariantList values;
        const QString exact = conditions(query, &values);
        Result<HistoryCounts> counted = TeamCounts(m_db).exact(query, exact, values);
        if (!counted.ok() || counted.value().total >= 0)
            return counted;
    }
    HistoryCounts counts;
    const Result<QStringList> walked = walk(query, [&counts](const HistoryEntry &e) {
        counts.add(e.outcome);
        return true;
    });
    if (!walked.ok())
        return walked.status();
    return counts;
}
