#include "DeleteConfirmDialog.h"

#include "EnvironmentStyle.h"
#include "NoPasteLineEdit.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

DeleteConfirmDialog::DeleteConfirmDialog(const QString &userId, bool production, QWidget *parent)
    : QDialog(parent), m_userId(userId)
{
    setObjectName(QStringLiteral("deleteConfirmDialog"));
    setWindowTitle(tr("Delete user permanently"));
    setAccessibleName(windowTitle());
    setModal(true);

    auto *layout = new QVBoxLayout(this);
    if (production) {
        auto *banner = new QLabel(tr("PRODUCTION: this deletes a real person's enrollment at Smile ID."), this);
        banner->setObjectName(QStringLiteral("deleteProductionWarning"));
        banner->setAccessibleName(banner->text());
        banner->setWordWrap(true);
        EnvironmentStyle::applyBadge(banner, Environment::Production);
        layout->addWidget(banner);
    }

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("deleteExplanation"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setText(tr("Deleting user \"%1\" is permanent and cannot be undone: Smile ID removes the enrollment and "
                     "the user ID can no longer be used.\n\nType the user ID exactly to confirm.")
                      .arg(userId));
    text->setAccessibleName(tr("Delete explanation"));
    layout->addWidget(text);

    m_edit = new NoPasteLineEdit(this);
    m_edit->setObjectName(QStringLiteral("deleteConfirmEdit"));
    m_edit->setAccessibleName(tr("Type the user ID to confirm"));
    m_edit->setPlaceholderText(tr("Type the user ID (pasting is disabled)"));
    layout->addWidget(m_edit);

    auto *buttons = new QDialogButtonBox(this);
    m_deleteButton = buttons->addButton(tr("Delete permanently"), QDialogButtonBox::AcceptRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteConfirmButton"));
    m_deleteButton->setAccessibleName(m_deleteButton->text());
    m_deleteButton->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    m_deleteButton->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("deleteCancelButton"));
    cancel->setAccessibleName(tr("Cancel delete"));
    cancel->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (matches())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &DeleteConfirmDialog::updateButton);
    updateButton();
    m_edit->setFocus();
    setMinimumWidth(440);
}

bool DeleteConfirmDialog::matches() const
{
    // Exact, case-sensitive: user IDs are opaque strings and "Abc" is not "abc".
    return !m_userId.isEmpty() && m_edit->text() == m_userId;
}

void DeleteConfirmDialog::updateButton()
{
    m_deleteButton->setEnabled(matches());
}
