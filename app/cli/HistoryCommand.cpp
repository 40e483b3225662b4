#include "HistoryCommand.h"

#include "AppSettings.h"
#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "HistoryService.h"
#include "KeychainSession.h"
#include "Validation.h"

#include <QCommandLineParser>
#include <QJsonArray>

#include <algorithm>

void HistoryCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the actions recorded by every face of Enrollee Console, newest first. The API cannot read an "
           "enrollee's live state: this is what this computer sent and what the server answered.")
        + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("history"), tr("The command."), QStringLiteral("history"));
    const QCommandLineOption userId(QStringLiteral("user-id"), tr("Only actions on this user ID."), tr("ID"));
    const QCommandLineOption json = CliOptions::json();
    const QCommandLineOption verifyOption(QStringLiteral("verify"),
                                          tr("Check the history's hash chain; exit 0 when intact, 5 naming the first "
                                             "altered, removed or reordered entry."));
    const QCommandLineOption keepMonths(QStringLiteral("keep-months"),
                                        tr("Keep N months of history (0 = everything, the default), save that as the "
                                           "retention setting and remove older whole months now. The removal is "
                                           "itself recorded in the history."),
                                        tr("N"));
    parser.addOptions({userId, json, verifyOption, keepMonths});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() > 1)
        return fail(ExitCode::kUsage, tr("history takes no arguments besides its options."));
    if (parser.isSet(verifyOption))
        return verify();
    if (parser.isSet(keepMonths)) {
        bool ok = false;
        const int months = parser.value(keepMonths).toInt(&ok);
        if (!ok || months < 0 || months > 1200)
            return fail(ExitCode::kUsage,
                        tr("--keep-months takes a number of months from 0 (keep everything) to 1200."));
        return prune(months);
    }
    if (parser.isSet(userId)) {
        if (const Status s = Validation::checkUserId(parser.value(userId)); !s.ok())
            return fail(ExitCode::kUsage, s.message());
    }
    list(parser.isSet(userId) ? Validation::normalizedUserId(parser.value(userId)) : QString(), parser.isSet(json));
}

QStringList HistoryCommand::columns(const HistoryEntry &e)
{
    QString status;
    if (e.httpStatus > 0)
        status = QString::number(e.httpStatus);
    if (!e.code.isEmpty())
        status += (status.isEmpty() ? QString() : QStringLiteral("/")) + e.code;
    return {
        e.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
        environmentName(e.environment),
        ActionInfo::cliName(e.action),
        HistoryEntry::outcomeName(e.outcome),
        status.isEmpty() ? QStringLiteral("-") : status,
        Console::oneLine(e.userId),
        e.operatorEmail,
        Console::oneLine(e.reason),
    };
}

CoreContext *HistoryCommand::core()
{
    if (!m_core)
        m_core = new CoreContext(CoreConfig::standard(), this);
    return m_core;
}

void HistoryCommand::withChainKey(const std::function<void()> &then)
{
    m_keychain = new KeychainSession(core()->credentials(), this);
    connect(core(), &CoreContext::historyReady, this, [then](const Status &) { then(); });
    core()->openHistory();
}

void HistoryCommand::list(const QString &userId, bool json)
{
    core()->history()->read(1, this, [this, userId, json](const Result<HistoryRead> &read) {
        if (!read.ok())
            return fail(ExitCode::kStorage, read.message());
        show(read.value(), userId, json);
    });
}

void HistoryCommand::show(const HistoryRead &read, const QString &userId, bool json)
{
    for (const QString &problem : read.problems)
        Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: %1").arg(Console::oneLine(problem)));
    QList<HistoryEntry> entries;
    for (const HistoryEntry &e : read.entries) {
        if (userId.isEmpty() || e.userId == userId)
            entries.append(e);
    }
    std::reverse(entries.begin(), entries.end());

    if (json) {
        QJsonArray array;
        for (const HistoryEntry &e : entries)
            array.append(e.toJson());
        Console::json(array);
        return succeed();
    }
    if (entries.isEmpty()) {
        Console::err(userId.isEmpty() ? tr("The history is empty.")
                                      : tr("No actions recorded for user \"%1\".").arg(userId));
        return succeed();
    }
    QList<QStringList> rows;
    rows.append({tr("TIME (UTC)"), tr("ENV"), tr("ACTION"), tr("OUTCOME"), tr("HTTP/CODE"), tr("USER"), tr("OPERATOR"),
                 tr("REASON")});
    for (const HistoryEntry &e : entries)
        rows.append(columns(e));
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (int i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], int(qMin(row[i].size(), qsizetype(40))));
    }
    for (const QStringList &row : rows) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            line += last ? row[i] : row[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        Console::out(line.trimmed());
    }
    succeed();
}

void HistoryCommand::verify()
{
    withChainKey([this] {
        core()->history()->verify(this, [this](const ChainReport &report) {
            if (!report.ok)
                return fail(ExitCode::kStorage,
                            tr("History check FAILED at entry #%1: %2").arg(report.firstBadEntry).arg(report.problem));
            Console::out(
                tr("History intact: %n record(s) checked, chained with the key from %1.", nullptr, int(report.records))
                    .arg(core()->chainKeyLocation()));
            succeed();
        });
    });
}

void HistoryCommand::prune(int months)
{
    AppSettings &settings = *core()->settings();
    settings.setRetentionMonths(months);
    if (!settings.sync())
        return fail(ExitCode::kStorage, tr("Could not save the retention setting in %1.").arg(settings.fileName()));
    if (months == 0) {
        Console::out(tr("Retention set to keep everything; nothing removed."));
        return succeed();
    }
    const QString operatorEmail = settings.hasProfile(settings.activeProfile())
        ? settings.profile(settings.activeProfile()).email
        : QStringLiteral("enrollee-cli");
    withChainKey([this, months, operatorEmail] {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QDate keepFrom = QDate(today.year(), today.month(), 1).addMonths(-months);
        core()->history()->prune(keepFrom, operatorEmail, this, [this, keepFrom](const Result<PruneReport> &pruned) {
            if (!pruned.ok())
                return fail(ExitCode::kStorage, tr("Pruning failed: %1").arg(pruned.message()));
            Console::out(tr("Kept history from %1 on; entries removed with the months before it: %2.")
                             .arg(keepFrom.toString(Qt::ISODate))
                             .arg(pruned.value().removedEntries));
            succeed();
        });
    });
}
