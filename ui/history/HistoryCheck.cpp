#include "HistoryCheck.h"

#include "history/HistoryService.h"

#include <QLabel>

#include <utility>

namespace {
// Colours that read on both light and dark palettes, with the text colour fixed to match.
const QString kProblemStyle = QStringLiteral(
    "QLabel { background: #c62828; color: white; padding: 4px; font-weight: bold; }");
const QString kWarningStyle = QStringLiteral("QLabel { background: #f0b400; color: black; padding: 4px; }");
} // namespace

HistoryCheck::HistoryCheck(HistoryService *service, QWidget *parent)
    : QObject(parent), m_service(service), m_label(new QLabel(parent))
{
    m_label->setObjectName(QStringLiteral("historyVerification"));
    m_label->setAccessibleName(tr("History integrity check"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setText(tr("History not checked yet."));
    m_again.setSingleShot(true);
    connect(&m_again, &QTimer::timeout, this, &HistoryCheck::check);
}

void HistoryCheck::setEntryCount(qint64 entries)
{
    m_entries = entries;
    if (m_checkedEntries >= 0 && m_entries != m_checkedEntries)
        recordsArrived();
}

void HistoryCheck::check()
{
    m_again.stop();
    const int generation = ++m_generation;
    m_checking = true;
    m_label->setStyleSheet(QString());
    m_label->setText(tr("Checking the history's integrity…"));
    m_clock.start();
    m_service->verify(this, [this, generation](const ChainReport &report) { onChecked(generation, report); });
}

void HistoryCheck::recordsArrived()
{
    schedule();
    // Until then the line would count fewer entries than the list shows: say a check is coming.
    if (m_lastReport.ok && !m_checking) {
        m_label->setStyleSheet(QString());
        m_label->setText(tr("Checking the history's integrity…"));
    }
}

void HistoryCheck::schedule()
{
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    if (!m_again.isActive())
        m_again.start(int(qBound(qint64(1000), m_lastCheckMs * 4, qint64(5 * 60 * 1000))));
}

void HistoryCheck::onChecked(int generation, const ChainReport &report)
{
    if (generation != m_generation)
        return;
    m_checking = false;
    m_lastReport = report;
    m_lastCheckMs = m_clock.elapsed();
    m_checkedEntries = m_entries;
    QHash<qint64, QString> altered;
    for (const ChainBreak &b : report.breaks) {
        if (b.entry > 0 && !altered.contains(b.entry))
            altered.insert(b.entry, b.problem);
    }
    if (report.firstBadEntry > 0 && !altered.contains(report.firstBadEntry))
        altered.insert(report.firstBadEntry, report.problem);
    emit alteredEntries(altered);
    showReport(report);
    if (std::exchange(m_checkAgain, false))
        schedule();
    emit finished(report);
}

void HistoryCheck::showReport(const ChainReport &report)
{
    const int entries = int(qMin<qint64>(m_entries, INT_MAX));
    if (report.ok) {
        m_label->setStyleSheet(QString());
        QString text = !report.keyed ? tr("History intact: %n entries checked. Without a key, an edit that also "
                                          "rewrote the chain would not be detected.",
                                          "", entries)
            : m_keyInKeychain
            ? tr("History intact: %n entries checked, none changed.", "", entries)
            : tr("History intact: %n entries checked, none changed. With no keychain its key is kept beside the "
                 "history, so this check catches accidents, not someone who set out to forge it.",
                 "", entries);
        if (report.unverifiableThrough > 0)
            text += QLatin1Char(' ') + report.epochNote;
        m_label->setText(text);
    } else if (cannotCheckNow(report)) {
        m_label->setStyleSheet(kWarningStyle);
        m_label->setText(tr("Cannot check the history now: %1 Nothing was found altered; it is checked again "
                            "once the database can be reached.")
                             .arg(report.problem));
    } else {
        m_label->setStyleSheet(kProblemStyle);
        m_label->setText(tr("History check failed: %1").arg(report.problem));
    }
    m_label->setToolTip(m_label->text());
}
