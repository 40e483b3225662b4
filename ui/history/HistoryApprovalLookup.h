#pragma once

#include "approvals/ApprovalRequest.h"
#include "base/Status.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

class FourEyes;

// Who approved an action, when and why, for the history's detail pane: asked of the core's FourEyes
// service (which reads the team's requests on the history thread) when an approved entry is selected,
// and kept, since a decided request never changes its decision. A failed read is not kept: selecting
// the entry again asks again.
class HistoryApprovalLookup : public QObject
{
    Q_OBJECT
public:
    explicit HistoryApprovalLookup(QObject *parent = nullptr);

    // Without a service, or without a team, nothing can be asked.
    void setFourEyes(FourEyes *fourEyes) { m_fourEyes = fourEyes; }
    bool canAsk() const;
    // What is known of request `id`: nothing yet (asked now unless already on its way), the request, or
    // why it could not be read (the last attempt).
    std::optional<Result<ApprovalRequest>> lookUp(qint64 id);

signals:
    // The answer for request `id` came (found or not): lookUp(id) now has it.
    void answered(qint64 id);

private:
    FourEyes *m_fourEyes = nullptr; // the core's, which outlives the window
    QHash<qint64, ApprovalRequest> m_found;
    QHash<qint64, QString> m_failed; // the last failure, shown once, then asked again
    QSet<qint64> m_asking;
};
