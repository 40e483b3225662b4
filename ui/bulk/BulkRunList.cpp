#include "BulkRunList.h"

#include "bulk/BulkRunFiles.h"
#include "bulk/BulkStore.h"
#include "widgets/TimeText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace {
struct Line {
    QString id;
    QString text;
};
} // namespace

BulkRunList::BulkRunList(BulkRunFiles *files, QWidget *parent) : QWidget(parent), m_files(files)
{
    m_runs = new QComboBox(this);
    m_runs->setObjectName(QStringLiteral("bulkRunsCombo"));
    m_runs->setAccessibleName(tr("Earlier runs"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runs->setMinimumContentsLength(16);
    m_runs->setPlaceholderText(tr("No run yet"));
    m_label = new QLabel(tr("Earlier ru&ns:"), this);
    m_label->setObjectName(QStringLiteral("bulkRunsLabel"));
    m_label->setBuddy(m_runs);
    m_resume = new QPushButton(tr("&Resume run…"), this);
    m_resume->setObjectName(QStringLiteral("bulkResumeRunButton"));
    m_resume->setAccessibleName(tr("Resume the chosen run"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_runs, 1);
    layout->addWidget(m_resume);
    connect(m_runs, &QComboBox::currentIndexChanged, this, &BulkRunList::updateButton);
    connect(m_runs, &QComboBox::activated, this, [this] { emit chosen(currentId()); });
    connect(m_resume, &QPushButton::clicked, this, &BulkRunList::resume);
    updateButton();
}

QString BulkRunList::currentId() const
{
    return m_runs->currentData().toString();
}

void BulkRunList::setResumable(bool resumable)
{
    m_resumable = resumable;
    updateButton();
}

void BulkRunList::setChoosable(bool choosable)
{
    m_runs->setEnabled(choosable);
}

void BulkRunList::updateButton()
{
    m_resume->setEnabled(m_resumable && !m_loading && m_runs->currentIndex() >= 0);
}

void BulkRunList::refresh(const QString &select)
{
    const quint64 generation = ++m_generation;
    m_files->run<QList<Line>>(
        [](const BulkStore &store) {
        QList<Line> lines;
        for (const BulkRecord &r : store.list()) {
            lines.append(
                {r.id,
                 tr("%1 — %2, %n row(s), %3, started %4", nullptr, r.totalRows())
                     .arg(r.id, ActionInfo::displayName(r.action), r.displayState(), TimeText::display(r.created))});
        }
        return lines;
        },
        this,
        [this, generation, select](const QList<Line> &lines) {
        if (generation != m_generation)
            return;
        const QString current = select.isEmpty() ? currentId() : select;
        m_runs->clear();
        for (const Line &line : lines)
            m_runs->addItem(line.text, line.id);
        const int index = m_runs->findData(current);
        m_runs->setCurrentIndex(index >= 0 ? index : (m_runs->count() > 0 ? 0 : -1));
        updateButton();
        emit listed();
    });
}

void BulkRunList::resume()
{
    m_loading = true; // one resume at a time: a second click would ask twice
    updateButton();
    m_files->load(currentId(), this, [this](const Result<BulkRecord> &loaded) {
        m_loading = false;
        updateButton();
        if (!loaded.ok())
            return emit loadFailed(loaded.message());
        emit resumeRequested(loaded.value());
    });
}
