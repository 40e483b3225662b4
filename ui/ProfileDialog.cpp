#include "ProfileDialog.h"

#include "CredentialStore.h"
#include "ProfileController.h"
#include "PromptService.h"
#include "SecretBytes.h"
#include "Validation.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
template <typename W>
W *named(W *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
    return widget;
}
} // namespace

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

    m_name = named(new QLineEdit(this), "profileNameEdit", tr("Profile name"));
    m_partner = named(new QLineEdit(this), "partnerIdEdit", tr("Partner ID"));
    m_partner->setPlaceholderText(tr("e.g. 085, from the Smile ID portal"));
    m_email = named(new QLineEdit(this), "operatorEmailEdit", tr("Operator email"));
    m_email->setPlaceholderText(tr("you@your-company.com — recorded by Smile ID"));
    m_environment = named(new QComboBox(this), "environmentCombo", tr("Environment"));
    for (Environment env : {Environment::Sandbox, Environment::Production, Environment::Local})
        m_environment->addItem(environmentDisplayName(env), environmentName(env));
    m_scheme = named(new QComboBox(this), "schemeCombo", tr("Signing scheme"));
    m_scheme->addItem(tr("Signature (HMAC, current)"), schemeName(SigningScheme::Signature));
    m_scheme->addItem(tr("sec_key (legacy accounts)"), schemeName(SigningScheme::SecKey));
    m_baseUrl = named(new QLineEdit(this), "baseUrlEdit", tr("Base URL override"));
    m_baseUrl->setPlaceholderText(tr("optional, e.g. https://testapi.example.com"));
    m_apiKey = named(new QLineEdit(this), "apiKeyEdit", tr("API key"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_keychainNote = named(new QLabel(this), "keychainNote", tr("Where the API key is kept"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setTextFormat(Qt::PlainText);
    m_error = named(new QLabel(this), "profileErrorLabel", tr("Profile problem"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_status = named(new QLabel(this), "profileStatusLabel", tr("Profile status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Partner ID:"), m_partner);
    form->addRow(tr("Operator &email:"), m_email);
    form->addRow(tr("E&nvironment:"), m_environment);
    form->addRow(tr("Signing &scheme:"), m_scheme);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("API &key:"), m_apiKey);
    form->addRow(m_keychainNote);
    form->addRow(m_error);
    form->addRow(m_status);

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
    connect(newButton, &QPushButton::clicked, this, &ProfileDialog::startNew);
    connect(m_remove, &QPushButton::clicked, this, &ProfileDialog::removeSelected);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (!name.isEmpty())
            showProfile(name);
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
    resize(720, 420);
}

void ProfileDialog::reloadList(const QString &select)
{
    m_list->clear();
    for (const Profile &p : m_profiles->profiles()) {
        if (!m_profiles->isLocal(p.name))
            m_list->addItem(p.name);
    }
    const auto found = m_list->findItems(select.isEmpty() ? m_profiles->active().name : select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
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
    m_name->setFocus();
    validateForm();
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
    validateForm();
}

Profile ProfileDialog::formProfile() const
{
    Profile p;
    p.name = m_name->text().trimmed();
    p.partnerId = m_partner->text().trimmed();
    p.email = m_email->text().trimmed();
    environmentFromName(m_environment->currentData().toString(), &p.environment);
    schemeFromName(m_scheme->currentData().toString(), &p.scheme);
    if (!m_baseUrl->text().trimmed().isEmpty())
        p.baseUrl = Validation::parseBaseUrl(m_baseUrl->text());
    return p;
}

QString ProfileDialog::formError() const
{
    const Profile p = formProfile();
    if (p.name.isEmpty())
        return tr("Give the profile a name.");
    if (m_profiles->isLocal(p.name))
        return tr("\"%1\" is the built-in profile's name; choose another.").arg(p.name);
    if (p.name != m_editing && !m_profiles->profile(p.name).partnerId.isEmpty())
        return tr("A profile named \"%1\" already exists.").arg(p.name);
    if (!m_baseUrl->text().trimmed().isEmpty()) {
        if (const Status s = Validation::checkBaseUrl(m_baseUrl->text()); !s.ok())
            return s.message();
    }
    if (const Status s = p.validate(); !s.ok())
        return s.message();
    if (m_editing.isEmpty() && m_apiKey->text().isEmpty())
        return tr("Enter the API key for this profile.");
    return {};
}

void ProfileDialog::validateForm()
{
    const QString error = formError();
    m_error->setText(error);
    m_error->setAccessibleName(error);
    m_save->setEnabled(error.isEmpty());
    m_saveAndUse->setEnabled(error.isEmpty());
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
        : tr("No keychain is available: %1. API keys entered now are kept in memory for this session only.")
              .arg(m_credentials->unavailableReason());
    m_keychainNote->setText(text);
    m_keychainNote->setAccessibleName(text);
}
