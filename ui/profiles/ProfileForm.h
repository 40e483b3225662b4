#pragma once

#include "settings/Profile.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QWidget>

class ProfileController;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

// The profile dialog's form: the fields of one profile with their labels and the notes under them,
// what is wrong with them while they are typed, and the profile they describe. The API key is typed
// into a masked field (shown on request, to check a pasted key) and handed out once by takeKey().
class ProfileForm : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileForm(ProfileController *profiles, QWidget *parent = nullptr);

    // Empty fields for a new profile on the sandbox.
    void clear();
    void showProfile(const Profile &profile);
    Profile profile() const;
    // Every reason the form cannot be saved, each with the field it concerns. `editing` names the saved
    // profile in the form (empty for a new one): it may keep its name, and keeps its key when none is typed.
    QList<QPair<QWidget *, QString>> errors(const QString &editing) const;
    // Lists the reasons under the form and marks the fields at fault, but only those the officer has
    // touched (edited or left) since the form was filled, or all once a save was tried: a new form
    // does not open all red. True when there are none.
    bool showErrors(const QString &editing);
    // A save was tried: every field at fault is marked from now on, until the form is filled again.
    void markAll();
    // What the fields hold, to tell whether they were edited since.
    QString snapshot() const;
    // The typed API key (empty when none); the field is cleared.
    QByteArray takeKey();
    // The profile was saved: its key is kept by the keychain, and an empty key field keeps it.
    void keyStored();
    QString typedName() const;
    void focusName();
    // Where the dialog's keyboard order enters the form.
    QWidget *firstField() const;

    void setKeychainNote(const QString &text, const QString &details);
    void setStatus(const QString &text);

signals:
    // A field the errors depend on changed.
    void edited();

private:
    template <typename W>
    static W *named(W *widget, const char *objectName, const QString &accessibleName)
    {
        widget->setObjectName(QLatin1String(objectName));
        widget->setAccessibleName(accessibleName);
        return widget;
    }
    void build();
    void untouch();

    ProfileController *m_profiles;
    QLineEdit *m_name;
    QLineEdit *m_partner;
    QLineEdit *m_email;
    QComboBox *m_environment;
    QComboBox *m_scheme;
    QLineEdit *m_baseUrl;
    QLineEdit *m_apiKey;
    QToolButton *m_showKey;
    QLabel *m_keychainNote;
    QLabel *m_error;
    QLabel *m_status;
    QSet<QWidget *> m_touched;
    bool m_markAll = false;
};
