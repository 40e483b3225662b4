#include "ProfileDialog.h"

#include "PromptService.h"
#include "profiles/ProfileController.h"
#include "profiles/ProfileForm.h"
#include "settings/CredentialStore.h"
#include "settings/SecretBytes.h"
#include "widgets/Glyphs.h"

#include <QColor>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

ProfileDialog::ProfileDialog(ProfileController *profiles, CredentialStore *credentials, PromptService *prompts,
                             QWidget *parent)
    : QDialog(parent), m_profiles(profiles), m_credentials(credentials), m_prompts(prompts)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Profiles"));
    setAccessibleName(windowTitle());

    m_list = named(new QListWidget(this), "profileList", tr("Saved profiles"));
    auto *newButton = named(new QPushButton(tr("&New"), this), "newProfileButton", tr("New profile"));
    m_remove = named(new QPushButton(tr("&Remove"), this), "removeProfileButton", tr("Remove profile"));
    auto *builtIn = new QLabel(tr("The built-in local sandbox is always available and needs no profile."), this);
    builtIn->setWordWrap(true);
    builtIn->setForegroundRole(QPalette::PlaceholderText);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    left->addWidget(builtIn);

    m_form = new ProfileForm(profiles, this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    // Three plain verbs, one default: "Use this profile" saves what is in the form and switches to it.
    m_saveAndUse = named(buttons->addButton(tr("&Use this profile"), QDialogButtonBox::AcceptRole), "useProfileButton",
                         tr("Save and switch to this profile"));
    m_save = named(buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole), "saveProfileButton",
                   tr("Save profile"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeProfilesButton"));
    close->setAccessibleName(tr("Close"));
    for (QPushButton *b : {m_save, close})
        b->setAutoDefault(false);
    m_saveAndUse->setDefault(true);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addWidget(m_form, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] { save(false); });
    connect(m_saveAndUse, &QPushButton::clicked, this, [this] { save(true); });
    connect(newButton, &QPushButton::clicked, this, [this] { whenEditsSettled([this] { startNew(); }); });
    connect(m_remove, &QPushButton::clicked, this, &ProfileDialog::removeSelected);
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](const QListWidgetItem *current, const QListWidgetItem *previous) {
        onSelectionChanged(current ? current->text() : QString(), previous ? previous->text() : QString());
    });
    connect(m_form, &ProfileForm::edited, this, &ProfileDialog::validateForm);
    connect(credentials, &CredentialStore::availabilityChanged, this, &ProfileDialog::updateKeychainNote);
    connect(profiles, &ProfileController::saveFinished, this,
            [this](const QString &name, bool inKeychain, const QString &message) {
        m_form->setStatus(inKeychain ? tr("Saved \"%1\"; its API key is in the keychain.").arg(name)
                                     : tr("Saved \"%1\". No keychain (%2): the API key is kept in memory for this "
                                          "session only and must be entered again next time.")
                                           .arg(name, message));
        updateKeychainNote();
    });

    setTabOrder(m_list, m_form->firstField());
    reloadList();
    if (m_list->count() == 0)
        startNew();
    updateKeychainNote();
    markClean();
    resize(720, 420);
}

void ProfileDialog::reloadList(const QString &select)
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
    }
    for (const Profile &p : m_profiles->profiles()) {
        if (m_profiles->isLocal(p.name))
            continue;
        auto *item = new QListWidgetItem(p.name, m_list);
        if (p.isProduction()) { // real people's enrollments: marked by icon, colour and words
            item->setIcon(Glyphs::icon(Glyph::Warning));
            item->setForeground(QColor(0xb3, 0x26, 0x1e));
            item->setToolTip(tr("Production profile: actions change real people's enrollments."));
            item->setData(Qt::AccessibleTextRole, tr("%1, production").arg(p.name));
        }
    }
    selectInList(select.isEmpty() ? m_profiles->active().name : select);
    if (const QListWidgetItem *current = m_list->currentItem(); current && current->text() != m_editing)
        showProfile(current->text());
    m_remove->setEnabled(m_list->count() > 0);
}

void ProfileDialog::startNew()
{
    m_list->clearSelection();
    m_editing.clear();
    m_form->clear();
    m_form->focusName();
    validateForm();
    markClean();
}

