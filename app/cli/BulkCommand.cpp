#include "BulkCommand.h"

#include "BulkReport.h"
#include "BulkRunsCommand.h"
#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "ProfileResolver.h"
#include "action/Validation.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkStore.h"
#include "settings/AppSettings.h"

#include <QCommandLineParser>

#include <cmath>

namespace {
QString usage()
{
    return BulkCommand::tr("Usage: enrollee-cli bulk ACTION --input FILE [options] | list | show RUN_ID | "
                           "resume RUN_ID | retry RUN_ID");
}
} // namespace

void BulkCommand::start(const QStringList &arguments)
{
    const QString word = arguments.value(1);
    ActionKind action = ActionKind::Deactivate;
    if (ActionInfo::fromCliName(word, &action))
        return startNew(action, arguments);
    if (word == QLatin1String("list") || word == QLatin1String("show") || word == QLatin1String("resume")
        || word == QLatin1String("retry")) {
        auto *runs = new BulkRunsCommand(this);
        connect(runs, &Command::finished, this, &Command::finished);
        return runs->start(arguments);
    }
    if (word == QLatin1String("--help") || word == QLatin1String("-h")) {
        Console::out(usage() + QLatin1Char('\n') + CliOptions::exitCodeHelp());
        return succeed();
    }
    fail(ExitCode::kUsage, usage());
}

bool BulkCommand::readNumber(const QCommandLineParser &parser, const QString &option, double min, double max,
                             double *value)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const double n = parser.value(option).toDouble(&ok);
    if (!ok || !std::isfinite(n) || n < min || n > max) { // NaN compares false with both bounds
        fail(ExitCode::kUsage, tr("--%1 takes a number from %2 to %3.").arg(option).arg(min).arg(max));
        return false;
    }
    *value = n;
    return true;
}

void BulkCommand::startNew(ActionKind action, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("%1 every user ID in a file: a CSV with a header (the user_id column, or --column; an optional reason "
           "column overrides --reason) or one ID per line. Every row is checked first and nothing is sent when "
           "the input is unusable; --dry-run stops after the check (exit 2 when a row has a problem). In "
           "production --confirm-count N must match the valid rows, and --canary N (default 5 there) sends N "
           "rows and asks before the rest (--yes goes on when they all succeeded).")
            .arg(ActionInfo::displayName(action))
        + QLatin1Char('\n') + CliOptions::keyHelp() + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("bulk"), tr("The command."), QStringLiteral("bulk ACTION"));
    const QCommandLineOption input(QStringLiteral("input"), tr("The file of user IDs."), tr("FILE"));
    const QCommandLineOption column(QStringLiteral("column"), tr("The CSV column of user IDs (default user_id)."),
                                    tr("NAME"));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Reason or case reference for every row."),
                                    tr("TEXT"));
    const QCommandLineOption dry(QStringLiteral("dry-run"), tr("Check the input and send nothing."));
    const QCommandLineOption rate(QStringLiteral("rate"), tr("Requests per second (default 5; 0 = unlimited)."),
                                  tr("N"));
    const QCommandLineOption concurrency(QStringLiteral("concurrency"), tr("Requests in flight (default 4)."), tr("N"));
    const QCommandLineOption canary(
        QStringLiteral("canary"), tr("Send N rows first and ask before the rest (default 5 in production)."), tr("N"));
    const QCommandLineOption results(QStringLiteral("results"),
                                     tr("The results file (CSV, or JSON when it ends in .json)."), tr("FILE"));
    const QCommandLineOption confirmCount(QStringLiteral("confirm-count"),
                                          tr("The number of valid rows, as a confirmation."), tr("N"));
    const QCommandLineOption partner = CliOptions::partnerId();
    const QCommandLineOption email = CliOptions::email();
    const QCommandLineOption environment = CliOptions::environment();
    const QCommandLineOption baseUrl = CliOptions::baseUrl();
    const QCommandLineOption scheme = CliOptions::scheme();
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    const QCommandLineOption yes = CliOptions::yes();
    parser.addOptions({input, column, reason, dry, rate, concurrency, canary, results, yes, confirmCount, partner,
                       email, environment, baseUrl, scheme, keyFile});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() > 2)
        return fail(ExitCode::kUsage, tr("bulk ACTION takes its rows from --input FILE, not from arguments."));
    if (!parser.isSet(input))
        return fail(ExitCode::kUsage, tr("Which rows? Add --input FILE."));
    double rateValue = 5;
    double concurrencyValue = 4;
    double canaryValue = -1;
    double confirmValue = -1;
    if (!readNumber(parser, QStringLiteral("rate"), 0, 10000, &rateValue)
        || !readNumber(parser, QStringLiteral("concurrency"), 1, 256, &concurrencyValue)
        || !readNumber(parser, QStringLiteral("canary"), 0, 1000000, &canaryValue)
        || !readNumber(parser, QStringLiteral("confirm-count"), 0, 100000000, &confirmValue))
        return;
    if (const Status s = Validation::checkReason(parser.value(reason)); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    const ProfileResolver::Overrides overrides = CliOptions::profileOverrides(parser);
    BulkPlan::Options plan;
    QString error;
    if (!ProfileResolver::resolve(*core()->settings(), overrides, &plan.profile, &error))
        return fail(ExitCode::kUsage, error);
    if (const Status s = plan.profile.validate(); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    const Result<BulkInput> parsed = BulkInput::readFile(parser.value(input), parser.value(column),
                                                         parser.value(reason));
    if (!parsed.ok())
        return fail(ExitCode::kUsage, parsed.message() + QLatin1Char(' ') + tr("Nothing was sent."));
    plan.action = action;
    plan.reason = parser.value(reason);
    plan.rate = rateValue;
    plan.concurrency = int(concurrencyValue);
    plan.canary = int(canaryValue);
    BulkRecord record = BulkPlan::newRun(parsed.value(), plan, core()->policy());
    for (const BulkRow &row : record.rows) {
        if (!row.valid())
            Console::err(tr("line %1: %2").arg(row.line).arg(Console::oneLine(row.problem)));
    }
    if (parser.isSet(dry))
        return dryRun(record);
    if (record.validCount() == 0)
        return fail(ExitCode::kUsage, tr("No valid rows; nothing was sent."));
    BulkPlan::identify(&record, *core()->bulkStore(), *core()->clock(), parser.value(results));
    if (const Status s = core()->bulkStore()->checkResultsPath(record.resultsPath, record.inputPath); !s.ok())
        return fail(ExitCode::kUsage, s.message() + QLatin1Char(' ') + tr("Nothing was sent."));
    BulkSession::Options options;
    options.yes = parser.isSet(yes);
    options.confirmCount = int(confirmValue);
    options.keyFile = parser.value(keyFile);
    launch(record, options);
}

void BulkCommand::dryRun(const BulkRecord &record)
{
    const int valid = record.validCount();
    const int invalid = int(record.rows.size()) - valid;
    withHistory({}, record, [this, record, valid, invalid](const QList<HistoryEntry> &history) {
        Console::out(tr("Dry run, nothing was sent: %1 rows, %2 valid, %3 not sent (problems above); %4 in %5.")
                         .arg(record.rows.size())
                         .arg(valid)
                         .arg(invalid)
                         .arg(ActionInfo::cliName(record.action), environmentName(record.profile.environment)));
        if (const QString known = BulkPlan::alreadyDoneNote(record, history); !known.isEmpty())
            Console::out(known);
        end(invalid > 0 ? ExitCode::kUsage : ExitCode::kOk);
    });
}
