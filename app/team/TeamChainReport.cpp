#include "TeamChainReport.h"

#include <QCoreApplication>

namespace TeamChainReport {

ChainReport unreachable(const ChainReport &local, const QString &why)
{
    ChainReport report;
    report.ok = false;
    report.unreachable = true;
    report.records = local.records;
    report.keyed = local.keyed;
    report.problem = QCoreApplication::translate(
                         "TeamHistoryBackend",
                         "The team trail cannot be checked now: the team database cannot be reached (%1).")
                         .arg(why);
    appendLocalBreaks(local, &report);
    return report;
}

void appendLocalBreaks(const ChainReport &local, ChainReport *report)
{
    for (const ChainBreak &b : local.breaks) {
        const QString problem = QCoreApplication::translate("TeamHistoryBackend", "this console's own trail: %1")
                                    .arg(b.problem);
        if (report->breaks.isEmpty()) {
            report->ok = false;
            report->firstBadSeq = b.seq;
            report->firstBadEntry = b.entry;
            if (!report->unreachable)
                report->problem = problem;
        }
        report->breaks.append({b.seq, b.entry, problem});
    }
}

} // namespace TeamChainReport
