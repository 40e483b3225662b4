#pragma once

#include "Profile.h"

#include <QDialog>

class CredentialStore;
class ProfileController;
class PromptService;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Adds, edits, removes and switches profiles. The API key is typed once into a masked field and
// handed to the keychain; it is never shown again, written to settings or logged. Without a
// keychain the dialog says so and the key is kept in memory for this session only.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    ProfileDialog(ProfileController *profiles, CredentialStore *credentials, PromptService *prompts,
                  QWidget *parent = nullptr);

    // Starts a new, empty profile in the form (the first-run "add a real profile" path).
    void startNew();
    // The reason the form cannot be saved, or an empty string.
    QString formError() const;

private:
    void reloadList(const QString &select = {});
    void showProfile(const QString &name);
    Profile formProfile() const;
    void save(bool activate);
    void removeSelected();
    void updateKeychainNote();
    void validateForm();

    ProfileController *m_profiles;
    CredentialStore *m_credentials;
    PromptService *m_prompts;
    QString m_editing; // name of the saved profile in the form; empty for a new one
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_partner;
    QLineEdit *m_email;
    QComboBox *m_environment;
    QComboBox *m_scheme;
    QLineEdit *m_baseUrl;
    QLineEdit *m_apiKey;
    QLabel *m_keychainNote;
    QLabel *m_error;
    QLabel *m_status;
    QPushButton *m_save;
    QPushButton *m_saveAndUse;
    QPushButton *m_remove;
};
