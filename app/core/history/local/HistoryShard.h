#pragma once

#include "history/HistoryEntry.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

class QSettings;

// The on-disk form of the history, shared by LocalHistoryBackend's writer, reader and checker: one shard is a
// QSettings INI file "h-YYYY-MM-<first record number>.ini" with [meta] (format, month), [records]
// (number -> compact JSON) and [hashes] (number -> chained HMAC); HEAD anchors the newest record.
namespace HistoryShard {
inline constexpr int kFormat = 1;
extern const QString kHeadFile;

struct Record {
    qint64 seq = 0;
    QString text;
    QString hash;
    QJsonObject json;
    bool parsed = false;
    QString file;
};

struct Head {
    qint64 seq = 0;
    QString hash;
    QString mac;
    QString shard; // file name of the shard holding `seq`: lets an append skip listing the folder
    // Written while the anchor outside the folder was in place: from then on a missing anchor is a
    // removal, not a history from before anchors. Covered by the MAC, so it cannot be struck out.
    bool anchored = false;
};
inline constexpr char kAnchoredMark[] = "anchored";

QString seqKey(qint64 seq);               // zero-padded, so INI key order is record order
qint64 firstSeq(const QString &fileName); // -1 for a name that is not a shard
QDateTime parseTime(const QJsonValue &v);
QString timeText(const QDateTime &t);
QString monthOf(const QDateTime &time); // "yyyy-MM" in UTC: the month a record's shard is named after
Head readHead(const QString &directory);
// Opens a shard file to read, or returns null when it cannot be parsed. QSettings reports a parse
// failure only to the first reader of a file in a process and serves its half-parsed cache as sound to
// every later one; since reads leave damaged files in place, the failure is remembered here for as long
// as the file is unchanged, so every later read, check and append still sees it as unreadable.
std::unique_ptr<QSettings> open(const QString &path);
// Appends a shard's records in number order; false when the file cannot be parsed at all.
bool read(const QString &path, QList<Record> *records, QString *month);
QString describe(const Record &r); // translated: "record #5 (entry #5: deactivate of ...)"
void applyCompletion(HistoryEntry &e, const QJsonObject &o);
bool entryFromBegin(const Record &r, HistoryEntry *e);
} // namespace HistoryShard
