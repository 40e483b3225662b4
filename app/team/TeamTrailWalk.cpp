#include "TeamTrailWalk.h"

#include <QCoreApplication>

namespace TeamTrail {
namespace {
// The trail's own translation context (lupdate takes it from the qualified calls below).
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TeamTrail", text, nullptr, n);
}
} // namespace
} // namespace TeamTrail

TeamTrailWalk::TeamTrailWalk(const TeamConsoles::Keys &keys, TeamCheckpoint::State checkpoint)
    : m_keys(keys), m_checkpoint(std::move(checkpoint)), m_previous(HistoryChain::genesis())
{
    m_report.keyed = true;
}

void TeamTrailWalk::addBreak(qint64 seq, const QString &problem)
{
    if (m_report.ok) {
        m_report.ok = false;
        m_report.firstBadSeq = seq;
        m_report.firstBadEntry = seq;
        m_report.problem = problem;
    }
    m_report.breaks.append({seq, seq, problem});
}

void TeamTrailWalk::add(const TeamRecord &r)
{
    if (r.seq > m_expected)
        addBreak(
            m_expected,
            TeamTrail::tr("Team records #%1 to #%2 are missing: they were deleted.").arg(m_expected).arg(r.seq - 1));
    if (const QString problem = TeamTrail::recordProblem(r, m_previous, m_keys); !problem.isEmpty())
        addBreak(r.seq, problem);
    m_previous = r.hash;
    m_expected = r.seq + 1;
    ++m_report.records;
    if (m_report.ok) {
        m_report.headSeq = r.seq;
        m_report.headHash = r.hash;
    }
    // The first record under the checkpoint's number is the one compared with it, as a search of the
    // whole list in order would find it.
    if (!m_checkpointMet && m_checkpoint.authentic && r.seq == m_checkpoint.seq) {
        m_checkpointMet = true;
        m_checkpointHash = r.hash;
    }
    m_last = r.seq;
}

ChainReport TeamTrailWalk::finish()
{
    const TeamCheckpoint::State &cp = m_checkpoint;
    if (cp.present && !cp.authentic) {
        addBreak(0, TeamTrail::tr("This console's team checkpoint is damaged, or was made with another chain key."));
    } else if (cp.authentic && m_last == 0) {
        addBreak(
            1,
            TeamTrail::tr("The team trail is empty, but this console verified record #%1: it was emptied (TRUNCATE or "
                          "DELETE of every record).")
                .arg(cp.seq));
    } else if (cp.authentic && cp.seq > m_last) {
        addBreak(m_last + 1,
                 TeamTrail::tr("The newest %n team record(s) were removed (DELETE of #%1 to #%2): this console "
                               "verified record #%2.",
                               int(cp.seq - m_last))
                     .arg(m_last + 1)
                     .arg(cp.seq));
    } else if (cp.authentic) {
        if (!m_checkpointMet || m_checkpointHash != cp.hash)
            addBreak(cp.seq,
                     TeamTrail::tr("Team record #%1 is not the record this console verified: the trail was rewritten "
                                   "from there (records altered and their hashes recomputed).")
                         .arg(cp.seq));
        else
            m_report.anchored = true;
    }
    return m_report;
}
