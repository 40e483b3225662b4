// HistoryTableModel: what each cell and role says, pages fetched on demand in both orders, refreshes
// merged row by row, and a history that cannot be read.

#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"
#include "support/HistorySamples.h"
#include "support/MemoryHistoryBackend.h"

#include <QColor>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace HistorySamples;
using Outcome = HistoryEntry::Outcome;

class TestHistoryModel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HistoryService> m_service;
    std::unique_ptr<HistoryTableModel> m_model;

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

    // A model over a service over `entries`, its first page loaded.
    HistoryTableModel &load(const QList<HistoryEntry> &entries = sample(), int pageSize = 200,
                            const HistoryQuery &query = {})
    {
        m_model.reset();
        m_service = std::make_unique<HistoryService>(std::make_unique<MemoryHistoryBackend>(entries));
        m_model = std::make_unique<HistoryTableModel>(m_service.get());
        m_model->setPageSize(pageSize);
        QSignalSpy loaded(m_model.get(), &HistoryTableModel::loaded);
        m_model->setQuery(query);
        if (!loaded.wait(5000))
            qFatal("the first page never came");
        return *m_model;
    }

    // Changes the history on the service's thread, as another writer would, and waits until it is done.
    void put(const HistoryEntry &e)
    {
        QVERIFY(MemoryHistoryBackend::change(*m_service, [e](MemoryHistoryBackend &history) { history.put(e); }));
    }

    // Refreshes and waits for the answer.
    void refreshed(HistoryTableModel &model)
    {
        QSignalSpy changed(&model, &HistoryTableModel::changed);
        model.refresh();
        QVERIFY(changed.wait(5000));
    }

    static QList<qint64> ids(const HistoryTableModel &model)
    {
        QList<qint64> found;
        for (int row = 0; row < model.rowCount(); ++row)
            found.append(model.entryRef(row).id);
        return found;
    }

    static QList<HistoryEntry> many(int count)
    {
        QList<HistoryEntry> entries;
        for (int i = 1; i <= count; ++i)
            entries.append(entry(i, local(2024, 1, 1).addSecs(i * 60), QStringLiteral("user-%1").arg(i),
                                 ActionKind::ReEnroll, i % 3 == 0 ? Outcome::Failure : Outcome::Success));
        return entries;
    }

