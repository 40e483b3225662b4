#include "HistoryAnchor.h"

#include "history/DurableFile.h"
#include "history/HistoryChain.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

namespace {
const QByteArray kMagic = QByteArrayLiteral("enrollee-history-anchor");
constexpr int kVersion = 1;
} // namespace

AnchorState HistoryAnchor::parse(const QByteArray &line)
{
    AnchorState state;
    state.present = true;
    const QList<QByteArray> parts = line.trimmed().split(' ');
    bool numbered = false;
    if (parts.size() == 5 && parts[0] == kMagic && parts[1].toInt() == kVersion) {
        state.seq = parts[2].toLongLong(&numbered);
        state.hash = QString::fromLatin1(parts[3]);
        state.mac = QString::fromLatin1(parts[4]);
    }
    state.readable = numbered && state.seq > 0 && state.hash.size() == 64 && state.mac.size() == 64;
    return state;
}

QByteArray HistoryAnchor::format(qint64 seq, const QString &hash, const HistoryChain &chain)
{
    return kMagic + ' ' + QByteArray::number(kVersion) + ' ' + QByteArray::number(seq) + ' ' + hash.toLatin1() + ' '
        + chain.anchorMac(seq, hash).toLatin1();
}

AnchorState HistoryAnchor::read() const
{
    AnchorState state;
    if (!enabled())
        return state;
    state.path = m_path;
    if (!QFileInfo::exists(m_path))
        return state;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        state.present = true;
        state.readable = false;
        return state;
    }
    state = parse(file.read(4096));
    state.path = m_path;
    return state;
}

Status HistoryAnchor::write(qint64 seq, const QString &hash, const HistoryChain &chain) const
{
    if (!enabled())
        return Status::success();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (Status made = PrivateFiles::ensureFolder(folder); !made.ok())
        return made;
    return DurableFile::write(m_path, format(seq, hash, chain) + '\n');
}

bool HistoryAnchor::authentic(const AnchorState &state, const HistoryChain &chain)
{
    return state.present && state.readable && state.mac == chain.anchorMac(state.seq, state.hash);
}

Status HistoryAnchor::admits(qint64 seq, const QString &hash, const HistoryChain &chain) const
{
    return admits(read(), QDir::toNativeSeparators(m_path), seq, hash, chain);
}

Status HistoryAnchor::admits(const AnchorState &anchor, const QString &where, qint64 seq, const QString &hash,
                             const HistoryChain &chain)
{
    if (!anchor.present)
        return Status::success(); // a history from before anchors, or a first append
    auto refuse = [](const QString &why) {
        return Status::failure(why + QLatin1Char(' ')
                                   + QCoreApplication::translate("HistoryStore",
                                                                 "Run the history check (enrollee-cli history "
                                                                 "--verify); nothing was written."),
                               Status::Kind::Storage);
    };
    if (!HistoryAnchor::authentic(anchor, chain))
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "The history's anchor %1 is damaged, or was made with another "
                                                  "chain key.")
                          .arg(where));
    if (anchor.seq > seq)
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "The history ends at record #%1, but its anchor %2 says record "
                                                  "#%3 was written: records were removed or rolled back, and their "
                                                  "numbers must not be reused.")
                          .arg(seq)
                          .arg(where)
                          .arg(anchor.seq));
    if (anchor.seq == seq && anchor.hash != hash)
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "Record #%1 is not the record the anchor %2 vouches for: the "
                                                  "history was replaced.")
                          .arg(seq)
                          .arg(where));
    return Status::success();
}
