#pragma once

#include <QObject>
#include <QString>

// The officer's say before `enrollee-cli history --new-key-epoch` gives up the chain key: the reason
// the trail will record is required, and the step, which cannot be undone, is taken only with --yes
// or a "yes" typed on a terminal. Says how it ended once, through confirmed() or refused().
class KeyEpochConfirmation : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    void ask(const QString &reason, bool yes);

signals:
    void confirmed(const QString &reason); // trimmed
    // `exitCode` is the command's (ExitCode::kUsage, kNotConfirmed); `why` says what was missing.
    void refused(int exitCode, const QString &why);
};
