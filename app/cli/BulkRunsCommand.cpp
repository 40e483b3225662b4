#include "BulkRunsCommand.h"

#include "BulkReport.h"
#include "CliOptions.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkRowsFile.h"
#include "bulk/BulkStore.h"
#include "bulk/BulkTally.h"

#include <QCommandLineParser>
#include <QFileInfo>

void BulkRunsCommand::start(const QStringList &arguments)
{
    const QString word = arguments.value(1);
    if (word == QLatin1String("list"))
        return listRuns(arguments);
    if (word == QLatin1String("show"))
        return showRun(arguments);
    if (word == QLatin1String("resume"))
        return resumeRun(arguments);
    if (word == QLatin1String("retry"))
        return retryRun(arguments);
    fail(ExitCode::kUsage, tr("Unknown command on runs: %1").arg(word));
}

void BulkRunsCommand::listRuns(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Bulk runs, newest first: id, action, state, total and per-outcome counts."));
    parser.addPositionalArgument(QStringLiteral("bulk"), tr("The command."), QStringLiteral("bulk list"));
    const QCommandLineOption json = CliOptions::json();
    parser.addOption(json);
    if (!parse(parser, arguments))
        return;
    const bool asJson = parser.isSet(json);
    // Headers and one walk of the history: no run's rows are read.
    const QList<BulkRecord> runs = core()->bulkStore()->list();
    withTally(runs, QString(), [this, runs, asJson](const BulkTally &tally) {
        QList<BulkCounts> counts;
        for (const BulkRecord &r : runs)
            counts.append(tally.counts(r, BulkSendLog::read(core()->bulkStore()->sendLogPath(r.id))));
        BulkReport::printList(runs, counts, asJson);
        succeed();
    });
}

void BulkRunsCommand::showRun(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("One bulk run: its counts (succeeded, already, failed, unknown, not_sent) and rows."));
    parser.addPositionalArgument(QStringLiteral("bulk"), tr("The command."), QStringLiteral("bulk show RUN_ID"));
    const QCommandLineOption json = CliOptions::json();
    parser.addOption(json);
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 3)
        return fail(ExitCode::kUsage, tr("Which run? Usage: enrollee-cli bulk show RUN_ID [--json]"));
    const BulkStore *store = core()->bulkStore();
    const Result<BulkRecord> record = store->loadHeader(parser.positionalArguments().at(2));
    if (!record.ok())
        return fail(record.kind() == Status::Kind::Invalid ? ExitCode::kUsage : ExitCode::kStorage, record.message());
    const bool asJson = parser.isSet(json);
    const BulkRecord &r = record.value();
    // The rows file is checked whole before anything is printed, then streamed: never held at once.
    if (r.headerOnly) {
        if (const Status rows = BulkRowsFile::verify(store->rowsPath(r.id), r.id, r.rowCount, r.rowsSha256); !rows.ok())
            return fail(ExitCode::kStorage, rows.message());
    }
    withTally({r}, r.id, [this, r, store, asJson](const BulkTally &tally) {
        const BulkSendLog::Lines log = BulkSendLog::read(store->sendLogPath(r.id));
        Status streamed;
        BulkReport::printShow(
            r, tally.counts(r, log),
            [&](const std::function<void(const BulkRowResult &)> &sink) {
            streamed = store->eachRow(r, [&](const BulkRow &row) { sink(tally.standing(row, log)); });
            },
            asJson);
        if (!streamed.ok())
            return fail(ExitCode::kStorage, streamed.message());
        if (const QString altered = tally.headerProblem(r); !altered.isEmpty())
            return fail(ExitCode::kStorage, altered);
        succeed();
    });
}

void BulkRunsCommand::resumeRun(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Continue an interrupted or paused bulk run: rows never sent are sent; rows sent without an answer stay "
           "unknown (retry them with bulk retry RUN_ID --unknown).")
        + QLatin1Char('\n') + CliOptions::keyHelp() + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("bulk"), tr("The command."), QStringLiteral("bulk resume RUN_ID"));
    const QCommandLineOption yes = CliOptions::yes();
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    parser.addOptions({yes, keyFile});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 3)
        return fail(ExitCode::kUsage, tr("Which run? Usage: enrollee-cli bulk resume RUN_ID [--yes]"));
    const Result<BulkRecord> loaded = core()->bulkStore()->load(parser.positionalArguments().at(2));
    if (!loaded.ok())
        return fail(loaded.kind() == Status::Kind::Invalid ? ExitCode::kUsage : ExitCode::kStorage, loaded.message());
    const BulkRecord &record = loaded.value(); // with its rows, checked against the header
    const QString state = record.displayState();
    if (state == QLatin1String("running"))
        return fail(ExitCode::kUsage, tr("Run %1 is running in process %2.").arg(record.id).arg(record.pid));
    if (record.state == BulkRecord::State::Finished || record.state == BulkRecord::State::Cancelled)
        return fail(ExitCode::kUsage,
                    tr("Run %1 is %2; retry its failed rows with enrollee-cli bulk retry %1.").arg(record.id, state));
    BulkSession::Options options;
    options.isNew = false;
    options.yes = parser.isSet(yes);
    options.keyFile = parser.value(keyFile);
    launch(record, options);
}

