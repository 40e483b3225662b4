#include "CliHarness.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
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
        if (!line.isEmpty() && !line.contains("warning: no keychain: "))
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
    if (!process.waitForStarted(5000))
        return run;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel(); // standard input is a pipe here, never a terminal
    run.finished = !finished.isEmpty() || finished.wait(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(2000);
    }
    run.exitCode = process.exitCode();
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    m_transcript += run.out + run.err;
    return run;
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
