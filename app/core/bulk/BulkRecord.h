#pragma once

#include "action/Action.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkSendLog.h"
#include "history/HistoryEntry.h"
#include "settings/Profile.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

// Where one input row of a bulk run stands. The history decides: a row with no begin record was never
// sent (nor one whose only begin records were withdrawn before they left); one begun without an answer
// is unknown (it may have been carried out) and is never sent again unless a retry asks for it.
enum class BulkRowStatus {
    NotSent,   // invalid, duplicate, or not reached yet (paused, cancelled, interrupted)
    InFlight,  // begun by this process, answer not in yet
    Succeeded, // 2xx
    Already,   // refused with a code that means the goal was already met (BulkRecord::isAlready)
    Failed,    // refused, or never reached the server
    Unknown,   // begun, no usable answer recorded
};

struct BulkRowResult {
    BulkRow row;
    BulkRowStatus status = BulkRowStatus::NotSent;
    HistoryEntry entry; // the row's history entry when it was begun (entry.id > 0)
    bool begun() const { return entry.id > 0; }
    // Refused by the server (an answer came) rather than unreachable.
    bool refused() const { return status == BulkRowStatus::Failed && entry.httpStatus != 0; }
    static QString statusName(BulkRowStatus status); // not_sent, in_flight, succeeded, already, failed, unknown
    static bool statusFromName(const QString &name, BulkRowStatus *status);
    QString message() const; // the server's message, or "not sent: …"
};

// Per-outcome counts; they add up to the number of input data rows.
struct BulkCounts {
    int succeeded = 0;
    int already = 0;
    int failed = 0;
    int unknown = 0;
    int notSent = 0;
    int inFlight = 0;
    int refused = 0;     // of `failed`, those the server answered
    int unreachable = 0; // of `failed`, those that never got an answer (plus every unknown)
    int total() const { return succeeded + already + failed + unknown + notSent + inFlight; }
    static BulkCounts of(const QList<BulkRowResult> &rows);
    // Counts one row in (sign 1) or out (sign -1), so a live run keeps its counts without a recount.
    void add(const BulkRowResult &row, int sign = 1);
    QJsonObject toJson() const;
};

// A bulk run's header, a first-class object kept in the data folder beside the history (BulkStore):
// what was asked (action, reason, profile, the input file and its SHA-256, the checked rows, the
// options), where it stands, and the run it retries. From format 3 the rows live in their own file
// (BulkRowsFile) and the header keeps their count and SHA-256, so a header is read without its rows. The rows' outcomes
// are not kept here: the history's chained begin and completion records (which carry the run id and line) are the
// truth.
struct BulkRecord {
    enum class State { Running, Paused, Finished, Cancelled };
    // 2: the results path is part of the digest, and the file carries the digest it was made with.
    // 3: the rows are in the run's rows file; the header carries their count and the file's SHA-256.
    static constexpr int kFormat = 3;

    int format = kFormat; // a run file of an earlier format is read, resumed and saved as it was
    QString id;
    QString parentId; // the run this one retries
    ActionKind action = ActionKind::Deactivate;
    QString reason;
    Profile profile;
    QString inputPath;
    QString inputSha256;
    QList<BulkRow> rows; // every input data row, valid or not, in input order; empty in a header read alone
    // A header read without its rows (BulkStore::loadHeader): rowCount, validRows and rowsSha256 stand for
    // them, and it is never saved (an earlier format would lose its rows).
    bool headerOnly = false;
    int rowCount = 0;
    int validRows = 0;
    QString rowsSha256; // of the rows file (format 3) as the header records it
    double rate = 5;    // requests per second; 0 = unlimited
    int concurrency = 4;
    int canary = 0;
    State state = State::Running;
    QString pauseReason;
    QDateTime created;
    QDateTime updated;
    QString resultsPath;
    qint64 pid = 0; // the process that runs it while Running
    // The digest the run file carried when it was read (format 2); it is written back as it was, so a
    // file edited by hand is never re-stamped by a save. Empty for a run not read from a file.
    QString fileDigest;

    static QString stateName(State state); // running, paused, finished, cancelled
    static bool stateFromName(const QString &name, State *state);
    // "interrupted" for a Running run whose process is gone.
    QString displayState() const;
    int validCount() const;
    int totalRows() const { return headerOnly ? rowCount : int(rows.size()); }
    // This record as a header read alone would be (format 3): its rows hashed once and let go, so that its
    // digest and its file are made without hashing every row again. An earlier format is returned whole.
    BulkRecord header() const;
    // The SHA-256 (hex) of the rows file `rows` make (format 3); the header's for a header read alone.
    QString rowsDigest() const;

    QJsonObject toJson() const;
    static bool fromJson(const QJsonObject &o, BulkRecord *record);
    // SHA-256 (hex) of what the run asked for and cannot change: id, parent, action, reason, profile,
    // input and its hash, created, rows (from format 3 their count and the rows file's SHA-256), and
    // (format 2 on) the results path. The run file carries it from
    // its first save, and every row's begin record carries it, so a header altered after the fact no
    // longer matches the file's own digest or the chain (headerProblem()).
    QString digest() const;
    // Translated, when the file's own digest or a row of this run in `history` was made under another
    // header; empty otherwise.
    QString headerProblem(const QList<HistoryEntry> &history) const;
    // The two halves of headerProblem(): the file's own digest, and one begin record's.
    QString fileProblem() const;
    QString chainProblem(qint64 entryId) const;

    // Codes that mean the action's goal is already met (2207 for a deactivate; 2208 or 2210 for a delete).
    static bool isAlready(ActionKind action, const QString &code);
    static BulkRowStatus classify(ActionKind action, const HistoryEntry &entry);
    // Each row's standing from the history entries of this run (others are ignored). With the run's send
    // log, a row held ahead and never sent (begin record, no answer, never released) is not sent.
    QList<BulkRowResult> results(const QList<HistoryEntry> &history, const BulkSendLog::Lines &sendLog = {}) const;
};
