#include "CliHarness.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUuid>

QJsonObject CliRun::object() const
{
    return QJsonDocument::fromJson(out).object();
}

QJsonArray CliRun::array() const
{
    return QJsonDocument::fromJson(out).array();
}

int CliRun::reasonLines() const
{
    int lines = 0;
    for (const QByteArray &line : err.split('\n')) {
        if (!line.isEmpty() && !line.contains("warning: no keychain: ") && !line.contains("waiting for the keychain"))
            ++lines;
    }
    return lines;
}

CliHarness::CliHarness() : m_env(QProcessEnvironment::systemEnvironment())
{
    m_env.insert(QStringLiteral("ENROLLEE_HOME"), m_home.path());
    m_env.insert(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE"),
                 QStringLiteral("enrollee-cli-test-") + QUuid::createUuid().toString(QUuid::Id128));
    m_env.remove(QStringLiteral("SMILEID_API_KEY"));
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
}

QString CliHarness::program()
{
    return QStringLiteral(ENROLLEE_CLI_PATH);
}

QString CliHarness::historyDir() const
{
    return QDir(m_home.path()).filePath(QStringLiteral("data/history"));
}

QString CliHarness::settingsFile() const
{
    return QDir(m_home.path()).filePath(QStringLiteral("config/settings.ini"));
}

void CliHarness::setEnv(const QString &name, const QString &value)
{
    if (value.isEmpty())
        m_env.remove(name);
    else
        m_env.insert(name, value);
}

CliRun CliHarness::run(const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    return runProcess(program(), arguments, input, timeoutMs);
}

CliRun CliHarness::runShell(const QString &script, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    return runProcess(QStringLiteral("/bin/sh"), QStringList{QStringLiteral("-c"), script, program()} + arguments,
                      input, timeoutMs);
}

CliRun CliHarness::runProcess(const QString &executable, const QStringList &arguments, const QByteArray &input,
                              int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(executable, arguments);
    CliRun run;
    if (!process.waitForStarted(30000)) {
        qWarning("%s did not start: %s", qPrintable(executable), qPrintable(process.errorString()));
        return run;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel(); // standard input is a pipe here, never a terminal
    run.finished = !finished.isEmpty() || finished.wait(timeoutMs);
    if (!run.finished) {
        // Say where it hung before killing it: a bare non-zero exit with nothing on stderr hides it.
        qWarning("%s %s: no exit after %d ms; killing it. Its threads:\n%s", qPrintable(executable),
                 qPrintable(arguments.join(QLatin1Char(' '))), timeoutMs, stacksOf(process.processId()).constData());
        process.kill();
        process.waitForFinished(2000);
    }
    run.exitCode = process.exitCode();
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    if (run.finished && run.crashed)
        qWarning("%s %s: crashed (signal %d)", qPrintable(executable), qPrintable(arguments.join(QLatin1Char(' '))),
                 run.exitCode);
    m_transcript += run.out + run.err;
    return run;
}

QString CliRun::describe() const
{
    if (!finished)
        return QStringLiteral("killed: no exit within the timeout");
    if (crashed)
        return QStringLiteral("crashed by signal %1").arg(exitCode);
    return QStringLiteral("exit %1: %2").arg(exitCode).arg(errLine());
}

QByteArray CliHarness::stacksOf(qint64 pid)
{
    const QString gdb = QStandardPaths::findExecutable(QStringLiteral("gdb"));
    if (gdb.isEmpty() || pid <= 0)
        return "(install gdb to see them)";
    QProcess trace;
    trace.setProcessChannelMode(QProcess::MergedChannels);
    trace.start(gdb,
                {QStringLiteral("-p"), QString::number(pid), QStringLiteral("-batch"), QStringLiteral("-ex"),
                 QStringLiteral("thread apply all bt")});
    if (!trace.waitForFinished(30000))
        trace.kill();
    return trace.readAll();
}

QStringList CliHarness::allFiles() const
{
    QStringList files;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

QStringList CliHarness::filesContaining(const QByteArray &needle) const
{
    QStringList hits;
    for (const QString &path : allFiles()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits.append(path);
    }
    return hits;
}
