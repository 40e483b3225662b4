#include "ActionPanel.h"

#include "action/Validation.h"
#include "actions/ResultView.h"
#include "widgets/ElidedLabel.h"
#include "widgets/Glyphs.h"
#include "widgets/WrapLabel.h"

#include <QAction>
#include <QApplication>
#include <QGridLayout>
#include <QGroupBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QString objectNameFor(ActionKind kind)
{
    // "re-enroll" -> "reEnroll": stable names for tests and accessibility tools.
    const QStringList words = ActionInfo::cliName(kind).split(QLatin1Char('-'));
    QString name = words.first();
    for (int i = 1; i < words.size(); ++i)
        name += words.at(i).left(1).toUpper() + words.at(i).mid(1);
    return name;
}
} // namespace

QString ActionPanel::menuText(ActionKind kind)
{
    switch (kind) {
    case ActionKind::ReEnroll:
        return tr("Re-&enroll");
    case ActionKind::Deactivate:
        return tr("&Deactivate");
    case ActionKind::Reactivate:
        return tr("&Reactivate");
    case ActionKind::FlagFraud:
        return tr("&Flag as fraud");
    case ActionKind::UnflagFraud:
        return tr("&Unflag fraud");
    case ActionKind::Delete:
        // It opens a confirmation: the ellipsis says so.
        return tr("De&lete…");
    }
    return ActionInfo::displayName(kind);
}

QKeySequence ActionPanel::shortcut(ActionKind kind)
{
    switch (kind) {
    case ActionKind::ReEnroll:
        return QKeySequence(Qt::CTRL | Qt::Key_1);
    case ActionKind::Deactivate:
        return QKeySequence(Qt::CTRL | Qt::Key_2);
    case ActionKind::Reactivate:
        return QKeySequence(Qt::CTRL | Qt::Key_3);
    case ActionKind::FlagFraud:
        return QKeySequence(Qt::CTRL | Qt::Key_4);
    case ActionKind::UnflagFraud:
        return QKeySequence(Qt::CTRL | Qt::Key_5);
    case ActionKind::Delete:
        // Deliberately awkward: no single-finger shortcut for something that cannot be undone.
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete);
    }
    return {};
}

