#include "ApprovalDecisionDialog.h"

#include "profiles/EnvironmentStyle.h"
#include "settings/Profile.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QString actionText(const QString &cliName)
{
    ActionKind kind = ActionKind::ReEnroll;
    return ActionInfo::fromCliName(cliName, &kind) ? ActionInfo::displayName(kind) : cliName;
}

QString environmentText(const QString &name)
{
    Environment env = Environment::Sandbox;
    return environmentFromName(name, &env) ? environmentDisplayName(env) : name;
}

QLabel *value(const QString &text, const char *name, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(text);
    return label;
}
} // namespace

ApprovalDecisionDialog::ApprovalDecisionDialog(const ApprovalRequest &request, Decision decision, QWidget *parent)
    : QDialog(parent)
{
    const bool approve = decision == Decision::Approve;
    setObjectName(QStringLiteral("approvalDecisionDialog"));
    setWindowTitle(title(request, decision));
    setAccessibleName(windowTitle());
    setModal(true);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        approve ? tr("Once you approve it, %1 can send this request. Check what it does:").arg(request.requester)
                : tr("Once you deny it, this request can no longer be sent."),
        this);
    intro->setObjectName(QStringLiteral("approvalIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setAccessibleName(intro->text());
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Requested by:"), value(request.requester, "approvalRequester", this));
    form->addRow(tr("Their reason:"),
                 value(request.reason.isEmpty() ? tr("(none given)") : request.reason, "approvalTheirReason", this));
    form->addRow(tr("Action:"), value(actionText(request.action), "approvalAction", this));
    if (request.isRun())
        form->addRow(tr("Bulk run:"),
                     value(tr("%1 (%n row(s))", nullptr, request.rowCount).arg(request.runId), "approvalUserId", this));
    else
        form->addRow(tr("User ID:"), value(request.userId, "approvalUserId", this));
    QLabel *env = value(environmentText(request.environment), "approvalEnvironment", this);
    Environment kind = Environment::Sandbox;
    if (environmentFromName(request.environment, &kind)) {
        EnvironmentStyle::applyBadge(env, kind);
        env->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a badge, not a field
    }
    form->addRow(tr("Environment:"), env);
    const QString host = QUrl(request.host).host();
    form->addRow(tr("Host:"), value(host.isEmpty() ? request.host : host, "approvalHost", this));
    if (!request.profile.isEmpty())
        form->addRow(tr("Profile:"), value(request.profile, "approvalProfile", this));
    layout->addLayout(form);
    ActionKind action = ActionKind::ReEnroll;
    if (approve && ActionInfo::fromCliName(request.action, &action) && action == ActionKind::Delete) {
        auto *warning = new QLabel(tr("A delete cannot be undone: the user's enrollment is removed at Smile ID."),
                                   this);
        warning->setObjectName(QStringLiteral("approvalDeleteWarning"));
        warning->setWordWrap(true);
        warning->setTextFormat(Qt::PlainText);
        warning->setAccessibleName(warning->text());
        warning->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
        layout->addWidget(warning);
    }

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("approvalReasonEdit"));
    m_reason->setAccessibleName(approve ? tr("Why you approve it (required)") : tr("Why you deny it (required)"));
    m_reason->setPlaceholderText(tr("Required: a case reference or a short note"));
    auto *reasonLabel = new QLabel(approve ? tr("Why you approve it:") : tr("Why you deny it:"), this);
    reasonLabel->setBuddy(m_reason);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);

    auto *buttons = new QDialogButtonBox(this);
    m_decide = buttons->addButton(approve ? tr("Approve") : tr("Deny"), QDialogButtonBox::AcceptRole);
    m_decide->setObjectName(QStringLiteral("approvalDecideButton"));
    m_decide->setAccessibleName(m_decide->text());
    m_decide->setAutoDefault(false);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("approvalCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel"));
    // Cancel is the default: Enter in the reason field never decides, a click on the button does.
    m_cancel->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!reason().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QLineEdit::textChanged, this, &ApprovalDecisionDialog::updateButton);
    updateButton();
    m_reason->setFocus();
    setMinimumWidth(460);
}

QString ApprovalDecisionDialog::title(const ApprovalRequest &request, Decision decision)
{
    return decision == Decision::Approve ? tr("Approve request #%1").arg(request.id)
                                         : tr("Deny request #%1").arg(request.id);
}

QString ApprovalDecisionDialog::reason() const
{
    return m_reason->text().trimmed();
}

void ApprovalDecisionDialog::updateButton()
{
    m_decide->setEnabled(!reason().isEmpty());
}
