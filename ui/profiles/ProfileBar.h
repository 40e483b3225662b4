#pragma once

#include "profiles/ProfileController.h"
#include "settings/Profile.h"

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

    // The partner · operator · host line in full (the label may show it elided).
    QString detailsText() const { return m_detailsText; }

signals:
    void manageRequested();

protected:
    // The details line is elided to the room it gets, so the bar never sets the window's minimum width.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void elideDetails();
    void rebuild();
    void showActive(const Profile &profile);
    void showKeyState(ProfileController::KeyState state, const QString &problem);

    ProfileController *m_profiles;
    QComboBox *m_combo;
    QLabel *m_badge;
    QLabel *m_details;
    QLabel *m_keyStatus;
    QPushButton *m_manage;
    QString m_detailsText;
    bool m_rebuilding = false;
};
