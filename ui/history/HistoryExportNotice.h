#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QToolButton;

// The export's own line under the history table: what is being written, then where it went with an
// "Open folder" button, or what went wrong. It stays until dismissed or the next export, and never
// shares a line with the entry count.
class HistoryExportNotice : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryExportNotice(QWidget *parent = nullptr);

    void showProgress(const QString &text);
    // `error` empty: `count` entries were written to `path`.
    void showResult(const QString &path, qsizetype count, const QString &error);
    QString text() const;
    // The folder "Open folder" opens (empty until an export succeeded).
    QUrl folderUrl() const { return m_folder; }

private:
    void openFolder();

    QLabel *m_label;
    QToolButton *m_open;
    QToolButton *m_close;
    QUrl m_folder;
};
