#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QStringList>

class Command;

// Picks the command named by the first argument and runs it; main() only builds the application
// and hands over. Top-level --help and --version live here.
class CliApplication : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts the command for `arguments` (without the program name); emits finished() once.
    void start(const QStringList &arguments);
    static QString helpText();

signals:
    void finished(int exitCode);

private:
    Command *commandFor(const QString &word);
};
