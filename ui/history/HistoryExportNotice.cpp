#include "HistoryExportNotice.h"

#include "history/HistoryExportFlow.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace {
const QString kProblemStyle = QStringLiteral(
    "QLabel { background: #c62828; color: white; padding: 4px; font-weight: bold; }");
} // namespace

HistoryExportNotice::HistoryExportNotice(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_bar(new QProgressBar(this)), m_cancel(new QToolButton(this)),
      m_open(new QToolButton(this)), m_close(new QToolButton(this))
{
    m_bar->setObjectName(QStringLiteral("historyExportProgress"));
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setMaximumWidth(240);
    m_bar->hide();
    m_cancel->setObjectName(QStringLiteral("historyExportCancel"));
    m_cancel->setAccessibleName(tr("Cancel the export"));
    m_cancel->setText(tr("&Cancel"));
    m_cancel->hide();
    connect(m_cancel, &QToolButton::clicked, this, &HistoryExportNotice::cancelRequested);
    setObjectName(QStringLiteral("historyExportNotice"));
    m_label->setObjectName(QStringLiteral("historyMessage"));
    m_label->setAccessibleName(tr("History export result"));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_open->setObjectName(QStringLiteral("historyOpenFolder"));
    m_open->setAccessibleName(tr("Open the folder of the exported file"));
    m_open->setText(tr("&Open folder"));
    m_open->hide();
    m_close->setObjectName(QStringLiteral("historyMessageClose"));
    m_close->setAccessibleName(tr("Dismiss the export message"));
    m_close->setText(QStringLiteral("×"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    layout->addWidget(m_open);
    layout->addWidget(m_close);
    connect(m_open, &QToolButton::clicked, this, &HistoryExportNotice::openFolder);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void HistoryExportNotice::follow(HistoryExportFlow *flow)
{
    connect(flow, &HistoryExportFlow::started, this, &HistoryExportNotice::showProgress);
    connect(flow, &HistoryExportFlow::progress, this, &HistoryExportNotice::showExportProgress);
    connect(flow, &HistoryExportFlow::refused, this,
            [this](const QString &, const QString &why) { showResult(QString(), 0, why); });
    connect(flow, &HistoryExportFlow::finished, this, &HistoryExportNotice::showResult);
    connect(this, &HistoryExportNotice::cancelRequested, flow, &HistoryExportFlow::cancel);
}

void HistoryExportNotice::showProgress(const QString &text)
{
    m_label->setStyleSheet(QString());
    m_label->setText(text);
    m_open->hide();
    m_bar->setRange(0, 0); // busy until the first figures come
    m_bar->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    m_close->hide();
    show();
}

void HistoryExportNotice::showExportProgress(qint64 written, qint64 expected, bool checking)
{
    if (checking) {
        m_label->setText(tr("Checking the history before exporting…"));
        m_bar->setRange(0, 0);
        return;
    }
    m_label->setText(
        expected > 0 ? tr("Exported %1 of %2 entries…").arg(QLocale().toString(written), QLocale().toString(expected))
                     : tr("Exported %1 entries…").arg(QLocale().toString(written)));
    if (expected > 0 && written <= expected) {
        // Per mille: a bar's range is an int, a history's count need not be.
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(written * 1000 / expected));
    } else {
        m_bar->setRange(0, 0);
    }
}

void HistoryExportNotice::showResult(const QString &path, qsizetype count, const QString &error)
{
    m_bar->hide();
    m_cancel->hide();
    m_close->show();
    m_label->setStyleSheet(error.isEmpty() ? QString() : kProblemStyle);
    if (error.isEmpty()) {
        m_label->setText(tr("Exported %n entries to %1.", "", int(count)).arg(QDir::toNativeSeparators(path)));
        m_folder = QUrl::fromLocalFile(QFileInfo(path).absolutePath());
    } else {
        m_label->setText(error);
    }
    m_open->setVisible(error.isEmpty());
    show();
}

QString HistoryExportNotice::text() const
{
    return m_label->text();
}

void HistoryExportNotice::openFolder()
{
    if (m_folder.isValid())
        QDesktopServices::openUrl(m_folder);
}
