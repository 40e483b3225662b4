#include "ApprovalsCommand.h"

#include "ActionCommand.h"
#include "BulkCommand.h"
#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "KeychainSession.h"
#include "approvals/FourEyes.h"

#include <QCommandLineParser>
#include <QJsonArray>

void ApprovalsCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Four-eyes requests in the team trail.\n"
           "  approvals list [--json]              pending and approved requests not yet run\n"
           "  approvals approve ID [--reason TEXT] approve another officer's request\n"
           "  approvals deny ID --reason TEXT      deny another officer's request\n"
           "  approvals run ID                     send your approved request, exactly once")
        + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("approvals"), tr("The command."), QStringLiteral("approvals"));
    parser.addPositionalArgument(QStringLiteral("SUBCOMMAND"), tr("list, approve, deny or run."));
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Why (kept in the trail)."), tr("TEXT"));
    const QCommandLineOption json = CliOptions::json();
    parser.addOptions({reason, json});
    if (!parse(parser, arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(1);
    if (what == QLatin1String("list") && positional.size() == 2)
        return list(parser.isSet(json));
    bool ok = false;
    const qint64 id = positional.value(2).toLongLong(&ok);
    if (positional.size() != 3 || !ok || id <= 0)
        return fail(ExitCode::kUsage,
                    tr("Usage: enrollee-cli approvals list | approve ID | deny ID --reason TEXT | "
                       "run ID"));
    if (what == QLatin1String("approve"))
        return decide(id, true, parser.value(reason));
    if (what == QLatin1String("deny")) {
        if (parser.value(reason).trimmed().isEmpty())
            return fail(ExitCode::kUsage, tr("A denial needs --reason TEXT."));
        return decide(id, false, parser.value(reason));
    }
    if (what == QLatin1String("run"))
        return run(id);
    fail(ExitCode::kUsage, tr("Unknown approvals command \"%1\".").arg(Console::oneLine(what).left(40)));
}

CoreContext *ApprovalsCommand::core()
{
    if (!m_core) {
        m_core = new CoreContext(CoreConfig::standard(), this);
        settleBeforeEnd(m_core);
    }
    return m_core;
}

void ApprovalsCommand::whenReady(const std::function<void()> &then)
{
    if (!core()->hasTeam())
        return fail(ExitCode::kUsage, tr("No team trail is connected (enrollee-cli team connect --conninfo ...)."));
    m_keychain = new KeychainSession(core()->credentials(), this);
    connect(core(), &CoreContext::historyReady, this, [then](const Status &) { then(); });
    core()->openHistory(AuditKey::Mode::ReadOnly);
}

void ApprovalsCommand::list(bool json)
{
    whenReady([this, json] {
        core()->fourEyes()->pending(this, [this, json](const Result<QList<ApprovalRequest>> &pending) {
            if (!pending.ok())
                return fail(pending.kind() == Status::Kind::Network ? ExitCode::kNetwork : ExitCode::kStorage,
                            pending.message());
            QJsonArray array;
            for (const ApprovalRequest &r : pending.value())
                array.append(r.toJson());
            if (json) {
                Console::json(array);
                return succeed();
            }
            if (array.isEmpty())
                Console::err(tr("No requests are waiting."));
            for (const auto &v : std::as_const(array)) {
                const QJsonObject o = v.toObject();
                const QString run = o.value(QLatin1String("run_id")).toString();
                const QString target = run.isEmpty()
                    ? o.value(QLatin1String("user_id")).toString()
                    : tr("bulk run %1 (%n row(s))", nullptr, o.value(QLatin1String("rows")).toInt()).arg(run);
                Console::out(tr("#%1  %2  %3 %4  by %5  until %6  %7")
                                 .arg(o.value(QLatin1String("id")).toInteger())
                                 .arg(o.value(QLatin1String("status")).toString(),
                                      o.value(QLatin1String("action")).toString(), Console::oneLine(target),
                                      o.value(QLatin1String("requester")).toString(),
                                      o.value(QLatin1String("expiry")).toString(),
                                      Console::oneLine(o.value(QLatin1String("reason")).toString())));
            }
            succeed();
        });
    });
}

void ApprovalsCommand::decide(qint64 id, bool approve, const QString &reason)
{
    whenReady([this, id, approve, reason] {
        core()->fourEyes()->decide(id, approve, reason, this, [this, id, approve](const Result<QString> &decided) {
            if (!decided.ok())
                return fail(decided.kind() == Status::Kind::Network ? ExitCode::kNetwork : ExitCode::kNotConfirmed,
                            decided.message());
            Console::out(approve ? tr("Request #%1 approved; its requester can now run it.").arg(id)
                                 : tr("Request #%1 denied.").arg(id));
            succeed();
        });
    });
}

void ApprovalsCommand::run(qint64 id)
{
    whenReady([this, id] {
        core()->fourEyes()->find(id, this, [this](const Result<ApprovalRequest> &found) {
            if (!found.ok())
                return fail(found.kind() == Status::Kind::Network ? ExitCode::kNetwork : ExitCode::kUsage,
                            found.message());
            if (found.value().isRun())
                return sendRun(found.value().id, found.value().runId);
            send(found.value());
        });
    });
}

void ApprovalsCommand::send(const ApprovalRequest &request)
{
    ActionKind kind = ActionKind::ReEnroll;
    if (!ActionInfo::fromCliName(request.action, &kind))
        return fail(ExitCode::kUsage, tr("Request #%1 names an unknown action.").arg(request.id));
    // The one pipeline: the same command as a typed action, claiming the request just before it is sent.
    auto *action = new ActionCommand(kind, this);
    action->setApprovedRequest(request.id);
    connect(action, &Command::finished, this, [this](int code) { end(code); });
    action->start({request.action, request.userId, QStringLiteral("--reason"), request.reason,
                   QStringLiteral("--partner-id"), request.partnerId, QStringLiteral("--environment"),
                   request.environment, QStringLiteral("--base-url"), request.host, QStringLiteral("--email"),
                   request.email, QStringLiteral("--yes")});
}

void ApprovalsCommand::sendRun(qint64 id, const QString &runId)
{
    // A bulk run approved as a whole: `bulk resume` checks the run file against the approved digest and
    // claims the request (once) before its first row leaves.
    Console::err(QStringLiteral("enrollee-cli: ") + tr("request #%1 is bulk run %2: resuming it.").arg(id).arg(runId));
    auto *bulk = new BulkCommand(this);
    connect(bulk, &Command::finished, this, [this](int code) { end(code); });
    bulk->start({QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
}
