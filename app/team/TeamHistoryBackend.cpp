#include "TeamHistoryBackend.h"

#include "history/local/LocalHistoryBackend.h"
#include "team/TeamAnswers.h"
#include "team/TeamApprovals.h"
#include "team/TeamCatchUp.h"
#include "team/TeamChainReport.h"
#include "team/TeamConnection.h"
#include "team/TeamQueries.h"
#include "team/TeamSchema.h"
#include "team/TeamStateFiles.h"
#include "team/TeamTrail.h"
#include "team/TeamTrailCheck.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlDriver>
#include <QTimer>

#include <utility>

namespace {
constexpr int kRetryMs = 2000;
} // namespace

QString TeamHistoryBackend::checkpointPath(const QString &stateDir, const QString &conninfo)
{
    return TeamStateFiles::checkpoint(stateDir, conninfo);
}

TeamHistoryBackend::TeamHistoryBackend(std::unique_ptr<LocalHistoryBackend> local, Config config, QObject *parent)
    : HistoryBackend(parent), m_local(local.release()), m_config(std::move(config)),
      m_connection(std::make_unique<TeamConnection>()),
      m_checkpoint(checkpointPath(m_config.stateDir, m_config.conninfo)),
      m_policyCache(TeamStateFiles::policy(m_checkpoint.path()), TeamStateFiles::place(m_config.conninfo)),
      m_forwarder(m_local, TeamStateFiles::mark(m_checkpoint.path()), m_config.stateDir),
      m_answers(m_local,
                {[this] { return queries(); }, [this](const Status &why) { dropConnection(why); },
                 [this] { return m_problem; }})
{
    qRegisterMetaType<TeamStatus>();
    m_local->setParent(this);
    connect(m_local, &HistoryBackend::anchorWritten, this, &HistoryBackend::anchorWritten);
    m_connection->setConninfo(m_config.conninfo);
}

TeamHistoryBackend::~TeamHistoryBackend()
{
    // A short-lived process (enrollee-cli) gets one last chance to hand over what it recorded.
    if (m_dirty) {
        m_nextAttempt = QDateTime();
        sync();
    }
}

QString TeamHistoryBackend::location() const
{
    return tr("the team trail (%1), with this console's own copy in %2")
        .arg(TeamStateFiles::place(m_config.conninfo), QDir::toNativeSeparators(m_local->directory()));
}

QString TeamHistoryBackend::address() const
{
    return QStringLiteral("postgresql: ") + TeamStateFiles::place(m_config.conninfo);
}

void TeamHistoryBackend::setChainKey(const QByteArray &key)
{
    m_local->setChainKey(key);
    m_chain.setKey(key);
    m_signer = TeamSigner(key);
    m_forwarder.forgetRegistration();
}

void TeamHistoryBackend::setPassword(const QString &password)
{
    m_connection->setPassword(password);
    m_nextAttempt = QDateTime();
}

void TeamHistoryBackend::setKeychainAnchor(const QByteArray &line)
{
    m_local->setKeychainAnchor(line);
}

Result<qint64> TeamHistoryBackend::beginKeyEpoch(const QString &operatorEmail, const QString &reason)
{
    return m_local->beginKeyEpoch(operatorEmail, reason);
}

void TeamHistoryBackend::refuseWrites(const Status &why)
{
    m_local->refuseWrites(why);
}

Result<PruneReport> TeamHistoryBackend::prune(const QDate &keepFrom, const QString &operatorEmail)
{
    return m_local->prune(keepFrom, operatorEmail); // the team trail is kept by its administrators
}

Result<PruneReport> TeamHistoryBackend::planPrune(const QDate &keepFrom)
{
    return m_local->planPrune(keepFrom);
}

Status TeamHistoryBackend::ensureOpen()
{
    if (m_connection->isOpen())
        return Status::success();
    if (m_nextAttempt.isValid() && QDateTime::currentDateTimeUtc() < m_nextAttempt)
        return Status::failure(m_problem, Status::Kind::Network);
    Status opened = m_connection->open();
    if (!opened.ok()) {
        m_problem = opened.message();
        m_nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(kRetryMs);
        return opened;
    }
    m_problem.clear();
    m_nextAttempt = QDateTime();
    if (m_watching) {
        QSqlDriver *driver = m_connection->db().driver();
        driver->subscribeToNotification(QLatin1String(TeamSchema::kChannel));
        connect(driver, &QSqlDriver::notification, this, &HistoryBackend::changed, Qt::UniqueConnection);
    }
    return Status::success();
}

void TeamHistoryBackend::dropConnection(const Status &why)
{
    m_connection->close();
    m_forwarder.forgetRegistration();
    m_problem = why.message();
    m_nextAttempt = QDateTime::currentDateTimeUtc().addMSecs(kRetryMs);
}

QSqlDatabase *TeamHistoryBackend::database(Status *why)
{
    *why = ensureOpen();
    return why->ok() ? &m_connection->db() : nullptr;
}

