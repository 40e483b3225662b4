#pragma once

#include "history/HistoryBackend.h"
#include "history/HistoryService.h"

#include <QCoreApplication>
#include <QTest>

#include <algorithm>

// A history kept in a list, for the window's model and filter suites: entries exactly as a test wants
// them (an officer's role, any outcome, any time), answered through HistoryBackend's own default
// page(), count() and readEntry() — the definitions every real backend's answers are compared with.
// Not a stand-in for a store: the real backends have their own suites.
class MemoryHistoryBackend : public HistoryBackend
{
public:
    explicit MemoryHistoryBackend(QList<HistoryEntry> entries = {}) : m_entries(std::move(entries)) {}

    // Changes the history under the service, as another writer would; changed() follows.
    void put(const HistoryEntry &entry)
    {
        const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                     [&entry](const HistoryEntry &e) { return e.id == entry.id; });
        if (it != m_entries.end())
            *it = entry;
        else
            m_entries.append(entry);
        std::sort(m_entries.begin(), m_entries.end(),
                  [](const HistoryEntry &a, const HistoryEntry &b) { return a.id < b.id; });
        emit changed();
    }
    void setReadError(const QString &why) { m_readError = why; }

    // Runs `change` on the service's thread against its MemoryHistoryBackend, as another writer would,
    // and waits until it is done; false if it never was.
    static bool change(HistoryService &service, const std::function<void(MemoryHistoryBackend &)> &change)
    {
        bool done = false;
        QObject context;
        service.run<bool>(
            [change](HistoryBackend &backend) {
            change(static_cast<MemoryHistoryBackend &>(backend));
            return true;
            },
            &context, [&done](bool) { done = true; });
        return QTest::qWaitFor([&done] { return done; });
    }

    QString location() const override { return QStringLiteral("memory"); }
    QString address() const override { return QStringLiteral("memory"); }
    void setChainKey(const QByteArray &) override {}
    Result<QList<qint64>> begin(const QList<HistoryEntry> &entries) override
    {
        QList<qint64> ids;
        for (HistoryEntry e : entries) {
            e.id = m_entries.isEmpty() ? 1 : m_entries.constLast().id + 1;
            m_entries.append(e);
            ids.append(e.id);
        }
        return ids;
    }
    Status complete(const QList<HistoryEntry> &completions) override
    {
        for (const HistoryEntry &c : completions) {
            for (HistoryEntry &e : m_entries) {
                if (e.id == c.id)
                    e.takeOutcome(c);
            }
        }
        return Status::success();
    }
    Result<HistoryRead> read(qint64 from) override
    {
        if (!m_readError.isEmpty())
            return Status::failure(m_readError, Status::Kind::Storage);
        HistoryRead read;
        for (const HistoryEntry &e : m_entries) {
            if (e.id >= from)
                read.entries.append(e);
        }
        read.newestRecord = m_entries.isEmpty() ? 0 : m_entries.constLast().id;
        return read;
    }
    ChainReport verify() override
    {
        ChainReport report;
        report.records = m_entries.size() * 2;
        report.keyed = true;
        return report;
    }
    Result<PruneReport> prune(const QDate &, const QString &) override { return PruneReport(); }
    Result<PruneReport> planPrune(const QDate &) override { return PruneReport(); }
    void refuseWrites(const Status &) override {}
    void watch() override {}

private:
    QList<HistoryEntry> m_entries; // by id
    QString m_readError;
};
