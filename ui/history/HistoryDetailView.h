#pragma once

#include "approvals/ApprovalRequest.h"
#include "base/Status.h"
#include "history/HistoryEntry.h"

#include <QPlainTextEdit>

#include <optional>

// The detail pane under the history table: every field of the selected entry, each attempt and the
// raw server response, in a monospace, selectable, read-only text so an officer can copy any of it.
class HistoryDetailView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit HistoryDetailView(QWidget *parent = nullptr);

    // `approval`: for an entry sent under an approved request, its request as read from the team (or why
    // it could not be read); unset while it is being read.
    using Approval = std::optional<Result<ApprovalRequest>>;
    void showEntry(const HistoryEntry &entry, const Approval &approval = std::nullopt);
    void showNothing();

    // The text shown for an entry (translated labels, raw values).
    static QString describe(const HistoryEntry &entry, const Approval &approval = std::nullopt);
};
