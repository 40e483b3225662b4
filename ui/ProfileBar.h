#pragma once

#include "Profile.h"
#include "ProfileController.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

// Always-visible strip naming the active profile, its environment, partner and operator, and whether
// its API key is at hand; switches profile and opens the profile manager.
class ProfileBar : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileBar(ProfileController *profiles, QWidget *parent = nullptr);

    QComboBox *profileCombo() const { return m_combo; }

signals:
    void manageRequested();

private:
    void rebuild();
    void showActive(const Profile &profile);
    void showKeyState(ProfileController::KeyState state, const QString &problem);

    ProfileController *m_profiles;
    QComboBox *m_combo;
    QLabel *m_badge;
    QLabel *m_details;
    QLabel *m_keyStatus;
    QPushButton *m_manage;
    bool m_rebuilding = false;
};
