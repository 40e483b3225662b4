#pragma once

#include "base/Status.h"
#include "history/HistoryChain.h"
#include "history/HistoryEntry.h"
#include "history/HistoryQuery.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

// What a read brings back: the entries begun at or after the record number asked for (merged with
// their answers where those were read too), the answers to entries begun earlier, and where to read
// from next time. A read from record 1 is the whole trail.
struct HistoryRead {
    QList<HistoryEntry> entries;     // oldest first
    QList<HistoryEntry> completions; // answers to entries begun before `from`: id plus outcome fields
    qint64 newestRecord = 0;         // the newest record number seen; read from newestRecord + 1 next
    QStringList problems;            // translated, one per file or record that could not be used
    // Read from this console's own copy because the shared trail was out of reach: its record numbers
    // are not the trail's, so the next read must start again from record 1.
    bool partial = false;
};

// A walk of bulk runs' records in slices (HistoryBackend::walkRunsInSlices), kept between its calls.
struct RunWalk {
    // Where a backend is in its walk; its own, opaque here.
    struct Cursor {
        virtual ~Cursor() = default;
    };
    QStringList runIds;
    std::function<bool()> giveWay; // asked between slices: true when the walk should stop for now
    HistoryRead found;             // what it found so far
    std::unique_ptr<Cursor> cursor;
};

// What a retention run removed, or would remove.
struct PruneReport {
    struct Month {
        QString month; // "yyyy-MM"
        qint64 entries = 0;
    };
    qint64 removedEntries = 0;
    QStringList removedFiles;
    QList<Month> months; // oldest first
};

