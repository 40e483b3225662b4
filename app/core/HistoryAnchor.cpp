#include "HistoryAnchor.h"

#include "HistoryChain.h"
#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QSaveFile>

namespace {
const QByteArray kMagic = QByteArrayLiteral("enrollee-history-anchor");
constexpr int kVersion = 1;
} // namespace

AnchorState HistoryAnchor::read() const
{
    AnchorState state;
    if (!enabled() || !QFileInfo::exists(m_path))
        return state;
    state.present = true;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        state.readable = false;
        return state;
    }
    const QList<QByteArray> parts = file.read(4096).trimmed().split(' ');
    bool numbered = false;
    if (parts.size() == 5 && parts[0] == kMagic && parts[1].toInt() == kVersion) {
        state.seq = parts[2].toLongLong(&numbered);
        state.hash = QString::fromLatin1(parts[3]);
        state.mac = QString::fromLatin1(parts[4]);
    }
    state.readable = numbered && state.seq > 0 && state.hash.size() == 64 && state.mac.size() == 64;
    return state;
}

Status HistoryAnchor::write(qint64 seq, const QString &hash, const HistoryChain &chain) const
{
    if (!enabled())
        return Status::success();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (Status made = PrivateFiles::ensureFolder(folder); !made.ok())
        return made;
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return PrivateFiles::writeFailure(folder, m_path);
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner); // before the first byte
    file.write(kMagic + ' ' + QByteArray::number(kVersion) + ' ' + QByteArray::number(seq) + ' ' + hash.toLatin1() + ' '
               + chain.anchorMac(seq, hash).toLatin1() + '\n');
    if (!file.commit())
        return PrivateFiles::writeFailure(folder, m_path);
    return Status::success();
}

bool HistoryAnchor::authentic(const AnchorState &state, const HistoryChain &chain)
{
    return state.present && state.readable && state.mac == chain.anchorMac(state.seq, state.hash);
}

Status HistoryAnchor::admits(qint64 seq, const QString &hash, const HistoryChain &chain) const
{
    const AnchorState anchor = read();
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
                          .arg(QDir::toNativeSeparators(m_path)));
    if (anchor.seq > seq)
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "The history ends at record #%1, but its anchor outside the "
                                                  "history folder says record #%2 was written: records were "
                                                  "removed or rolled back, and their numbers must not be reused.")
                          .arg(seq)
                          .arg(anchor.seq));
    if (anchor.seq == seq && anchor.hash != hash)
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "Record #%1 is not the record the anchor outside the history "
                                                  "folder vouches for: the history was replaced.")
                          .arg(seq));
    return Status::success();
}