ActionPanel::ActionPanel(const ActionPolicy &policy, QWidget *parent)
    : QWidget(parent), m_policy(policy), m_reason(new QLineEdit(this)), m_reasonHint(new WrapLabel(this)),
      m_target(new ElidedLabel(this)), m_whyNot(new WrapLabel(this)), m_busy(new QProgressBar(this)),
      m_result(new ResultView(this))
{
    setObjectName(QStringLiteral("actionPanel"));
    setAccessibleName(tr("Actions"));

    // One line, elided: a 120-character user ID must not widen the window.
    m_target->setObjectName(QStringLiteral("actionTarget"));

    auto *reasonLabel = new QLabel(tr("&Reason / case reference:"), this);
    reasonLabel->setBuddy(m_reason);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setAccessibleName(tr("Reason or case reference"));
    m_reason->setPlaceholderText(tr("e.g. CASE-1234: duplicate identity"));
    m_reason->setMaxLength(Validation::kMaxReasonLength);
    m_reasonHint->setObjectName(QStringLiteral("reasonHint"));
    m_reasonHint->setWordWrap(true);
    m_reasonHint->setForegroundRole(QPalette::PlaceholderText);
    m_defaultHint = tr("Recorded in history. Required for Delete and for fraud flags.");
    m_reasonHint->setText(m_defaultHint);
    m_reasonHint->setAccessibleName(m_reasonHint->text());
    connect(m_reason, &QLineEdit::textEdited, this, [this] {
        m_reasonHint->setText(m_defaultHint);
        m_reasonHint->setAccessibleName(m_defaultHint);
    });

    auto *buttons = new QGroupBox(tr("Actions"), this);
    buttons->setObjectName(QStringLiteral("actionButtons"));
    buttons->setAccessibleName(buttons->title());
    auto *grid = new QGridLayout(buttons);
    int index = 0;
    m_focusChain << m_reason;
    for (ActionKind kind : ActionInfo::all()) {
        const QString name = objectNameFor(kind);
        auto *action = new QAction(menuText(kind), this);
        // Buttons show the plain name; the menu shows the mnemonic and the ellipsis.
        action->setIconText(ActionInfo::displayName(kind));
        action->setObjectName(name + QStringLiteral("Action"));
        action->setShortcut(shortcut(kind));
        action->setShortcutContext(Qt::WindowShortcut);
        if (m_policy.rule(kind, m_environment).irreversible)
            action->setIcon(Glyphs::icon(Glyph::Trash));
        connect(action, &QAction::triggered, this, [this, kind] {
            if (m_ready && !m_isBusy && !m_targetDeleted)
                emit actionRequested(kind);
        });
        m_actions.insert(int(kind), action);
        m_actionList.append(action);

        auto *button = new QToolButton(buttons);
        button->setObjectName(name + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->setAccessibleName(ActionInfo::displayName(kind));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        button->setMinimumHeight(32);
        button->installEventFilter(this);
        grid->addWidget(button, index / 2, index % 2);
        m_focusChain << button;
        ++index;
    }

    m_whyNot->setObjectName(QStringLiteral("actionsDisabledReason"));
    m_whyNot->setWordWrap(true);
    m_whyNot->setTextFormat(Qt::PlainText);
    m_whyNot->setForegroundRole(QPalette::PlaceholderText);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setAccessibleName(tr("Request in flight"));
    m_busy->setRange(0, 0); // indeterminate: the server gives no progress
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    // Its room is kept while hidden: showing it for every request must not re-lay-out the window.
    QSizePolicy keep = m_busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(keep);
    m_busy->hide();

    auto *result = new QGroupBox(tr("Result"), this);
    result->setObjectName(QStringLiteral("resultBox"));
    result->setAccessibleName(result->title());
    auto *resultLayout = new QVBoxLayout(result);
    resultLayout->addWidget(m_busy);
    resultLayout->addWidget(m_result);
    resultLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_target);
    layout->addWidget(reasonLabel);
    layout->addWidget(m_reason);
    layout->addWidget(m_reasonHint);
    layout->addWidget(buttons);
    layout->addWidget(m_whyNot);
    layout->addWidget(result, 1);
    if (auto *details = m_result->findChild<QWidget *>(QStringLiteral("detailsToggle")))
        m_focusChain << details;
    setTarget({});
    updateTips();
    updateEnabled();
}

void ActionPanel::setEnvironment(Environment environment)
{
    m_environment = environment;
    updateTips();
}

bool ActionPanel::setProfile(const Profile &profile)
{
    setEnvironment(profile.environment);
    // Re-activating the same profile (its key arrived, it was re-saved) keeps what was typed.
    const QString key = QStringList{profile.name, environmentName(profile.environment), profile.partnerId,
                                    profile.origin().host()}
                            .join(QLatin1Char('\n'));
    if (key == m_profileKey)
        return false;
    const bool first = m_profileKey.isEmpty();
    m_profileKey = key;
    if (first)
        return false;
    dropReason(tr("The reason was cleared because the profile changed: a reason belongs to one user and one "
                  "profile."));
    m_result->showMessage(tr("Now using profile \"%1\" (%2); no action sent with it yet.")
                              .arg(profile.name, environmentDisplayName(profile.environment)));
    return true;
}

void ActionPanel::dropReason(const QString &why)
{
    if (m_reason->text().isEmpty())
        return;
    m_reason->clear();
    m_reasonHint->setText(why);
    m_reasonHint->setAccessibleName(why);
}

