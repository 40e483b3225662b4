#pragma once

#include "base/Status.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>

struct HistoryEntry;
class HistoryService;

// `enrollee-cli history`'s listing: aligned columns or JSON, newest first. Over a whole history it
// streams (HistoryService::walk): the JSON is written as the entries go by; the columns take two walks,
// the first to measure them, so however long the history, no more than a shard is held. The text is
// the same as listing a history read whole.
class HistoryListing : public QObject
{
    Q_OBJECT
public:
    explicit HistoryListing(HistoryService *history, QObject *parent = nullptr);

    // Lists every entry; `done` gets why it could not (the listing failed), or success. In JSON, an entry
    // naming a request found in `approvals` (its approval's JSON by request number) carries it as "approval".
    void listAll(bool json, const std::function<void(const Status &)> &done,
                 const QHash<qint64, QJsonObject> &approvals = {});
    // The requests the entries name (approvalId), gathered in one walk that keeps only their numbers.
    void approvalIds(const std::function<void(const Result<QSet<qint64>> &)> &done);

    static QStringList header();
    static QStringList columns(const HistoryEntry &entry);
    // Grows `widths` (one per column, capped) to fit `row`.
    static void measure(const QStringList &row, QList<int> &widths);
    static QString line(const QStringList &row, const QList<int> &widths);
    static void warn(const QStringList &problems);

private:
    void listJson(const std::function<void(const Status &)> &done, const QHash<qint64, QJsonObject> &approvals);
    void listColumns(const std::function<void(const Status &)> &done);

    HistoryService *m_history;
};
