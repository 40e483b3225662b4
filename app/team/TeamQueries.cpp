#include "TeamQueries.h"

#include "action/Action.h"
#include "team/TeamCounts.h"
#include "team/TeamEntries.h"
#include "team/TeamSqlFailure.h"
#include "team/TeamTextCandidates.h"
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

QString arrayOf(const QList<qint64> &numbers)
{
    QStringList words;
    for (qint64 n : numbers)
        words.append(QString::number(n));
    return QLatin1Char('{') + words.join(QLatin1Char(',')) + QLatin1Char('}');
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

TeamQueries::TeamQueries(QSqlDatabase &db, QString file, qint64 verifiedThrough, TeamConsoles::Keys keys)
    : m_db(db), m_file(std::move(file)), m_verifiedThrough(verifiedThrough), m_keys(std::move(keys))
{
}

Result<QList<qint64>> TeamQueries::listed(const HistoryQuery &query, Source source, qint64 bound, int size, bool *full)
{
    const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
    const bool ofCompletions = source == Source::CompletionUnjudged;
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
    case Source::BeginText: // TeamTextCandidates
    case Source::CompletionText:
        return QList<qint64>();
    case Source::BeginUnjudged:
        sql = QStringLiteral("SELECT b.seq FROM enrollee.trail b WHERE b.kind = 'begin' AND "
                             "enrollee.unjudged(b.words)");
        break;
    case Source::CompletionUnjudged:
        sql = QStringLiteral("SELECT c.ref_seq FROM enrollee.trail c WHERE c.kind = 'complete' AND "
                             "enrollee.unjudged(c.words)");
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
    if (source == Source::Plain || source == Source::BeginUnjudged)
        sql += conditions(query, &values);
    sql +=
        QStringLiteral(" ORDER BY %1%2 LIMIT %3").arg(seq, newestFirst ? QStringLiteral(" DESC") : QString()).arg(size);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return TeamSqlFailure::of(q.lastError());
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
        return TeamSqlFailure::of(found.lastError());
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
        return TeamSqlFailure::of(q.lastError());
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

Result<TeamQueries::Batch> TeamQueries::nextBatch(const HistoryQuery &query, TeamTextCandidates *text, qint64 bound,
                                                  int size, QStringList *problems)
{
    const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
    // With a text filter the candidates are the begins whose own words, or an answer's, hold it, and
    // those whose words only the console can judge; without, every begin the exact filters keep.
    const QList<Source> sources = text ? QList<Source>{Source::BeginText, Source::CompletionText, Source::BeginUnjudged,
                                                       Source::CompletionUnjudged, Source::NotPlain}
                                       : QList<Source>{Source::Plain, Source::NotPlain};
    QList<QList<qint64>> lists;
    Batch batch;
    batch.exhausted = true;
    // A full list may continue past its last row, where the other lists' rows are not known yet: this
    // batch ends at the nearest of those ends.
    qint64 cut = 0;
    for (const Source source : sources) {
        bool full = false;
        Result<QList<qint64>> found = source == Source::BeginText
            ? text->next(TeamTextCandidates::Of::Begins, bound, size, &full)
            : (source == Source::CompletionText ? text->next(TeamTextCandidates::Of::Answers, bound, size, &full)
                                                : listed(query, source, bound, size, &full));
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

std::unique_ptr<TeamTextCandidates> TeamQueries::textOf(const HistoryQuery &query)
{
    if (TeamTextCandidates::pattern(query).isEmpty())
        return nullptr;
    QVariantList values;
    QString exact = conditions(query, &values);
    return std::make_unique<TeamTextCandidates>(m_db, query, std::move(exact), std::move(values));
}

Result<HistoryPage> TeamQueries::page(const HistoryQuery &query, qint64 after, int limit)
{
    HistoryPage page;
    QStringList problems;
    std::unique_ptr<TeamTextCandidates> text = textOf(query);
    qint64 bound = after;
    int size = qBound(1, limit + 1, kMaxBatch);
    bool done = false;
    while (!done) {
        const Result<Batch> batch = nextBatch(query, text.get(), bound, size, &problems);
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
    std::unique_ptr<TeamTextCandidates> text = textOf(query);
    qint64 bound = 0;
    for (;;) {
        const Result<Batch> batch = nextBatch(query, text.get(), bound, kWalkBatch, &problems);
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
        Result<HistoryCounts> counted = TeamCounts(m_db, m_giveWay).exact(query, exact, values);
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
