// ProfileDialog's form: its fields, what it says about them while they are typed, and the profile
// they describe.
#include "action/Validation.h"
#include "profiles/ProfileController.h"
#include "profiles/ProfileDialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

QFormLayout *ProfileDialog::buildForm()
{
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
    // To check a pasted key before saving it; hidden again whenever another profile is shown.
    m_showKey = named(new QToolButton(this), "showApiKeyButton", tr("Show the API key"));
    m_showKey->setText(tr("Sho&w"));
    m_showKey->setCheckable(true);
    connect(m_showKey, &QToolButton::toggled, this, [this](bool shown) {
        m_apiKey->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(shown ? tr("Hi&de") : tr("Sho&w"));
        m_showKey->setAccessibleName(shown ? tr("Hide the API key") : tr("Show the API key"));
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_apiKey, 1);
    keyRow->addWidget(m_showKey);
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
    form->addRow(tr("API &key:"), keyRow);
    qobject_cast<QLabel *>(form->labelForField(keyRow))->setBuddy(m_apiKey);
    form->addRow(m_keychainNote);
    form->addRow(m_error);
    form->addRow(m_status);
    return form;
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
    const QList<QPair<QWidget *, QString>> errors = formErrors();
    return errors.isEmpty() ? QString() : errors.first().second;
}

QList<QPair<QWidget *, QString>> ProfileDialog::formErrors() const
{
    QList<QPair<QWidget *, QString>> errors;
    const Profile p = formProfile();
    if (p.name.isEmpty())
        errors.append({m_name, tr("Give the profile a name.")});
    else if (m_profiles->isLocal(p.name))
        errors.append({m_name, tr("\"%1\" is the built-in profile's name; choose another.").arg(p.name)});
    else if (p.name != m_editing && !m_profiles->profile(p.name).partnerId.isEmpty())
        errors.append({m_name, tr("A profile named \"%1\" already exists.").arg(p.name)});
    if (const Status s = Validation::checkPartnerId(p.partnerId); !s.ok())
        errors.append({m_partner, s.message()});
    if (const Status s = Validation::checkEmail(p.email); !s.ok())
        errors.append({m_email, s.message()});
    const bool urlTyped = !m_baseUrl->text().trimmed().isEmpty();
    if (const Status s = Validation::checkBaseUrl(m_baseUrl->text()); urlTyped && !s.ok())
        errors.append({m_baseUrl, s.message()});
    else if (const Status v = p.validate(); errors.isEmpty() && !v.ok())
        errors.append({m_baseUrl, v.message()}); // what remains is the host against the environment
    if (m_editing.isEmpty() && m_apiKey->text().isEmpty())
        errors.append({m_apiKey, tr("Enter the API key for this profile.")});
    return errors;
}

void ProfileDialog::validateForm()
{
    const QList<QPair<QWidget *, QString>> errors = formErrors();
    QStringList lines;
    for (QWidget *field :
         {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_partner), static_cast<QWidget *>(m_email),
          static_cast<QWidget *>(m_baseUrl), static_cast<QWidget *>(m_apiKey)}) {
        QString problem;
        for (const auto &[widget, message] : errors) {
            if (widget == field)
                problem = message;
        }
        // Marked by a border and told to screen readers, so the field at fault is found at a glance.
        field->setStyleSheet(problem.isEmpty() ? QString()
                                               : QStringLiteral("QLineEdit { border: 2px solid #c62828; }"));
        field->setProperty("invalid", !problem.isEmpty());
        field->setAccessibleDescription(problem);
    }
    for (const auto &error : errors)
        lines.append(error.second);
    const QString text = lines.join(QLatin1Char('\n'));
    m_error->setText(text);
    m_error->setAccessibleName(text);
    m_save->setEnabled(errors.isEmpty());
    m_saveAndUse->setEnabled(errors.isEmpty());
}
