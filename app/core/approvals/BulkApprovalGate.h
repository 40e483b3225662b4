#pragma once

#include "approvals/FourEyes.h"
#include "bulk/BulkRecord.h"

#include <QObject>

#include <functional>

class BulkStore;
class Clock;
class HistoryService;

// Four eyes for bulk runs, the one gate both faces use before a run sends anything. When the four-eyes
// verdict on the run says a second officer is needed (the team policy names its action, or it has more
// rows than the team's bulk limit for its environment), the run is approved as a whole:
//  - a new run is saved (paused) and becomes one request bound to its header digest — every row, the
//    action, profile and reason — and nothing is sent (Requested);
//  - a resumed run is sent only under its request: approved, it is claimed (once: the database refuses a
//    second claim); already claimed by this officer, it goes on after a crash; pending, it waits; denied
//    or expired, it is refused; a run file changed since the request is refused.
// A held verdict (the policy cannot be known) sends nothing. `done` is called on the caller's thread.
class BulkApprovalGate : public QObject
{
    Q_OBJECT
public:
    struct Verdict {
        enum class Kind {
            Free,      // no approval needed: send
            Approved,  // send every row under request `requestId`
            Requested, // recorded as request `requestId`; nothing sent
            Waiting,   // the request still awaits a second officer; nothing sent
            Refused,   // denied, expired, or not claimable; nothing sent
            Changed,   // the run file no longer matches the approved digest; nothing sent
            Held,      // the team's policy names the action and cannot be checked now; nothing sent
            Failed,    // the run file or the request could not be written; nothing sent
        };
        Kind kind = Kind::Free;
        qint64 requestId = 0;
        QString message; // translated, for the face to show as it is
        // What the rows carry to the runner: Free, or NeedsSecondOfficer with `requestId` claimed.
        FourEyesVerdict fourEyes() const
        {
            return kind == Kind::Free ? FourEyesVerdict::Free : FourEyesVerdict::NeedsSecondOfficer;
        }
    };

    BulkApprovalGate(FourEyes *fourEyes, HistoryService *history, const BulkStore *store, const Clock *clock,
                     QObject *parent = nullptr);
    // `record` as the face has it (a new run: not yet saved).
    void check(const BulkRecord &record, bool isNew, std::function<void(const Verdict &)> done);

private:
    void onVerdict(const RunVerdict &verdict);
    void request(const QString &why);
    void useApproval(const ApprovalRequest &request);
    void finish(Verdict::Kind kind, const QString &message, qint64 id = 0);
    ApprovalRequest asked() const;

    FourEyes *m_fourEyes;
    HistoryService *m_history;
    const BulkStore *m_store;
    const Clock *m_clock;
    BulkRecord m_record;
    bool m_isNew = true;
    std::function<void(const Verdict &)> m_done;
};