TeamHistoryBackend *TeamHistoryBackend::teamOf(HistoryBackend &backend)
{
    return qobject_cast<TeamHistoryBackend *>(&backend);
}

QSqlDatabase *TeamHistoryBackend::databaseOf(HistoryBackend &backend, Status *why)
{
    if (auto *team = qobject_cast<TeamHistoryBackend *>(&backend))
        return team->database(why);
    *why = Status::failure(tr("No team trail is connected."), Status::Kind::Storage);
    return nullptr;
}

Result<QList<qint64>> TeamHistoryBackend::begin(const QList<HistoryEntry> &entries)
{
    Result<QList<qint64>> ids = m_local->begin(entries);
    if (ids.ok()) {
        m_dirty = true;
        QTimer::singleShot(0, this, [this] { sync(); });
    }
    return ids;
}

Status TeamHistoryBackend::complete(const QList<HistoryEntry> &completions)
{
    Status written = m_local->complete(completions);
    if (written.ok()) {
        m_dirty = true;
        QTimer::singleShot(0, this, [this] { sync(); });
    }
    return written;
}

Result<HistoryRead> TeamHistoryBackend::read(qint64 from)
{
    if (ensureOpen().ok()) {
        sync();
        if (m_connection->isOpen()) {
            TeamCatchUp::Moved moved;
            Result<HistoryRead> read = TeamCatchUp(m_checkpoint, m_chain)
                                           .read(m_connection->db(), from, address(), &moved);
            if (read.ok()) {
                noteMoved(moved.head, moved.problem);
                return read;
            }
            dropConnection(read.status());
        }
    }
    Result<HistoryRead> local = m_local->read(from);
    if (local.ok()) {
        local.value().partial = true;
        local.value().problems.prepend(unreachable());
    }
    return local;
}

Result<QStringList> TeamHistoryBackend::walkRunRecords(const QStringList &runIds, const EntryVisitor &visit)
{
    return m_local->walkRunRecords(runIds, visit);
}

std::optional<Result<HistoryRead>> TeamHistoryBackend::walkRunsInSlices(RunWalk &walk)
{
    return m_local->walkRunsInSlices(walk);
}

Result<QStringList> TeamHistoryBackend::walkRunEntries(const QStringList &runIds, const EntryVisitor &visit)
{
    return m_local->walkRunEntries(runIds, visit);
}

QString TeamHistoryBackend::unreachable() const
{
    return TeamAnswers::unreachable(m_problem);
}

std::unique_ptr<TeamQueries> TeamHistoryBackend::queries()
{
    if (!ensureOpen().ok())
        return nullptr;
    if (m_dirty || m_waiting > 0)
        sync(); // this console's own newest records are in the answer, as in a read
    if (!m_connection->isOpen())
        return nullptr;
    const Result<TeamConsoles::Keys> keys = TeamConsoles::read(m_connection->db());
    if (!keys.ok()) {
        dropConnection(keys.status());
        return nullptr;
    }
    const TeamCheckpoint::State cp = m_checkpoint.read(m_chain);
    auto queries = std::make_unique<TeamQueries>(m_connection->db(), address(), cp.authentic ? cp.seq : 0,
                                                 keys.value());
    queries->setGiveWay([this] { return mustGiveWay(); });
    return queries;
}

ChainReport TeamHistoryBackend::verify()
{
    std::unique_ptr<TeamTrailCheck> run;
    return *check(run, false);
}

std::optional<ChainReport> TeamHistoryBackend::verifyInSlices()
{
    return check(m_check, true);
}

std::optional<ChainReport> TeamHistoryBackend::check(std::unique_ptr<TeamTrailCheck> &run, bool mayGiveWay)
{
    if (!run) {
        const ChainReport local = m_local->verify();
        if (Status open = ensureOpen(); !open.ok())
            return TeamChainReport::unreachable(local, open.message());
        sync();
        const Result<TeamConsoles::Keys> keys = TeamConsoles::read(m_connection->db());
        if (!keys.ok()) {
            dropConnection(keys.status());
            return TeamChainReport::unreachable(local, keys.message());
        }
        run = std::make_unique<TeamTrailCheck>(local, keys.value(), m_checkpoint.read(m_chain));
    }
    const ChainReport local = run->local();
    // The trail may have gone out of reach between two slices.
    Status open = ensureOpen();
    const Result<bool> walked = open.ok()
        ? run->walk(m_connection->db(),
                    mayGiveWay ? std::function<bool()>([this] { return mustGiveWay(); }) : std::function<bool()>())
        : Result<bool>(open);
    if (walked.ok() && !walked.value())
        return std::nullopt;
    if (!walked.ok()) {
        run.reset();
        if (open.ok())
            dropConnection(walked.status());
        return TeamChainReport::unreachable(local, walked.message());
    }
    ChainReport report = run->finish();
    run.reset();
    // Without a chain key yet (a console that has not acted) the chain itself is checked, but no
    // checkpoint can be kept: `keyed` says so.
    report.keyed = m_chain.keyed();
    if (report.ok && report.headSeq > 0 && m_chain.keyed())
        report.anchored = m_checkpoint.write(report.headSeq, report.headHash, m_chain).ok();
    TeamChainReport::appendLocalBreaks(local, &report);
    return report;
}

