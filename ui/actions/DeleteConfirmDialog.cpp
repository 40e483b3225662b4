#include "DeleteConfirmDialog.h"

#include "profiles/EnvironmentStyle.h"
#include "widgets/Glyphs.h"
#include "widgets/NoPasteLineEdit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

DeleteConfirmDialog::DeleteConfirmDialog(const DeleteConfirmation &details, QWidget *parent)
    : QDialog(parent), m_userId(details.userId)
{
    setObjectName(QStringLiteral("deleteConfirmDialog"));
    setWindowTitle(tr("Delete user permanently"));
    setAccessibleName(windowTitle());
    setModal(true);

    auto *layout = new QVBoxLayout(this);
    if (details.profile.isProduction()) {
        auto *banner = new QLabel(tr("PRODUCTION: this deletes a real person's enrollment at Smile ID."), this);
        banner->setObjectName(QStringLiteral("deleteProductionWarning"));
        banner->setAccessibleName(banner->text());
        banner->setWordWrap(true);
        EnvironmentStyle::applyBadge(banner, Environment::Production);
        layout->addWidget(banner);
    }
    layout->addWidget(addSummary(details));

    // What Smile ID's current page says: the delete is final, the ID becomes free, re-enrolling is preferred.
    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("deleteExplanation"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    text->setText(tr("Deleting permanently removes the user ID \"%1\" and all its enrollment information at Smile "
                     "ID; this cannot be undone. The user ID is then free to be used again. Smile ID recommends "
                     "re-enrolling a user instead of deleting them wherever possible.\n\nType the user ID exactly "
                     "to confirm.")
                      .arg(m_userId));
    text->setAccessibleName(tr("Delete explanation"));
    layout->addWidget(text);

    m_edit = new NoPasteLineEdit(this);
    m_edit->setObjectName(QStringLiteral("deleteConfirmEdit"));
    m_edit->setAccessibleName(tr("Type the user ID to confirm"));
    m_edit->setPlaceholderText(tr("Type the user ID (pasting is disabled)"));
    layout->addWidget(m_edit);
    m_mismatch = new QLabel(this);
    m_mismatch->setObjectName(QStringLiteral("deleteMismatchHint"));
    m_mismatch->setWordWrap(true);
    m_mismatch->setTextFormat(Qt::PlainText);
    layout->addWidget(m_mismatch);

    auto *buttons = new QDialogButtonBox(this);
    m_deleteButton = buttons->addButton(tr("Delete permanently"), QDialogButtonBox::AcceptRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteConfirmButton"));
    m_deleteButton->setAccessibleName(m_deleteButton->text());
    m_deleteButton->setIcon(Glyphs::icon(Glyph::Trash));
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("deleteCancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel delete"));
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

QLabel *DeleteConfirmDialog::addSummary(const DeleteConfirmation &details)
{
    const Profile &p = details.profile;
    const QString reason = details.reason.trimmed().isEmpty() ? tr("(none given)") : details.reason.trimmed();
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("deleteSummary"));
    summary->setTextFormat(Qt::PlainText);
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    summary->setText(tr("Environment: %1 (%2)\nProfile: %3 (partner %4)\nUser: %5\nReason: %6")
                         .arg(environmentDisplayName(p.environment), p.origin().host(), p.name, p.partnerId,
                              details.userId, reason));
    summary->setAccessibleName(summary->text());
    return summary;
}

bool DeleteConfirmDialog::matches() const
{
    // Exact, case-sensitive: user IDs are opaque strings and "Abc" is not "abc".
    return !m_userId.isEmpty() && m_edit->text() == m_userId;
}

void DeleteConfirmDialog::updateButton()
{
    const bool match = matches();
    m_deleteButton->setEnabled(match);
    // Enter cancels until the ID matches, and deletes once it does.
    m_deleteButton->setDefault(match);
    m_cancelButton->setDefault(!match);
    const QString typed = m_edit->text();
    QString hint;
    if (!typed.isEmpty() && !match) {
        hint = m_userId.startsWith(typed)
            ? tr("Keep typing: this is the start of \"%1\".").arg(m_userId)
            : tr("This does not match \"%1\" (letter case and spaces count).").arg(m_userId);
    }
    m_mismatch->setText(hint);
    m_mismatch->setAccessibleName(hint);
    m_mismatch->setVisible(!hint.isEmpty());
    // The dialog grows with the hint that comes while the ID is typed (a long ID wraps over several
    // lines): the summary above is never squeezed out of sight.
    if (layout() && isVisible()) {
        layout()->activate();
        if (const int needed = heightForWidth(width()); needed > height())
            resize(width(), needed);
    }
}
