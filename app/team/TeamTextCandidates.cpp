#include "TeamTextCandidates.h"

#include "team/TeamQueryIndexes.h"
#include "team/TeamSqlFailure.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <utility>

namespace {
int g_window = 5000;   // records looked at in order before the trigram index is asked
int g_probe = 500;     // candidates past which the index is asked slice by slice
int g_slicesFirst = 8; // slices looked at before the rest of the index is

bool isLetterOrDigit(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
}

// The longest run of ASCII letters and digits in `needle`, or nothing.
QString token(const QString &needle)
{
    QString best;
    QString run;
    const QString ended = needle + QLatin1Char(' ');
    for (const QChar c : ended) {
        if (isLetterOrDigit(c)) {
            run.append(c);
            continue;
        }
        if (run.size() > best.size())
            best = run;
        run.clear();
    }
    return best;
}

// What of `query`'s needle a record's words must hold: the whole needle when it is printable ASCII,
// else its longest run of letters and digits (nothing when it has none).
QString printableCore(const HistoryQuery &query)
{
    const QString needle = query.needle();
    bool printable = true;
    for (const QChar c : needle) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            printable = false;
    }
    return printable ? needle : token(needle);
}

} // namespace

TeamTextCandidates::TeamTextCandidates(QSqlDatabase &db, const HistoryQuery &query, QString conditions,
                                       QVariantList values)
    : m_db(db), m_query(query), m_pattern(pattern(query)), m_runPattern(runPattern(query)),
      m_conditions(std::move(conditions)), m_values(std::move(values))
{
}

void TeamTextCandidates::setWindow(int records)
{
    g_window = qMax(1, records);
}

void TeamTextCandidates::setProbe(int candidates, int slicesFirst)
{
    g_probe = qMax(1, candidates);
    g_slicesFirst = qMax(0, slicesFirst);
}

// In a record's words (enrollee.entry_text(): the JSON strings decoded, ASCII lower-cased as Qt does) a
// field holding the needle shows it: the whole needle when it is printable ASCII, else its longest run
// of letters and digits. Words holding anything but ASCII are always candidates.
QString TeamTextCandidates::pattern(const HistoryQuery &query)
{
    QString core = printableCore(query);
    if (core.isEmpty())
        return {};
    core.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + core + QLatin1Char('%');
}

// Words holding the needle hold its runs where the needle's own characters were mapped the same way:
// no wildcard or escape is left in it.
QString TeamTextCandidates::runPattern(const HistoryQuery &query)
{
    QString core = printableCore(query);
    if (core.isEmpty())
        return {};
    for (QChar &c : core) {
        if (!isLetterOrDigit(c))
            c = QLatin1Char('q');
    }
    return QLatin1Char('%') + core + QLatin1Char('%');
}

bool TeamTextCandidates::newestFirst() const
{
    return m_query.order == HistoryQuery::Order::NewestFirst;
}

Result<QList<qint64>> TeamTextCandidates::next(Of of, qint64 bound, int size, bool *full)
{
    const bool down = newestFirst();
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
    *full = hits.size() >= size;
    if (*full || examined < g_window)
        return hits;
    // An answer past the window may name the last begin the window saw: the index is asked from it.
    const qint64 from = begins ? (down ? last - 1 : last + 1) : last;
    if (Status found = sliced(of, from, size, &hits, full); !found.ok())
        return found;
    return hits;
}

Status TeamTextCandidates::sliced(Of of, qint64 bound, int size, QList<qint64> *seqs, bool *full)
{
    const bool down = newestFirst();
    const bool begins = of == Of::Begins;
    const QString seq = begins ? QStringLiteral("b.seq") : QStringLiteral("c.ref_seq");
    const QString words = begins ? QStringLiteral("b.words") : QStringLiteral("c.words");
    QString sql = begins ? QStringLiteral("SELECT b.seq FROM enrollee.trail b WHERE b.kind = 'begin'")
                         : QStringLiteral("SELECT c.ref_seq AS seq FROM enrollee.trail c WHERE c.kind = 'complete'");
    sql += QStringLiteral(" AND %1 LIKE ? AND %2 LIKE ? AND %3 %4 ?")
               .arg(TeamQueryIndexes::wordRuns(words), words, seq, down ? QStringLiteral("<=") : QStringLiteral(">="));
    if (begins)
        sql += m_conditions;
    const QString direction = down ? QStringLiteral(" DESC") : QString();
    const auto bind = [&](QSqlQuery &q, qint64 from) {
        q.addBindValue(m_runPattern);
        q.addBindValue(m_pattern);
        q.addBindValue(from);
        for (const QVariant &v : begins ? m_values : QVariantList())
            q.addBindValue(v);
    };
    // Taken in order until `size` are (then more may follow): an entry answered twice is one candidate.
    const auto take = [&](qint64 found) {
        if (seqs->isEmpty() || seqs->constLast() != found)
            seqs->append(found);
        *full = seqs->size() >= size;
        return !*full;
    };
    *full = false;
    qint64 last = 0; // the last slice up the trail
    if (!down) {
        QSqlQuery head(m_db);
        if (!head.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM enrollee.trail")) || !head.next())
            return TeamSqlFailure::of(head.lastError());
        last = head.value(0).toLongLong() / TeamQueryIndexes::kSlice;
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    QSqlQuery probe(m_db);
    probe.setForwardOnly(true);
    q.prepare(
        QStringLiteral("%1 AND %2 = ?::bigint ORDER BY %3%4").arg(sql, TeamQueryIndexes::slice(seq), seq, direction));
    probe.prepare(QStringLiteral("WITH m AS MATERIALIZED (%1 LIMIT %2) SELECT seq, (SELECT count(*) FROM m) FROM m "
                                 "ORDER BY seq%3")
                      .arg(sql)
                      .arg(g_probe)
                      .arg(direction));
    int visited = 0;
    for (qint64 slice = bound / TeamQueryIndexes::kSlice; !*full && (down ? slice >= 0 : slice <= last);
         slice += down ? -1 : 1) {
        // Past the first few slices, a rare needle's candidates are all found by one look at the rest of
        // the index (a bitmap, cut short when there are many); a common one's are looked for slice by slice.
        if (visited++ == g_slicesFirst) {
            bind(probe,
                 down ? qMin(bound, (slice + 1) * TeamQueryIndexes::kSlice - 1)
                      : qMax(bound, slice * TeamQueryIndexes::kSlice));
            if (!probe.exec())
                return TeamSqlFailure::of(probe.lastError());
            if (!probe.next())
                return Status::success();
            if (probe.value(1).toLongLong() < g_probe) {
                while (take(probe.value(0).toLongLong()) && probe.next()) {
                }
                return Status::success();
            }
        }
        bind(q, bound);
        q.addBindValue(slice);
        if (!q.exec())
            return TeamSqlFailure::of(q.lastError());
        while (q.next() && take(q.value(0).toLongLong())) {
        }
    }
    return Status::success();
}
