#pragma once

#include "settings/Profile.h"

#include <QDialog>
#include <QList>
#include <QPair>

#include <functional>

class CredentialStore;
class ProfileController;
class ProfileForm;
class PromptService;
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
    // Every reason at once, each with the field it concerns.
    QList<QPair<QWidget *, QString>> formErrors() const;
    // Whether the form holds edits not saved yet.
    bool isDirty() const { return snapshot() != m_snapshot; }

public slots:
    void reject() override;

private:
    template <typename W>
    static W *named(W *widget, const char *objectName, const QString &accessibleName)
    {
        widget->setObjectName(QLatin1String(objectName));
        widget->setAccessibleName(accessibleName);
        return widget;
    }
    void reloadList(const QString &select = {});
    void showProfile(const QString &name);
    void save(bool activate);
    void removeSelected();
    void updateKeychainNote();
    void validateForm();
    QString snapshot() const;
    void markClean() { m_snapshot = snapshot(); }
    // Runs `proceed` once unsaved edits are saved or discarded; not at all when the officer cancels.
    void whenEditsSettled(const std::function<void()> &proceed);
    void onSelectionChanged(const QString &name, const QString &previous);
    void selectInList(const QString &name);

    ProfileController *m_profiles;
    CredentialStore *m_credentials;
    PromptService *m_prompts;
    QString m_editing; // name of the saved profile in the form; empty for a new one
    QListWidget *m_list;
    ProfileForm *m_form;
    QString m_snapshot;
    bool m_selecting = false;
    QPushButton *m_save;
    QPushButton *m_saveAndUse;
    QPushButton *m_remove;
};
