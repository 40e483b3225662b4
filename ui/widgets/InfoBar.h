#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

// An unobtrusive, dismissable notice under the toolbar (first-run hint, keychain unavailable), in the
// spirit of KMessageWidget: a line of text, an optional action button and a close button.
class InfoBar : public QFrame
{
    Q_OBJECT
public:
    InfoBar(const QString &objectName, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // Shows a button that emits actionTriggered(); an empty label hides it.
    void setActionText(const QString &label);
    QPushButton *actionButton() const { return m_action; }

signals:
    void actionTriggered();
    void dismissed();

private:
    QLabel *m_label;
    QPushButton *m_action;
    QToolButton *m_close;
};
