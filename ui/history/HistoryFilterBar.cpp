#include "HistoryFilterBar.h"

#include "history/HistoryFilter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
void name(QWidget *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
}
} // namespace

HistoryFilterBar::HistoryFilterBar(HistoryFilter *filter, QWidget *parent)
    : QWidget(parent), m_filter(filter), m_text(new QLineEdit(this)), m_action(new QComboBox(this)),
      m_outcome(new QComboBox(this)), m_allDates(new QCheckBox(tr("All &dates"), this)), m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)), m_session(new QCheckBox(tr("This &session"), this)), m_clear(new QToolButton(this)),
      m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("historyFilterBar"));
    name(m_text, "historyFilterText", tr("Filter history by text"));
    m_text->setPlaceholderText(tr("Search user ID, operator, reason, message, code, bulk run"));
    m_text->setClearButtonEnabled(true);
    m_text->setToolTip(tr("Shows entries whose user ID, operator, reason, message or code contains this text "
                          "(case does not matter)."));

    name(m_action, "historyFilterAction", tr("Filter history by action"));
    m_action->addItem(tr("Any action"));
    for (ActionKind kind : ActionInfo::all())
        m_action->addItem(ActionInfo::displayName(kind), int(kind));

    name(m_outcome, "historyFilterOutcome", tr("Filter history by outcome"));
    m_outcome->addItem(tr("Any outcome"));
    for (HistoryEntry::Outcome o : {HistoryEntry::Outcome::Success, HistoryEntry::Outcome::Failure,
                                    HistoryEntry::Outcome::Pending, HistoryEntry::Outcome::Unknown})
        m_outcome->addItem(HistoryEntry::outcomeDisplayName(o), int(o));

    name(m_allDates, "historyFilterAllDates", tr("Show all dates"));
    m_allDates->setChecked(true);
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(today);
        edit->setEnabled(false);
    }
    name(m_from, "historyFilterFrom", tr("Show entries from this date"));
    name(m_to, "historyFilterTo", tr("Show entries up to this date"));
    name(m_session, "historyFilterSession", tr("Show only this session's entries"));
    m_session->setToolTip(tr("Only actions taken since this window was opened."));
    name(m_clear, "historyClearFilters", tr("Clear all history filters"));
    m_clear->setText(tr("C&lear filters"));
    m_clear->setToolTip(tr("Show every entry again."));
    m_clear->setEnabled(false);
    connect(m_clear, &QToolButton::clicked, this, &HistoryFilterBar::reset);

    auto *fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To"), this);
    toLabel->setBuddy(m_to);

    // Two rows (what, then when), so the panel stays narrow enough for half a screen in every language.
    auto *what = new QHBoxLayout;
    what->addWidget(m_text, 3);
    what->addWidget(m_action, 1);
    what->addWidget(m_outcome, 1);
    auto *when = new QHBoxLayout;
    when->addWidget(m_allDates);
    when->addWidget(fromLabel);
    when->addWidget(m_from);
    when->addWidget(toLabel);
    when->addWidget(m_to);
    when->addWidget(m_session);
    when->addStretch(1);
    when->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(what);
    layout->addLayout(when);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &HistoryFilterBar::applyText);
    connect(m_text, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    // Enter applies at once: no reason to make someone who pressed it wait for the pause.
    connect(m_text, &QLineEdit::returnPressed, this, &HistoryFilterBar::applyText);
    connect(m_action, qOverload<int>(&QComboBox::currentIndexChanged), this, &HistoryFilterBar::applyChoices);
    connect(m_outcome, qOverload<int>(&QComboBox::currentIndexChanged), this, &HistoryFilterBar::applyChoices);
    connect(m_allDates, &QCheckBox::toggled, this, &HistoryFilterBar::onAllDatesToggled);
    connect(m_from, &QDateEdit::dateChanged, this, &HistoryFilterBar::applyChoices);
    connect(m_to, &QDateEdit::dateChanged, this, &HistoryFilterBar::applyChoices);
    connect(m_session, &QCheckBox::toggled, this, &HistoryFilterBar::onSessionToggled);
    connect(this, &HistoryFilterBar::filtersChanged, this, [this] { m_clear->setEnabled(isFiltering()); });
}

// "All dates" and "This session" contradict each other: ticking one unticks the other. With neither
// ticked, the From/To dates apply.
void HistoryFilterBar::onAllDatesToggled(bool all)
{
    if (all && m_session->isChecked()) {
        const QSignalBlocker blocker(m_session);
        m_session->setChecked(false);
    }
    m_from->setEnabled(!all);
    m_to->setEnabled(!all);
    applyChoices();
}

void HistoryFilterBar::onSessionToggled(bool session)
{
    if (session && m_allDates->isChecked()) {
        const QSignalBlocker blocker(m_allDates);
        m_allDates->setChecked(false);
    }
    m_from->setEnabled(!session && !m_allDates->isChecked());
    m_to->setEnabled(m_from->isEnabled());
    applyChoices();
}

bool HistoryFilterBar::isFiltering() const
{
    return !m_text->text().isEmpty() || m_action->currentIndex() > 0 || m_outcome->currentIndex() > 0
        || !m_allDates->isChecked() || m_session->isChecked();
}

void HistoryFilterBar::applyText()
{
    m_debounce->stop();
    m_filter->setTextFilter(m_text->text());
    emit filtersChanged();
}

void HistoryFilterBar::applyChoices()
{
    const QVariant action = m_action->currentData();
    m_filter->setActionFilter(action.isValid() ? std::optional<ActionKind>(ActionKind(action.toInt())) : std::nullopt);
    const QVariant outcome = m_outcome->currentData();
    m_filter->setOutcomeFilter(outcome.isValid()
                                   ? std::optional<HistoryEntry::Outcome>(HistoryEntry::Outcome(outcome.toInt()))
                                   : std::nullopt);
    if (m_allDates->isChecked() || m_session->isChecked())
        m_filter->setDateRange({}, {});
    else
        m_filter->setDateRange(m_from->date(), m_to->date());
    m_filter->setSessionOnly(m_session->isChecked());
    emit filtersChanged();
}

void HistoryFilterBar::reset()
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_text),     QSignalBlocker(m_action), QSignalBlocker(m_outcome),
                                       QSignalBlocker(m_allDates), QSignalBlocker(m_from),   QSignalBlocker(m_to),
                                       QSignalBlocker(m_session)};
    m_text->clear();
    m_action->setCurrentIndex(0);
    m_outcome->setCurrentIndex(0);
    m_allDates->setChecked(true);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    m_session->setChecked(false);
    applyText();
    applyChoices();
}
