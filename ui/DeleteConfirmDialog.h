#pragma once

#include <QDialog>

class NoPasteLineEdit;
class QPushButton;

// Asks the officer to type the exact user ID before a permanent delete. The Delete button only
// enables on an exact match, and the field refuses pasted text, so the ID has been read, not copied.
// In production it says so in the alarm colour.
class DeleteConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    DeleteConfirmDialog(const QString &userId, bool production, QWidget *parent = nullptr);

    QString userId() const { return m_userId; }
    bool matches() const;

private:
    void updateButton();

    QString m_userId;
    NoPasteLineEdit *m_edit;
    QPushButton *m_deleteButton;
};