void ActionPanel::updateTips()
{
    for (ActionKind kind : ActionInfo::all()) {
        QString tip = ActionInfo::displayName(kind);
        if (m_policy.rule(kind, m_environment).needsReason)
            tip += tr(" — needs a reason");
        tip += QStringLiteral(" (%1)").arg(shortcut(kind).toString(QKeySequence::NativeText));
        if (m_targetDeleted)
            tip = m_deletedWhy;
        m_actions.value(int(kind))->setToolTip(tip);
        m_actions.value(int(kind))->setStatusTip(tip);
    }
}

QString ActionPanel::reason() const
{
    return m_reason->text().trimmed();
}

void ActionPanel::setReason(const QString &reason)
{
    if (reason.isEmpty())
        return clearReason();
    m_reason->setText(reason);
}

bool ActionPanel::askForReason(ActionKind kind)
{
    if (!reason().isEmpty() || !m_policy.rule(kind, m_environment).needsReason)
        return false;
    const QString hint = tr("%1 needs a reason: type the case reference here, then press %1 again.")
                             .arg(ActionInfo::displayName(kind));
    m_reasonHint->setText(hint);
    m_reasonHint->setAccessibleName(hint);
    m_reason->setFocus(Qt::OtherFocusReason);
    return true;
}

void ActionPanel::clearReason()
{
    m_reason->clear();
    m_reasonHint->setText(m_defaultHint);
    m_reasonHint->setAccessibleName(m_defaultHint);
}

void ActionPanel::setReady(bool ready, const QString &whyNot)
{
    m_ready = ready;
    m_notReadyWhy = ready ? QString() : whyNot;
    updateEnabled();
}

void ActionPanel::setBusy(bool busy)
{
    if (busy == m_isBusy)
        return;
    if (busy) {
        QWidget *focus = QApplication::focusWidget();
        m_focusBeforeBusy = focus && isAncestorOf(focus) ? focus : nullptr;
    }
    m_isBusy = busy;
    updateEnabled();
    if (!busy && m_focusBeforeBusy && window()->isActiveWindow()) {
        // Disabling the pressed button moved the focus on (to the demo list): bring it back there, or to
        // the reason field when that button stays disabled.
        QWidget *back = m_focusBeforeBusy->isEnabled() ? m_focusBeforeBusy : static_cast<QWidget *>(m_reason);
        back->setFocus(Qt::OtherFocusReason);
    }
    if (!busy)
        m_focusBeforeBusy = nullptr;
}

void ActionPanel::setInFlight(bool inFlight)
{
    m_busy->setVisible(inFlight);
}

void ActionPanel::setTargetDeleted(bool deleted, const QString &why)
{
    if (deleted == m_targetDeleted && why == m_deletedWhy)
        return;
    m_targetDeleted = deleted;
    m_deletedWhy = deleted ? why : QString();
    updateTips();
    updateEnabled();
}

bool ActionPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        auto *button = qobject_cast<QToolButton *>(watched);
        if (button && (key == Qt::Key_Return || key == Qt::Key_Enter) && button->isEnabled()) {
            button->click();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ActionPanel::setTarget(const QString &userId)
{
    // A reason typed for one user is never sent for another, after a failure or a cancel included.
    if (userId != m_targetUser)
        dropReason(tr("The reason was cleared because the user ID changed: a reason belongs to one user and one "
                      "profile."));
    m_targetUser = userId;
    m_target->setFullText(userId.isEmpty() ? tr("No user selected.") : tr("Acting on user \"%1\"").arg(userId));
}

void ActionPanel::updateEnabled()
{
    for (QAction *action : std::as_const(m_actionList))
        action->setEnabled(m_ready && !m_isBusy && !m_targetDeleted);
    const QString why = !m_notReadyWhy.isEmpty() ? m_notReadyWhy : m_deletedWhy;
    m_whyNot->setText(why);
    m_whyNot->setAccessibleName(why);
    m_whyNot->setVisible(!why.isEmpty());
}
