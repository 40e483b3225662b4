#pragma once

#include "BulkSession.h"
#include "Command.h"
#include "bulk/BulkRecord.h"

class CoreContext;
class QCommandLineParser;

// `enrollee-cli bulk ...`: ACTION over the rows of a file (checked first, --dry-run stops there),
// list, show, resume and retry, all over the core's BulkRun, BulkStore and history.
class BulkCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    CoreContext *core();
    void startNew(ActionKind action, const QStringList &arguments);
    void listRuns(const QStringList &arguments);
    void showRun(const QStringList &arguments);
    void resumeRun(const QStringList &arguments);
    void retryRun(const QStringList &arguments);
    // Reads the whole history, then `then` with it (fails the command when it cannot be read).
    void withHistory(const std::function<void(const QList<HistoryEntry> &)> &then);
    bool readNumber(const QCommandLineParser &parser, const QString &option, double min, double max, double *value);
    void dryRun(const BulkRecord &record);
    void launch(const BulkRecord &record, const BulkSession::Options &options);

    CoreContext *m_core = nullptr;
};
