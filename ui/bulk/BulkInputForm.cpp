#include "BulkInputForm.h"

#include "PromptService.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <utility>

BulkInputForm::BulkInputForm(PromptService *prompts, QWidget *parent) : QWidget(parent), m_prompts(prompts)
{
    build();
}

void BulkInputForm::build()
{
    auto named = [](auto *w, const char *name, const QString &accessible) {
        w->setObjectName(QLatin1String(name));
        w->setAccessibleName(accessible);
        return w;
    };
    m_open = named(new QPushButton(tr("&Open file…"), this), "bulkOpenButton", tr("Open a file of user IDs"));
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("bulkFileLabel"));
    m_file->setAccessibleDescription(tr("Input file"));
    m_file->setTextFormat(Qt::PlainText);
    m_file->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long name is in its tooltip
    m_input = named(new QPlainTextEdit(this), "bulkInputEdit", tr("User IDs"));
    m_input->setPlaceholderText(tr("Paste user IDs here, one per line, or a CSV with a header (user_id, and "
                                   "optionally reason), or open a file."));
    m_input->setMinimumHeight(m_input->fontMetrics().lineSpacing() * 4);
    // Each run option's label is made before its field, so that screen readers meet them in that order.
    auto *actionLabel = new QLabel(tr("&Action:"), this);
    m_action = named(new QComboBox(this), "bulkActionCombo", tr("Action for every row"));
    for (ActionKind kind : ActionInfo::all())
        m_action->addItem(ActionInfo::displayName(kind), int(kind));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_action->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    auto *reasonLabel = new QLabel(tr("R&eason:"), this);
    m_reason = named(new QLineEdit(this), "bulkReasonEdit", tr("Reason or case reference"));
    m_reason->setPlaceholderText(tr("Reason or case reference"));
    m_reason->setToolTip(tr("A reason column in the list overrides it per row."));
    m_column = named(new QLineEdit(this), "bulkColumnEdit", tr("CSV column of the user IDs"));
    m_column->setPlaceholderText(QStringLiteral("user_id"));
    m_column->setFixedWidth(m_column->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 11);
    auto *rateLabel = new QLabel(tr("Ra&te:"), this);
    m_rate = named(new QSpinBox(this), "bulkRateSpin", tr("Requests per second"));
    m_rate->setRange(0, 100);
    m_rate->setValue(5);
    m_rate->setSpecialValueText(tr("no limit"));
    m_rate->setSuffix(tr(" per second"));
    m_rate->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);

    // The list is a section of its own, laid out by the panel (which then owns it); the run options are
    // this widget, laid out flush in the panel's Check section.
    m_idsBox = new QGroupBox(tr("1. User IDs"), this);
    m_idsBox->setObjectName(QStringLiteral("bulkInputBox"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_file, 1);
    auto *columnLabel = new QLabel(tr("Co&lumn:"), this);
    columnLabel->setBuddy(m_column);
    fileRow->addWidget(columnLabel);
    fileRow->addWidget(m_column);
    auto *inputLayout = new QVBoxLayout(m_idsBox);
    inputLayout->addLayout(fileRow);
    inputLayout->addWidget(m_input, 1);

    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const auto &[label, field] :
         {std::pair<QLabel *, QWidget *>{actionLabel, m_action}, {reasonLabel, m_reason}, {rateLabel, m_rate}}) {
        label->setBuddy(field);
        form->addRow(label, field);
    }

    connect(m_open, &QPushButton::clicked, this, &BulkInputForm::openFile);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_input->toPlainText().isEmpty() && !m_inputPath.isEmpty()) {
            m_inputPath.clear(); // typing replaces the file
            m_file->clear();
        }
        emit edited();
    });
    for (QLineEdit *edit : {m_reason, m_column})
        connect(edit, &QLineEdit::textChanged, this, &BulkInputForm::edited);
    connect(m_action, &QComboBox::currentIndexChanged, this, &BulkInputForm::edited);
}

bool BulkInputForm::hasInput() const
{
    return !m_inputPath.isEmpty() || !m_input->toPlainText().trimmed().isEmpty();
}

void BulkInputForm::setLocked(bool locked)
{
    for (QWidget *w :
         {static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_input), static_cast<QWidget *>(m_action),
          static_cast<QWidget *>(m_reason), static_cast<QWidget *>(m_column), static_cast<QWidget *>(m_rate)})
        w->setEnabled(!locked);
}

BulkPlan::Options BulkInputForm::options() const
{
    BulkPlan::Options options;
    options.action = ActionKind(m_action->currentData().toInt());
    options.reason = m_reason->text().trimmed();
    options.rate = m_rate->value();
    return options;
}

Result<BulkInput> BulkInputForm::input() const
{
    const QString reason = m_reason->text().trimmed();
    const QString column = m_column->text().trimmed();
    return m_inputPath.isEmpty() ? BulkInput::parse(m_input->toPlainText().toUtf8(), column, reason)
                                 : BulkInput::readFile(m_inputPath, column, reason);
}

void BulkInputForm::openFile()
{
    const QString path = m_prompts->openFileName(this, tr("Open a list of user IDs"),
                                                 tr("CSV or text files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        useFile(path);
}

void BulkInputForm::useFile(const QString &path)
{
    m_input->clear();
    m_inputPath = path;
    m_file->setText(QFileInfo(path).fileName());
    m_file->setToolTip(path);
    emit edited();
    emit checkRequested();
}

QVariantMap BulkInputForm::draft() const
{
    return {{QStringLiteral("file"), m_inputPath},
            {QStringLiteral("text"), m_input->toPlainText()},
            {QStringLiteral("action"), m_action->currentIndex()},
            {QStringLiteral("reason"), m_reason->text()},
            {QStringLiteral("column"), m_column->text()},
            {QStringLiteral("rate"), m_rate->value()}};
}

void BulkInputForm::restoreDraft(const QVariantMap &draft)
{
    if (draft.isEmpty())
        return;
    m_action->setCurrentIndex(draft.value(QStringLiteral("action"), m_action->currentIndex()).toInt());
    m_reason->setText(draft.value(QStringLiteral("reason")).toString());
    m_column->setText(draft.value(QStringLiteral("column")).toString());
    m_rate->setValue(draft.value(QStringLiteral("rate"), m_rate->value()).toInt());
    if (const QString file = draft.value(QStringLiteral("file")).toString(); !file.isEmpty())
        return useFile(file);
    m_input->setPlainText(draft.value(QStringLiteral("text")).toString());
    if (!m_input->toPlainText().trimmed().isEmpty())
        emit checkRequested();
}
