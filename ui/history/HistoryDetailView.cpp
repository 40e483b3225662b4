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

// Who let an action go under four eyes: the request, its approver, when and why.
template <typename Add>
void addApproval(const Add &add, qint64 requestId, const HistoryDetailView::Approval &approval)
{
    add(HistoryDetailView::tr("Approval"), HistoryDetailView::tr("request #%1").arg(requestId));
    if (!approval) {
        add(HistoryDetailView::tr("Approved by"), HistoryDetailView::tr("(reading the request…)"));
        return;
    }
    if (!approval->ok()) {
        add(HistoryDetailView::tr("Approved by"),
            HistoryDetailView::tr("(the request could not be read: %1)").arg(approval->message()));
        return;
    }
    const ApprovalRequest &r = approval->value();
    add(HistoryDetailView::tr("Approved by"), r.decidedBy);
    add(HistoryDetailView::tr("Approved at"), timeText(r.decidedAt));
    add(HistoryDetailView::tr("Approval note"), r.decisionReason);
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

void HistoryDetailView::showEntry(const HistoryEntry &entry, const Approval &approval)
{
    setPlainText(describe(entry, approval));
}

QString HistoryDetailView::describe(const HistoryEntry &e, const Approval &approval)
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
    // With a team the e-mail is only what the profile says (officers may share one): the database role
    // the server authenticated tells them apart.
    if (!e.dbRole.isEmpty()) {
        add(tr("Officer"), e.dbRole);
        add(tr("Machine"), e.machine);
    }
    if (e.approvalId > 0)
        addApproval(add, e.approvalId, approval);
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
