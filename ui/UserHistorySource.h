#pragma once

#include "HistoryEntry.h"

#include <QList>
#include <QObject>

// Where the lookup panel gets a user's past actions. Two implementations: one over the history
// panel's model (when that panel is built in, so history is loaded once), one that loads the store
// itself off the GUI thread.
class UserHistorySource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QList<HistoryEntry> entriesForUser(const QString &userId) const = 0;
    virtual bool isLoaded() const = 0;

signals:
    // Something was loaded, added or completed: ask again.
    void changed();
};
