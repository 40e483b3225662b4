#pragma once

#include "history/HistoryEntry.h"

#include <QPlainTextEdit>

// The detail pane under the history table: every field of the selected entry, each attempt and the
// raw server response, in a monospace, selectable, read-only text so an officer can copy any of it.
class HistoryDetailView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit HistoryDetailView(QWidget *parent = nullptr);

    void showEntry(const HistoryEntry &entry);
    void showNothing();

    // The text shown for an entry (translated labels, raw values).
    static QString describe(const HistoryEntry &entry);
};
