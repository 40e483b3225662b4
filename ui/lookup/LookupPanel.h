#pragma once

#include "settings/Profile.h"

#include <QDateTime>
#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeView;
class UserTimelineModel;
class HistoryFeed;

// The user-ID form and what this console knows of that user: the state its own history implies and
// the timeline of past actions, with the caveat that the API cannot read the live state. On the local
// sandbox it lists the demo enrollees so a new user can try every action at once.
class LookupPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LookupPanel(QWidget *parent = nullptr);

    // Where past actions come from (the window's one model over the history service); until set and
    // loaded, the panel says it is reading history.
    void setHistoryFeed(HistoryFeed *history);

    void setProfile(const Profile &profile);
    void setDemoEnrollees(const QStringList &userIds);
    // The trimmed user ID, and whether it may be sent.
    QString userId() const;
    bool isValid() const;
    QLineEdit *userIdEdit() const { return m_edit; }
    // The browsing widgets after the form in keyboard order: demo list, timeline.
    QList<QWidget *> browseChain() const;
    void focusUserId();
    // While an action is asked about or in flight the target cannot change: the field is read-only
    // and the demo list inactive, so the action in flight keeps naming its own user.
    void setLocked(bool locked);
    // The history check's verdict: when it found breaks, the panel warns that what it shows may have
    // been altered (`problem` says what was found); an empty problem clears the warning.
    void setIntegrityProblem(const QString &problem);

signals:
    void userIdChanged(const QString &userId, bool valid);
    // What this console's history implies for the current user (after every change of user or history).
    void knownStateChanged(const QString &userId, bool deleted, const QDateTime &asOf);
    // Several user IDs were pasted and the officer asked to act on them in the Bulk tab: one a line.
    void bulkRequested(const QString &userIds);

private:
    void validate();
    // The non-empty lines of what was pasted, when it is more than one.
    QStringList pastedLines() const;
    void refreshKnowledge();
    void showState();
    // Why the timeline may not be all of this user's history, or empty when it is.
    void showReadProblem();
    void syncDemoSelection();
    void sizeTimelineColumns();

    HistoryFeed *m_history = nullptr;
    Profile m_profile;
    QLineEdit *m_edit;
    QLabel *m_hint;
    QPushButton *m_toBulk;
    QGroupBox *m_demoBox;
    QListWidget *m_demoList;
    QLabel *m_state;
    QLabel *m_caveat;
    QLabel *m_integrity;
    QLabel *m_readProblem;
    QTreeView *m_timeline;
    UserTimelineModel *m_timelineModel = nullptr;
};
