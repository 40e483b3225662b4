#include "HistoryCommand.h"

#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "HistoryListing.h"
#include "KeyEpochConfirmation.h"
#include "KeychainSession.h"
#include "TerminalPrompt.h"
#include "action/Validation.h"
#include "approvals/FourEyes.h"
#include "history/HistoryService.h"
#include "settings/AppSettings.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <memory>

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
                                             "altered, removed or reordered entry, 4 when the team database cannot "
                                             "be reached to check it now."));
    const QCommandLineOption keepMonths(QStringLiteral("keep-months"),
                                        tr("Keep N months of history (0 = everything, the default), save that as the "
                                           "retention setting and remove older whole months now, after showing what "
                                           "goes and asking (or --yes). The removal is itself recorded in the "
                                           "history. Refused while the clock is behind the newest record or more "
                                           "than a month ahead of it."),
                                        tr("N"));
    const QCommandLineOption yes = CliOptions::yes();
    const QCommandLineOption epoch(QStringLiteral("new-key-epoch"),
                                   tr("The history's chain key is lost for good: make a new one and record a key "
                                      "epoch, after which --verify reports the earlier records as unverifiable "
                                      "instead of altered. Needs --reason; asks first (or --yes). Refused while the "
                                      "key is only out of reach or still vouches for the history."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why the key was given up (with --new-key-epoch)."),
                                    tr("TEXT"));
    const QCommandLineOption withoutKeychain(QStringLiteral("without-keychain"),
                                             tr("With --new-key-epoch on a computer that has no keychain: keep the "
                                                "new key in the file beside the history."));
    parser.addOptions({userId, json, verifyOption, keepMonths, yes, epoch, reason, withoutKeychain});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() > 1)
        return fail(ExitCode::kUsage, tr("history takes no arguments besides its options."));
    if (parser.isSet(verifyOption))
        return verify();
    if (parser.isSet(epoch))
        return newKeyEpoch(parser.value(reason), parser.isSet(yes), parser.isSet(withoutKeychain));
    if (parser.isSet(keepMonths)) {
        bool ok = false;
        const int months = parser.value(keepMonths).toInt(&ok);
        if (!ok || months < 0 || months > 1200)
            return fail(ExitCode::kUsage,
                        tr("--keep-months takes a number of months from 0 (keep everything) to 1200."));
        return prune(months, parser.isSet(yes));
    }
    if (parser.isSet(userId)) {
        if (const Status s = Validation::checkUserId(parser.value(userId)); !s.ok())
            return fail(ExitCode::kUsage, s.message());
    }
    list(parser.isSet(userId) ? Validation::normalizedUserId(parser.value(userId)) : QString(), parser.isSet(json));
}

CoreContext *HistoryCommand::core()
{
    if (!m_core) {
        m_core = new CoreContext(CoreConfig::standard(), this);
        settleBeforeEnd(m_core);
    }
    return m_core;
}

void HistoryCommand::withChainKey(AuditKey::Mode mode, const std::function<void(const Status &)> &then)
{
    m_keychain = new KeychainSession(core()->credentials(), this);
    connect(core(), &CoreContext::historyReady, this, then);
    core()->openHistory(mode);
}

