#pragma once

#include "action/Action.h"
#include "base/Status.h"
#include "settings/Profile.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

class ActionPolicy;

// One data row of a bulk run's input, as read and checked: its line number in the file, the user ID
// (trimmed, as it will be sent), the reason that applies to it, and why it will not be sent (empty
// when the row is valid).
struct BulkRow {
    int line = 0;
    QString userId;
    QString reason;
    QString problem; // translated; "blank", "duplicate of line 3", the single-action check's message...
    bool valid() const { return problem.isEmpty(); }

    QJsonObject toJson() const;
    static BulkRow fromJson(const QJsonObject &o);
};

// The input of a bulk run, parsed and checked row by row before anything is sent: a CSV with a header
// (the `user_id` column by default, an optional `reason` column overriding the run's reason per row)
// or one ID per line; UTF-8 with or without a BOM, CRLF or LF. CSV is read as RFC 4180 (quoted fields
// may hold commas, quotes and line breaks); a stray quote refuses the file by its line number. Every row is checked as
// a single action would be (blank, invalid, too long, control characters) and duplicates are named by the line they
// repeat. Rows with a problem stay in the list, so results account for every input row.
class BulkInput
{
public:
    // What one run takes at the most; larger inputs are refused whole, read in bounded memory.
    static constexpr qint64 kMaxInputBytes = 64 * 1024 * 1024;
    static constexpr int kMaxRows = 1000000;

    // Fails (kind Invalid) only when the file as a whole cannot be used: not UTF-8, no such column,
    // no data rows. `column` empty means "user_id" when there is a header.
    static Result<BulkInput> parse(const QByteArray &bytes, const QString &column, const QString &defaultReason);
    static Result<BulkInput> readFile(const QString &path, const QString &column, const QString &defaultReason);

    const QList<BulkRow> &rows() const { return m_rows; }
    QList<BulkRow> &rows() { return m_rows; }
    int validCount() const;
    int invalidCount() const { return int(m_rows.size()) - validCount(); }
    bool isCsv() const { return m_csv; }
    QString sha256() const { return m_sha256; } // hex, of the file's bytes
    QString path() const { return m_path; }

    // Rows whose reason the action policy refuses here get the policy's message as their problem.
    static void applyPolicy(QList<BulkRow> &rows, const ActionPolicy &policy, ActionKind action,
                            Environment environment);

    // Splits one CSV line (the header) into fields (RFC 4180 quoting within the line).
    static QStringList splitCsvLine(const QString &line);

private:
    static Status checkUtf8(const QByteArray &bytes, QString *text);
    void addRow(int line, const QString &userId, const QString &reason);

    QList<BulkRow> m_rows;
    bool m_csv = false;
    QString m_sha256;
    QString m_path;
};