void BulkRunsCommand::retryRun(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("A new bulk run of the rows of RUN_ID that failed (only those refused with --codes, if given) and, "
           "with --unknown, of those whose outcome is unknown. It is linked to the first run.")
        + QLatin1Char('\n') + CliOptions::keyHelp() + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("bulk"), tr("The command."), QStringLiteral("bulk retry RUN_ID"));
    const QCommandLineOption codes(QStringLiteral("codes"), tr("Only rows refused with these codes."), tr("C1,C2"));
    const QCommandLineOption unknown(QStringLiteral("unknown"), tr("Also the rows whose outcome is unknown."));
    const QCommandLineOption results(QStringLiteral("results"), tr("The new run's results file."), tr("FILE"));
    const QCommandLineOption yes = CliOptions::yes();
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    parser.addOptions({codes, unknown, results, yes, keyFile});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() != 3)
        return fail(ExitCode::kUsage, tr("Which run? Usage: enrollee-cli bulk retry RUN_ID [--codes C1,C2]"));
    const Result<BulkRecord> loaded = core()->bulkStore()->load(parser.positionalArguments().at(2));
    if (!loaded.ok())
        return fail(loaded.kind() == Status::Kind::Invalid ? ExitCode::kUsage : ExitCode::kStorage, loaded.message());
    BulkPlan::Retry asked;
    asked.withUnknown = parser.isSet(unknown);
    for (const QString &c : parser.value(codes).split(QLatin1Char(','), Qt::SkipEmptyParts))
        asked.codes.append(c.trimmed());
    BulkSession::Options options;
    options.isNew = false;
    options.yes = parser.isSet(yes);
    options.keyFile = parser.value(keyFile);
    const BulkRecord &parent = loaded.value();
    const QString resultsPath = parser.value(results);
    // One retry of a family at a time, from its planning to its end (the lock goes with the process); the
    // runs are listed again under it, so a retry that ended meanwhile is planned over, not beside.
    const QString root = BulkPlan::rootOf(parent, core()->bulkStore()->list());
    if (const Status locked = m_familyLock.acquireFamily(core()->bulkStore()->folder(), root); !locked.ok())
        return fail(locked.kind() == Status::Kind::Locked ? ExitCode::kUsage : ExitCode::kStorage, locked.message());
    // The entries of the run and of its retries, and what was done since to its users.
    const QList<BulkRecord> runs = core()->bulkStore()->list();
    if (const QString busy = BulkPlan::retryRefusal(parent, runs); !busy.isEmpty())
        return fail(ExitCode::kUsage, busy);
    withHistory(BulkPlan::familyOf(parent, runs), parent,
                [this, parent, runs, asked, options, resultsPath](const QList<HistoryEntry> &history) {
        if (const QString altered = parent.headerProblem(history); !altered.isEmpty())
            return fail(ExitCode::kStorage, altered + QLatin1Char(' ') + tr("Nothing was sent."));
        // What an earlier retry of this run (or of its retries) did is not sent again.
        const Result<QList<BulkRowResult>> standing = BulkPlan::standing(*core()->bulkStore(), parent, runs, history);
        if (!standing.ok())
            return fail(ExitCode::kStorage, standing.message() + QLatin1Char(' ') + tr("Nothing was sent."));
        BulkRecord retry = BulkPlan::retryOf(parent, standing.value(), asked);
        if (retry.rows.isEmpty())
            return fail(ExitCode::kOk, tr("Run %1 has no rows to retry.").arg(parent.id));
        BulkPlan::identify(&retry, *core()->bulkStore(), *core()->clock(),
                           resultsPath.isEmpty() ? QString() : QFileInfo(resultsPath).absoluteFilePath());
        if (const Status s = core()->bulkStore()->checkResultsPath(retry.resultsPath, retry.inputPath); !s.ok())
            return fail(ExitCode::kUsage, s.message() + QLatin1Char(' ') + tr("Nothing was sent."));
        launch(retry, options);
    });
}
