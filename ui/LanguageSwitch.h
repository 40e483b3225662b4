#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QLabel;

// When a language picked in the View menu takes effect. WindowHost rebuilds the window in it, but not
// while an action or a bulk run is in flight (the answer's place on screen would be lost): the choice
// then waits, and the notice in the status bar says so. With no host listening, the choice applies at
// the next start, and the notice says that instead, for as long as it holds.
class LanguageSwitch : public QObject
{
    Q_OBJECT
public:
    // `busy` tells whether something is in flight; `notice` is the status bar's label for it.
    LanguageSwitch(QLabel *notice, std::function<bool()> busy, QObject *parent = nullptr);

    // `code` ("" = the system's) was chosen; `nextStart` says it applies at the next start.
    void choose(const QString &code, const QString &nextStart);
    // Emits switchRequested for a waiting choice once nothing is in flight.
    void applyPending();

signals:
    // Nothing is in flight: rebuild the window in `language`.
    void switchRequested(const QString &language);

private:
    QLabel *m_notice;
    std::function<bool()> m_busy;
    std::optional<QString> m_pending;
};