private slots:
    void emptyModel()
    {
        HistoryTableModel &model = load({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.hasLoaded());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.columnCount(), int(HistoryTableModel::ColumnCount));
        QCOMPARE(model.headerData(HistoryTableModel::UserColumn, Qt::Horizontal).toString(), QStringLiteral("User ID"));
        QCOMPARE(model.headerData(HistoryTableModel::OutcomeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Outcome"));
        QCOMPARE(model.entryAt(0).id, qint64(0));
    }

    void displayValues()
    {
        HistoryTableModel &model = load();
        QCOMPARE(model.rowCount(), 3);
        auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        // Newest first. Local time with its zone named: the one format of the window (the date filters pick local
        // days).
        QCOMPARE(cell(2, HistoryTableModel::TimeColumn),
                 QStringLiteral("2024-03-01 09:00:00 ") + sample().first().time.toLocalTime().timeZoneAbbreviation());
        QCOMPARE(cell(2, HistoryTableModel::OperatorColumn), QStringLiteral("ann@example.com"));
        QCOMPARE(cell(2, HistoryTableModel::EnvironmentColumn), environmentDisplayName(Environment::Local));
        QCOMPARE(cell(2, HistoryTableModel::UserColumn), QStringLiteral("alice"));
        QCOMPARE(cell(2, HistoryTableModel::ActionColumn), ActionInfo::displayName(ActionKind::Deactivate));
        // Only the first line of a long reason fits a row; the tooltip has all of it.
        QCOMPARE(cell(2, HistoryTableModel::ReasonColumn), QStringLiteral("CASE-1 …"));
        QCOMPARE(model.index(2, HistoryTableModel::ReasonColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("CASE-1\nsecond line"));
        QCOMPARE(cell(2, HistoryTableModel::OutcomeColumn), QStringLiteral("Success"));
        QCOMPARE(cell(2, HistoryTableModel::HttpStatusColumn), QStringLiteral("200"));
        QCOMPARE(cell(1, HistoryTableModel::OutcomeColumn), QStringLiteral("Failure"));
        QCOMPARE(cell(1, HistoryTableModel::CodeColumn), QStringLiteral("2210"));
        QCOMPARE(model.index(1, HistoryTableModel::CodeColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("No such enrollee"));
        QCOMPARE(cell(0, HistoryTableModel::OutcomeColumn), QStringLiteral("Pending"));
        QCOMPARE(cell(0, HistoryTableModel::HttpStatusColumn), QString());
        QVERIFY(!model.index(3, 0).data().isValid());
    }

    void roles()
    {
        HistoryTableModel &model = load();
        const QModelIndex time = model.index(1, HistoryTableModel::TimeColumn);
        QCOMPARE(time.data(HistoryTableModel::IdRole).toLongLong(), qint64(3));
        const QVariant full = model.index(1, HistoryTableModel::ReasonColumn).data(HistoryTableModel::EntryRole);
        QVERIFY(full.canConvert<HistoryEntry>());
        const HistoryEntry e = full.value<HistoryEntry>();
        QCOMPARE(e.id, qint64(3));
        QCOMPARE(e.message, QStringLiteral("No such enrollee"));
        QCOMPARE(e.response, sample().at(1).response);

        // The outcome carries a colour hint, and success and failure are told apart.
        const QColor success =
            model.index(2, HistoryTableModel::OutcomeColumn).data(Qt::DecorationRole).value<QColor>();
        const QColor failure =
            model.index(1, HistoryTableModel::OutcomeColumn).data(Qt::DecorationRole).value<QColor>();
        QVERIFY(success.isValid());
        QVERIFY(failure.isValid());
        QVERIFY(success != failure);
        QVERIFY(!model.index(0, HistoryTableModel::UserColumn).data(Qt::DecorationRole).isValid());
    }

    // Only a page is held; the view's scrolling asks for the next, until none is left.
    void pagesArriveOnDemand()
    {
        HistoryTableModel &model = load(many(7), 3);
        QCOMPARE(ids(model), (QList<qint64>{7, 6, 5}));
        QVERIFY(model.canFetchMore({}));
        for (const QList<qint64> &expected : {QList<qint64>{7, 6, 5, 4, 3, 2}, QList<qint64>{7, 6, 5, 4, 3, 2, 1}}) {
            QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
            model.fetchMore({});
            QVERIFY(inserted.wait(5000));
            QCOMPARE(ids(model), expected);
        }
        QVERIFY(!model.canFetchMore({}));
    }

    void oldestFirstPagesToo()
    {
        HistoryTableModel &model = load(many(5), 2);
        QSignalSpy loaded(&model, &HistoryTableModel::loaded);
        model.sort(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(ids(model), (QList<qint64>{1, 2}));
        while (model.canFetchMore({})) {
            QSignalSpy changed(&model, &HistoryTableModel::changed);
            model.fetchMore({});
            QVERIFY(changed.wait(5000));
        }
        QCOMPARE(ids(model), (QList<qint64>{1, 2, 3, 4, 5}));
        // Other columns do not sort: the order stays.
        model.sort(HistoryTableModel::UserColumn, Qt::DescendingOrder);
        QCOMPARE(ids(model), (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(model.query().order, HistoryQuery::Order::OldestFirst);
    }

    // A refresh merges: a new entry is inserted where it belongs, an answer changes its row in place,
    // and the rows in between are neither reset nor moved (the view keeps its place and selection).
    void refreshMergesRowByRow()
    {
        HistoryTableModel &model = load();
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changedCells(&model, &QAbstractItemModel::dataChanged);
        HistoryEntry answered = sample().at(2);
        answered.outcome = Outcome::Success;
        answered.httpStatus = 200;
        put(answered);
        put(entry(7, local(2024, 3, 4, 9), QStringLiteral("carol"), ActionKind::FlagFraud, Outcome::Pending));
        refreshed(model);
        QCOMPARE(ids(model), (QList<qint64>{7, 5, 3, 1}));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(changedCells.count(), 1);
        QCOMPARE(model.index(1, HistoryTableModel::OutcomeColumn).data().toString(), QStringLiteral("Success"));
        // Asked again with nothing new: nothing moves, nothing repaints.
        refreshed(model);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changedCells.count(), 1);
    }

    // A row whose entry no longer matches the query (its answer came) leaves the table on refresh.
    void refreshDropsRowsThatStopMatching()
    {
        HistoryQuery pending;
        pending.outcome = Outcome::Pending;
        HistoryTableModel &model = load(sample(), 200, pending);
        QCOMPARE(ids(model), QList<qint64>{5});
        HistoryEntry answered = sample().at(2);
        answered.outcome = Outcome::Failure;
        put(answered);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        refreshed(model);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removed.count(), 1);
    }

    // Rows below the first page are refreshed too, and fetching continues after them without gaps.
    void refreshKeepsTheRowsFetched()
    {
        HistoryTableModel &model = load(many(9), 3);
        QSignalSpy changed(&model, &HistoryTableModel::changed);
        model.fetchMore({});
        QVERIFY(changed.wait(5000));
        QCOMPARE(ids(model), (QList<qint64>{9, 8, 7, 6, 5, 4}));
        HistoryEntry deep = many(9).at(4); // id 5
        deep.outcome = Outcome::Unknown;
        put(deep);
        put(entry(10, local(2024, 2, 1), QStringLiteral("new"), ActionKind::Delete, Outcome::Pending));
        refreshed(model);
        QCOMPARE(ids(model), (QList<qint64>{10, 9, 8, 7, 6, 5, 4}));
        QCOMPARE(model.entryAt(model.rowForId(5)).outcome, Outcome::Unknown);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(changed.wait(5000));
        }
        QCOMPARE(ids(model), (QList<qint64>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    }

    // A history that cannot be read says why; the table is empty, never stale.
    void readFailureIsAProblem()
    {
        HistoryTableModel &model = load();
        QSignalSpy problems(&model, &HistoryTableModel::problemsChanged);
        QVERIFY(MemoryHistoryBackend::change(
            *m_service, [](MemoryHistoryBackend &history) { history.setReadError(QStringLiteral("disk on fire")); }));
        QSignalSpy loaded(&model, &HistoryTableModel::loaded);
        model.setQuery({});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.problems().join(QLatin1Char(' ')).contains(QLatin1String("disk on fire")));
        QCOMPARE(problems.count(), 1);
    }

    // Officers are told apart by the database role a team trail stamps, not by the e-mail they typed; a
    // console of its own has no officers, and says so, so its view keeps the columns it always had.
    void officerAndMachineColumns()
    {
        HistoryTableModel &model = load();
        QSignalSpy officers(&model, &HistoryTableModel::officersChanged);
        QVERIFY(!model.hasOfficers());
        QCOMPARE(model.index(0, HistoryTableModel::OfficerColumn).data().toString(), QString());

        HistoryEntry team = entry(7, local(2024, 3, 4, 9), QStringLiteral("carol"), ActionKind::Delete,
                                  Outcome::Success, QStringLiteral("shared@example.com"));
        team.dbRole = QStringLiteral("officer_b");
        team.machine = QStringLiteral("desk-7");
        put(team);
        refreshed(model);
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
        QVERIFY(HistoryQuery::searchText(team).contains(QLatin1String("officer_b")));
        QVERIFY(HistoryQuery::searchText(team).contains(QLatin1String("desk-7")));
    }
};

QTEST_MAIN(TestHistoryModel)
#include "tst_history_model.moc"
