#include "PromptService.h"

#include "actions/DeleteConfirmDialog.h"
#include "bulk/BulkConfirmDialog.h"
#include "team/ApprovalDecisionDialog.h"

#include <QDesktopServices>
#include <QFileDialog>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

PromptService::PromptService(QObject *parent) : QObject(parent)
{
}

bool PromptService::answerFromQueue(const Done &done)
{
    if (m_answers.isEmpty())
        return false;
    const bool answer = m_answers.dequeue();
    // Answer on a later turn, as a real dialog would: callers must not depend on a synchronous reply.
    QTimer::singleShot(0, this, [done, answer] {
        if (done)
            done(answer);
    });
    return true;
}

void PromptService::confirm(QWidget *parent, const QString &title, const QString &text, const QString &acceptLabel,
                            const Done &done)
{
    m_asked.append(QStringLiteral("confirm:") + title);
    if (answerFromQueue(done))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("confirmBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *accept = box->addButton(acceptLabel, QMessageBox::AcceptRole);
    accept->setObjectName(QStringLiteral("confirmAcceptButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("confirmCancelButton"));
    // The safe choice is the default: Enter pressed out of habit must not deactivate someone.
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(box, &QDialog::finished, this, [box, accept, done](int) {
        if (done)
            done(box->clickedButton() == accept);
    });
    box->open();
    emit promptOpened(box);
}

void PromptService::confirmDelete(QWidget *parent, const DeleteConfirmation &details, const Done &done)
{
    m_asked.append(QStringLiteral("delete:") + details.userId);
    if (answerFromQueue(done))
        return;
    auto *dialog = new DeleteConfirmDialog(details, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [done](int result) {
        if (done)
            done(result == QDialog::Accepted);
    });
    dialog->open();
    emit promptOpened(dialog);
}

void PromptService::information(QWidget *parent, const QString &title, const QString &text)
{
    m_asked.append(QStringLiteral("information:") + title);
    if (answerFromQueue({}))
        return;
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("informationBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit promptOpened(box);
}

void PromptService::warning(QWidget *parent, const QString &title, const QString &text)
{
    m_asked.append(QStringLiteral("warning:") + title);
    if (answerFromQueue({}))
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("warningBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit promptOpened(box);
}

QString PromptService::saveFileName(QWidget *parent, const QString &title, const QString &filter,
                                    const QString &suggested)
{
    m_asked.append(QStringLiteral("save:") + title);
    m_lastSuggested = suggested;
    if (!m_fileNames.isEmpty())
        return m_fileNames.dequeue();
    return QFileDialog::getSaveFileName(
        parent, title,
        suggested.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : suggested, filter);
}

void PromptService::askUnsaved(QWidget *parent, const QString &text, const UnsavedDone &done)
{
    m_asked.append(QStringLiteral("unsaved:") + text);
    if (!m_unsavedChoices.isEmpty()) {
        const UnsavedChoice choice = m_unsavedChoices.dequeue();
        QTimer::singleShot(0, this, [done, choice] {
            if (done)
                done(choice);
        });
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"), text,
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box->setObjectName(QStringLiteral("unsavedBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Save);
    box->setEscapeButton(QMessageBox::Cancel);
    connect(box, &QDialog::finished, this, [box, done](int) {
        const QMessageBox::StandardButton button = box->standardButton(box->clickedButton());
        const UnsavedChoice choice = button == QMessageBox::Save ? UnsavedChoice::Save
            : button == QMessageBox::Discard                     ? UnsavedChoice::Discard
                                                                 : UnsavedChoice::Cancel;
        if (done)
            done(choice);
    });
    box->open();
    emit promptOpened(box);
}

QString PromptService::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    m_asked.append(QStringLiteral("open-file:") + title);
    if (!m_openNames.isEmpty())
        return m_openNames.dequeue();
    return QFileDialog::getOpenFileName(parent, title,
                                        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), filter);
}

void PromptService::confirmCount(QWidget *parent, const QString &title, const QString &text, int count,
                                 const Done &done)
{
    m_asked.append(QStringLiteral("count:%1").arg(count));
    if (answerFromQueue(done))
        return;
    auto *dialog = new BulkConfirmDialog(title, text, count, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [done](int result) {
        if (done)
            done(result == QDialog::Accepted);
    });
    dialog->open();
    emit promptOpened(dialog);
}

void PromptService::openUrl(const QUrl &url)
{
    m_asked.append(QStringLiteral("url:") + url.toString());
    if (m_opensUrls)
        QDesktopServices::openUrl(url);
}

void PromptService::askText(QWidget *parent, const QString &title, const QString &label, bool required,
                            const TextDone &done)
{
    m_asked.append(QStringLiteral("text:") + title);
    if (!m_texts.isEmpty()) {
        const QString text = m_texts.dequeue();
        QTimer::singleShot(0, this, [done, text] {
            if (done)
                done(true, text);
        });
        return;
    }
    auto *dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("textPrompt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setInputMode(QInputDialog::TextInput);
    if (required)
        dialog->setLabelText(label + QLatin1Char('\n') + tr("(required)"));
    connect(dialog, &QDialog::finished, this, [dialog, done](int result) {
        if (done)
            done(result == QDialog::Accepted, dialog->textValue());
    });
    dialog->open();
    emit promptOpened(dialog);
}

void PromptService::decideRequest(QWidget *parent, const ApprovalRequest &request, bool approve, const TextDone &done)
{
    const auto decision = approve ? ApprovalDecisionDialog::Decision::Approve : ApprovalDecisionDialog::Decision::Deny;
    m_asked.append(QStringLiteral("text:") + ApprovalDecisionDialog::title(request, decision));
    if (!m_texts.isEmpty()) {
        const QString text = m_texts.dequeue();
        QTimer::singleShot(0, this, [done, text] {
            if (done)
                done(true, text);
        });
        return;
    }
    auto *dialog = new ApprovalDecisionDialog(request, decision, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [dialog, done](int result) {
        if (done)
            done(result == QDialog::Accepted, dialog->reason());
    });
    dialog->open();
    emit promptOpened(dialog);
}
