#pragma once

#include "settings/Profile.h"

#include <QDialog>

class NoPasteLineEdit;
class QLabel;
class QPushButton;

// Everything the delete dialog names: who, where, under which profile and why.
struct DeleteConfirmation {
    QString userId;
    Profile profile;
    QString reason;
};

// Asks the officer to type the exact user ID before a permanent delete. It names the environment,
// the profile, the user and the reason in every environment, and says what Smile ID documents about a
// delete. The Delete button only enables on an exact match — and only then becomes the default, so
// Enter cancels until the typed ID matches and deletes once it does. A typed ID that does not match
// says so. The field refuses pasted text, so the ID has been read, not copied.
class DeleteConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeleteConfirmDialog(const DeleteConfirmation &details, QWidget *parent = nullptr);

    QString userId() const { return m_userId; }
    bool matches() const;

private:
    QLabel *addSummary(const DeleteConfirmation &details);
    void updateButton();

    QString m_userId;
    NoPasteLineEdit *m_edit;
    QLabel *m_mismatch;
    QPushButton *m_deleteButton;
    QPushButton *m_cancelButton;
};
