#include "ProfileDialog.h"

#include "PromptService.h"
#include "action/Validation.h"
#include "profiles/ProfileController.h"
#include "settings/CredentialStore.h"
#include "settings/SecretBytes.h"
#include "widgets/Glyphs.h"

#include <QColor>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QToolButton>
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

    QFormLayout *form = buildForm();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = named(buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole), "saveProfileButton",
                   tr("Save profile"));
    m_saveAndUse = named(buttons->addButton(tr("Save and &use"), QDialogButtonBox::AcceptRole), "useProfileButton",
                         tr("Save and switch to this profile"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeProfilesButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(form, 2);
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
    for (QLineEdit *edit : {m_name, m_partner, m_email, m_baseUrl, m_apiKey})
        connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::validateForm);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProfileDialog::validateForm);
    connect(credentials, &CredentialStore::availabilityChanged, this, &ProfileDialog::updateKeychainNote);
    connect(profiles, &ProfileController::saveFinished, this,
            [this](const QString &name, bool inKeychain, const QString &message) {
        m_status->setText(inKeychain ? tr("Saved \"%1\"; its API key is in the keychain.").arg(name)
                                     : tr("Saved \"%1\". No keychain (%2): the API key is kept in memory for this "
                                          "session only and must be entered again next time.")
                                           .arg(name, message));
        m_status->setAccessibleName(m_status->text());
        updateKeychainNote();
    });

    setTabOrder(m_list, m_name);
    setTabOrder(m_name, m_partner);
    setTabOrder(m_partner, m_email);
    setTabOrder(m_email, m_environment);
    setTabOrder(m_environment, m_scheme);
    setTabOrder(m_scheme, m_baseUrl);
    setTabOrder(m_baseUrl, m_apiKey);
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
    m_name->clear();
    m_partner->clear();
    m_email->clear();
    m_environment->setCurrentIndex(m_environment->findData(environmentName(Environment::Sandbox)));
    m_scheme->setCurrentIndex(0);
    m_baseUrl->clear();
    m_apiKey->clear();
    m_apiKey->setPlaceholderText(tr("Paste the API key from the Smile ID portal"));
    m_status->clear();
    m_showKey->setChecked(false);
    m_name->setFocus();
    validateForm();
    markClean();
}

void ProfileDialog::showProfile(const QString &name)
{
    const Profile p = m_profiles->profile(name);
    m_editing = name;
    m_name->setText(p.name);
    m_partner->setText(p.partnerId);
    m_email->setText(p.email);
    m_environment->setCurrentIndex(m_environment->findData(environmentName(p.environment)));
    m_scheme->setCurrentIndex(m_scheme->findData(schemeName(p.scheme)));
    m_baseUrl->setText(p.baseUrl.isEmpty() ? QString() : p.baseUrl.toString());
    m_apiKey->clear();
    m_apiKey->setPlaceholderText(tr("Stored — leave empty to keep the current key"));
    m_status->clear();
    m_showKey->setChecked(false);
    validateForm();
    markClean();
}

QString ProfileDialog::snapshot() const
{
    return QStringList{m_name->text(),
                       m_partner->text(),
                       m_email->text(),
                       m_environment->currentData().toString(),
                       m_scheme->currentData().toString(),
                       m_baseUrl->text(),
                       m_apiKey->text().isEmpty() ? QString() : QStringLiteral("key")}
        .join(QChar(0x1f));
}

void ProfileDialog::whenEditsSettled(const std::function<void()> &proceed)
{
    if (!isDirty()) {
        proceed();
        return;
    }
    const QString name = m_name->text().trimmed().isEmpty() ? tr("the new profile") : m_name->text().trimmed();
    QPointer<ProfileDialog> self(this);
    m_prompts->askUnsaved(this, tr("Save your changes to %1?").arg(name),
                          [self, proceed](PromptService::UnsavedChoice choice) {
        if (!self || choice == PromptService::UnsavedChoice::Cancel)
            return;
        if (choice == PromptService::UnsavedChoice::Save) {
            if (!self->formError().isEmpty())
                return; // stays on the form, whose errors are shown
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
    const Profile p = formProfile();
    QByteArray key = m_apiKey->text().toUtf8();
    m_apiKey->clear();
    const QString previous = m_editing;
    m_editing = p.name;
    m_profiles->save(p, key, previous);
    SecretBytes::wipe(key); // blanks it unless the keychain write still holds it
    reloadList(p.name);
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
    m_keychainNote->setText(text);
    m_keychainNote->setAccessibleName(text);
    // The system's own words stay one hover away, as the window's notice keeps them one click away.
    m_keychainNote->setToolTip(m_credentials->available() ? QString() : m_credentials->unavailableReason());
}
