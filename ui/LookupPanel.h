#pragma once

#include "Profile.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
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

signals:
    void userIdChanged(const QString &userId, bool valid);

private:
    void validate();
    void refreshKnowledge();
    void showState();

    HistoryFeed *m_history = nullptr;
    Profile m_profile;
    QLineEdit *m_edit;
    QLabel *m_hint;
    QGroupBox *m_demoBox;
    QListWidget *m_demoList;
    QLabel *m_state;
    QLabel *m_caveat;
    QTreeView *m_timeline;
    UserTimelineModel *m_timelineModel = nullptr;
};
