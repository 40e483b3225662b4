#include "HistoryDetailView.h"

#include "widgets/TimeText.h"

#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString timeText(const QDateTime &t)
{
    return TimeText::detailed(t);
}

// Where the action came from, in words; the recorded code stays in brackets for auditors.
QString faceText(const QString &face)
{
    if (face == QLatin1String("console"))
        return HistoryDetailView::tr("this console's window (console)");
    if (face == QLatin1String("cli"))
        return HistoryDetailView::tr("the command line, enrollee-cli (cli)");
    return face;
}

// Servers answer JSON on one line; indenting it makes the fields readable. Anything else is shown as is.
QString prettyResponse(const QString &raw)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return raw;
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}
} // namespace

HistoryDetailView::HistoryDetailView(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("historyDetail"));
    setAccessibleName(tr("Details of the selected history entry"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    showNothing();
}

void HistoryDetailView::showNothing()
{
    setPlaceholderText(tr("Select an entry to see its details, its attempts and the raw response."));
    clear();
}

void HistoryDetailView::showEntry(const HistoryEntry &entry)
{
    setPlainText(describe(entry));
}

QString HistoryDetailView::describe(const HistoryEntry &e)
{
    QStringList lines;
    auto add = [&lines](const QString &label, const QString &value) {
        lines.append(label.leftJustified(14) + QLatin1Char(' ') + value);
    };
    // The entry's number is its begin record's: "Record #932", as the trail and the check name it.
    add(tr("Record"), QLatin1Char('#') + QString::number(e.id));
    add(tr("Time"), timeText(e.time));
    add(tr("Operator"), e.operatorEmail);
    add(tr("Profile"), e.profileName);
    add(tr("Environment"), environmentDisplayName(e.environment));
    add(tr("Partner ID"), e.partnerId);
    add(tr("Host"), e.host);
    add(tr("User ID"), e.userId);
    add(tr("Action"), ActionInfo::displayName(e.action));
    add(tr("Reason"), e.reason);
    add(tr("Sent from"), faceText(e.face));
    if (!e.runId.isEmpty())
        add(tr("Bulk run"), tr("%1, input line %2").arg(e.runId).arg(e.runLine));
    add(tr("Outcome"), HistoryEntry::outcomeDisplayName(e.outcome));
    add(tr("Completed"), timeText(e.completedAt));
    add(tr("HTTP status"), e.httpStatus > 0 ? QString::number(e.httpStatus) : QString());
    add(tr("Code"), e.code);
    add(tr("Message"), e.message);
    add(tr("Elapsed"), tr("%1 ms").arg(e.elapsedMs));
    if (e.outcome == HistoryEntry::Outcome::Unknown) {
        lines.append(QString());
        // A completion means an answer was waited for and none usable came; none means the sender ended.
        lines.append(e.completedAt.isValid()
                         ? tr("No usable answer came back (a timeout or a broken connection after sending): "
                              "the action may or may not have been applied by Smile ID.")
                         : tr("The program that sent this action ended before the answer was recorded: "
                              "it may or may not have reached Smile ID."));
    }
    lines.append(QString());
    lines.append(tr("Attempts (%1)").arg(e.attempts.size()));
    for (const QJsonValue value : e.attempts) {
        const QJsonObject a = value.toObject();
        QString line = tr("  %1. %2  %3  HTTP %4  code %5  %6 ms")
                           .arg(a.value(QLatin1String("attempt")).toInt())
                           .arg(TimeText::display(a.value(QLatin1String("time")).toString()),
                                a.value(QLatin1String("outcome")).toString())
                           .arg(a.value(QLatin1String("http_status")).toInt())
                           .arg(a.value(QLatin1String("code")).toString())
                           .arg(qint64(a.value(QLatin1String("elapsed_ms")).toDouble()));
        const QString message = a.value(QLatin1String("message")).toString();
        if (!message.isEmpty())
            line += QStringLiteral("\n     ") + message;
        lines.append(line);
    }
    lines.append(QString());
    lines.append(tr("Raw response"));
    lines.append(e.response.isEmpty() ? tr("(none)") : prettyResponse(e.response));
    return lines.join(QLatin1Char('\n'));
}
