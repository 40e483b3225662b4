// HistoryTableModel: what each cell and role says, upserts from the store's signals, per-user lookups.

#include "history/HistoryTableModel.h"
#include "support/HistorySamples.h"

#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace HistorySamples;
using Outcome = HistoryEntry::Outcome;

class TestHistoryModel : public QObject
{
    Q_OBJECT
private:
    static QList<HistoryEntry> sample()
    {
        return {
            entry(1, local(2024, 3, 1, 9), QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success,
                  QStringLiteral("ann@example.com"), QStringLiteral("CASE-1\nsecond line")),
            entry(3, local(2024, 3, 2, 9), QStringLiteral("bob"), ActionKind::Delete, Outcome::Failure,
                  QStringLiteral("ben@example.com"), QStringLiteral("CASE-2"), QStringLiteral("2210"),
                  QStringLiteral("No such enrollee")),
            entry(5, local(2024, 3, 3, 9), QStringLiteral("alice"), ActionKind::Reactivate, Outcome::Pending),
        };
    }

private slots:
    void emptyModel()
    {
        HistoryTableModel model;
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(HistoryTableModel::ColumnCount));
        QCOMPARE(model.headerData(HistoryTableModel::UserColumn, Qt::Horizontal).toString(), QStringLiteral("User ID"));
        QCOMPARE(model.headerData(HistoryTableModel::OutcomeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Outcome"));
        QCOMPARE(model.entryAt(0).id, qint64(0));
        QVERIFY(model.entriesForUser(QStringLiteral("alice")).isEmpty());
    }

    void displayValues()
    {
        HistoryTableModel model;
        model.setEntries(sample());
        QCOMPARE(model.rowCount(), 3);
        auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        // Local time with its zone named: the one format of the window (the date filters pick local days).
        QCOMPARE(cell(0, HistoryTableModel::TimeColumn),
                 QStringLiteral("2024-03-01 09:00:00 ") + sample().first().time.toLocalTime().timeZoneAbbreviation());
        QCOMPARE(cell(0, HistoryTableModel::OperatorColumn), QStringLiteral("ann@example.com"));
        QCOMPARE(cell(0, HistoryTableModel::EnvironmentColumn), environmentDisplayName(Environment::Local));
        QCOMPARE(cell(0, HistoryTableModel::UserColumn), QStringLiteral("alice"));
        QCOMPARE(cell(0, HistoryTableModel::ActionColumn), ActionInfo::displayName(ActionKind::Deactivate));
        // Only the first line of a long reason fits a row; the tooltip has all of it.
        QCOMPARE(cell(0, HistoryTableModel::ReasonColumn), QStringLiteral("CASE-1 …"));
        QCOMPARE(model.index(0, HistoryTableModel::ReasonColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("CASE-1\nsecond line"));
        QCOMPARE(cell(0, HistoryTableModel::OutcomeColumn), QStringLiteral("Success"));
        QCOMPARE(cell(0, HistoryTableModel::HttpStatusColumn), QStringLiteral("200"));
        QCOMPARE(cell(1, HistoryTableModel::OutcomeColumn), QStringLiteral("Failure"));
        QCOMPARE(cell(1, HistoryTableModel::CodeColumn), QStringLiteral("2210"));
        QCOMPARE(model.index(1, HistoryTableModel::CodeColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No such enrollee"));
        QCOMPARE(cell(2, HistoryTableModel::OutcomeColumn), QStringLiteral("Pending"));
        QCOMPARE(cell(2, HistoryTableModel::HttpStatusColumn), QString());
        QVERIFY(!model.index(3, 0).data().isValid());
    }

    void roles()
    {
        HistoryTableModel model;
        model.setEntries(sample());
        const QModelIndex time = model.index(1, HistoryTableModel::TimeColumn);
        QCOMPARE(time.data(HistoryTableModel::SortRole).toLongLong(), local(2024, 3, 2, 9).toMSecsSinceEpoch());
        QCOMPARE(model.index(1, HistoryTableModel::ActionColumn).data(HistoryTableModel::SortRole).toInt(),
                 int(ActionKind::Delete));
        QCOMPARE(model.index(1, HistoryTableModel::OutcomeColumn).data(HistoryTableModel::SortRole).toInt(),
                 int(Outcome::Failure));
        QCOMPARE(model.index(1, HistoryTableModel::HttpStatusColumn).data(HistoryTableModel::SortRole).toInt(), 400);
        QCOMPARE(model.index(1, HistoryTableModel::UserColumn).data(HistoryTableModel::SortRole).toString(),
                 QStringLiteral("bob"));
        QCOMPARE(time.data(HistoryTableModel::IdRole).toLongLong(), qint64(3));
        const QVariant full = model.index(1, HistoryTableModel::ReasonColumn).data(HistoryTableModel::EntryRole);
        QVERIFY(full.canConvert<HistoryEntry>());
        const HistoryEntry e = full.value<HistoryEntry>();
        QCOMPARE(e.id, qint64(3));
        QCOMPARE(e.message, QStringLiteral("No such enrollee"));
        QCOMPARE(e.response, sample().at(1).response);

        // The outcome carries a colour hint, and success and failure are told apart.
        const QColor success =
            model.index(0, HistoryTableModel::OutcomeColumn).data(Qt::DecorationRole).value<QColor>();
        const QColor failure =
            model.index(1, HistoryTableModel::OutcomeColumn).data(Qt::DecorationRole).value<QColor>();
        QVERIFY(success.isValid());
        QVERIFY(failure.isValid());
        QVERIFY(success != failure);
        QVERIFY(!model.index(0, HistoryTableModel::UserColumn).data(Qt::DecorationRole).isValid());
    }

    void upsertInsertsAndUpdates()
    {
        HistoryTableModel model;
        model.setEntries(sample());
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        HistoryEntry fresh = entry(7, local(2024, 3, 4, 9), QStringLiteral("carol"), ActionKind::FlagFraud,
                                   Outcome::Pending);
        model.upsert(fresh);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowForId(7), 3);
        QCOMPARE(model.entryAt(3).userId, QStringLiteral("carol"));

        fresh.outcome = Outcome::Success;
        fresh.httpStatus = 200;
        model.upsert(fresh);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, HistoryTableModel::OutcomeColumn).data().toString(), QStringLiteral("Success"));

        // A completion that carries only the answer keeps who/what/when from the begin record.
        HistoryEntry completion;
        completion.id = 5;
        completion.outcome = Outcome::Failure;
        completion.httpStatus = 503;
        completion.code = QStringLiteral("2201");
        model.upsert(completion);
        QCOMPARE(model.rowCount(), 4);
        const HistoryEntry merged = model.entryAt(model.rowForId(5));
        QCOMPARE(merged.userId, QStringLiteral("alice"));
        QCOMPARE(merged.action, ActionKind::Reactivate);
        QCOMPARE(merged.time, local(2024, 3, 3, 9));
        QCOMPARE(merged.outcome, Outcome::Failure);
        QCOMPARE(merged.httpStatus, 503);
        QCOMPARE(merged.code, QStringLiteral("2201"));
    }

    void setEntriesReplacesAndDeduplicates()
    {
        HistoryTableModel model;
        model.setEntries(sample());
        QList<HistoryEntry> again = sample();
        again.append(entry(3, local(2024, 3, 2, 9), QStringLiteral("bob"), ActionKind::Delete, Outcome::Success));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEntries(again);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.entryAt(model.rowForId(3)).outcome, Outcome::Success);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowForId(3), -1);
    }

    void entriesForUserNewestFirst()
    {
        HistoryTableModel model;
        QList<HistoryEntry> entries = sample();
        entries.append(entry(9, local(2024, 2, 1, 9), QStringLiteral("alice"), ActionKind::ReEnroll, Outcome::Success));
        entries.append(
            entry(11, local(2024, 3, 9, 9), QStringLiteral("alice2"), ActionKind::ReEnroll, Outcome::Success));
        entries.append(
            entry(13, local(2024, 3, 9, 9), QStringLiteral("Alice"), ActionKind::ReEnroll, Outcome::Success));
        model.setEntries(entries);
        const QList<HistoryEntry> alice = model.entriesForUser(QStringLiteral("alice"));
        QList<qint64> ids;
        for (const HistoryEntry &e : alice)
            ids.append(e.id);
        QCOMPARE(ids, (QList<qint64>{5, 1, 9}));
        QVERIFY(model.entriesForUser(QStringLiteral("nobody")).isEmpty());
    }

    // Officers are told apart by the database role a team trail stamps, not by the e-mail they typed; a
    // console of its own has no officers, and says so, so its view keeps the columns it always had.
    void officerAndMachineColumns()
    {
        HistoryTableModel model;
        QSignalSpy officers(&model, &HistoryTableModel::officersChanged);
        model.setEntries(sample());
        QVERIFY(!model.hasOfficers());
        QCOMPARE(officers.count(), 0);
        QCOMPARE(model.index(0, HistoryTableModel::OfficerColumn).data().toString(), QString());

        HistoryEntry team = entry(7, local(2024, 3, 4, 9), QStringLiteral("carol"), ActionKind::Delete,
                                  Outcome::Success, QStringLiteral("shared@example.com"));
        team.dbRole = QStringLiteral("officer_b");
        team.machine = QStringLiteral("desk-7");
        model.upsert(team);
        QVERIFY(model.hasOfficers());
        QCOMPARE(officers.count(), 1);
        QCOMPARE(officers.first().first().toBool(), true);
        const int row = model.rowForId(7);
        QCOMPARE(model.headerData(HistoryTableModel::OfficerColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Officer"));
        QCOMPARE(model.headerData(HistoryTableModel::MachineColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Machine"));
        QCOMPARE(model.index(row, HistoryTableModel::OfficerColumn).data().toString(), QStringLiteral("officer_b"));
        QCOMPARE(model.index(row, HistoryTableModel::MachineColumn).data().toString(), QStringLiteral("desk-7"));
        QCOMPARE(model.index(row, HistoryTableModel::OperatorColumn).data().toString(),
                 QStringLiteral("shared@example.com"));
        QCOMPARE(model.index(row, HistoryTableModel::OfficerColumn).data(HistoryTableModel::SortRole).toString(),
                 QStringLiteral("officer_b"));
        QVERIFY(model.searchText(row).contains(QLatin1String("officer_b")));
        QVERIFY(model.searchText(row).contains(QLatin1String("desk-7")));

        model.setEntries(sample());
        QVERIFY(!model.hasOfficers());
        QCOMPARE(officers.count(), 2);
        QCOMPARE(officers.last().first().toBool(), false);
    }

    void searchCacheIsFolded()
    {
        HistoryTableModel model;
        model.setEntries({entry(1, local(2024, 3, 1), QStringLiteral("User-ABC"), ActionKind::Delete, Outcome::Failure,
                                QStringLiteral("Ann@Example.com"), QStringLiteral("Case X"), QStringLiteral("2205"),
                                QStringLiteral("Unauthorized"))});
        const QString &text = model.searchText(0);
        for (const char *part : {"user-abc", "ann@example.com", "case x", "2205", "unauthorized"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        QCOMPARE(model.timeMsecs(0), local(2024, 3, 1).toMSecsSinceEpoch());
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_history_model.moc"
