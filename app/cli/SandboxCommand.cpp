#include "SandboxCommand.h"

#include "CliOptions.h"
#include "Console.h"
#include "ExitCode.h"
#include "KeySource.h"
#include "SignalWatcher.h"
#include "action/Validation.h"
#include "bulk/BulkInput.h"
#include "sandbox/FaultPlan.h"
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QFile>
#include <QHostAddress>
#include <QSaveFile>
#include <QStringDecoder>

namespace {
// Parses a whole number in [min, max]; false when it is not one.
bool number(const QString &text, int min, int max, int *value)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < min || n > max)
        return false;
    *value = n;
    return true;
}

// The --fault family of options, read into a plan; kept apart from start() so each option's rule reads
// in one place.
Status readFaultPlan(const QCommandLineParser &parser, FaultPlan *plan)
{
    const auto usage = [](const QString &message) { return Status::failure(message, Status::Kind::Invalid); };
    const auto isSet = [&parser](const char *name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&parser](const char *name) { return parser.value(QLatin1String(name)); };
    if (isSet("latency") && !number(value("latency"), 0, 600000, &plan->latencyMs))
        return usage(SandboxCommand::tr("--latency takes milliseconds (0 to 600000)."));
    if (isSet("fault") && !FaultPlan::kindFromName(value("fault"), &plan->kind))
        return usage(SandboxCommand::tr("Unknown fault \"%1\".").arg(Console::oneLine(value("fault")).left(40)));
    if (isSet("fault-status") && !number(value("fault-status"), 100, 599, &plan->httpStatus))
        return usage(SandboxCommand::tr("--fault-status takes an HTTP status (100 to 599)."));
    if (isSet("retry-after") && !number(value("retry-after"), 0, 86400, &plan->retryAfterSeconds))
        return usage(SandboxCommand::tr("--retry-after takes seconds (0 to 86400)."));
    if (isSet("fault-count") && !number(value("fault-count"), 0, 1000000, &plan->remaining))
        return usage(SandboxCommand::tr("--fault-count takes a number of requests."));
    if (isSet("drip-interval") && !number(value("drip-interval"), 1, 600000, &plan->dripIntervalMs))
        return usage(SandboxCommand::tr("--drip-interval takes milliseconds (1 to 600000)."));
    if (isSet("fault-body"))
        plan->body = value("fault-body").toUtf8();
    if (plan->kind == FaultPlan::Kind::Body && !isSet("fault-status"))
        plan->httpStatus = 200; // "body" mimics answers that look like success
    return Status::success();
}
} // namespace

void SandboxCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Serve the local Smile ID sandbox (POST %1) in the foreground until Ctrl+C or SIGTERM. The first line of "
           "output is its URL. The API key comes from SMILEID_API_KEY or --api-key-file, else the demo key \"%2\"; "
           "its legacy (sec_key) key pair is made afresh each run unless --rsa-private-key-file is given; "
           "--sec-key-api-key-file writes the matching API key for sec_key clients (--api-key-file PATH).")
            .arg(QLatin1String(Defaults::kEndpointPath), QLatin1String(Defaults::kLocalApiKey))
        + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("sandbox"), tr("The command."), QStringLiteral("sandbox"));
    const QCommandLineOption host(QStringLiteral("host"),
                                  tr("Address to listen on (default %1).").arg(QLatin1String(Defaults::kLocalHost)),
                                  tr("ADDR"), QLatin1String(Defaults::kLocalHost));
    const QCommandLineOption port(QStringLiteral("port"),
                                  tr("Port to listen on (default %1; 0 = any free port).").arg(Defaults::kLocalPort),
                                  tr("N"), QString::number(Defaults::kLocalPort));
    const QCommandLineOption partner = CliOptions::partnerId();
    const QCommandLineOption enrollee(QStringLiteral("enrollee"), tr("Add an active enrollee (repeatable)."), tr("ID"));
    const QCommandLineOption enrolleesFrom(
        QStringLiteral("enrollees-from"),
        tr("Add an active enrollee for every user ID in FILE (a CSV with a user_id column, or one ID per line)."),
        tr("FILE"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        tr("Above N requests in any second, answer 429 (code 2222) with Retry-After: 1 (default 0: no limit)."),
        tr("N"));
    const QCommandLineOption latency(QStringLiteral("latency"), tr("Delay every answer by MS milliseconds."), tr("MS"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        tr("Misbehave: none, http-error, html, empty, truncated, reset, hang, system-error, drip, "
           "body, broken-chunked, interim."),
        tr("KIND"));
    const QCommandLineOption faultStatus(QStringLiteral("fault-status"),
                                         tr("HTTP status for --fault http-error (default 500) or body (default 200)."),
                                         tr("N"));
    const QCommandLineOption faultBody(QStringLiteral("fault-body"),
                                       tr("The body --fault body answers with, as given."), tr("TEXT"));
    const QCommandLineOption dripInterval(
        QStringLiteral("drip-interval"),
        tr("With --fault drip, send one body byte every MS milliseconds (default 2000)."), tr("MS"));
    const QCommandLineOption retryAfter(QStringLiteral("retry-after"),
                                        tr("Send Retry-After: S with --fault http-error."), tr("S"));
    const QCommandLineOption faultCount(QStringLiteral("fault-count"), tr("Misbehave for the first N requests only."),
                                        tr("N"));
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    const QCommandLineOption rsaKeyFile(
        QStringLiteral("rsa-private-key-file"),
        tr("PEM private key for the legacy sec_key scheme (default: a fresh key pair)."), tr("PATH"));
    const QCommandLineOption secKeyFile(QStringLiteral("sec-key-api-key-file"),
                                        tr("Write the API key sec_key clients use with this sandbox to PATH."),
                                        tr("PATH"));
    parser.addOptions({host, port, partner, enrollee, enrolleesFrom, rateLimit, latency, fault, faultStatus, faultBody,
                       dripInterval, retryAfter, faultCount, keyFile, rsaKeyFile, secKeyFile});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() > 1)
        return fail(ExitCode::kUsage, tr("sandbox takes no arguments besides its options."));

    SandboxConfig config;
    if (parser.isSet(partner)) {
        if (const Status s = Validation::checkPartnerId(parser.value(partner)); !s.ok())
            return fail(ExitCode::kUsage, s.message());
        config.partnerId = parser.value(partner);
    }
    for (const QString &id : parser.values(enrollee)) {
        if (const Status s = Validation::checkUserId(id); !s.ok())
            return fail(ExitCode::kUsage, s.message());
        if (!config.enrollees.contains(Validation::normalizedUserId(id)))
            config.enrollees.append(Validation::normalizedUserId(id));
    }
    QStringList fromFile;
    if (parser.isSet(enrolleesFrom)) {
        const Result<BulkInput> input = BulkInput::readFile(parser.value(enrolleesFrom), {}, {});
        if (!input.ok())
            return fail(ExitCode::kUsage, input.message());
        for (const BulkRow &row : input.value().rows()) {
            if (row.valid())
                fromFile.append(row.userId);
        }
        config.enrollees += fromFile;
    }
    int limit = 0;
    if (parser.isSet(rateLimit) && !number(parser.value(rateLimit), 0, 1000000, &limit))
        return fail(ExitCode::kUsage, tr("--rate-limit takes requests per second (0 = no limit)."));
    KeySource::Found key;
    if (KeySource::explicitKey(parser.value(keyFile), &key))
        config.apiKey = key.key;
    else if (!key.ok())
        return fail(key.exitCode, key.error);

    FaultPlan plan;
    if (const Status s = readFaultPlan(parser, &plan); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    int portNumber = 0;
    if (!number(parser.value(port), 0, 65535, &portNumber))
        return fail(ExitCode::kUsage, tr("--port takes a port number (0 to 65535)."));
    const QHostAddress address(parser.value(host));
    if (address.isNull())
        return fail(ExitCode::kUsage,
                    tr("--host takes an IP address such as 127.0.0.1, not \"%1\".").arg(parser.value(host).left(60)));

    if (parser.isSet(rsaKeyFile)) {
        QFile pem(parser.value(rsaKeyFile));
        if (!pem.open(QIODevice::ReadOnly))
            return fail(ExitCode::kUsage, tr("Cannot read %1: %2").arg(pem.fileName(), pem.errorString()));
        config.rsaPrivateKeyPem = pem.read(1024 * 1024);
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(config.rsaPrivateKeyPem); // decoded on conversion to QString
        if (decoder.hasError())
            return fail(ExitCode::kUsage,
                        tr("%1 is not UTF-8 text, so it is not a PEM private key.").arg(pem.fileName()));
    }

    m_server = new SandboxServer(config, this);
    // "--enrollee ID" promises an active enrollee, even where ID is a demo user that starts otherwise.
    for (const QString &id : parser.values(enrollee))
        m_server->registry().add(Validation::normalizedUserId(id));
    const QByteArray secKeyApiKey = m_server->secKeyApiKey();
    if (secKeyApiKey.isEmpty())
        return fail(ExitCode::kUsage, tr("%1 is not a PEM private key.").arg(parser.value(rsaKeyFile)));
    if (parser.isSet(secKeyFile)) {
        // A public key, but still the "API key" of legacy accounts: keep it to this user.
        QSaveFile out(parser.value(secKeyFile));
        if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            || out.write(secKeyApiKey + '\n') < 0 || !out.commit())
            return fail(ExitCode::kUsage, tr("Cannot write %1: %2").arg(out.fileName(), out.errorString()));
    }
    for (const QString &id : fromFile)
        m_server->registry().add(id);
    m_server->setRateLimit(limit);
    m_server->setFaultPlan(plan);
    if (const Status s = m_server->listen(address, quint16(portNumber)); !s.ok())
        return fail(ExitCode::kNetwork,
                    tr("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(portNumber).arg(s.message()));

    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::terminationRequested, this, [this](int) {
        Console::err(tr("Local sandbox stopped."));
        succeed();
    });

    Console::out(m_server->origin().toString());
    if (!address.isLoopback())
        Console::err(tr("warning: listening on %1, which other computers can reach; clients refuse plain HTTP to it.")
                         .arg(address.toString()));
    Console::err(tr("Local sandbox for partner %1 with %2 enrollees (%3); API key: %4. Stop with Ctrl+C.")
                     .arg(config.partnerId)
                     .arg(config.enrollees.size())
                     .arg(config.enrollees.mid(0, 8).join(QStringLiteral(", ")))
                     .arg(key.key.isEmpty() ? tr("the demo key \"%1\"").arg(QLatin1String(Defaults::kLocalApiKey))
                                            : key.origin));
}