void HistoryCommand::list(const QString &userId, bool json)
{
    // Only what is shown is asked for: one user's entries (from the history's index, or the team's
    // database), or every entry streamed, so a history of millions is never held whole.
    const auto listed = [this, userId, json] {
        if (!userId.isEmpty()) {
            return core()->history()->readUser(userId, this, [this, userId, json](const Result<HistoryRead> &read) {
                if (!read.ok())
                    return fail(ExitCode::kStorage, read.message());
                show(read.value(), userId, json);
            });
        }
        auto *listing = new HistoryListing(core()->history(), this);
        const auto done = [this](const Status &status) {
            if (!status.ok())
                return fail(ExitCode::kStorage, status.message());
            succeed();
        };
        // An approved action names its request; who approved it lives with the team's requests: the
        // requests named are gathered first (their numbers only), each asked once, then the entries streamed.
        if (!json || !core()->fourEyes()->hasTeam())
            return listing->listAll(json, done);
        listing->approvalIds([this, listing, done](const Result<QSet<qint64>> &ids) {
            if (!ids.ok())
                return done(ids.status());
            withApprovals(ids.value(), [listing, done](const QHash<qint64, QJsonObject> &approvals) {
                listing->listAll(true, done, approvals);
            });
        });
    };
    // A team trail may need the password `team connect --save-password` kept in the keychain: opening the
    // history hands it over (and the chain key, read only). A console of its own reads its files at once.
    if (core()->hasTeam())
        return withChainKey(AuditKey::Mode::ReadOnly, [listed](const Status &) { listed(); });
    listed();
}

void HistoryCommand::show(const HistoryRead &read, const QString &userId, bool json)
{
    HistoryListing::warn(read.problems);
    QList<HistoryEntry> entries;
    for (const HistoryEntry &e : read.entries) {
        if (userId.isEmpty() || e.userId == userId)
            entries.append(e);
    }
    std::reverse(entries.begin(), entries.end());

    if (json)
        return showJson(entries);
    if (entries.isEmpty()) {
        Console::err(userId.isEmpty() ? tr("The history is empty.")
                                      : tr("No actions recorded for user \"%1\".").arg(userId));
        return succeed();
    }
    QList<QStringList> rows;
    rows.append(HistoryListing::header());
    for (const HistoryEntry &e : entries)
        rows.append(HistoryListing::columns(e));
    QList<int> widths;
    for (const QStringList &row : rows)
        HistoryListing::measure(row, widths);
    for (const QStringList &row : rows)
        Console::out(HistoryListing::line(row, widths));
    succeed();
}

void HistoryCommand::showJson(const QList<HistoryEntry> &entries)
{
    // An approved action names its request; who approved it, when and why live with the team's requests,
    // asked once per request before anything is printed.
    QSet<qint64> ids;
    for (const HistoryEntry &e : entries) {
        if (e.approvalId > 0)
            ids.insert(e.approvalId);
    }
    withApprovals(ids, [this, entries](const QHash<qint64, QJsonObject> &approvals) {
        QJsonArray array;
        for (const HistoryEntry &e : entries) {
            QJsonObject json = e.toJson();
            if (const auto found = approvals.constFind(e.approvalId); found != approvals.constEnd())
                json.insert(QStringLiteral("approval"), *found);
            array.append(json);
        }
        Console::json(array);
        succeed();
    });
}

void HistoryCommand::withApprovals(const QSet<qint64> &ids,
                                   const std::function<void(const QHash<qint64, QJsonObject> &)> &then)
{
    if (ids.isEmpty() || !core()->fourEyes()->hasTeam())
        return then({});
    auto approvals = std::make_shared<QHash<qint64, QJsonObject>>();
    auto left = std::make_shared<qsizetype>(ids.size());
    for (qint64 id : std::as_const(ids)) {
        core()->fourEyes()->find(id, this, [id, approvals, left, then](const Result<ApprovalRequest> &found) {
            if (found.ok())
                approvals->insert(id, found.value().approvalJson());
            else
                Console::err(
                    QStringLiteral("enrollee-cli: ")
                    + tr("warning: request #%1 could not be read: %2").arg(id).arg(Console::oneLine(found.message())));
            if (--*left == 0)
                then(*approvals);
        });
    }
}

