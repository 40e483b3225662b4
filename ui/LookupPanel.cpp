#include "LookupPanel.h"

#include "HistoryFeed.h"
#include "HistoryTableModel.h"
#include "KnownState.h"
#include "Validation.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

LookupPanel::LookupPanel(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_hint(new QLabel(this)),
      m_demoBox(new QGroupBox(tr("Demo enrollees on the local sandbox"), this)), m_demoList(new QListWidget(m_demoBox)),
      m_state(new QLabel(this)), m_caveat(new QLabel(this)), m_timeline(new QTreeWidget(this))
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
    m_timeline->setObjectName(QStringLiteral("timelineView"));
    m_timeline->setAccessibleName(tr("Past actions for this user"));
    m_timeline->setRootIsDecorated(false);
    m_timeline->setUniformRowHeights(true);
    m_timeline->setHeaderLabels({tr("Time"), tr("Action"), tr("Outcome"), tr("Code"), tr("Reason"), tr("Profile")});
    m_timeline->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_timeline->header()->setStretchLastSection(true);
    auto *knowledgeLayout = new QVBoxLayout(knowledge);
    knowledgeLayout->addWidget(m_state);
    knowledgeLayout->addWidget(m_timeline, 1);
    knowledgeLayout->addWidget(m_caveat);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit);
    layout->addWidget(m_hint);
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
    connect(history, &HistoryFeed::changed, this, &LookupPanel::refreshKnowledge);
    refreshKnowledge();
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

void LookupPanel::validate()
{
    const QString text = m_edit->text();
    const QString error = Validation::checkUserId(text).message();
    if (text.isEmpty()) {
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
    refreshKnowledge();
    emit userIdChanged(userId(), error.isEmpty());
}

void LookupPanel::refreshKnowledge()
{
    m_timeline->clear();
    if (!isValid()) {
        m_state->setText(tr("No user selected."));
        m_state->setAccessibleName(m_state->text());
        return;
    }
    if (!m_history || !m_history->isLoaded()) {
        m_state->setText(tr("Reading history…"));
        m_state->setAccessibleName(m_state->text());
        return;
    }
    // The same user ID in another environment or partner account is another person.
    QList<HistoryEntry> entries;
    for (const HistoryEntry &e : m_history->model()->entriesForUser(userId())) {
        if (e.environment == m_profile.environment && e.partnerId == m_profile.partnerId)
            entries.append(e);
    }
    std::sort(entries.begin(), entries.end(), [](const HistoryEntry &a, const HistoryEntry &b) { return a.id > b.id; });
    const KnownState state = KnownState::derive(entries);
    QString text = tr("Last known state: %1").arg(state.describe());
    if (state.known)
        text += tr(" (as of %1)").arg(QLocale().toString(state.asOf.toLocalTime(), QLocale::ShortFormat));
    m_state->setText(text);
    m_state->setAccessibleName(text);
    for (const HistoryEntry &e : std::as_const(entries)) {
        auto *item = new QTreeWidgetItem(m_timeline);
        item->setText(0, QLocale().toString(e.time.toLocalTime(), QLocale::ShortFormat));
        item->setText(1, ActionInfo::displayName(e.action));
        item->setText(2, HistoryEntry::outcomeDisplayName(e.outcome));
        item->setText(3, e.code);
        item->setText(4, e.reason);
        item->setText(5, e.profileName);
        item->setToolTip(2, e.message);
    }
}
