#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkStore.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

// The run files of a BulkStore for a thread that must not wait on a disk (the window's): every read,
// parse, write and fsync runs on a worker of its own, one at a time and in the order asked, and the
// answer comes back on this object's thread as an event. An answer whose `context` is gone is dropped;
// the destructor waits for the work under way, so a save asked for is never cut short.
class BulkRunFiles : public QObject
{
    Q_OBJECT
public:
    explicit BulkRunFiles(QString folder, QObject *parent = nullptr);
    ~BulkRunFiles() override;

    QString folder() const { return m_store.folder(); }

    void save(const BulkRecord &record, QObject *context, std::function<void(const Status &)> done);
    void load(const QString &id, QObject *context, std::function<void(const Result<BulkRecord> &)> done);
    // Any work over the store, e.g. to bring back only a summary of every run rather than every row.
    template <typename T>
    void run(std::function<T(const BulkStore &)> work, QObject *context, std::function<void(const T &)> done)
    {
        // The guard is made and read on this thread only; the worker merely carries it.
        const QPointer<QObject> guard(context);
        const BulkStore store = m_store;
        m_pool.start([this, store, guard, work = std::move(work), done = std::move(done)] {
            T value = work(store);
            QMetaObject::invokeMethod(
                this,
                [guard, done, value = std::move(value)] {
                if (guard)
                    done(value);
                },
                Qt::QueuedConnection);
        });
    }

private:
    BulkStore m_store;
    QThreadPool m_pool;
};
