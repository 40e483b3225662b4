#pragma once

#include <QWidget>

class HistoryFilter;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QLineEdit;
class QToolButton;
class QTimer;

// The row of filter controls above the history table. It writes straight into a HistoryFilter;
// typing is debounced so the history is asked once per pause, not once per key.
class HistoryFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryFilterBar(HistoryFilter *filter, QWidget *parent = nullptr);

    QLineEdit *textEdit() const { return m_text; }
    // Puts every control back to "show everything".
    void reset();
    // Whether any control narrows what is shown (the clear button and the empty state use it).
    bool isFiltering() const;

signals:
    void filtersChanged();

private:
    void applyText();
    void applyChoices();
    void onAllDatesToggled(bool all);
    void onSessionToggled(bool session);

    HistoryFilter *m_filter;
    QLineEdit *m_text;
    QComboBox *m_action;
    QComboBox *m_outcome;
    QCheckBox *m_allDates;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QCheckBox *m_session;
    QToolButton *m_clear;
    QTimer *m_debounce;
};
