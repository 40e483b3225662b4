#pragma once

#include "CoreContext.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QCommandLineParser;

// One `enrollee-cli <command>`. A command runs asynchronously on the event loop (keychain and
// network are asynchronous) and says how it ended exactly once, through finished().
class Command : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // `arguments` starts with the command word itself ("sign", "deactivate", ...).
    virtual void start(const QStringList &arguments) = 0;

signals:
    void finished(int exitCode);

protected:
    // Parses with the options already added; handles --help and parse errors. Returns false when
    // the command is over (finished() has been scheduled).
    bool parse(QCommandLineParser &parser, const QStringList &arguments);
    // Prints a one-line reason on standard error and ends with `exitCode`.
    void fail(int exitCode, const QString &reason);
    void succeed();
    void end(int exitCode);
    // The command ends only once `core` has written what it owes the keychain (the history anchor's copy).
    void settleBeforeEnd(CoreContext *core) { m_core = core; }

private:
    bool m_ended = false;
    QPointer<CoreContext> m_core;
};
