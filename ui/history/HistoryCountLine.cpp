#include "HistoryCountLine.h"

#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"

#include <QLabel>

HistoryCountLine::HistoryCountLine(HistoryService *service, HistoryTableModel *model, QWidget *parent)
    : QObject(parent), m_service(service), m_model(model), m_label(new QLabel(parent))
{
    m_label->setObjectName(QStringLiteral("historyCount"));
    m_label->setAccessibleName(tr("Number of history entries shown"));
    m_soon.setSingleShot(true);
    m_soon.setInterval(1000);
    connect(&m_soon, &QTimer::timeout, this, &HistoryCountLine::count);
}

void HistoryCountLine::showLoading()
{
    m_label->setText(tr("Loading…"));
}

void HistoryCountLine::countSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

void HistoryCountLine::count()
{
    m_soon.stop();
    const int generation = ++m_generation;
    const HistoryQuery query = m_model->query();
    m_service->count(query, this, [this, generation, query](const Result<HistoryCounts> &shown) {
        if (generation != m_generation)
            return;
        if (query.isEmpty())
            return show(shown, shown);
        m_service->count(HistoryQuery{}, this, [this, generation, shown](const Result<HistoryCounts> &all) {
            if (generation == m_generation)
                show(shown, all);
        });
    });
}

void HistoryCountLine::show(const Result<HistoryCounts> &shown, const Result<HistoryCounts> &all)
{
    if (!shown.ok() || !all.ok()) {
        m_label->setText(tr("Cannot count the entries: %1").arg(shown.ok() ? all.message() : shown.message()));
        return;
    }
    const qint64 total = all.value().total;
    m_label->setText(tr("Showing %1 of %n entries", "", int(qMin<qint64>(total, INT_MAX))).arg(shown.value().total));
    emit counted(shown.value().total, total);
}