void ProfileDialog::showProfile(const QString &name)
{
    const Profile p = m_profiles->profile(name);
    m_editing = name;
    m_form->showProfile(p);
    validateForm();
    markClean();
}

QString ProfileDialog::snapshot() const
{
    return m_form->snapshot();
}

QString ProfileDialog::formError() const
{
    const QList<QPair<QWidget *, QString>> errors = formErrors();
    return errors.isEmpty() ? QString() : errors.first().second;
}

QList<QPair<QWidget *, QString>> ProfileDialog::formErrors() const
{
    return m_form->errors(m_editing);
}

void ProfileDialog::validateForm()
{
    const bool valid = m_form->showErrors(m_editing);
    m_save->setEnabled(valid);
    m_saveAndUse->setEnabled(valid);
}

void ProfileDialog::whenEditsSettled(const std::function<void()> &proceed)
{
    if (!isDirty()) {
        proceed();
        return;
    }
    const QString name = m_form->typedName().isEmpty() ? tr("the new profile") : m_form->typedName();
    QPointer<ProfileDialog> self(this);
    m_prompts->askUnsaved(this, tr("Save your changes to %1?").arg(name),
                          [self, proceed](PromptService::UnsavedChoice choice) {
        if (!self || choice == PromptService::UnsavedChoice::Cancel)
            return;
        if (choice == PromptService::UnsavedChoice::Save) {
            if (!self->formError().isEmpty()) {
                // Stays on the form, with every field at fault marked: a save was tried.
                self->m_form->markAll();
                self->validateForm();
                return;
            }
            self->save(false);
        }
        self->markClean();
        proceed();
    });
}

void ProfileDialog::onSelectionChanged(const QString &name, const QString &previous)
{
    if (m_selecting || name.isEmpty() || name == m_editing)
        return;
    if (!isDirty()) {
        showProfile(name);
        return;
    }
    // Stay on the edited profile until the officer decides what happens to the edits.
    selectInList(previous.isEmpty() ? m_editing : previous);
    QPointer<ProfileDialog> self(this);
    whenEditsSettled([self, name] {
        if (!self)
            return;
        self->selectInList(name);
        self->showProfile(name);
    });
}

void ProfileDialog::selectInList(const QString &name)
{
    m_selecting = true;
    const auto found = m_list->findItems(name, Qt::MatchExactly);
    if (found.isEmpty())
        m_list->setCurrentItem(nullptr);
    else
        m_list->setCurrentItem(found.first());
    m_selecting = false;
}

void ProfileDialog::reject()
{
    QPointer<ProfileDialog> self(this);
    whenEditsSettled([self] {
        if (self)
            self->QDialog::reject();
    });
}

void ProfileDialog::save(bool activate)
{
    if (!formError().isEmpty())
        return;
    const Profile p = m_form->profile();
    const QString previous = m_editing;
    // Named before the key field is emptied: from now on the key is the keychain's, and an empty field
    // means "keep it", not "missing".
    m_editing = p.name;
    QByteArray key = m_form->takeKey();
    m_profiles->save(p, key, previous);
    SecretBytes::wipe(key); // blanks it unless the keychain write still holds it
    reloadList(p.name);
    m_form->keyStored();
    validateForm();
    markClean();
    if (activate) {
        m_profiles->activate(p.name);
        accept();
    }
}

void ProfileDialog::removeSelected()
{
    const QString name = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    if (name.isEmpty())
        return;
    QPointer<ProfileDialog> self(this);
    m_prompts->confirm(this, tr("Remove profile?"),
                       tr("Remove profile \"%1\" and its stored API key? History entries are kept.").arg(name),
                       tr("Remove"), [self, name](bool accepted) {
                           if (!self || !accepted)
                               return;
                           self->m_profiles->remove(name);
                           self->reloadList();
                           if (self->m_list->count() == 0)
                               self->startNew();
                       });
}

void ProfileDialog::updateKeychainNote()
{
    const QString text = m_credentials->available()
        ? tr("The API key is stored in the system keychain (service \"%1\") and never shown again.")
              .arg(m_credentials->service())
        : tr("No keychain is available on this desktop. API keys entered now are kept in memory for this session "
             "only.");
    // The system's own words stay one hover away, as the window's notice keeps them one click away.
    m_form->setKeychainNote(text, m_credentials->available() ? QString() : m_credentials->unavailableReason());
}
