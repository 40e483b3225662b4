#include "TeamForwarder.h"

#include "history/DurableFile.h"
#include "history/HistoryRecords.h"
#include "history/local/LocalHistoryBackend.h"
#include "settings/PrivateFiles.h"
#include "team/TeamConsoles.h"
#include "team/TeamTrail.h"

#include <QFile>
#include <QJsonDocument>

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

TeamForwarder::TeamForwarder(LocalHistoryBackend *local, QString markFile, QString stateDir)
    : m_local(local), m_markFile(std::move(markFile)), m_stateDir(std::move(stateDir))
{
}

qint64 TeamForwarder::mark() const
{
    QFile file(m_markFile);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

void TeamForwarder::setMark(qint64 seq) const
{
    // Losing this file only costs a resend, which finds the records there and skips them.
    if (PrivateFiles::ensureFolder(m_stateDir).ok())
        (void)DurableFile::write(m_markFile, QByteArray::number(seq) + '\n');
}

Result<QList<TeamOutgoing>> TeamForwarder::outgoing(qint64 *newestLocal) const
{
    const qint64 from = mark();
    const Result<HistoryRead> read = m_local->read(from + 1);
    if (!read.ok())
        return read.status();
    QList<TeamOutgoing> list;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const HistoryEntry &e : read.value().entries) {
        list.append({e.id, QStringLiteral("begin"), compact(HistoryRecords::begin(e, now))});
        if (e.completionRecord > 0)
            list.append({e.id, QStringLiteral("complete"), compact(HistoryRecords::completion(e, now))});
    }
    for (const HistoryEntry &c : read.value().completions) {
        if (c.completionRecord > 0)
            list.append({c.id, QStringLiteral("complete"), compact(HistoryRecords::completion(c, now))});
    }
    *newestLocal = qMax(from, read.value().newestRecord);
    return list;
}

Status TeamForwarder::send(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records,
                           qint64 newestLocal, const TeamCheckpoint::State &checkpoint, const TeamSigner &signer)
{
    if (!records.isEmpty() && !m_registered) {
        if (Status registered = TeamConsoles::registerSelf(db, writer.installation, writer.machine, signer);
            !registered.ok())
            return registered;
        m_registered = true;
    }
    int written = 0;
    Status sent = TeamTrail::append(db, writer, records, checkpoint, signer, &written);
    if (sent.ok())
        setMark(newestLocal);
    return sent;
}
