#include "HistoryTail.h"

#include "history/HistoryChain.h"
#include "history/local/FileBatch.h"
#include "history/local/HistoryShard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

HistoryTail::HistoryTail(const QString &directory, const HistoryChain &chain) : m_directory(directory), m_chain(chain)
{
}

QStringList HistoryTail::shardFiles() const
{
    // Listed with readdir, not QDir (which stats and sorts every name): a history of a million entries
    // has twenty thousand shards, and every query lists them. The same files as QDir::Files would list
    // (regular files, or links to them), in record order.
    QList<QPair<qint64, QString>> shards;
    const QByteArray folder = QFile::encodeName(m_directory);
    if (DIR *listing = ::opendir(folder.constData())) {
        const QString prefix = m_directory + QLatin1Char('/');
        while (const dirent *entry = ::readdir(listing)) {
            if (entry->d_name[0] != 'h' || entry->d_name[1] != '-')
                continue;
            const QString name = QFile::decodeName(entry->d_name);
            const qint64 first = HistoryShard::firstSeq(name);
            if (first <= 0)
                continue;
            if (entry->d_type != DT_REG) {
                struct stat info {};
                if (entry->d_type != DT_UNKNOWN && entry->d_type != DT_LNK)
                    continue;
                if (::fstatat(::dirfd(listing), entry->d_name, &info, 0) != 0 || !S_ISREG(info.st_mode))
                    continue;
            }
            shards.append({first, prefix + name});
        }
        ::closedir(listing);
    }
    std::sort(shards.begin(), shards.end());
    QStringList paths;
    paths.reserve(shards.size());
    for (const auto &s : std::as_const(shards))
        paths.append(s.second);
    return paths;
}

bool HistoryTail::readShard(const QString &path, Position *tail) const
{
    const std::unique_ptr<QSettings> opened = HistoryShard::open(path);
    if (!opened || opened->value(QStringLiteral("meta/format")).toInt() != HistoryShard::kFormat)
        return false;
    QSettings &settings = *opened;
    settings.beginGroup(QStringLiteral("records"));
    const QStringList keys = settings.childKeys();
    settings.endGroup();
    if (keys.isEmpty())
        return false;
    qint64 last = 0;
    for (const QString &k : keys)
        last = std::max(last, k.toLongLong());
    tail->shard = path;
    tail->seq = last;
    tail->hash = settings.value(QStringLiteral("hashes/") + HistoryShard::seqKey(last)).toString();
    tail->count = int(keys.size());
    tail->month = settings.value(QStringLiteral("meta/month")).toString();
    return true;
}

Result<HistoryTail::Position> HistoryTail::read(const QDateTime &now) const
{
    Position tail;
    tail.hash = HistoryChain::genesis();
    const HistoryShard::Head head = HistoryShard::readHead(m_directory);
    const bool headValid = m_chain.headAuthentic(head);
    // The head names the newest shard, so an append reads one small file instead of listing the folder
    // (which grows by a file per hundred records). Without a usable head, list and walk back past shards
    // that hold no readable record (a crash while creating one, or damage).
    const QString named = headValid && !head.shard.isEmpty() ? QDir(m_directory).filePath(head.shard) : QString();
    // A crash between writing a new shard and the head leaves a shard the head does not name: look for it.
    auto startsAfter = [this, &now](const Position &t) {
        for (const QString &month : {t.month, HistoryShard::monthOf(now)}) {
            const QString next = QStringLiteral("h-%1-%2.ini").arg(month, HistoryShard::seqKey(t.seq + 1));
            if (QFileInfo::exists(QDir(m_directory).filePath(next)))
                return true;
        }
        return false;
    };
    bool damaged = false; // a shard newer than the tail found holds no readable record
    if (named.isEmpty() || !QFileInfo::exists(named) || !readShard(named, &tail) || tail.seq < head.seq
        || startsAfter(tail)) {
        damaged = QFileInfo::exists(named) && tail.shard.isEmpty();
        tail = Position();
        tail.hash = HistoryChain::genesis();
        const QStringList shards = shardFiles();
        for (qsizetype i = shards.size() - 1; i >= 0; --i) {
            if (readShard(shards[i], &tail))
                break;
            damaged = true;
        }
    }
    // Records HEAD vouches for that are simply not there any more were removed: continuing would hide
    // that behind new records, so the append is refused, as it is when the anchor says so.
    if (headValid && head.seq > tail.seq && !damaged)
        return Status::failure(
            QCoreApplication::translate("HistoryStore",
                                        "The history ends at record #%1%2, but its head file "
                                        "says record #%3 was written%4: records were removed, "
                                        "and their numbers must not be reused. Run the history "
                                        "check (enrollee-cli history --verify); nothing was "
                                        "written.")
                .arg(tail.seq)
                .arg(
                    tail.shard.isEmpty()
                        ? QString()
                        : QCoreApplication::translate("HistoryStore", " (in %1)").arg(QFileInfo(tail.shard).fileName()))
                .arg(head.seq)
                .arg(head.shard.isEmpty() ? QString()
                                          : QCoreApplication::translate("HistoryStore", " (in %1)").arg(head.shard)),
            Status::Kind::Storage);
    // The head remembers the newest record even when its shard cannot be read, so numbering never
    // reuses a number and the gap stays visible to verify().
    if (headValid && head.seq > tail.seq) {
        tail.seq = head.seq;
        tail.hash = head.hash;
        tail.shard.clear();
    }
    if (tail.hash.size() != 64)
        return Status::failure(
            QCoreApplication::translate("HistoryStore",
                                        "The newest history record has no valid hash; run the history check."),
            Status::Kind::Storage);
    return tail;
}

void HistoryTail::stageHead(FileBatch &batch, qint64 seq, const QString &hash, const QString &shard,
                            bool anchored) const
{
    QByteArray line = QByteArray::number(seq) + ' ' + hash.toLatin1() + ' '
        + m_chain.headMac(seq, hash, anchored).toLatin1() + ' ' + QFileInfo(shard).fileName().toUtf8();
    if (anchored)
        line += QByteArray(" ") + HistoryShard::kAnchoredMark;
    batch.add(QDir(m_directory).filePath(HistoryShard::kHeadFile), line + '\n');
}
