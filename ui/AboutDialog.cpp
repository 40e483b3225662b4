#include "AboutDialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <openssl/crypto.h>

AboutDialog::AboutDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Enrollee Console"));
    setAccessibleName(windowTitle());

    auto *icon = new QLabel(this);
    icon->setPixmap(windowIcon().pixmap(64, 64));
    icon->setAccessibleName(tr("Application icon"));
    auto *title = new QLabel(tr("<h2>Enrollee Console %1</h2>").arg(QLatin1String(ENROLLEE_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setAccessibleName(tr("Enrollee Console %1").arg(QLatin1String(ENROLLEE_VERSION)));
    auto *text = new QLabel(tr("A desktop console for Smile ID's enrollee API: re-enroll, deactivate, reactivate, "
                               "flag and unflag fraud, and delete user IDs, with a tamper-evident audit trail.\n\n"
                               "Licence: %1.")
                                .arg(QLatin1String(ENROLLEE_LICENSE)),
                            this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setAccessibleName(text->text());
    auto *versions = new QLabel(versionsText(), this);
    versions->setObjectName(QStringLiteral("aboutVersions"));
    versions->setTextFormat(Qt::PlainText);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    versions->setAccessibleName(versions->text());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("aboutCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(text);
    layout->addWidget(versions);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

QString AboutDialog::versionsText()
{
    // Versions actually loaded at run time, not the ones compiled against: that is what support needs.
    return tr("Version: %1\nQt: %2 (built with %3)\nOpenSSL: %4")
        .arg(QLatin1String(ENROLLEE_VERSION), QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR),
             QLatin1String(OpenSSL_version(OPENSSL_VERSION)));
}