void TeamHistoryBackend::watch()
{
    m_local->watch();
    connect(m_local, &HistoryBackend::changed, this, &HistoryBackend::changed);
    m_watching = true;
    m_timer = new QTimer(this);
    m_timer->setInterval(kRetryMs);
    connect(m_timer, &QTimer::timeout, this, &TeamHistoryBackend::tick);
    m_timer->start();
    tick();
}

void TeamHistoryBackend::tick()
{
    // The first poll comes before anything was read (watch() is the service's first task): what it
    // finds is not news, and a refresh of every face right after the window opened only delayed them.
    const bool first = !std::exchange(m_polled, true);
    if (m_dirty || m_waiting > 0 || !m_connection->isOpen())
        sync();
    if (!m_connection->isOpen()) {
        m_online = false;
        // Offline is news too: the faces say the team trail is behind, and by how much.
        emit teamStatusChanged(status());
        return;
    }
    const Result<qint64> newest = TeamTrail::newestSeq(m_connection->db());
    if (!newest.ok()) {
        dropConnection(newest.status());
        return;
    }
    // Back after an outage is news even when nobody wrote meanwhile: readers showed this console's
    // own copy and read the trail again.
    const bool back = !std::exchange(m_online, true);
    if (newest.value() != m_newestSeen || back) {
        m_newestSeen = newest.value();
        if (!first)
            emit changed(); // NOTIFY may be lost; this poll is the safety net
    }
    emit teamStatusChanged(status());
}

TeamStatus TeamHistoryBackend::status()
{
    TeamStatus s;
    s.configured = true;
    s.address = TeamStateFiles::place(m_config.conninfo);
    s.tlsWeakened = TeamConnection::tlsWeakened(m_config.conninfo);
    if (ensureOpen().ok())
        sync();
    s.connected = m_connection->isOpen();
    if (!s.connected) {
        qint64 newest = 0;
        const Result<QList<TeamOutgoing>> out = m_forwarder.outgoing(&newest);
        m_waiting = out.ok() ? out.value().size() : m_waiting;
    }
    s.role = m_connection->role();
    s.problem = m_problem;
    s.waiting = m_waiting;
    s.refused = m_refused;
    const TeamCheckpoint::State cp = m_checkpoint.read(m_chain);
    s.checkpointSeq = cp.authentic ? cp.seq : 0;
    s.checkpointHash = cp.authentic ? cp.hash : QString();
    s.newestSeq = m_newestSeen;
    if (m_connection->isOpen()) {
        const Result<QList<ApprovalRequest>> pending = TeamApprovals::pending(m_connection->db());
        s.pendingApprovals = pending.ok() ? int(pending.value().size()) : 0;
    }
    return s;
}

Status TeamHistoryBackend::sync()
{
    qint64 newestLocal = 0;
    const Result<QList<TeamOutgoing>> out = m_forwarder.outgoing(&newestLocal);
    if (!out.ok())
        return out.status();
    m_waiting = out.value().size();
    if (Status open = ensureOpen(); !open.ok())
        return open;
    TeamRecord writer;
    writer.installation = trailName();
    writer.machine = m_config.machine;
    writer.dbRole = m_connection->role();
    Status sent = m_forwarder.send(m_connection->db(), writer, out.value(), newestLocal, m_checkpoint.read(m_chain),
                                   m_signer);
    if (sent.kind() == Status::Kind::PermissionDenied || sent.kind() == Status::Kind::KeyUnavailable) {
        m_refused = sent.message(); // reachable, but refusing: the records wait and the faces say why
        return sent;
    }
    if (!sent.ok()) {
        dropConnection(sent);
        return sent;
    }
    m_refused.clear();
    m_waiting = 0;
    m_dirty = false;
    advanceCheckpoint();
    return Status::success();
}

void TeamHistoryBackend::advanceCheckpoint()
{
    const Result<TeamCatchUp::Moved> moved = TeamCatchUp(m_checkpoint, m_chain).advance(m_connection->db(), [this] {
        return mustGiveWay();
    });
    if (moved.ok())
        noteMoved(moved.value().head, moved.value().problem);
    else
        dropConnection(moved.status());
}

void TeamHistoryBackend::noteMoved(qint64 head, const QString &problem)
{
    if (!problem.isEmpty())
        m_problem = problem; // verify() names it in full; the checkpoint stays where it was
    m_newestSeen = qMax(m_newestSeen, head);
}
