#include "BulkConfirmDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

BulkConfirmDialog::BulkConfirmDialog(const QString &title, const QString &text, int count, QWidget *parent)
    : QDialog(parent), m_count(count), m_edit(new QLineEdit(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("bulkConfirmDialog"));
    setWindowTitle(title);
    auto *label = new QLabel(text, this);
    label->setObjectName(QStringLiteral("bulkConfirmText"));
    label->setWordWrap(true);
    auto *ask = new QLabel(tr("Type the number of rows (%1) to confirm:").arg(count), this);
    ask->setBuddy(m_edit);
    m_edit->setObjectName(QStringLiteral("bulkConfirmCountEdit"));
    m_edit->setAccessibleName(tr("Number of rows"));
    m_hint->setObjectName(QStringLiteral("bulkConfirmHint"));
    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(tr("Start run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("bulkConfirmRunButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("bulkConfirmCancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, &BulkConfirmDialog::onEdited);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(ask);
    layout->addWidget(m_edit);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    onEdited(QString());
}

void BulkConfirmDialog::onEdited(const QString &typed)
{
    const bool matches = typed.trimmed() == QString::number(m_count);
    m_run->setEnabled(matches);
    // Enter goes ahead only once the number is right; until then it cancels.
    m_run->setDefault(matches);
    m_cancel->setDefault(!matches);
    m_hint->setText(typed.trimmed().isEmpty() || matches
                        ? QString()
                        : tr("That is not the number of rows that will be sent (%1).").arg(m_count));
}
