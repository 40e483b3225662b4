#pragma once

#include "base/Status.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkPlan.h"

#include <QVariantMap>
#include <QWidget>

class PromptService;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// What the officer sets up on the Bulk tab before a check: the list of user IDs (opened from a CSV or
// text file, or pasted, with the CSV column to read) and the run's options (action, reason, rate). The
// form itself is the run options, which the panel lays out in its Check section; the list is a section
// of its own, idsBox(), which the panel lays out above it. The panel keeps the flow (check, run,
// results): the form tells it when something the check depends on changed and when its list is to be
// checked at once.
class BulkInputForm : public QWidget
{
    Q_OBJECT
public:
    explicit BulkInputForm(PromptService *prompts, QWidget *parent = nullptr);

    // The "1. User IDs" section: the file, the column and the pasted list.
    QGroupBox *idsBox() const { return m_idsBox; }
    // A file was opened or a list typed or pasted.
    bool hasInput() const;
    // The run's action, reason and rate as set (the panel adds the profile).
    BulkPlan::Options options() const;
    // The rows from the file opened, or else from the text typed, with the reason as set as their default.
    Result<BulkInput> input() const;
    // Nothing can be changed while a run is sending.
    void setLocked(bool locked);
    // What the officer has set up (list, action, reason, column, rate), to carry over into a window
    // rebuilt in another language; restoring a draft with a list asks for its check.
    QVariantMap draft() const;
    void restoreDraft(const QVariantMap &draft);

signals:
    // Something the check depends on changed (the list, the file, the action, the reason or the column).
    void edited();
    // The list is to be checked now: a file was opened, or a draft with a list restored.
    void checkRequested();

private:
    void build();
    void openFile();
    // Uses the list in `path` in place of any typed.
    void useFile(const QString &path);

    PromptService *m_prompts;
    QString m_inputPath;

    QGroupBox *m_idsBox = nullptr;
    QPushButton *m_open = nullptr;
    QLabel *m_file = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_column = nullptr;
    QSpinBox *m_rate = nullptr;
};
