#include "BulkRunFiles.h"

BulkRunFiles::BulkRunFiles(QString folder, QObject *parent) : QObject(parent), m_store(std::move(folder))
{
    m_pool.setMaxThreadCount(1); // in the order asked: a save, then the listing that should show it
    m_pool.setObjectName(QStringLiteral("BulkRunFiles"));
}

BulkRunFiles::~BulkRunFiles()
{
    m_pool.waitForDone();
}

void BulkRunFiles::save(const BulkRecord &record, QObject *context, std::function<void(const Status &)> done)
{
    run<Status>([record](const BulkStore &store) { return store.save(record); }, context, std::move(done));
}

void BulkRunFiles::load(const QString &id, QObject *context, std::function<void(const Result<BulkRecord> &)> done)
{
    run<Result<BulkRecord>>([id](const BulkStore &store) { return store.load(id); }, context, std::move(done));
}
