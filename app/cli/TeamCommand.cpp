#include "TeamCommand.h"

#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "KeychainSession.h"
#include "TerminalPrompt.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "team/TeamAdmin.h"

#include <QJsonArray>

namespace {
int exitFor(const Status &status)
{
    return status.kind() == Status::Kind::Network ? ExitCode::kNetwork
        : status.kind() == Status::Kind::Invalid  ? ExitCode::kUsage
                                                  : ExitCode::kStorage;
}
} // namespace

void TeamCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("The team's shared audit trail on PostgreSQL.\n"
           "  team init --conninfo \"host=... port=... dbname=... user=ADMIN\"   create or upgrade the schema\n"
           "  team connect --conninfo \"... user=YOUR_ROLE\" [--save-password]   use it from this console\n"
           "  team status [--json] | team disconnect\n"
           "  team policy [--require-approval ACTION,... --environment production] [--bulk-approval-over N]\n"
           "The password follows libpq: PGPASSWORD, ~/.pgpass, or the keychain (--save-password reads it from "
           "standard input); never settings.")
        + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("team"), tr("The command."), QStringLiteral("team"));
    parser.addPositionalArgument(QStringLiteral("SUBCOMMAND"), tr("init, connect, status, disconnect or policy."));
    const QCommandLineOption conninfo(QStringLiteral("conninfo"), tr("libpq connection words, no password."),
                                      tr("TEXT"));
    const QCommandLineOption weaken(QStringLiteral("weaken-tls"),
                                    tr("Accept an sslmode weaker than verify-full for a host that is not this "
                                       "machine (the server's identity is then not checked)."));
    const QCommandLineOption savePassword(QStringLiteral("save-password"),
                                          tr("Read the role's password from standard input and keep it in the "
                                             "keychain."));
    const QCommandLineOption require(QStringLiteral("require-approval"),
                                     tr("Actions needing a second officer (comma-separated; \"none\" for none)."),
                                     tr("ACTIONS"));
    const QCommandLineOption bulkOver(QStringLiteral("bulk-approval-over"),
                                      tr("Bulk runs of more rows than N in --environment need a second officer's "
                                         "approval of the run as a whole, whatever the action (\"none\": no limit)."),
                                      tr("N"));
    const QCommandLineOption environment(QStringLiteral("environment"), tr("sandbox or production."), tr("ENV"));
    const QCommandLineOption json = CliOptions::json();
    parser.addOptions({conninfo, weaken, savePassword, require, bulkOver, environment, json});
    if (!parse(parser, arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    const QString what = positional.value(1);
    if (positional.size() != 2)
        return fail(ExitCode::kUsage, tr("Usage: enrollee-cli team init|connect|status|disconnect|policy [options]"));
    if (what == QLatin1String("init") || what == QLatin1String("connect")) {
        if (!parser.isSet(conninfo))
            return fail(ExitCode::kUsage, tr("team %1 needs --conninfo \"host=... dbname=... user=...\".").arg(what));
        if (what == QLatin1String("init"))
            return init(parser.value(conninfo), parser.isSet(weaken));
        return connectTo(parser.value(conninfo), parser.isSet(weaken), parser.isSet(savePassword));
    }
    if (what == QLatin1String("status"))
        return status(parser.isSet(json));
    if (what == QLatin1String("disconnect"))
        return disconnectTeam();
    if (what == QLatin1String("policy"))
        return policy({parser.value(conninfo), parser.isSet(require) ? parser.value(require) : QString(),
                       parser.isSet(bulkOver) ? parser.value(bulkOver) : QString(), parser.value(environment),
                       parser.isSet(json)});
    fail(ExitCode::kUsage, tr("Unknown team command \"%1\".").arg(Console::oneLine(what).left(40)));
}

CoreContext *TeamCommand::core()
{
    if (!m_core) {
        m_core = new CoreContext(CoreConfig::standard(), this);
        settleBeforeEnd(m_core);
    }
    return m_core;
}

bool TeamCommand::open(TeamAdmin &connection, const QString &conninfo, bool weakenTls, bool forAdministration,
                       const QString &password)
{
    const Result<QString> normal = TeamAdmin::normalise(conninfo, weakenTls);
    if (!normal.ok()) {
        fail(ExitCode::kUsage, normal.message());
        return false;
    }
    if (const Status opened = connection.open(normal.value(), forAdministration, password); !opened.ok()) {
        fail(exitFor(opened), opened.message());
        return false;
    }
    return true;
}

void TeamCommand::init(const QString &conninfo, bool weakenTls)
{
    TeamAdmin connection;
    if (!open(connection, conninfo, weakenTls, true))
        return;
    const Result<int> before = connection.migrate();
    if (!before.ok())
        return fail(ExitCode::kStorage, before.message());
    if (before.value() == TeamAdmin::schemaVersion())
        Console::out(
            tr("The team trail schema is already at version %1; nothing changed.").arg(TeamAdmin::schemaVersion()));
    else
        Console::out(tr("The team trail schema is now at version %1 (was %2). Grant each officer's login role "
                        "the group role: GRANT enrollee_officers TO officer_role;")
                         .arg(TeamAdmin::schemaVersion())
                         .arg(before.value()));
    succeed();
}

void TeamCommand::connectTo(const QString &conninfo, bool weakenTls, bool savePassword)
{
    const Result<QString> normal = TeamAdmin::normalise(conninfo, weakenTls);
    if (!normal.ok())
        return fail(ExitCode::kUsage, normal.message());
    if (!savePassword)
        return saveConnection(normal.value(), QByteArray());
    auto *prompt = new TerminalPrompt(this);
    prompt->ask(tr("Password of the database role: "), false);
    connect(prompt, &TerminalPrompt::answered, this, [this, prompt, normal](const QByteArray &line, bool) {
        prompt->deleteLater();
        if (line.isEmpty())
            return fail(ExitCode::kUsage, tr("No password given; nothing was saved."));
        saveConnection(normal.value(), line);
    });
}

void TeamCommand::saveConnection(const QString &conninfo, const QByteArray &password)
{
    TeamAdmin connection;
    if (!open(connection, conninfo, true, false, QString::fromUtf8(password)))
        return;
    const QString role = connection.role();
    connection.close();
    const auto finish = [this, conninfo, role] {
        AppSettings &settings = *core()->settings();
        settings.setTeamConninfo(conninfo);
        settings.teamInstallation();
        if (!settings.sync())
            return fail(ExitCode::kStorage, tr("Could not save the connection in %1.").arg(settings.fileName()));
        Console::out(tr("Connected to the team trail as database role \"%1\"; actions from this console now go "
                        "to it.")
                         .arg(role));
        if (TeamAdmin::tlsWeakened(conninfo))
            Console::err(QStringLiteral("enrollee-cli: ")
                         + tr("warning: TLS is weakened: the database server's identity is not verified."));
        succeed();
    };
    if (password.isEmpty())
        return finish();
    m_keychain = new KeychainSession(core()->credentials(), this);
    core()->credentials()->write(CoreContext::teamPasswordAccount(conninfo), password,
                                 [this, finish](const CredentialResult &r) {
        if (!r.ok())
            return fail(
                ExitCode::kStorage,
                tr("The password could not be kept in the keychain (%1); use ~/.pgpass or PGPASSWORD.").arg(r.message));
        finish();
    });
}

void TeamCommand::status(bool json)
{
    if (!core()->hasTeam()) {
        TeamStatus none;
        if (json)
            Console::json(none.toJson());
        else
            Console::out(tr("No team trail is connected (enrollee-cli team connect --conninfo ...)."));
        return succeed();
    }
    m_keychain = new KeychainSession(core()->credentials(), this);
    connect(core(), &CoreContext::historyReady, this, [this, json](const Status &) {
        TeamAdmin::status(core()->history(), this, [this, json](const TeamStatus &s) {
            if (json) {
                Console::json(s.toJson());
            } else {
                Console::out(s.connected ? tr("Connected to %1 as \"%2\".").arg(s.address, s.role)
                                         : tr("Not connected to %1: %2").arg(s.address, s.problem));
                Console::out(tr("%n record(s) of this console waiting to be sent.", nullptr, int(s.waiting)));
                if (!s.refused.isEmpty())
                    Console::err(s.refused);
                Console::out(tr("Last verified team record: #%1 %2").arg(s.checkpointSeq).arg(s.checkpointHash));
                if (s.tlsWeakened)
                    Console::out(tr("TLS is weakened: the server's identity is not verified."));
            }
            succeed();
        });
    });
    core()->openHistory(AuditKey::Mode::ReadOnly);
}

void TeamCommand::disconnectTeam()
{
    AppSettings &settings = *core()->settings();
    const QString conninfo = settings.teamConninfo();
    settings.setTeamConninfo(QString());
    if (!settings.sync())
        return fail(ExitCode::kStorage, tr("Could not save the settings in %1.").arg(settings.fileName()));
    Console::out(tr("Disconnected from the team trail; this console keeps its own trail."));
    if (conninfo.isEmpty())
        return succeed();
    m_keychain = new KeychainSession(core()->credentials(), this);
    core()->credentials()->remove(CoreContext::teamPasswordAccount(conninfo),
                                  [this](const CredentialResult &) { succeed(); });
}

void TeamCommand::policy(const PolicyChange &change)
{
    TeamAdmin connection;
    const QString where = change.conninfo.isEmpty() ? core()->settings()->teamConninfo() : change.conninfo;
    if (where.isEmpty())
        return fail(ExitCode::kUsage, tr("No team trail is connected; give --conninfo."));
    if (!open(connection, where, true, false))
        return;
    Environment env = Environment::Production;
    if (!environmentFromName(change.environment.isEmpty() ? QStringLiteral("production") : change.environment, &env))
        return fail(ExitCode::kUsage, tr("--environment is sandbox or production."));
    if (!change.actions.isEmpty()) {
        QStringList list;
        if (change.actions != QLatin1String("none")) {
            for (const QString &name : change.actions.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                ActionKind kind = ActionKind::ReEnroll;
                if (!ActionInfo::fromCliName(name.trimmed(), &kind))
                    return fail(ExitCode::kUsage, tr("Unknown action \"%1\".").arg(Console::oneLine(name)));
                list.append(ActionInfo::cliName(kind));
            }
        }
        if (Status set = connection.setPolicy(environmentName(env), list); !set.ok())
            return fail(ExitCode::kStorage, set.message());
    }
    if (!change.bulkOver.isEmpty()) {
        bool number = false;
        const int rows = change.bulkOver == QLatin1String("none") ? -1 : change.bulkOver.toInt(&number);
        if (change.bulkOver != QLatin1String("none") && (!number || rows < 0))
            return fail(ExitCode::kUsage, tr("--bulk-approval-over is a number of rows, or \"none\"."));
        if (Status set = connection.setBulkLimit(environmentName(env), rows); !set.ok())
            return fail(ExitCode::kStorage, set.message());
    }
    showPolicy(connection, change.json);
}

void TeamCommand::showPolicy(TeamAdmin &connection, bool json)
{
    const Result<QMap<QString, QStringList>> rules = connection.policy();
    if (!rules.ok())
        return fail(ExitCode::kStorage, rules.message());
    const Result<QMap<QString, int>> limits = connection.bulkPolicy();
    if (!limits.ok())
        return fail(ExitCode::kStorage, limits.message());
    if (json) {
        QJsonObject object;
        for (auto it = rules.value().cbegin(); it != rules.value().cend(); ++it)
            object.insert(it.key(), QJsonArray::fromStringList(it.value()));
        QJsonObject bulk;
        for (auto it = limits.value().cbegin(); it != limits.value().cend(); ++it)
            bulk.insert(it.key(), it.value());
        object.insert(QStringLiteral("bulk_approval_over"), bulk);
        Console::json(object);
        return succeed();
    }
    if (rules.value().isEmpty())
        Console::out(tr("No action needs a second officer."));
    for (auto it = rules.value().cbegin(); it != rules.value().cend(); ++it)
        Console::out(
            tr("%1: %2 need(s) a second officer's approval.").arg(it.key(), it.value().join(QStringLiteral(", "))));
    for (auto it = limits.value().cbegin(); it != limits.value().cend(); ++it)
        Console::out(tr("%1: a bulk run of more than %n row(s) needs a second officer's approval as a whole.", nullptr,
                        it.value())
                         .arg(it.key()));
    succeed();
}
