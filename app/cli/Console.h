#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

// Where the CLI's words go. Results go to standard output (one line, or JSON for tools); warnings,
// prompts and failures to standard error, so `--json` output stays parseable. Everything is
// flushed at once: callers may be pipes read line by line (the sandbox URL, for one).
namespace Console {
void out(const QString &line);
void err(const QString &line);
void json(const QJsonObject &object);
void json(const QJsonArray &array);
// JSON text made safe for a terminal, as json() writes it (C1 controls, bidi overrides escaped), in UTF-8.
QByteArray safeJson(const QByteArray &json);
// Whether standard input is a terminal a person can answer on.
bool stdinIsTerminal();
// One line without escape sequences, controls or bidi overrides (SafeText::line), so a hostile server
// message cannot rewrite the terminal.
QString oneLine(const QString &text);
} // namespace Console
