#include "ProfileBar.h"

#include "profiles/EnvironmentStyle.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

ProfileBar::ProfileBar(ProfileController *profiles, QWidget *parent)
    : QWidget(parent), m_profiles(profiles), m_combo(new QComboBox(this)), m_badge(new QLabel(this)),
      m_details(new QLabel(this)), m_keyStatus(new QLabel(this)), m_manage(new QPushButton(tr("&Profiles…"), this))
{
    setObjectName(QStringLiteral("profileBar"));
    setAccessibleName(tr("Active profile"));
    auto *label = new QLabel(tr("Profile:"), this);
    label->setBuddy(m_combo);
    m_combo->setObjectName(QStringLiteral("profileCombo"));
    m_combo->setAccessibleName(tr("Active profile"));
    m_combo->setToolTip(tr("Switch the profile actions are sent with"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_badge->setObjectName(QStringLiteral("environmentBadge"));
    m_details->setObjectName(QStringLiteral("profileDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_details->setMinimumWidth(m_details->fontMetrics().horizontalAdvance(QStringLiteral("partner 000…")));
    m_details->installEventFilter(this);
    m_keyStatus->setObjectName(QStringLiteral("keyStatusLabel"));
    m_keyStatus->setTextFormat(Qt::PlainText);
    m_keyStatus->setWordWrap(false); // one line: a wrapped sentence made the whole bar (and badge) swell
    m_manage->setObjectName(QStringLiteral("manageProfilesButton"));
    m_manage->setAccessibleName(tr("Manage profiles"));
    m_manage->setToolTip(tr("Add, edit, remove or switch profiles"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addWidget(m_badge);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_keyStatus);
    layout->addWidget(m_manage);

    connect(m_manage, &QPushButton::clicked, this, &ProfileBar::manageRequested);
    connect(m_combo, &QComboBox::activated, this, [this](int index) {
        if (!m_rebuilding && !m_profiles->activate(m_combo->itemData(index).toString()))
            showActive(m_profiles->active()); // refused: the combo goes back to the profile in use
    });
    connect(profiles, &ProfileController::switchingLockedChanged, this, [this](bool locked) {
        m_combo->setEnabled(!locked);
        m_manage->setEnabled(!locked);
        m_combo->setToolTip(locked ? tr("A request is in flight: switch profile once it has finished")
                                   : tr("Switch the profile actions are sent with"));
    });
    connect(profiles, &ProfileController::profilesChanged, this, &ProfileBar::rebuild);
    connect(profiles, &ProfileController::activeChanged, this, &ProfileBar::showActive);
    connect(profiles, &ProfileController::keyStateChanged, this, &ProfileBar::showKeyState);
    rebuild();
}

void ProfileBar::rebuild()
{
    m_rebuilding = true;
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    for (const Profile &p : m_profiles->profiles()) {
        const QString label = m_profiles->isLocal(p.name)
            ? tr("Local sandbox (built in)")
            : tr("%1 — %2").arg(p.name, environmentDisplayName(p.environment));
        m_combo->addItem(label, p.name);
    }
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(m_profiles->active().name)));
    m_rebuilding = false;
}

void ProfileBar::showActive(const Profile &profile)
{
    {
        const QSignalBlocker blocker(m_combo);
        const int index = m_combo->findData(profile.name);
        if (index < 0)
            rebuild();
        else
            m_combo->setCurrentIndex(index);
    }
    m_badge->setText(EnvironmentStyle::badgeText(profile.environment));
    m_badge->setAccessibleName(tr("Environment: %1").arg(m_badge->text()));
    EnvironmentStyle::applyBadge(m_badge, profile.environment);
    const QString where = profile.baseUrl.isValid() && !profile.baseUrl.isEmpty() ? profile.origin().toString()
                                                                                  : profile.endpoint().host();
    m_detailsText = tr("partner %1 · %2 · %3").arg(profile.partnerId, profile.email, where);
    m_details->setToolTip(m_detailsText);
    // What the environment's name means, and where actions go: the sandbox's address changes every start.
    m_badge->setToolTip(profile.environment == Environment::Local
                            ? tr("The local sandbox: an emulator built into this program, listening on %1, with "
                                 "demo enrollees. Nothing you send leaves this computer.")
                                  .arg(where)
                            : tr("Actions are sent to %1 at %2.").arg(m_badge->text(), where));
    m_details->setAccessibleName(m_detailsText);
    elideDetails();
}

bool ProfileBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_details && event->type() == QEvent::Resize)
        elideDetails();
    return QWidget::eventFilter(watched, event);
}

void ProfileBar::elideDetails()
{
    m_details->setText(m_details->fontMetrics().elidedText(m_detailsText, Qt::ElideMiddle, m_details->width()));
}

void ProfileBar::showKeyState(ProfileController::KeyState state, const QString &problem)
{
    // A few words in the bar (it must stay one line high and narrow); the whole sentence in the tooltip.
    QString text;
    switch (state) {
    case ProfileController::KeyState::Available:
        if (m_profiles->isLocal(m_profiles->active().name))
            text = tr("demo key");
        else if (m_profiles->keyInMemoryOnly())
            text = tr("API key in memory only");
        else
            text = tr("API key ready");
        break;
    case ProfileController::KeyState::Loading:
        text = tr("Reading the API key…");
        break;
    case ProfileController::KeyState::Missing:
        text = tr("No API key");
        break;
    case ProfileController::KeyState::Unavailable:
        text = tr("No keychain: enter the key");
        break;
    case ProfileController::KeyState::Error:
        text = tr("Keychain error");
        break;
    }
    QString tip = problem;
    if (state == ProfileController::KeyState::Available && m_profiles->keyInMemoryOnly())
        tip = tr("No keychain is available: this API key is held in memory for this session only and is gone when "
                 "the console quits.");
    m_keyStatus->setText(text);
    m_keyStatus->setToolTip(tip.isEmpty() ? text : tip);
    m_keyStatus->setAccessibleName(tr("API key: %1").arg(text));
    m_keyStatus->setAccessibleDescription(tip);
}
