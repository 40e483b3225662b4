#include "LookupPanel.h"

#include "action/Validation.h"
#include "history/HistoryFeed.h"
#include "history/HistoryTableModel.h"
#include "history/UserTimelineModel.h"
#include "lookup/KnownState.h"
#include "widgets/TimeText.h"
#include "widgets/WrapLabel.h"

#include <QGroupBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

LookupPanel::LookupPanel(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_hint(new WrapLabel(this)), m_toBulk(new QPushButton(this)),
      m_demoBox(new QGroupBox(tr("Demo enrollees on the local sandbox"), this)), m_demoList(new QListWidget(m_demoBox)),
      m_state(new WrapLabel(this)), m_caveat(new WrapLabel(this)), m_integrity(new WrapLabel(this)),
      m_readProblem(new WrapLabel(this)), m_timeline(new QTreeView(this))
{
    setObjectName(QStringLiteral("lookupPanel"));
    setAccessibleName(tr("Look up a user"));

    auto *label = new QLabel(tr("&User ID:"), this);
    label->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("userIdEdit"));
    m_edit->setAccessibleName(tr("User ID"));
    m_edit->setPlaceholderText(tr("The user_id the enrollee was registered with"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(Validation::kMaxUserIdLength + 64); // room to show the "too long" hint
    m_hint->setObjectName(QStringLiteral("userIdHint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_toBulk->setObjectName(QStringLiteral("userIdsToBulkButton"));
    m_toBulk->setText(tr("Act on them in the Bulk tab"));
    m_toBulk->setAccessibleName(tr("Move the pasted user IDs to the Bulk tab"));
    m_toBulk->hide();
    connect(m_toBulk, &QPushButton::clicked, this,
            [this] { emit bulkRequested(pastedLines().join(QLatin1Char('\n'))); });

    m_demoBox->setObjectName(QStringLiteral("demoEnrolleeBox"));
    m_demoBox->setAccessibleName(m_demoBox->title());
    m_demoList->setObjectName(QStringLiteral("demoEnrolleeList"));
    m_demoList->setAccessibleName(tr("Demo enrollees"));
    m_demoList->setToolTip(tr("Click a demo enrollee to look it up"));
    auto *demoLayout = new QVBoxLayout(m_demoBox);
    demoLayout->addWidget(m_demoList);
    m_demoBox->hide();

    auto *knowledge = new QGroupBox(tr("What this console knows"), this);
    knowledge->setObjectName(QStringLiteral("knowledgeBox"));
    knowledge->setAccessibleName(knowledge->title());
    m_state->setObjectName(QStringLiteral("knownStateLabel"));
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_caveat->setObjectName(QStringLiteral("liveStateCaveat"));
    m_caveat->setWordWrap(true);
    m_caveat->setForegroundRole(QPalette::PlaceholderText);
    m_caveat->setText(tr("Smile ID's API cannot read a user's live state: this is only what this console's "
                         "history recorded. Changes made elsewhere (the portal, other tools) are not shown."));
    m_caveat->setAccessibleName(m_caveat->text());
    m_integrity->setObjectName(QStringLiteral("lookupIntegrityWarning"));
    m_integrity->setWordWrap(true);
    m_integrity->setTextFormat(Qt::PlainText);
    m_integrity->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
    m_integrity->hide();
    // Amber as in the History tab: an outage or an unreadable history, not a sign of tampering.
    m_readProblem->setObjectName(QStringLiteral("lookupReadProblem"));
    m_readProblem->setWordWrap(true);
    m_readProblem->setTextFormat(Qt::PlainText);
    m_readProblem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readProblem->setStyleSheet(QStringLiteral("QLabel { background: #f0b400; color: black; padding: 4px; }"));
    m_readProblem->hide();
    m_timeline->setObjectName(QStringLiteral("timelineView"));
    m_timeline->setAccessibleName(tr("Past actions for this user"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    // Fixed widths from the font, not ResizeToContents: that measures every row again on each change.
    m_timeline->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_timeline->header()->setStretchLastSection(true);
    auto *knowledgeLayout = new QVBoxLayout(knowledge);
    knowledgeLayout->addWidget(m_integrity);
    knowledgeLayout->addWidget(m_readProblem);
    knowledgeLayout->addWidget(m_state);
    knowledgeLayout->addWidget(m_timeline, 1);
    knowledgeLayout->addWidget(m_caveat);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(m_hint);
    layout->addWidget(m_toBulk, 0, Qt::AlignLeft);
    layout->addWidget(m_demoBox);
    layout->addWidget(knowledge, 1);

    connect(m_edit, &QLineEdit::textChanged, this, &LookupPanel::validate);
    connect(m_demoList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { m_edit->setText(item->text()); });
    connect(m_demoList, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { m_edit->setText(item->text()); });
    validate();
}

QList<QWidget *> LookupPanel::browseChain() const
{
    return {m_demoList, m_timeline};
}

void LookupPanel::setHistoryFeed(HistoryFeed *history)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    delete m_timelineModel;
    m_timelineModel = new UserTimelineModel(history->service(), this);
    m_timeline->setModel(m_timelineModel);
    sizeTimelineColumns();
    connect(m_timelineModel, &UserTimelineModel::changed, this, &LookupPanel::showState);
    connect(history, &HistoryFeed::changed, m_timelineModel, &UserTimelineModel::refresh);
    refreshKnowledge();
}

void LookupPanel::sizeTimelineColumns()
{
    // Fixed widths from the font, not ResizeToContents (that measures every row again on each change):
    // wide enough for the translated header and for a typical value, whichever is wider.
    const QFontMetrics metrics = m_timeline->fontMetrics();
    const QFontMetrics headerMetrics = m_timeline->header()->fontMetrics();
    int longestAction = 0;
    for (ActionKind kind : ActionInfo::all())
        longestAction = qMax(longestAction, metrics.horizontalAdvance(ActionInfo::displayName(kind)));
    int longestOutcome = 0;
    using Outcome = HistoryEntry::Outcome;
    for (Outcome outcome : {Outcome::Pending, Outcome::Success, Outcome::Failure, Outcome::Unknown})
        longestOutcome = qMax(longestOutcome, metrics.horizontalAdvance(HistoryEntry::outcomeDisplayName(outcome)));
    const QHash<int, int> content{
        {UserTimelineModel::TimeColumn, metrics.horizontalAdvance(TimeText::widest())},
        {UserTimelineModel::ActionColumn, longestAction},
        {UserTimelineModel::OutcomeColumn, longestOutcome},
        {UserTimelineModel::CodeColumn, metrics.horizontalAdvance(QStringLiteral("00000"))},
        {UserTimelineModel::ReasonColumn, metrics.horizontalAdvance(QLatin1Char('x')) * 24},
    };
    for (auto it = content.cbegin(); it != content.cend(); ++it) {
        const QString header = m_timelineModel->headerData(it.key(), Qt::Horizontal, Qt::DisplayRole).toString();
        // Room for the sort indicator and the section's margins.
        const int headerWidth = headerMetrics.horizontalAdvance(header) + 32;
        m_timeline->setColumnWidth(it.key(), qMax(it.value() + 16, headerWidth));
    }
}

void LookupPanel::setProfile(const Profile &profile)
{
    m_profile = profile;
    m_demoBox->setVisible(profile.environment == Environment::Local && m_demoList->count() > 0);
    refreshKnowledge();
}

void LookupPanel::setDemoEnrollees(const QStringList &userIds)
{
    m_demoList->clear();
    // Listed, not auto-completed: a completion accepted by a stray Tab would act on a user ID the
    // officer never typed.
    m_demoList->addItems(userIds);
    syncDemoSelection();
    // Tall enough for the list, no taller: the timeline below needs the room.
    const int rows = qBound(1, int(userIds.size()), 6);
    m_demoList->setMaximumHeight(m_demoList->sizeHintForRow(0) * rows + 2 * m_demoList->frameWidth() + 4);
    m_demoBox->setVisible(m_profile.environment == Environment::Local && !userIds.isEmpty());
}

QString LookupPanel::userId() const
{
    return Validation::normalizedUserId(m_edit->text());
}

bool LookupPanel::isValid() const
{
    return Validation::checkUserId(m_edit->text()).ok();
}

void LookupPanel::focusUserId()
{
    m_edit->setFocus(Qt::OtherFocusReason);
}

void LookupPanel::setLocked(bool locked)
{
    m_edit->setReadOnly(locked);
    m_demoList->setEnabled(!locked);
}

void LookupPanel::setIntegrityProblem(const QString &problem)
{
    const QString text = problem.isEmpty()
        ? QString()
        : tr("Warning: the history check found breaks (%1). The past actions and the state shown here may have "
             "been altered; see the History tab.")
              .arg(problem);
    m_integrity->setText(text);
    m_integrity->setAccessibleName(text);
    m_integrity->setVisible(!text.isEmpty());
}

void LookupPanel::syncDemoSelection()
{
    // The list highlights the user the field names, or none: never one user here and another there.
    const QList<QListWidgetItem *> same = m_demoList->findItems(userId(), Qt::MatchExactly);
    if (isValid() && !same.isEmpty()) {
        m_demoList->setCurrentItem(same.first());
    } else {
        m_demoList->clearSelection();
        m_demoList->setCurrentItem(nullptr);
    }
}

void LookupPanel::validate()
{
    const QString text = m_edit->text();
    const QString error = Validation::checkUserId(text).message();
    const QStringList lines = pastedLines();
    m_toBulk->setVisible(lines.size() > 1);
    if (lines.size() > 1) {
        // Several lines are several users, not one ID with stray characters: the Bulk tab takes lists.
        m_hint->setText(tr("This is %n user IDs, one a line. This field acts on one user; the Bulk tab acts "
                           "on a list.",
                           nullptr, int(lines.size())));
        m_hint->setForegroundRole(QPalette::WindowText);
    } else if (text.isEmpty()) {
        m_hint->setText(tr("Type or pick a user ID to see what this console knows and to act on it."));
        m_hint->setForegroundRole(QPalette::PlaceholderText);
    } else if (!error.isEmpty()) {
        m_hint->setText(error);
        m_hint->setForegroundRole(QPalette::WindowText);
    } else if (text != userId()) {
        m_hint->setText(tr("Leading and trailing spaces will be removed: \"%1\".").arg(userId()));
        m_hint->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_hint->setText(QString());
    }
    m_hint->setAccessibleName(m_hint->text());
    m_edit->setAccessibleDescription(error);
    syncDemoSelection();
    refreshKnowledge();
    emit userIdChanged(userId(), error.isEmpty());
}

QStringList LookupPanel::pastedLines() const
{
    static const QRegularExpression breaks(QStringLiteral("[\\r\\n\\x{2028}\\x{2029}]+"));
    QStringList lines;
    for (const QString &line : m_edit->text().split(breaks, Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

void LookupPanel::refreshKnowledge()
{
    // The timeline asks the history again when it changes; only the user (or the profile) choosing it changes here.
    if (m_timelineModel)
        m_timelineModel->setUser(isValid() ? userId() : QString(), m_profile.environment, m_profile.partnerId);
    showState();
}

void LookupPanel::showState()
{
    QString text;
    bool deleted = false;
    QDateTime asOf;
    if (!isValid()) {
        text = tr("No user selected.");
    } else if (!m_timelineModel || !m_timelineModel->isCurrent()) {
        text = tr("Reading history…");
    } else if (m_timelineModel->readFailed()) {
        // Nothing read is not "never acted on": the state is not guessed.
        text = tr("Last known state: unknown (the history could not be read).");
    } else {
        const KnownState state = KnownState::derive(m_timelineModel->entries());
        text = tr("Last known state: %1").arg(state.describe());
        deleted = state.known && state.deleted;
        asOf = state.asOf;
        if (state.known)
            text += tr(" (as of %1)").arg(TimeText::display(state.asOf)); // one time format in the window
    }
    showReadProblem();
    emit knownStateChanged(isValid() ? userId() : QString(), deleted, asOf);
    if (m_state->text() == text)
        return;
    m_state->setText(text);
    m_state->setAccessibleName(text);
}

void LookupPanel::showReadProblem()
{
    const bool answered = isValid() && m_timelineModel && m_timelineModel->isCurrent();
    const QStringList problems = answered ? m_timelineModel->problems() : QStringList();
    QString text;
    if (!problems.isEmpty()) {
        const QString lead = m_timelineModel->readFailed()
            ? tr("This user's history could not be read:")
            : tr("The past actions and the state shown may be incomplete:");
        text = lead + QLatin1Char('\n') + problems.mid(0, 3).join(QLatin1Char('\n'))
            + (problems.size() > 3 ? tr("\n(and %n more)", nullptr, int(problems.size() - 3)) : QString());
    }
    m_readProblem->setText(text);
    m_readProblem->setAccessibleName(text);
    m_readProblem->setVisible(!text.isEmpty());
}
