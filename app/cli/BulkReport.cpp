#include "BulkReport.h"

#include "Console.h"
#include "ExitCode.h"
#include "bulk/BulkResults.h"
#include "bulk/BulkStore.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

int BulkReport::exitCode(const QList<BulkRowResult> &rows)
{
    const BulkCounts c = BulkCounts::of(rows);
    if (c.refused > 0)
        return ExitCode::kRefused;
    for (const BulkRowResult &r : rows) {
        if (r.row.valid() && r.status != BulkRowStatus::Succeeded && r.status != BulkRowStatus::Already)
            return ExitCode::kNetwork;
    }
    return ExitCode::kOk;
}

QString BulkReport::countsLine(const BulkCounts &c)
{
    return tr("%1 succeeded, %2 already so, %3 failed, %4 unknown, %5 not sent")
        .arg(c.succeeded)
        .arg(c.already)
        .arg(c.failed)
        .arg(c.unknown + c.inFlight)
        .arg(c.notSent);
}

QJsonObject BulkReport::runJson(const BulkRecord &record, const BulkCounts &counts, bool withRows)
{
    QJsonObject o{
        {QStringLiteral("id"), record.id},
        {QStringLiteral("action"), ActionInfo::cliName(record.action)},
        {QStringLiteral("state"), record.displayState()},
        {QStringLiteral("total"), record.totalRows()},
        {QStringLiteral("valid"), record.validCount()},
        {QStringLiteral("created"), record.created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("parent"), record.parentId.isEmpty() ? QJsonValue() : QJsonValue(record.parentId)},
        {QStringLiteral("counts"), counts.toJson()},
    };
    const QJsonObject c = counts.toJson();
    for (auto it = c.begin(); it != c.end(); ++it)
        o.insert(it.key(), it.value());
    if (!withRows)
        return o;
    o.insert(QStringLiteral("reason"), record.reason);
    o.insert(QStringLiteral("profile"), record.profile.name);
    o.insert(QStringLiteral("environment"), environmentName(record.profile.environment));
    o.insert(QStringLiteral("input"), record.inputPath);
    o.insert(QStringLiteral("input_sha256"), record.inputSha256);
    o.insert(QStringLiteral("results"), record.resultsPath);
    o.insert(QStringLiteral("pause_reason"), record.pauseReason);
    o.insert(QStringLiteral("rate"), record.rate);
    o.insert(QStringLiteral("concurrency"), record.concurrency);
    return o;
}

void BulkReport::printList(const QList<BulkRecord> &records, const QList<BulkCounts> &counts, bool json)
{
    QJsonArray array;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const BulkRecord &record = records.at(i);
        if (json) {
            array.append(runJson(record, counts.at(i), false));
            continue;
        }
        Console::out(QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(record.id, ActionInfo::cliName(record.action).leftJustified(12),
                              record.displayState().leftJustified(11), tr("%n rows", nullptr, record.totalRows()),
                              countsLine(counts.at(i))));
    }
    if (json)
        Console::json(array);
    else if (records.isEmpty())
        Console::err(tr("No bulk runs yet."));
}

void BulkReport::printShow(const BulkRecord &record, const BulkCounts &counts, const RowSource &rows, bool json)
{
    if (json) {
        // Byte for byte what Console::json() writes for the whole object, its "rows" array written one row
        // at a time where the array would stand (keys are sorted, so the rows sit mid-object).
        QJsonObject o = runJson(record, counts, true);
        o.insert(QStringLiteral("rows"), QJsonArray());
        const QByteArray whole = QJsonDocument(o).toJson(QJsonDocument::Compact);
        const QByteArray mark = QByteArrayLiteral("\"rows\":[");
        const qsizetype at = whole.indexOf(mark) + mark.size();
        const auto write = [](const QByteArray &bytes) {
            const QByteArray safe = Console::safeJson(bytes);
            std::fwrite(safe.constData(), 1, size_t(safe.size()), stdout);
        };
        write(whole.left(at));
        bool first = true;
        rows([&](const BulkRowResult &r) {
            write((first ? QByteArray() : QByteArrayLiteral(","))
                  + QJsonDocument(BulkResults::rowJson(r)).toJson(QJsonDocument::Compact));
            first = false;
        });
        write(whole.mid(at) + '\n');
        std::fflush(stdout);
        return;
    }
    Console::out(tr("Run %1: %2, %3 (%4), %5")
                     .arg(record.id, ActionInfo::cliName(record.action), record.profile.name,
                          environmentName(record.profile.environment), record.displayState()));
    if (!record.parentId.isEmpty())
        Console::out(tr("Retries run %1.").arg(record.parentId));
    if (!record.pauseReason.isEmpty())
        Console::out(tr("Paused: %1").arg(Console::oneLine(record.pauseReason)));
    Console::out(tr("Input: %1 (SHA-256 %2)").arg(record.inputPath, record.inputSha256));
    Console::out(tr("%n rows: ", nullptr, record.totalRows()) + countsLine(counts));
    rows([](const BulkRowResult &r) {
        QString status = r.entry.httpStatus ? QString::number(r.entry.httpStatus) : QStringLiteral("-");
        if (!r.entry.code.isEmpty())
            status += QLatin1Char('/') + r.entry.code;
        Console::out(QStringLiteral("%1  %2  %3  %4  %5")
                         .arg(QString::number(r.row.line).rightJustified(6),
                              BulkResults::outcomeWord(r.status).leftJustified(9), status.leftJustified(8),
                              Console::oneLine(r.row.userId), Console::oneLine(r.message())));
    });
}

void BulkReport::printProblems(const QList<BulkRowResult> &rows, int limit)
{
    int shown = 0;
    int more = 0;
    for (const BulkRowResult &r : rows) {
        // Invalid rows were named when the input was checked; rows not reached are counted, not listed.
        if (r.status == BulkRowStatus::Succeeded || r.status == BulkRowStatus::Already
            || r.status == BulkRowStatus::NotSent)
            continue;
        if (shown++ >= limit) {
            ++more;
            continue;
        }
        Console::err(tr("line %1 (%2): %3: %4")
                         .arg(r.row.line)
                         .arg(Console::oneLine(r.row.userId).left(80), BulkResults::outcomeWord(r.status),
                              Console::oneLine(r.message())));
    }
    if (more > 0)
        Console::err(tr("... and %n more; see the results file.", nullptr, more));
}
