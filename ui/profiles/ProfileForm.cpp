#include "ProfileForm.h"

#include "action/Validation.h"
#include "profiles/ProfileController.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

ProfileForm::ProfileForm(ProfileController *profiles, QWidget *parent) : QWidget(parent), m_profiles(profiles)
{
    setObjectName(QStringLiteral("profileForm"));
    build();
}

void ProfileForm::build()
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

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
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

    setTabOrder(m_name, m_partner);
    setTabOrder(m_partner, m_email);
    setTabOrder(m_email, m_environment);
    setTabOrder(m_environment, m_scheme);
    setTabOrder(m_scheme, m_baseUrl);
    setTabOrder(m_baseUrl, m_apiKey);
    for (QLineEdit *edit : {m_name, m_partner, m_email, m_baseUrl, m_apiKey}) {
        connect(edit, &QLineEdit::textChanged, this, &ProfileForm::edited);
        // Typed in, or left: from then on a problem with it is marked on it.
        auto touched = [this, edit] {
            if (!m_touched.contains(edit)) {
                m_touched.insert(edit);
                emit edited();
            }
        };
        connect(edit, &QLineEdit::textEdited, this, touched);
        connect(edit, &QLineEdit::editingFinished, this, touched);
    }
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProfileForm::edited);
}

Profile ProfileForm::profile() const
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

QList<QPair<QWidget *, QString>> ProfileForm::errors(const QString &editing) const
{
    QList<QPair<QWidget *, QString>> errors;
    const Profile p = profile();
    if (p.name.isEmpty())
        errors.append({m_name, tr("Give the profile a name.")});
    else if (m_profiles->isLocal(p.name))
        errors.append({m_name, tr("\"%1\" is the built-in profile's name; choose another.").arg(p.name)});
    else if (p.name != editing && !m_profiles->profile(p.name).partnerId.isEmpty())
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
    if (editing.isEmpty() && m_apiKey->text().isEmpty())
        errors.append({m_apiKey, tr("Enter the API key for this profile.")});
    return errors;
}

bool ProfileForm::showErrors(const QString &editing)
{
    const QList<QPair<QWidget *, QString>> errors = this->errors(editing);
    QStringList lines;
    for (QWidget *field :
         {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_partner), static_cast<QWidget *>(m_email),
          static_cast<QWidget *>(m_baseUrl), static_cast<QWidget *>(m_apiKey)}) {
        QString problem;
        for (const auto &[widget, message] : errors) {
            if (widget == field && (m_markAll || m_touched.contains(field)))
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
    return errors.isEmpty();
}

void ProfileForm::markAll()
{
    m_markAll = true;
}

void ProfileForm::untouch()
{
    m_touched.clear();
    m_markAll = false;
}

void ProfileForm::clear()
{
    untouch();
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
}

void ProfileForm::showProfile(const Profile &p)
{
    untouch();
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
}

QString ProfileForm::snapshot() const
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

QByteArray ProfileForm::takeKey()
{
    QByteArray key = m_apiKey->text().toUtf8();
    m_apiKey->clear();
    return key;
}

void ProfileForm::keyStored()
{
    m_apiKey->setPlaceholderText(tr("Stored — leave empty to keep the current key"));
}

QString ProfileForm::typedName() const
{
    return m_name->text().trimmed();
}

void ProfileForm::focusName()
{
    m_name->setFocus();
}

QWidget *ProfileForm::firstField() const
{
    return m_name;
}

void ProfileForm::setKeychainNote(const QString &text, const QString &details)
{
    m_keychainNote->setText(text);
    m_keychainNote->setAccessibleName(text);
    m_keychainNote->setToolTip(details);
}

void ProfileForm::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setAccessibleName(text);
}
