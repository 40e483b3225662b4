#include "BulkProgressView.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
int doneOf(const BulkCounts &c)
{
    return c.succeeded + c.already + c.failed + c.unknown;
}
} // namespace

BulkProgressView::BulkProgressView(QWidget *parent) : QWidget(parent)
{
    build();
    showChecked();
}

void BulkProgressView::build()
{
    auto named = [](auto *w, const char *name, const QString &accessible) {
        w->setObjectName(QLatin1String(name));
        w->setAccessibleName(accessible);
        return w;
    };
    // No fixed accessible name on the labels that change: a screen reader reads their text as it is now.
    auto live = [this](const char *name, const QString &role) {
        auto *label = new QLabel(this);
        label->setObjectName(QLatin1String(name));
        label->setAccessibleDescription(role);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_state = live("bulkState", tr("Run state"));
    // Two lines are kept for it, so a longer state does not push the buttons down.
    m_state->setMinimumHeight(m_state->fontMetrics().lineSpacing() * 2);
    m_state->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_progress = named(new QProgressBar(this), "bulkProgress", tr("Run progress"));
    m_counts = live("bulkCounts", tr("Counts"));
    // Two lines exactly: the counts wrap in longer languages, and a label that grew as a run starts would
    // move the buttons above it (the column has no height to spare at 700 px).
    m_counts->setFixedHeight(m_counts->fontMetrics().lineSpacing() * 2);
    m_counts->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_rate = live("bulkRate", tr("Rate and time left"));
    m_rate->setWordWrap(false);
    // Its line is kept while it is empty (the first second of a run): appearing, it moved the buttons.
    m_rate->setFixedHeight(m_rate->fontMetrics().lineSpacing());
    m_pause = named(new QPushButton(tr("&Pause"), this), "bulkPauseButton", tr("Pause the run"));
    m_resume = named(new QPushButton(tr("Res&ume"), this), "bulkResumeButton", tr("Resume the run"));
    m_cancel = named(new QPushButton(tr("Cance&l run…"), this), "bulkCancelButton", tr("Cancel the run"));
    // "Go on" after the canary replaces "Resume": the button is as wide as the longer of the two.
    m_resume->setMinimumWidth(
        qMax(m_resume->sizeHint().width(), m_resume->fontMetrics().horizontalAdvance(tr("&Go on")) + 32));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_pause);
    controls->addWidget(m_resume);
    controls->addWidget(m_cancel);
    controls->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The buttons above the text: a state that takes another line moves nothing that is clicked.
    layout->addLayout(controls);
    layout->addWidget(m_progress);
    layout->addWidget(m_state);
    layout->addWidget(m_counts);
    layout->addWidget(m_rate);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->pause(BulkRun::PauseCause::Requested, tr("Paused by the officer."));
        m_pause->setEnabled(false); // one click is enough; the run says when it has paused
    });
    connect(m_resume, &QPushButton::clicked, this, &BulkProgressView::resumeRequested);
    connect(m_cancel, &QPushButton::clicked, this, &BulkProgressView::cancelRequested);
}

void BulkProgressView::setState(const QString &text)
{
    m_state->setText(text);
}

void BulkProgressView::showChecked()
{
    attach(nullptr);
    setState(tr("No run yet: check a list, then start the run. Nothing is sent before you confirm."));
}

void BulkProgressView::showStored(const BulkRecord &record, const BulkCounts &counts)
{
    attach(nullptr);
    m_storedCounts = counts;
    m_storedOpen = record.state == BulkRecord::State::Running || record.state == BulkRecord::State::Paused;
    m_progress->setRange(0, qMax(1, record.validCount()));
    m_progress->setValue(qMin(record.validCount(), doneOf(counts)));
    m_counts->setText(countsText(counts, m_storedOpen));
    QString text = tr("Run %1: %2, profile %3, %4.")
                       .arg(record.id, ActionInfo::displayName(record.action), record.profile.name,
                            record.displayState());
    if (!record.pauseReason.isEmpty())
        text += QLatin1Char(' ') + record.pauseReason;
    setState(text);
}

QString BulkProgressView::runLine() const
{
    return tr("Run %1: %2, profile %3.")
        .arg(m_run->record().id, ActionInfo::displayName(m_run->record().action), m_run->record().profile.name);
}

void BulkProgressView::attach(BulkRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    m_cancelling = false;
    m_storedCounts = BulkCounts();
    if (run) {
        m_elapsed.start();
        m_doneAtStart = doneOf(run->counts());
        setState(runLine() + QLatin1Char(' ') + tr("Reading the history before sending…"));
        connect(run, &BulkRun::progress, this, &BulkProgressView::refresh);
        connect(run, &BulkRun::started, this, [this] {
            setState(runLine() + QLatin1Char(' ') + tr("Sending."));
            refresh();
        });
        connect(run, &BulkRun::paused, this, &BulkProgressView::onPaused);
        connect(run, &BulkRun::finished, this, &BulkProgressView::onFinished);
        connect(run, &BulkRun::holding, this, [this](int ms, const QString &why) {
            setState(tr("The server asked to slow down (%1): the whole run waits %2 s.")
                         .arg(why, QString::number(ms / 1000.0, 'f', 1)));
        });
        connect(run, &BulkRun::failed, this, [this](const Status &s) {
            setState(tr("The run stopped: %1").arg(s.message()));
            refresh();
        });
    }
    refresh();
}

