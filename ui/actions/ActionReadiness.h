#pragma once

#include <QObject>

class ActionPanel;
class AppContext;
class LookupPanel;
class ProfileController;

// Whether the action panel may offer the actions, and if not, why, in the officer's words: the console is
// still opening its audit trail (or waiting for the keyring to be unlocked), the active profile has no
// usable key, or the user ID is not valid. Kept current as the keyring, the keys and the context change;
// the window calls update() when the user ID or the profile changes.
class ActionReadiness : public QObject
{
    Q_OBJECT
public:
    ActionReadiness(AppContext *context, ProfileController *profiles, LookupPanel *lookup, ActionPanel *actions,
                    QObject *parent = nullptr);

    void update();

private:
    AppContext *m_context;
    ProfileController *m_profiles;
    LookupPanel *m_lookup;
    ActionPanel *m_actions;
};
