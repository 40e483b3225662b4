#pragma once

#include <QWidget>

class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QToolButton;
struct ActionOutcome;

// The result of the last action in plain words: a headline (success, or the server's code and
// message), advice on what to do next, and the raw response under an expandable "Details".
class ResultView : public QWidget
{
    Q_OBJECT
public:
    explicit ResultView(QWidget *parent = nullptr);

    void showOutcome(const ActionOutcome &outcome);
    // A line that is not a server answer (sending…, refused before sending, cancelled).
    void showMessage(const QString &headline, const QString &advice = {}, bool problem = false);
    QString headline() const;
    QString advice() const;
    QString details() const;

private:
    void setTone(bool problem, bool success);
    QPlainTextEdit *detailsView();

    QLabel *m_icon;
    QLabel *m_headline;
    QLabel *m_advice;
    QToolButton *m_toggle;
    QPlainTextEdit *m_details = nullptr; // made with the first answer (detailsView)
    QGridLayout *m_layout = nullptr;
};