// Where the audit trail is kept. A backend is used from one thread only (HistoryService's), so its
// calls are synchronous and may wait on locks, disks or a database; nothing else calls it. Writes are
// durable when they return ok: the runner sends a request only after its intent was recorded.
// Implementations: LocalHistoryBackend (INI shards in a folder); a team backend on PostgreSQL is the
// next one. Both hold the same chained records: an action is a begin record and a completion record.
class HistoryBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~HistoryBackend() override = default;

    // Translated, for people: "the history in /home/…/history".
    virtual QString location() const = 0;
    // The same place for tools and exports, untranslated: a folder path, a database's name.
    virtual QString address() const = 0;
    // The key that chains the records. Appends are refused until it is set.
    virtual void setChainKey(const QByteArray &key) = 0;

    // Records the intent of each entry (one begin record each), all committed together: thousands of
    // bulk rows cost one commit, not one per row. Returns the entries' ids in order.
    virtual Result<QList<qint64>> begin(const QList<HistoryEntry> &entries) = 0;
    // Records the answers; each entry's id names the begin record it completes.
    virtual Status complete(const QList<HistoryEntry> &completions) = 0;
    // Reads incrementally from record number `from` (1 = everything). Reads never move or repair data.
    virtual Result<HistoryRead> read(qint64 from) = 0;
    virtual ChainReport verify() = 0;
    // The same check, walked in slices that stop when mustGiveWay() says so: nothing while it gave way
    // (call again and it goes on from where it stopped), the report once done. By default all at once.
    virtual std::optional<ChainReport> verifyInSlices() { return verify(); }

    // Gets each entry in turn, merged with its answer; returns false to stop the walk.
    using EntryVisitor = std::function<bool(const HistoryEntry &entry)>;
    // Hands every entry to `visit`, newest first, for exports: a backend that can streams them without
    // holding the whole history. Returns what a read would put in `problems`. The visitor runs on the
    // backend's thread. This default reads everything at once.
    virtual Result<QStringList> walkEntries(const EntryVisitor &visit)
    {
        const Result<HistoryRead> read = this->read(1);
        if (!read.ok())
            return read.status();
        for (auto it = read.value().entries.crbegin(); it != read.value().entries.crend(); ++it) {
            if (!visit(*it))
                break;
        }
        return read.value().problems;
    }
    // The entries on one user ID (oldest first, as a read has them) and the problems met finding them;
    // newestRecord and completions are left empty. A backend with an index answers from it; this
    // default reads everything.
    virtual Result<HistoryRead> readUser(const QString &userId)
    {
        Result<HistoryRead> read = this->read(1);
        if (!read.ok())
            return read;
        HistoryRead mine;
        mine.problems = read.value().problems;
        std::copy_if(read.value().entries.cbegin(), read.value().entries.cend(), std::back_inserter(mine.entries),
                     [&userId](const HistoryEntry &e) { return e.userId == userId; });
        return mine;
    }
    // One page of the entries `query` matches, in its order, starting after the entry `after` (0: from
    // the start), at most `limit` of them. A backend with an index or a database answers there with
    // keyset pagination; this default walks newest first holding at most `limit` + 1 entries, so its
    // memory is bounded but its time grows with the history.
    virtual Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit)
    {
        HistoryPage page;
        QList<HistoryEntry> kept; // oldest-first queries: the oldest limit + 1 matches seen so far, newest first
        const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
        const Result<QStringList> walked = walkEntries([&](const HistoryEntry &e) {
            if (newestFirst) {
                if (after > 0 && e.id >= after)
                    return true;
                if (!query.matches(e))
                    return true;
                if (page.entries.size() == limit) {
                    page.more = true;
                    return false;
                }
                page.entries.append(e);
                return true;
            }
            if (e.id <= after)
                return false;
            if (query.matches(e)) {
                kept.append(e);
                if (kept.size() > limit + 1)
                    kept.removeFirst();
            }
            return true;
        });
        if (!walked.ok())
            return walked.status();
        page.problems = walked.value();
        if (!newestFirst) {
            page.more = kept.size() > limit;
            if (page.more)
                kept.removeFirst();
            page.entries = QList<HistoryEntry>(kept.crbegin(), kept.crend());
        }
        if (!page.entries.isEmpty())
            page.next = page.entries.constLast().id;
        return page;
    }
    // Every entry `query` matches, in its order, asked a page at a time through page() (keyset: each
    // page after the last entry of the one before), so only one page is held however long the history,
    // and the index or the database that answers page() does the narrowing. Returns the problems the
    // pages named, each once; the first page that fails ends the walk with its failure.
    Result<QStringList> walkMatching(const HistoryQuery &query, const EntryVisitor &visit)
    {
        QStringList problems;
        qint64 after = 0;
        for (;;) {
            const Result<HistoryPage> page = this->page(query, after, kMatchingPage);
            if (!page.ok())
                return page.status();
            problems += page.value().problems;
            for (const HistoryEntry &e : page.value().entries) {
                if (!visit(e)) {
                    problems.removeDuplicates();
                    return problems;
                }
            }
            if (!page.value().more || page.value().entries.isEmpty())
                break;
            after = page.value().next;
        }
        problems.removeDuplicates();
        return problems;
    }
    // Hands the entries of these bulk runs to `visit`, newest first, from the record itself, never from a
    // derived index: a resume, a cancel and a retry decide from them which rows may have reached the
    // server, and an index put back from a copy or edited by hand would hide rows that did (they would
    // go twice). Holds none of them; costs a walk of every record. Returns what a read would put in
    // `problems`.
    virtual Result<QStringList> walkRunRecords(const QStringList &runIds, const EntryVisitor &visit)
    {
        const QSet<QString> wanted = runsAsked(runIds);
        if (wanted.isEmpty())
            return QStringList(); // an empty run id asks for nothing, not for every entry
        return walkEntries([&wanted, &visit](const HistoryEntry &e) { return !wanted.contains(e.runId) || visit(e); });
    }
    // The run ids asked for, a blank one left out: it asks for nothing, never for every entry.
    static QSet<QString> runsAsked(const QStringList &runIds)
    {
        QSet<QString> wanted(runIds.cbegin(), runIds.cend());
        wanted.remove(QString());
        return wanted;
    }
    // The entries of these runs, one run after another, each newest first, a page at a time through
    // walkMatching() (an index or a database narrows them); stops when `visit` returns false.
    Result<QStringList> walkRunsMatching(const QStringList &runIds, const EntryVisitor &visit)
    {
        QStringList problems;
        QStringList asked = runIds;
        asked.removeDuplicates();
        bool stopped = false;
        for (const QString &id : std::as_const(asked)) {
            if (id.isEmpty())
                continue; // an empty run id asks for nothing, not for every entry
            HistoryQuery query;
            query.runId = id;
            Result<QStringList> walked = walkMatching(query, [&](const HistoryEntry &e) {
                stopped = !visit(e);
                return !stopped;
            });
            if (!walked.ok())
                return walked;
            problems += walked.value();
            if (stopped)
                break;
        }
        problems.removeDuplicates();
        return problems;
    }
    // The same entries for what is shown of runs (`bulk list`, `bulk show`, the Bulk tab's counts and
    // rows): one run after another, each newest first. A backend with an index finds them there and reads
    // each from its record, so a long history is not walked to show a run; what is decided is not decided
    // from this (see walkRunRecords). By default it is walkRunRecords.
    virtual Result<QStringList> walkRunEntries(const QStringList &runIds, const EntryVisitor &visit)
    {
        return walkRunRecords(runIds, visit);
    }
    // walkRuns() in slices that stop when `walk.giveWay` says so: nothing while it gave way (call again
    // with the same `walk` and it goes on), the entries once done. A window resuming a run over a
    // million entries so leaves a lookup's way free. By default all at once.
    virtual std::optional<Result<HistoryRead>> walkRunsInSlices(RunWalk &walk) { return walkRuns(walk.runIds); }
    // The same entries, oldest first, held: what a resume or a retry plans from.
    Result<HistoryRead> walkRuns(const QStringList &runIds)
    {
        HistoryRead runs;
        const Result<QStringList> walked = walkRunRecords(runIds, [&runs](const HistoryEntry &e) {
            runs.entries.append(e);
            return true;
        });
        if (!walked.ok())
            return walked.status();
        runs.problems = walked.value();
        std::sort(runs.entries.begin(), runs.entries.end(),
                  [](const HistoryEntry &a, const HistoryEntry &b) { return a.id < b.id; });
        return runs;
    }
    // How many entries `query` matches, by outcome (its order is ignored).
    virtual Result<HistoryCounts> count(const HistoryQuery &query)
    {
        HistoryCounts counts;
        const Result<QStringList> walked = walkEntries([&](const HistoryEntry &e) {
            if (query.matches(e))
                counts.add(e.outcome);
            return true;
        });
        if (!walked.ok())
            return walked.status();
        return counts;
    }
    // One entry whole (the raw response and attempts included), as a read merges it; an error when no
    // entry has this id.
    virtual Result<HistoryEntry> readEntry(qint64 id)
    {
        std::optional<HistoryEntry> found;
        const Result<QStringList> walked = walkEntries([&](const HistoryEntry &e) {
            if (e.id == id)
                found = e;
            return !found && e.id > id;
        });
        if (!walked.ok())
            return walked.status();
        if (!found)
            return Status::failure(
                QCoreApplication::translate("HistoryStore", "Entry #%1 is not in the history.").arg(id),
                Status::Kind::Error);
        return *found;
    }
    // Removes whole months before `keepFrom` and records the removal in the chain. Refused when the
    // clock is behind the newest record or far ahead of it.
    virtual Result<PruneReport> prune(const QDate &keepFrom, const QString &operatorEmail) = 0;
    // What prune() would remove now, removing nothing; refused for the same clocks.
    virtual Result<PruneReport> planPrune(const QDate &keepFrom) = 0;
    // From now on every write is refused with `why` (the chain key cannot be reached): never a new chain.
    virtual void refuseWrites(const Status &why) = 0;
    // Starts watching for writers in other processes; changed() follows. Called on the backend's thread.
    virtual void watch() = 0;
    // The anchor's copy in the keychain (HistoryAnchor's line) as read when the history was opened:
    // appends and checks compare against it as against the anchor file. Ignored by backends without one.
    virtual void setKeychainAnchor(const QByteArray &line) { Q_UNUSED(line) }
    // For a history whose chain key was lost for good: with the new key set, records a chained "key
    // epoch" record saying so, after which checks report the earlier records as unverifiable, not as
    // altered. Refused while the key in hand still vouches for the history. Returns its record number.
    virtual Result<qint64> beginKeyEpoch(const QString &operatorEmail, const QString &reason)
    {
        Q_UNUSED(operatorEmail)
        Q_UNUSED(reason)
        return Status::failure(QCoreApplication::translate("HistoryStore", "This history does not keep key epochs."),
                               Status::Kind::Error);
    }
    // Asked between the slices of a long count: true when requests made after it wait, and the count
    // should stop with Status::Kind::GaveWay (its asker asks again later). A backend may ignore it.
    void setGiveWay(std::function<bool()> giveWay) { m_giveWay = std::move(giveWay); }
    bool mustGiveWay() const { return m_giveWay && m_giveWay(); }

signals:
    // The anchor now vouches for this line (HistoryAnchor's format): the keychain's copy may follow.
    void anchorWritten(const QByteArray &line);
    // Another writer may have appended: read again from the newest record seen.
    void changed();

private:
    static constexpr int kMatchingPage = 1000; // entries held at a time by walkMatching()
    std::function<bool()> m_giveWay;
};
