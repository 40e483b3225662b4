#pragma once

#include <QUrl>
#include <QWidget>

class HistoryExportFlow;
class QLabel;
class QProgressBar;
class QToolButton;

// The export's own line under the history table: what is being written, with a progress bar and
// Cancel, then where it went with an "Open folder" button, or what went wrong. It stays until dismissed or the next
// export, and never shares a line with the entry count.
class HistoryExportNotice : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryExportNotice(QWidget *parent = nullptr);

    // Shows what `flow` does from now on: its progress, its result or refusal; Cancel cancels it.
    void follow(HistoryExportFlow *flow);
    void showProgress(const QString &text);
    // A long export's progress: `written` of `expected` entries (0: unknown), or the chain check before it.
    void showExportProgress(qint64 written, qint64 expected, bool checking);
    // `error` empty: `count` entries were written to `path`.
    void showResult(const QString &path, qsizetype count, const QString &error);
    QString text() const;
    // The folder "Open folder" opens (empty until an export succeeded).
    QUrl folderUrl() const { return m_folder; }

signals:
    // The officer pressed Cancel on the export under way.
    void cancelRequested();

private:
    void openFolder();

    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancel;
    QToolButton *m_open;
    QToolButton *m_close;
    QUrl m_folder;
};
