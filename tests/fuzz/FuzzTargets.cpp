#include "FuzzTargets.h"

#include "HistoryStore.h"
#include "ResponseParser.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

int fuzzResponseParser(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first byte picks a status class so both success and error paths are explored.
    const int status = size > 0 ? 200 + (data[0] % 4) * 100 : 200;
    ApiResult r = ResponseParser::parseBody(status, bytes, QStringLiteral("application/json"));
    r.hasClockSkew = size > 1 && (data[1] & 1);
    r.clockSkewSeconds = size > 2 ? data[2] * 10 : 0;
    // Everything a face would show must be computable from any input.
    return int(r.summary().size() + r.advice().size() + r.outcomeName().size() + (r.isRetryable() ? 1 : 0)) >= 0 ? 0 : 1;
}

int fuzzHistoryLoader(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    const QString historyDir = dir.filePath(QStringLiteral("h"));
    QDir(historyDir).removeRecursively();
    QDir().mkpath(historyDir);
    // The input is one shard file as it would sit on disk; a second one follows a 0xFF separator, and a
    // third part, if any, becomes the HEAD file, so gaps, duplicates and heads are explored too.
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = bytes.split('\xff');
    const QStringList names{QStringLiteral("h-2026-01-0000000001.ini"), QStringLiteral("h-2026-01-0000000003.ini"),
                            QStringLiteral("HEAD")};
    for (int i = 0; i < qMin(int(parts.size()), 3); ++i) {
        QFile f(QDir(historyDir).filePath(names[i]));
        if (f.open(QIODevice::WriteOnly))
            f.write(parts[i]);
    }
    HistoryStore store(historyDir);
    store.setChainKey(QByteArrayLiteral("fuzz"));
    const HistoryLoad load = store.load();
    const ChainReport report = store.verify();
    qint64 sum = 0;
    for (const HistoryEntry &e : load.entries)
        sum += e.toJson().size();
    return (sum >= 0 && (report.ok || !report.problem.isEmpty())) ? 0 : 1;
}
