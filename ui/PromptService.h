#pragma once

#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QString>
#include <QStringList>

#include <functional>

struct ApprovalRequest;
struct DeleteConfirmation;
class QDialog;
class QUrl;
class QWidget;

// The one seam every modal prompt of the window goes through. Product code asks here and gets the
// answer in a callback (dialogs are opened with open(), never exec()); a test pre-answers with
// setNextAnswer() — as KeePassXC's MessageBox does — or lets the real dialog open and drives it,
// finding it through promptOpened().
class PromptService : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(bool accepted)>;

    explicit PromptService(QObject *parent = nullptr);

    // A yes/no question; `acceptLabel` names the button that goes ahead ("Deactivate").
    void confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel,
                 const Done &done);
    // The delete confirmation: names environment, profile, user and reason, says it is permanent, asks
    // for the user ID to be typed.
    void confirmDelete(QWidget *parent, const DeleteConfirmation &details, const Done &done);
    // Unsaved edits: Save, Discard or Cancel (go back to the form).
    enum class UnsavedChoice { Save, Discard, Cancel };
    using UnsavedDone = std::function<void(UnsavedChoice choice)>;
    void askUnsaved(QWidget *parent, const QString &text, const UnsavedDone &done);
    // Notices that need no answer.
    void information(QWidget *parent, const QString &title, const QString &text);
    void warning(QWidget *parent, const QString &title, const QString &text);
    // A file to save to (history export), starting from `suggested`; empty when the officer cancels.
    // Synchronous because the history panel's export asks that way.
    QString saveFileName(QWidget *parent, const QString &title, const QString &filter,
                         const QString &suggested = QString());
    // A file to read (a bulk run's input); empty when the officer cancels.
    QString openFileName(QWidget *parent, const QString &title, const QString &filter);
    // A bulk run's confirmation: names what goes where and asks for the number of rows to be typed.
    void confirmCount(QWidget *parent, const QString &title, const QString &text, int count, const Done &done);
    // Opens a file or folder with the desktop's application for it (results files, the data folder).
    void openUrl(const QUrl &url);
    // One line of text (an approval's or a denial's reason); `done` gets false when cancelled. With
    // `required` the label says so; the caller refuses an empty answer.
    using TextDone = std::function<void(bool accepted, const QString &text)>;
    void askText(QWidget *parent, const QString &title, const QString &label, bool required, const TextDone &done);
    // Approving (or denying) a colleague's four-eyes request: the request in full and the decider's
    // reason, required. Recorded and pre-answered as a text prompt ("text:<title>", setNextText()).
    void decideRequest(QWidget *parent, const ApprovalRequest &request, bool approve, const TextDone &done);

    // Test seam: the next prompts are answered with these values, in order, without showing anything.
    void setNextAnswer(bool accept) { m_answers.enqueue(accept); }
    void clearNextAnswers()
    {
        m_answers.clear();
        m_unsavedChoices.clear();
        m_texts.clear();
    }
    void setNextSaveFileName(const QString &path) { m_fileNames.enqueue(path); }
    void setNextUnsavedChoice(UnsavedChoice choice) { m_unsavedChoices.enqueue(choice); }
    void setNextOpenFileName(const QString &path) { m_openNames.enqueue(path); }
    // The next askText() is answered with this text (accepted) without showing anything.
    void setNextText(const QString &text) { m_texts.enqueue(text); }
    // Off in tests: openUrl() then only records "url:<url>".
    void setOpensUrls(bool open) { m_opensUrls = open; }
    // Every prompt asked so far, as "confirm:<title>", "delete:<user id>", "information:<title>"...
    QStringList asked() const { return m_asked; }
    void clearAsked() { m_asked.clear(); }
    // The file name the last save prompt suggested.
    QString lastSuggestedFileName() const { return m_lastSuggested; }

signals:
    // A real dialog was opened (not pre-answered): tests drive it, screen readers are unaffected.
    void promptOpened(QDialog *dialog);

private:
    // Consumes a pre-set answer; returns true and calls `done` later when there was one.
    bool answerFromQueue(const Done &done);

    QQueue<bool> m_answers;
    QQueue<QString> m_fileNames;
    QQueue<UnsavedChoice> m_unsavedChoices;
    QQueue<QString> m_openNames;
    QQueue<QString> m_texts;
    bool m_opensUrls = true;
    QStringList m_asked;
    QString m_lastSuggested;
};
