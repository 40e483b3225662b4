#include "ResultView.h"

#include "action/ActionRunner.h"
#include "widgets/Glyphs.h"
#include "widgets/WrapLabel.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QToolButton>

ResultView::ResultView(QWidget *parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_headline(new WrapLabel(this)), m_advice(new WrapLabel(this)),
      m_toggle(new QToolButton(this))
{
    setObjectName(QStringLiteral("resultView"));
    setAccessibleName(tr("Result of the last action"));
    m_icon->setObjectName(QStringLiteral("resultIcon"));
    m_icon->setAccessibleName(tr("Result status"));
    m_headline->setObjectName(QStringLiteral("resultLine"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);
    m_advice->setObjectName(QStringLiteral("resultAdvice"));
    m_advice->setWordWrap(true);
    m_advice->setTextFormat(Qt::PlainText);
    m_advice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A headline or advice naming a long user ID (one unbreakable word) must not widen the window for
    // good: the labels take the width they are given, and the full text stays in the tooltip and the
    // accessible name.
    for (QLabel *label : {static_cast<QLabel *>(m_headline), static_cast<QLabel *>(m_advice)})
        label->setMinimumWidth(1);
    m_toggle->setObjectName(QStringLiteral("detailsToggle"));
    m_toggle->setText(tr("Details"));
    m_toggle->setAccessibleName(tr("Show the raw response"));
    m_toggle->setCheckable(true);
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setAutoRaise(true);
    m_toggle->setEnabled(false);

    m_layout = new QGridLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addWidget(m_icon, 0, 0, Qt::AlignTop);
    m_layout->addWidget(m_headline, 0, 1);
    m_layout->addWidget(m_advice, 1, 1);
    m_layout->addWidget(m_toggle, 2, 1, Qt::AlignLeft);
    m_layout->setColumnStretch(1, 1);

    connect(m_toggle, &QToolButton::toggled, this, [this](bool open) {
        m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        if (open)
            detailsView()->show();
        else if (m_details)
            m_details->hide();
    });
    showMessage(tr("No action sent yet in this session."));
}

void ResultView::setTone(bool problem, bool success)
{
    const Glyph icon = problem ? Glyph::Warning : success ? Glyph::Success : Glyph::Info;
    m_icon->setPixmap(Glyphs::icon(icon).pixmap(20, 20));
    m_icon->setAccessibleName(problem ? tr("Problem") : success ? tr("Success") : tr("Information"));
}

void ResultView::showMessage(const QString &headline, const QString &advice, bool problem)
{
    m_headline->setText(headline);
    m_headline->setAccessibleName(headline);
    m_headline->setToolTip(headline);
    m_advice->setText(advice);
    m_advice->setAccessibleName(advice);
    m_advice->setToolTip(advice);
    m_advice->setVisible(!advice.isEmpty());
    if (m_details)
        m_details->clear();
    m_toggle->setChecked(false);
    m_toggle->setEnabled(false);
    setTone(problem, false);
}

void ResultView::showOutcome(const ActionOutcome &outcome)
{
    m_headline->setText(outcome.headline);
    m_headline->setAccessibleName(outcome.headline);
    m_headline->setToolTip(outcome.headline);
    QString advice = outcome.advice;
    if (outcome.ok() && advice.isEmpty())
        advice = tr("Recorded in history as record #%1.").arg(outcome.entry.id);
    const bool unknown = outcome.entry.outcome == HistoryEntry::Outcome::Unknown;
    if (unknown)
        advice += (advice.isEmpty() ? QString() : QStringLiteral(" "))
            + tr("Recorded in history as record #%1, with outcome unknown.").arg(outcome.entry.id);
    m_advice->setText(advice);
    m_advice->setAccessibleName(advice);
    m_advice->setToolTip(advice);
    m_advice->setVisible(!advice.isEmpty());

    const ApiResult &r = outcome.result;
    QString details = tr("URL: %1\nOutcome: %2\nHTTP status: %3\nCode: %4\nMessage: %5\nAttempts: %6\nTime: %7 ms\n")
                          .arg(r.url, r.outcomeName())
                          .arg(r.httpStatus)
                          .arg(r.code.isEmpty() ? tr("(none)") : r.code, r.message)
                          .arg(outcome.attempts)
                          .arg(r.elapsedMs);
    if (!r.bodyProblem.isEmpty())
        details += tr("Body: %1\n").arg(r.bodyProblem);
    details += tr("\nResponse:\n") + (outcome.entry.response.isEmpty() ? tr("(empty)") : outcome.entry.response);
    detailsView()->setPlainText(details);
    m_toggle->setEnabled(true);
    setTone(!outcome.ok(), outcome.ok());
    if (unknown)
        m_icon->setAccessibleName(tr("Outcome unknown"));
}

QString ResultView::headline() const
{
    return m_headline->text();
}

QString ResultView::advice() const
{
    return m_advice->text();
}

QString ResultView::details() const
{
    return m_details ? m_details->toPlainText() : QString();
}

QPlainTextEdit *ResultView::detailsView()
{
    // Made with the first server answer, not with the window: a text editor in the fixed-width font
    // is costly to build and is never part of the first frame.
    if (m_details)
        return m_details;
    m_details = new QPlainTextEdit(this);
    m_details->setObjectName(QStringLiteral("resultDetails"));
    m_details->setAccessibleName(tr("Raw response"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->hide();
    m_layout->addWidget(m_details, 3, 0, 1, 2);
    setTabOrder(m_toggle, m_details);
    return m_details;
}
