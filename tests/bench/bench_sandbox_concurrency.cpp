// The figure tst_sandbox_http's concurrency test used to judge by wall clock: fifty requests, each held
// back 150 ms by the sandbox, sent at once over five network managers (up to six connections each).
// Prints how long they took beside what the same requests would take one after another, and how many
// the server had read before the first answer went out. Figures only; the test asserts the behaviour.
//   bench_sandbox_concurrency [--managers N] [--per-manager N] [--latency MS]
#include "support/SandboxTestSupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <vector>

using namespace SandboxTest;

namespace {
struct Run {
    int sent = 0;
    int ok = 0;
    int receivedBeforeFirstAnswer = -1;
    qint64 elapsedMs = 0;
};

Run runOnce(SandboxServer &server, int managers, int perManager, int latencyMs)
{
    FaultPlan slow;
    slow.latencyMs = latencyMs;
    server.setFaultPlan(slow);
    const Profile p = profile(server);
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    std::vector<std::unique_ptr<EnrolleeClient>> clients;
    Run run;
    int received = 0;
    int pending = 0;
    QObject::connect(&server, &SandboxServer::requestHandled, &server, [&received] { ++received; });
    // A local event loop that ends on the last answer: polling would add its own interval to the figure.
    QEventLoop loop;
    QElapsedTimer timer;
    timer.start();
    for (int m = 0; m < managers; ++m) {
        networks.push_back(std::make_unique<QNetworkAccessManager>());
        clients.push_back(std::make_unique<EnrolleeClient>(networks.back().get()));
        for (int i = 0; i < perManager; ++i) {
            const QString userId = QStringLiteral("bench-%1-%2").arg(m).arg(i);
            server.registry().add(userId);
            const SignedRequest request = RequestBuilder::build(
                p, i % 2 ? ActionKind::Deactivate : ActionKind::FlagFraud, userId, keyFor(server, p.scheme),
                QDateTime::currentDateTimeUtc());
            ClientCall *call = clients.back()->post(p.endpoint(), request.json);
            ++pending;
            ++run.sent;
            QObject::connect(call, &ClientCall::finished, call, [&](const ApiResult &r) {
                if (run.receivedBeforeFirstAnswer < 0)
                    run.receivedBeforeFirstAnswer = received;
                run.ok += r.ok() ? 1 : 0;
                if (--pending == 0)
                    loop.quit();
            });
        }
    }
    QTimer::singleShot(60000, &loop, &QEventLoop::quit); // the unanswered then count as not OK
    loop.exec();
    run.elapsedMs = timer.elapsed();
    QObject::disconnect(&server, &SandboxServer::requestHandled, &server, nullptr);
    server.setFaultPlan({});
    return run;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    isolate("bench_sandbox_concurrency");
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("managers"), QStringLiteral("Network managers (default 5)."), QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("per-manager"), QStringLiteral("Requests per manager (default 10)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("latency"), QStringLiteral("Sandbox latency per request, ms (default 150)."),
                      QStringLiteral("MS"), QStringLiteral("150")});
    parser.process(app);
    const int managers = qMax(1, parser.value(QStringLiteral("managers")).toInt());
    const int perManager = qMax(1, parser.value(QStringLiteral("per-manager")).toInt());
    const int latencyMs = qMax(0, parser.value(QStringLiteral("latency")).toInt());

    std::unique_ptr<SandboxServer> server = start();
    if (!server)
        return 1;
    const Run run = runOnce(*server, managers, perManager, latencyMs);
    QTextStream out(stdout);
    out << QStringLiteral("%1 requests of %2 ms over %3 managers: %4 answered OK\n")
               .arg(run.sent)
               .arg(latencyMs)
               .arg(managers)
               .arg(run.ok);
    out << QStringLiteral("  wall time                     %1 ms\n").arg(run.elapsedMs);
    out << QStringLiteral("  one after another would take  %1 ms\n").arg(qint64(run.sent) * latencyMs);
    out << QStringLiteral("  read before the first answer  %1\n").arg(run.receivedBeforeFirstAnswer);
    return run.ok == run.sent ? 0 : 1;
}
