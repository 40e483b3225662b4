#include "TeamTextCandidates.h"

#include "team/TeamSqlFailure.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace {
int g_window = 5000; // records looked at in order before the trigram index is asked

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

} // namespace

TeamTextCandidates::TeamTextCandidates(QSqlDatabase &db, const HistoryQuery &query, QString conditions,
                                       QVariantList values)
    : m_db(db), m_query(query), m_pattern(pattern(query)), m_conditions(std::move(conditions)),
      m_values(std::move(values))
{
}

void TeamTextCandidates::setWindow(int records)
{
    g_window = qMax(1, records);
}

// In a record's words (enrollee.entry_text(): the JSON strings decoded, ASCII lower-cased as Qt does) a
// field holding the needle shows it: the whole needle when it is printable ASCII, else its longest run
// of letters and digits. Words holding anything but ASCII are always candidates.
QString TeamTextCandidates::pattern(const HistoryQuery &query)
{
    const QString needle = query.needle();
    bool printable = true;
    for (const QChar c : needle) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            printable = false;
    }
    QString core = printable ? needle : token(needle);
    if (core.isEmpty())
        return {};
    core.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + core + QLatin1Char('%');
}

bool TeamTextCandidates::newestFirst() const
{
    return m_query.order == HistoryQuery::Order::NewestFirst;
}

Result<QList<qint64>> TeamTextCandidates::next(Of of, qint64 bound, int size, bool *full)
{
    const bool down = newestFirst();
    Known &known = m_known[of == Of::Begins ? 0 : 1];
    // Past the bound the kept list started from (0 newest first: the top), every candidate is in it.
    if (known.valid && (down ? known.from == 0 || (bound != 0 && bound <= known.from) : bound >= known.from))
        return take(known.seqs, bound, size, full);
    const bool begins = of == Of::Begins;
    const QString seq = begins ? QStringLiteral("b.seq") : QStringLiteral("c.ref_seq");
    QVariantList values{m_pattern};
    QString inner = begins
        ? QStringLiteral("SELECT b.seq, b.words FROM enrollee.trail b WHERE b.kind = 'begin'")
        : QStringLiteral("SELECT c.ref_seq AS seq, c.words FROM enrollee.trail c WHERE c.kind = 'complete'");
    if (down && bound > 0) {
        inner += QStringLiteral(" AND %1 < ?").arg(seq);
        values.append(bound);
    } else if (!down) {
        inner += QStringLiteral(" AND %1 > ?").arg(seq);
        values.append(bound);
    }
    if (begins) {
        inner += m_conditions;
        values += m_values;
    }
    const QString direction = down ? QStringLiteral(" DESC") : QString();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT w.seq, coalesce(w.words LIKE ?, false) FROM (%1 ORDER BY %2%3 LIMIT %4) w ORDER "
                             "BY w.seq%3")
                  .arg(inner, seq, direction)
                  .arg(g_window));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec())
        return TeamSqlFailure::of(q.lastError());
    QList<qint64> hits;
    qint64 examined = 0;
    qint64 last = 0;
    while (q.next()) {
        ++examined;
        last = q.value(0).toLongLong();
        // An entry answered twice is one candidate.
        if (q.value(1).toBool() && hits.size() < size && (hits.isEmpty() || hits.constLast() != last))
            hits.append(last);
    }
    if (hits.size() >= size || examined < g_window) {
        *full = hits.size() >= size;
        return hits;
    }
    // An answer past the window may name the last begin the window saw: the index is asked from it.
    const qint64 from = begins ? last : (down ? last + 1 : last - 1);
    Result<QList<qint64>> found = beyond(of, from);
    if (!found.ok())
        return found;
    known.valid = true;
    known.from = bound;
    known.seqs = hits;
    for (const qint64 seq : std::as_const(found.value())) {
        if (known.seqs.isEmpty() || known.seqs.constLast() != seq)
            known.seqs.append(seq);
    }
    return take(known.seqs, bound, size, full);
}

QList<qint64> TeamTextCandidates::take(const QList<qint64> &seqs, qint64 bound, int size, bool *full) const
{
    const bool down = newestFirst();
    qsizetype i = 0;
    while (i < seqs.size() && bound != 0 && (down ? seqs.at(i) >= bound : seqs.at(i) <= bound))
        ++i;
    QList<qint64> taken;
    for (; i < seqs.size() && taken.size() < size; ++i)
        taken.append(seqs.at(i));
    *full = i < seqs.size();
    return taken;
}

Result<QList<qint64>> TeamTextCandidates::beyond(Of of, qint64 bound)
{
    const bool down = newestFirst();
    const bool begins = of == Of::Begins;
    QVariantList values{m_pattern, bound};
    // Materialized: every candidate the index finds, then ordered. Left to itself the planner may walk
    // every record in order looking for a few.
    QString sql = begins
        ? QStringLiteral("WITH m AS MATERIALIZED (SELECT b.seq FROM enrollee.trail b WHERE b.kind = 'begin' AND "
                         "b.words LIKE ? AND b.seq %1 ?")
        : QStringLiteral("WITH m AS MATERIALIZED (SELECT c.ref_seq AS seq FROM enrollee.trail c WHERE c.kind = "
                         "'complete' AND c.words LIKE ? AND c.ref_seq %1 ?");
    sql = sql.arg(down ? QStringLiteral("<") : QStringLiteral(">"));
    if (begins) {
        sql += m_conditions;
        values += m_values;
    }
    sql += QStringLiteral(") SELECT DISTINCT seq FROM m ORDER BY seq%1")
               .arg(down ? QStringLiteral(" DESC") : QString());
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
    return seqs;
}
