// TeamHistoryBackend's forwarding half: what the local trail holds that the team trail has not yet
// received, sending it (exactly once: the database's unique key turns a resend into nothing), and the
// checkpoint that follows the team trail's newest record.
#include "history/HistoryRecords.h"
#include "history/local/LocalHistoryBackend.h"
#include "settings/PrivateFiles.h"
#include "team/TeamConnection.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamTrail.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace {
QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
} // namespace

qint64 TeamHistoryBackend::forwardedMark() const
{
    QFile file(m_markFile);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

void TeamHistoryBackend::setForwardedMark(qint64 seq)
{
    // Losing this file only costs a resend, which the database's unique key turns into nothing.
    if (PrivateFiles::ensureFolder(m_config.stateDir).ok()) {
        QSaveFile file(m_markFile);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QByteArray::number(seq) + '\n');
            file.commit();
        }
    }
}

Result<QList<TeamOutgoing>> TeamHistoryBackend::outgoing(qint64 *newestLocal)
{
    const qint64 mark = forwardedMark();
    const Result<HistoryRead> read = m_local->read(mark + 1);
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
    *newestLocal = qMax(mark, read.value().newestRecord);
    return list;
}

Status TeamHistoryBackend::sync()
{
    qint64 newestLocal = 0;
    const Result<QList<TeamOutgoing>> out = outgoing(&newestLocal);
    if (!out.ok())
        return out.status();
    m_waiting = out.value().size();
    if (Status open = ensureOpen(); !open.ok())
        return open;
    TeamRecord writer;
    writer.installation = m_config.installation;
    writer.machine = m_config.machine;
    writer.dbRole = m_connection->role();
    int written = 0;
    Status sent = TeamTrail::append(m_connection->db(), writer, out.value(), m_checkpoint.read(m_chain), &written);
    if (!sent.ok()) {
        dropConnection(sent);
        return sent;
    }
    setForwardedMark(newestLocal);
    m_waiting = 0;
    m_dirty = false;
    advanceCheckpoint();
    return Status::success();
}

void TeamHistoryBackend::advanceCheckpoint()
{
    const TeamCheckpoint::State cp = m_checkpoint.read(m_chain);
    const Result<QList<TeamRecord>> records = TeamTrail::readFrom(m_connection->db(), cp.authentic ? cp.seq : 1);
    if (!records.ok()) {
        dropConnection(records.status());
        return;
    }
    QString problem;
    if (!TeamTrail::extends(records.value(), cp, &problem)) {
        m_problem = problem; // verify() names it in full; the checkpoint stays where it was
        return;
    }
    if (!records.value().isEmpty()) {
        const TeamRecord &last = records.value().last();
        m_checkpoint.write(last.seq, last.hash, m_chain);
        m_newestSeen = qMax(m_newestSeen, last.seq);
    }
}
