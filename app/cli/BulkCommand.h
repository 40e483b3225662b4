#pragma once

#include "BulkCommandBase.h"
#include "bulk/BulkRecord.h"

class QCommandLineParser;

// `enrollee-cli bulk ...`: ACTION over the rows of a file (planned by the core's BulkPlan, checked
// first, --dry-run stops there); list, show, resume and retry are BulkRunsCommand's.
class BulkCommand : public BulkCommandBase
{
    Q_OBJECT
public:
    using BulkCommandBase::BulkCommandBase;
    void start(const QStringList &arguments) override;

private:
    void startNew(ActionKind action, const QStringList &arguments);
    bool readNumber(const QCommandLineParser &parser, const QString &option, double min, double max, double *value);
    void dryRun(const BulkRecord &record);
};
