#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// "Type the number of rows to confirm": the blast radius of a bulk run stated in the officer's own
// keystrokes. The run button is the default only once the typed number matches; a wrong number says so.
class BulkConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    BulkConfirmDialog(const QString &title, const QString &text, int count, QWidget *parent = nullptr);

private:
    void onEdited(const QString &typed);

    int m_count;
    QLineEdit *m_edit;
    QLabel *m_hint;
    QPushButton *m_run;
    QPushButton *m_cancel;
};