void HistoryCommand::verify()
{
    // A check only reads: it never makes a key, so it cannot fork the chain it is checking.
    withChainKey(AuditKey::Mode::ReadOnly, [this](const Status &key) {
        core()->history()->verify(this, [this, key](const ChainReport &report) {
            // An outage found nothing altered: "cannot check now" (the network code), never a failed check.
            if (report.unreachable)
                return reportUnreachable(report);
            if (!key.ok()) {
                if (report.ok && report.records == 0) {
                    Console::out(tr("The history is empty: nothing to check."));
                    return succeed();
                }
                // A console connected to a team that has not acted yet has no key, and no records of its
                // own: the team trail's chain is still checked, only no checkpoint of it is kept yet.
                if (report.ok && core()->fourEyes()->hasTeam()) {
                    Console::out(tr("Team trail intact: its chain holds through record #%1.").arg(report.headSeq));
                    Console::out(tr("This console has no chain key yet (it has recorded no action), so it keeps no "
                                    "checkpoint of the team trail yet: %1")
                                     .arg(key.message()));
                    return succeed();
                }
                return fail(ExitCode::kStorage, tr("The history cannot be checked: %1").arg(key.message()));
            }
            if (!report.ok)
                return reportBreaks(report);
            Console::out(
                tr("History intact: %n record(s) checked, chained with the key from %1.", nullptr, int(report.records))
                    .arg(core()->chainKeyLocation()));
            if (report.anchored)
                Console::out(tr("The newest record matches the anchor kept outside the history folder."));
            if (report.anchoredInKeychain)
                Console::out(tr("It also matches the anchor's copy in the keychain."));
            if (!report.anchorNote.isEmpty())
                Console::out(report.anchorNote);
            if (report.unverifiableThrough > 0)
                Console::out(report.epochNote);
            succeed();
        });
    });
}

void HistoryCommand::newKeyEpoch(const QString &reason, bool yes, bool withoutKeychain)
{
    auto *confirmation = new KeyEpochConfirmation(this);
    connect(confirmation, &KeyEpochConfirmation::refused, this, &HistoryCommand::fail);
    connect(confirmation, &KeyEpochConfirmation::confirmed, this,
            [this, withoutKeychain](const QString &confirmed) { beginEpoch(confirmed, withoutKeychain); });
    confirmation->ask(reason, yes);
}

void HistoryCommand::beginEpoch(const QString &reason, bool withoutKeychain)
{
    const AuditKey::Mode mode = withoutKeychain ? AuditKey::Mode::NewEpochInFile : AuditKey::Mode::NewEpoch;
    withChainKey(mode, [this, reason](const Status &key) {
        if (!key.ok())
            return fail(ExitCode::kStorage, tr("No key epoch was begun: %1").arg(key.message()));
        core()->history()->beginKeyEpoch(operatorEmail(), reason, this, [this](const Result<qint64> &begun) {
            if (!begun.ok())
                return fail(ExitCode::kStorage, tr("No key epoch was begun: %1").arg(begun.message()));
            Console::out(tr("A new key epoch begins at record #%1, chained with a new key in %2. Records before it "
                            "are reported as unverifiable by the history check.")
                             .arg(begun.value())
                             .arg(core()->chainKeyLocation()));
            succeed();
        });
    });
}

QString HistoryCommand::operatorEmail() const
{
    const AppSettings &settings = *m_core->settings();
    return settings.hasProfile(settings.activeProfile()) ? settings.profile(settings.activeProfile()).email
                                                         : QStringLiteral("enrollee-cli");
}

void HistoryCommand::reportUnreachable(const ChainReport &report)
{
    if (report.breaks.isEmpty())
        return fail(ExitCode::kNetwork, report.problem); // says it cannot be checked now, and why
    // This console's own trail is broken all the same: that is a failed check, whatever the database.
    Console::err(QStringLiteral("enrollee-cli: ") + Console::oneLine(report.problem));
    ChainReport local = report;
    local.problem = report.breaks.first().problem;
    reportBreaks(local);
}