void BulkProgressView::showResuming()
{
    if (!m_run)
        return;
    m_elapsed.start();
    m_doneAtStart = doneOf(m_run->counts());
    m_resume->setText(tr("Res&ume"));
    setState(runLine() + QLatin1Char(' ') + tr("Resumed: reading the history again before sending…"));
    refresh();
    // The run says "progress" once it has read the history again; from then on it is sending.
    connect(
        m_run, &BulkRun::progress, this,
        [this] {
        if (m_run && m_run->isActive())
            setState(runLine() + QLatin1Char(' ') + tr("Sending."));
        },
        Qt::SingleShotConnection);
}

void BulkProgressView::showCancelling()
{
    m_cancelling = true;
    if (m_run && m_run->isActive())
        setState(tr("Cancelling: waiting for the answers to %n row(s) in flight; no new row is sent.", nullptr,
                    m_run->inFlight()));
    refresh();
}

void BulkProgressView::onPaused(BulkRun::PauseCause cause, const QString &reason)
{
    if (cause == BulkRun::PauseCause::Canary) {
        setState(tr("Canary: the first rows were sent. Check their results below, then go on or cancel."));
        m_resume->setText(tr("&Go on"));
    } else {
        setState(tr("Paused: %1").arg(reason));
        m_resume->setText(tr("Res&ume"));
    }
    refresh();
}

void BulkProgressView::onFinished()
{
    const bool cancelled = m_run && m_run->record().state == BulkRecord::State::Cancelled;
    // The counts line below says how each row ended; repeated here it wrapped over it.
    setState(cancelled ? tr("Run cancelled.") : tr("Run finished."));
    refresh();
}

QString BulkProgressView::countsText() const
{
    const bool open = m_run && m_run->record().state != BulkRecord::State::Finished
        && m_run->record().state != BulkRecord::State::Cancelled;
    return countsText(m_run ? m_run->counts() : m_storedCounts, m_run ? open : m_storedOpen);
}

QString BulkProgressView::countsText(const BulkCounts &c, bool open)
{
    // Rows of a run that can still go on are waiting, not refused: "not sent" is for an ended run.
    const QString text = open ? tr("%1 done, %2 already so, %3 failed, %4 unknown, %5 waiting, %6 sending")
                              : tr("%1 done, %2 already so, %3 failed, %4 unknown, %5 not sent, %6 sending");
    return text.arg(c.succeeded).arg(c.already).arg(c.failed).arg(c.unknown).arg(c.notSent).arg(c.inFlight);
}

QString BulkProgressView::rateText(const BulkCounts &counts) const
{
    const double secs = m_elapsed.isValid() ? m_elapsed.elapsed() / 1000.0 : 0;
    const int sent = doneOf(counts) - m_doneAtStart;
    if (!m_run || secs < 1 || sent <= 0)
        return {};
    const double rate = sent / secs;
    const int left = m_run->remaining() + m_run->inFlight();
    if (left == 0)
        return tr("%1 rows/s").arg(QString::number(rate, 'f', 1));
    const int eta = int(left / rate);
    const QString time = eta >= 3600 ? tr("%1 h %2 min").arg(eta / 3600).arg((eta % 3600) / 60)
        : eta >= 60                  ? tr("%1 min %2 s").arg(eta / 60).arg(eta % 60)
                                     : tr("%n s", nullptr, eta);
    return tr("%1 rows/s, about %2 left").arg(QString::number(rate, 'f', 1), time);
}

void BulkProgressView::refresh()
{
    if (!m_run) {
        if (m_storedCounts.total() == 0) {
            m_progress->setRange(0, 1);
            m_progress->setValue(0);
            m_counts->setText(QString());
        }
        m_rate->setText(QString());
        for (QPushButton *b : {m_pause, m_resume, m_cancel})
            b->setEnabled(false);
        return;
    }
    const BulkRecord::State state = m_run->record().state;
    const bool active = m_run->isActive();
    const BulkCounts c = m_run->counts();
    const int valid = m_run->record().validCount();
    m_progress->setRange(0, qMax(1, valid));
    m_progress->setValue(qMin(valid, doneOf(c)));
    m_counts->setText(countsText());
    m_rate->setText(active ? rateText(c) : QString());
    // A paused run has stopped sending (isActive() is false) and waits for resume().
    const bool paused = state == BulkRecord::State::Paused && !active;
    m_pause->setEnabled(active && !m_cancelling);
    m_resume->setEnabled(paused);
    // A paused run can be cancelled too: it is the way to close it for good without sending the rest.
    m_cancel->setEnabled((active || paused) && !m_cancelling);
}
