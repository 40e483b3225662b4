#include "HistoryListing.h"

#include "Console.h"
#include "JsonArrayStream.h"
#include "history/HistoryEntryJson.h"
#include "history/HistoryService.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {
constexpr int kMaxWidth = 40;
}

HistoryListing::HistoryListing(HistoryService *history, QObject *parent) : QObject(parent), m_history(history)
{
}

QStringList HistoryListing::header()
{
    return {QCoreApplication::translate("HistoryCommand", "TIME (UTC)"),
            QCoreApplication::translate("HistoryCommand", "ENV"),
            QCoreApplication::translate("HistoryCommand", "ACTION"),
            QCoreApplication::translate("HistoryCommand", "OUTCOME"),
            QCoreApplication::translate("HistoryCommand", "HTTP/CODE"),
            QCoreApplication::translate("HistoryCommand", "USER"),
            QCoreApplication::translate("HistoryCommand", "OPERATOR"),
            QCoreApplication::translate("HistoryCommand", "REASON")};
}

QStringList HistoryListing::columns(const HistoryEntry &e)
{
    QString status;
    if (e.httpStatus > 0)
        status = QString::number(e.httpStatus);
    if (!e.code.isEmpty())
        status += (status.isEmpty() ? QString() : QStringLiteral("/")) + e.code;
    return {
        e.time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
        environmentName(e.environment),
        ActionInfo::cliName(e.action),
        HistoryEntry::outcomeName(e.outcome),
        status.isEmpty() ? QStringLiteral("-") : status,
        Console::oneLine(e.userId),
        // With a team trail, the database role the server authenticated, beside the email the officer typed.
        e.dbRole.isEmpty() ? e.operatorEmail : e.operatorEmail + QStringLiteral(" (") + e.dbRole + QLatin1Char(')'),
        Console::oneLine(e.reason),
    };
}

void HistoryListing::measure(const QStringList &row, QList<int> &widths)
{
    if (widths.size() < row.size())
        widths.resize(row.size(), 0);
    for (int i = 0; i < row.size(); ++i)
        widths[i] = std::max(widths[i], int(qMin(row[i].size(), qsizetype(kMaxWidth))));
}

QString HistoryListing::line(const QStringList &row, const QList<int> &widths)
{
    QString text;
    for (int i = 0; i < row.size(); ++i) {
        const bool last = i + 1 == row.size();
        text += last ? row[i] : row[i].leftJustified(widths[i]) + QStringLiteral("  ");
    }
    return text.trimmed();
}

void HistoryListing::warn(const QStringList &problems)
{
    for (const QString &problem : problems)
        Console::err(QStringLiteral("enrollee-cli: ")
                     + QCoreApplication::translate("HistoryCommand", "warning: %1").arg(Console::oneLine(problem)));
}

void HistoryListing::listAll(bool json, const std::function<void(const Status &)> &done,
                             const QHash<qint64, QJsonObject> &approvals)
{
    if (json)
        return listJson(done, approvals);
    listColumns(done);
}

void HistoryListing::approvalIds(const std::function<void(const Result<QSet<qint64>> &)> &done)
{
    // Filled on the history thread during the walk, read here once it has ended.
    auto ids = std::make_shared<QSet<qint64>>();
    m_history->walk(
        [ids](const HistoryEntry &e) {
        if (e.approvalId > 0)
            ids->insert(e.approvalId);
        return true;
        },
        this,
        [ids, done](const Result<QStringList> &walked) {
        if (!walked.ok())
            return done(walked.status());
        done(*ids);
    });
}

void HistoryListing::listJson(const std::function<void(const Status &)> &done,
                              const QHash<qint64, QJsonObject> &approvals)
{
    // Written by the history thread as the walk goes; finished here once the walk has ended.
    auto stream = std::make_shared<JsonArrayStream>();
    m_history->walk(
        [stream, approvals](const HistoryEntry &e) {
        if (const auto approval = approvals.constFind(e.approvalId); approval != approvals.constEnd()) {
            QJsonObject json = e.toJson();
            json.insert(QStringLiteral("approval"), *approval);
            stream->add(json);
        } else if (const std::optional<QByteArray> element = HistoryEntryJson::arrayElement(e)) {
            stream->addElement(*element);
        } else {
            stream->add(e.toJson());
        }
        return true;
        },
        this,
        [stream, done](const Result<QStringList> &walked) {
        stream->finish();
        if (!walked.ok())
            return done(walked.status());
        warn(walked.value());
        done(Status::success());
    });
}

void HistoryListing::listColumns(const std::function<void(const Status &)> &done)
{
    struct Measure {
        QList<int> widths;
        qint64 entries = 0;
    };
    auto measured = std::make_shared<Measure>();
    HistoryListing::measure(header(), measured->widths);
    const auto measureEntry = [measured](const HistoryEntry &e) {
        HistoryListing::measure(columns(e), measured->widths);
        ++measured->entries;
        return true;
    };
    m_history->walk(measureEntry, this, [this, measured, done](const Result<QStringList> &walked) {
        if (!walked.ok())
            return done(walked.status());
        warn(walked.value());
        if (measured->entries == 0) {
            Console::err(QCoreApplication::translate("HistoryCommand", "The history is empty."));
            return done(Status::success());
        }
        const QList<int> widths = measured->widths;
        const auto write = [](const QString &text) {
            const QByteArray bytes = text.toUtf8() + '\n';
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        };
        write(line(header(), widths));
        m_history->walk(
            [write, widths](const HistoryEntry &e) {
            write(line(columns(e), widths));
            return true;
            },
            this,
            [done](const Result<QStringList> &again) {
            std::fflush(stdout);
            done(again.ok() ? Status::success() : again.status());
        });
    });
}