void HistoryCommand::reportBreaks(const ChainReport &report)
{
    if (report.unverifiableThrough > 0)
        Console::err(QStringLiteral("enrollee-cli: ") + Console::oneLine(report.epochNote));
    fail(ExitCode::kStorage,
         tr("History check FAILED at record #%1: %2").arg(report.firstBadEntry).arg(report.problem));
    const qsizetype more = report.breaks.size() - 1;
    if (more <= 0)
        return;
    Console::err(QStringLiteral("enrollee-cli: ") + tr("%n more break(s):", nullptr, int(more)));
    for (qsizetype i = 1; i < report.breaks.size(); ++i) {
        const ChainBreak &b = report.breaks.at(i);
        Console::err(QStringLiteral("  ") + tr("record #%1: %2").arg(b.entry).arg(Console::oneLine(b.problem)));
    }
}

bool HistoryCommand::saveRetention(int months)
{
    AppSettings &settings = *core()->settings();
    settings.setRetentionMonths(months);
    if (settings.sync())
        return true;
    fail(ExitCode::kStorage, tr("Could not save the retention setting in %1.").arg(settings.fileName()));
    return false;
}

void HistoryCommand::prune(int months, bool yes)
{
    if (months == 0) {
        if (saveRetention(0)) {
            Console::out(tr("Retention set to keep everything; nothing removed."));
            succeed();
        }
        return;
    }
    withChainKey(AuditKey::Mode::Create, [this, months, yes](const Status &key) {
        if (!key.ok())
            return fail(ExitCode::kStorage, tr("Nothing was removed: %1").arg(key.message()));
        const QDate today = core()->clock()->now().toUTC().date();
        const QDate keepFrom = QDate(today.year(), today.month(), 1).addMonths(-months);
        core()->history()->planPrune(keepFrom, this, [this, months, yes, keepFrom](const Result<PruneReport> &plan) {
            if (!plan.ok())
                return fail(ExitCode::kStorage, tr("Retention refused: %1").arg(plan.message()));
            if (plan.value().removedFiles.isEmpty()) {
                if (saveRetention(months)) {
                    Console::out(tr("Nothing in the history is older than %1; nothing removed.")
                                     .arg(keepFrom.toString(Qt::ISODate)));
                    succeed();
                }
                return;
            }
            Console::out(tr("Keeping %n month(s) removes everything before %1:", nullptr, months)
                             .arg(keepFrom.toString(Qt::ISODate)));
            for (const PruneReport::Month &m : plan.value().months)
                Console::out(QStringLiteral("  ") + tr("%1: %n entry(ies)", nullptr, int(m.entries)).arg(m.month));
            confirmPrune(months, keepFrom, yes);
        });
    });
}

void HistoryCommand::confirmPrune(int months, const QDate &keepFrom, bool yes)
{
    if (yes)
        return removeMonths(months, keepFrom);
    if (!Console::stdinIsTerminal())
        return fail(ExitCode::kNotConfirmed,
                    tr("Removing history cannot be undone and standard input is not a terminal to confirm it: add "
                       "--yes. Nothing was removed."));
    auto *prompt = new TerminalPrompt(this);
    prompt->ask(tr("Remove these months for good? Type \"yes\" to confirm: "));
    connect(prompt, &TerminalPrompt::answered, this, [this, prompt, months, keepFrom](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QString answer = QString::fromUtf8(line).trimmed();
        if (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0
            && answer.compare(tr("yes"), Qt::CaseInsensitive) != 0)
            return fail(ExitCode::kNotConfirmed, tr("Not confirmed; nothing was removed."));
        removeMonths(months, keepFrom);
    });
}

void HistoryCommand::removeMonths(int months, const QDate &keepFrom)
{
    if (!saveRetention(months))
        return;
    core()->history()->prune(keepFrom, operatorEmail(), this, [this, keepFrom](const Result<PruneReport> &pruned) {
        if (!pruned.ok())
            return fail(ExitCode::kStorage, tr("Pruning failed: %1").arg(pruned.message()));
        Console::out(tr("Kept history from %1 on; entries removed with the months before it: %2.")
                         .arg(keepFrom.toString(Qt::ISODate))
                         .arg(pruned.value().removedEntries));
        succeed();
    });
}
