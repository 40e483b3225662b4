#pragma once

#include "BulkCommandBase.h"
#include "bulk/BulkRunLock.h"

// `enrollee-cli bulk list|show|resume|retry`: the commands on runs already stored, over the core's
// BulkStore, BulkPlan and history.
class BulkRunsCommand : public BulkCommandBase
{
    Q_OBJECT
public:
    using BulkCommandBase::BulkCommandBase;
    // `arguments` starts with "bulk", then the word of the command on runs.
    void start(const QStringList &arguments) override;

private:
    void listRuns(const QStringList &arguments);
    void showRun(const QStringList &arguments);
    void resumeRun(const QStringList &arguments);
    void retryRun(const QStringList &arguments);

    BulkRunLock m_familyLock; // a retry's family, held from its planning until the process ends
};
