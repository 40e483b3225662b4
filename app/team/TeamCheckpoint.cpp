#include "TeamCheckpoint.h"

#include "history/DurableFile.h"
#include "history/HistoryChain.h"
#include "settings/PrivateFiles.h"

#include <QFile>
#include <QFileInfo>
#include <QList>

namespace {
const QByteArray kMagic = QByteArrayLiteral("enrollee-team-checkpoint");
constexpr int kVersion = 1;

QString mac(const HistoryChain &chain, qint64 seq, const QString &hash)
{
    // Its own domain: a local anchor line copied here does not pass for a team checkpoint.
    return chain.recordHash(QStringLiteral("TEAM-CHECKPOINT"), seq, hash);
}
} // namespace

TeamCheckpoint::State TeamCheckpoint::read(const HistoryChain &chain) const
{
    State state;
    QFile file(m_path);
    if (m_path.isEmpty() || !file.exists())
        return state;
    state.present = true;
    if (!file.open(QIODevice::ReadOnly))
        return state;
    const QList<QByteArray> parts = file.read(4096).trimmed().split(' ');
    if (parts.size() != 5 || parts[0] != kMagic || parts[1].toInt() != kVersion)
        return state;
    state.seq = parts[2].toLongLong();
    state.hash = QString::fromLatin1(parts[3]);
    state.authentic = chain.keyed() && state.seq > 0
        && QString::fromLatin1(parts[4]) == mac(chain, state.seq, state.hash);
    return state;
}

Status TeamCheckpoint::write(qint64 seq, const QString &hash, const HistoryChain &chain) const
{
    if (m_path.isEmpty() || !chain.keyed())
        return Status::success();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (Status made = PrivateFiles::ensureFolder(folder); !made.ok())
        return made;
    return DurableFile::write(m_path,
                              kMagic + ' ' + QByteArray::number(kVersion) + ' ' + QByteArray::number(seq) + ' '
                                  + hash.toLatin1() + ' ' + mac(chain, seq, hash).toLatin1() + '\n');
}

void TeamCheckpoint::remove() const
{
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}
