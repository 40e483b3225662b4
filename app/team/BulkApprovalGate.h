#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"
#include "team/TeamApprovals.h"

#include <QObject>

#include <functional>
#include <optional>

class CoreContext;

// Four eyes for bulk runs (issue 11), the one gate both faces use before a run sends anything. With a
// team store, a run of an action the team policy gives to two officers, or of more rows than the team's
// bulk limit for its environment, is approved as a whole:
//  - a new run is saved (paused) and becomes one request bound to its header digest — every row, the
//    action, profile and reason — and nothing is sent (Requested);
//  - a resumed run is sent only under its request: approved, it is claimed (once: the database refuses a
//    second claim); already claimed by this officer, it goes on after a crash; pending, it waits; denied
//    or expired, it is refused; a run file changed since the request is refused.
// The database work runs on the history thread; `done` is called on `context`'s thread.
class BulkApprovalGate : public QObject
{
    Q_OBJECT
public:
    struct Verdict {
        enum class Kind {
            Free,        // no approval needed: send
            Approved,    // send every row under request `requestId`
            Requested,   // recorded as request `requestId`; nothing sent
            Waiting,     // the request still awaits a second officer; nothing sent
            Refused,     // denied, expired, or not claimable; nothing sent
            Changed,     // the run file no longer matches the approved digest; nothing sent
            Unreachable, // approval is needed and the team database cannot be reached; nothing sent
            Failed,      // the run file or the request could not be written; nothing sent
        };
        Kind kind = Kind::Free;
        qint64 requestId = 0;
        QString message; // translated, for the face to show as it is
    };

    BulkApprovalGate(CoreContext *core, QObject *parent = nullptr);
    // `record` as the face has it (a new run: not yet saved).
    void check(const BulkRecord &record, bool isNew, std::function<void(const Verdict &)> done);

private:
    struct Rules {
        Status reach;
        QMap<QString, QStringList> byEnvironment;
        QMap<QString, int> bulkLimits;
        std::optional<Result<ApprovalRequest>> existing; // this officer's request for the run (resumes)
    };
    void onRules(const Rules &rules);
    void request(const QString &why);
    void useApproval(const ApprovalRequest &request);
    void finish(Verdict::Kind kind, const QString &message, qint64 id = 0);

    CoreContext *m_core;
    BulkRecord m_record;
    bool m_isNew = true;
    std::function<void(const Verdict &)> m_done;
};
