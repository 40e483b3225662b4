// HistoryFilterProxy: each filter alone and combined selects exactly the expected rows, sorting is
// typed and stable, and filtering still works with 100,000 entries in the model.

#include "history/HistoryFilterProxy.h"
#include "history/HistoryTableModel.h"
#include "support/HistorySamples.h"

#include <QTest>

using namespace HistorySamples;
using Outcome = HistoryEntry::Outcome;

class TestHistoryProxy : public QObject
{
    Q_OBJECT
private:
    HistoryTableModel m_model;
    HistoryFilterProxy m_proxy;

    // The ids of the rows the proxy shows, in its order.
    QList<qint64> shown() const
    {
        QList<qint64> ids;
        for (int row = 0; row < m_proxy.rowCount(); ++row)
            ids.append(m_proxy.index(row, 0).data(HistoryTableModel::IdRole).toLongLong());
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_model.setEntries({
            entry(1, local(2024, 3, 9, 23, 59, 59), QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success,
                  QStringLiteral("ann@example.com"), QStringLiteral("CASE-100")),
            entry(2, local(2024, 3, 10, 0, 0, 0), QStringLiteral("bob"), ActionKind::Delete, Outcome::Failure,
                  QStringLiteral("ben@example.com"), QStringLiteral("fraud ring"), QStringLiteral("2210"),
                  QStringLiteral("No such enrollee")),
            entry(3, local(2024, 3, 10, 23, 59, 59), QStringLiteral("carol"), ActionKind::FlagFraud, Outcome::Success,
                  QStringLiteral("ann@example.com"), QStringLiteral("Fraud ring 7")),
            entry(4, local(2024, 3, 11, 0, 0, 0), QStringLiteral("dave"), ActionKind::Delete, Outcome::Success,
                  QStringLiteral("cy@example.com"), QStringLiteral("GDPR request")),
            entry(5, local(2024, 3, 12, 8), QStringLiteral("ALICE-2"), ActionKind::Deactivate, Outcome::Unknown,
                  QStringLiteral("ben@example.com")),
            entry(6, local(2024, 3, 12, 9), QStringLiteral("erin"), ActionKind::ReEnroll, Outcome::Failure,
                  QStringLiteral("cy@example.com"), QString(), QStringLiteral("2205"), QStringLiteral("Unauthorized")),
        });
        m_proxy.setSourceModel(&m_model);
        m_proxy.sort(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
    }

    void init()
    {
        m_proxy.setTextFilter({});
        m_proxy.setActionFilter(std::nullopt);
        m_proxy.setOutcomeFilter(std::nullopt);
        m_proxy.setDateRange({}, {});
        m_proxy.setSessionOnly(false);
        m_proxy.sort(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
    }

    void noFilterShowsEverything()
    {
        QCOMPARE(shown(), (QList<qint64>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(m_proxy.description(), QStringLiteral("all entries"));
    }

    void textFilter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("user id, any case") << QStringLiteral("Alice") << QList<qint64>{1, 5};
        QTest::newRow("operator") << QStringLiteral("ben@") << QList<qint64>{2, 5};
        QTest::newRow("reason") << QStringLiteral("FRAUD RING") << QList<qint64>{2, 3};
        QTest::newRow("message") << QStringLiteral("unauthor") << QList<qint64>{6};
        QTest::newRow("code") << QStringLiteral("2210") << QList<qint64>{2};
        QTest::newRow("surrounding blanks ignored") << QStringLiteral("  gdpr ") << QList<qint64>{4};
        QTest::newRow("no match") << QStringLiteral("zzz") << QList<qint64>{};
        // The separator between cached fields must never let a match span two fields.
        QTest::newRow("no match across fields") << QStringLiteral("alice\x1f"
                                                                  "ann")
                                                << QList<qint64>{};
    }
    void textFilter()
    {
        QFETCH(QString, text);
        QFETCH(QList<qint64>, expected);
        m_proxy.setTextFilter(text);
        QCOMPARE(shown(), expected);
    }

    void actionFilter()
    {
        m_proxy.setActionFilter(ActionKind::Delete);
        QCOMPARE(shown(), (QList<qint64>{2, 4}));
        m_proxy.setActionFilter(ActionKind::UnflagFraud);
        QCOMPARE(shown(), QList<qint64>{});
        m_proxy.setActionFilter(std::nullopt);
        QCOMPARE(shown().size(), 6);
    }

    void outcomeFilter()
    {
        m_proxy.setOutcomeFilter(Outcome::Failure);
        QCOMPARE(shown(), (QList<qint64>{2, 6}));
        m_proxy.setOutcomeFilter(Outcome::Unknown);
        QCOMPARE(shown(), (QList<qint64>{5}));
        m_proxy.setOutcomeFilter(Outcome::Pending);
        QCOMPARE(shown(), QList<qint64>{});
    }

    void dateRangeIsInclusiveLocalDays()
    {
        m_proxy.setDateRange(QDate(2024, 3, 10), QDate(2024, 3, 10));
        QCOMPARE(shown(), (QList<qint64>{2, 3}));
        m_proxy.setDateRange(QDate(2024, 3, 10), {});
        QCOMPARE(shown(), (QList<qint64>{2, 3, 4, 5, 6}));
        m_proxy.setDateRange({}, QDate(2024, 3, 10));
        QCOMPARE(shown(), (QList<qint64>{1, 2, 3}));
        m_proxy.setDateRange(QDate(2024, 3, 13), QDate(2024, 3, 20));
        QCOMPARE(shown(), QList<qint64>{});
    }

    void sessionFilter()
    {
        m_proxy.setSessionStart(local(2024, 3, 11, 0, 0, 0));
        QCOMPARE(shown().size(), 6); // the start alone filters nothing
        m_proxy.setSessionOnly(true);
        QCOMPARE(shown(), (QList<qint64>{4, 5, 6})); // at or after the start
        m_proxy.setSessionStart(local(2024, 3, 12, 8, 30));
        QCOMPARE(shown(), (QList<qint64>{6}));
    }

    void filtersCombine()
    {
        m_proxy.setTextFilter(QStringLiteral("example.com"));
        m_proxy.setActionFilter(ActionKind::Delete);
        QCOMPARE(shown(), (QList<qint64>{2, 4}));
        m_proxy.setOutcomeFilter(Outcome::Success);
        QCOMPARE(shown(), (QList<qint64>{4}));
        m_proxy.setDateRange(QDate(2024, 3, 10), QDate(2024, 3, 10));
        QCOMPARE(shown(), QList<qint64>{});
        m_proxy.setOutcomeFilter(std::nullopt);
        QCOMPARE(shown(), (QList<qint64>{2}));
        m_proxy.setSessionStart(local(2024, 3, 10, 12));
        m_proxy.setSessionOnly(true);
        QCOMPARE(shown(), QList<qint64>{}); // the session starts after entry 2, inside the date range
        const QString description = m_proxy.description();
        for (const QString &part : {QStringLiteral("example.com"), ActionInfo::displayName(ActionKind::Delete),
                                    QStringLiteral("2024-03-10"), QStringLiteral("this session")})
            QVERIFY2(description.contains(part), qPrintable(description));
    }

    void sortingIsTypedAndStable()
    {
        m_proxy.sort(HistoryTableModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(shown(), (QList<qint64>{6, 5, 4, 3, 2, 1}));
        m_proxy.sort(HistoryTableModel::UserColumn, Qt::AscendingOrder);
        QCOMPARE(shown(), (QList<qint64>{1, 5, 2, 3, 4, 6})); // case-insensitive: alice < ALICE-2 < bob
        m_proxy.sort(HistoryTableModel::OperatorColumn, Qt::AscendingOrder);
        QCOMPARE(shown(), (QList<qint64>{1, 3, 2, 5, 4, 6})); // ties keep id order
        m_proxy.sort(HistoryTableModel::HttpStatusColumn, Qt::DescendingOrder);
        QCOMPARE(shown().mid(0, 2), (QList<qint64>{6, 2})); // 400s first, later id first
    }

    void visibleEntriesFollowViewOrder()
    {
        m_proxy.setOutcomeFilter(Outcome::Success);
        m_proxy.sort(HistoryTableModel::TimeColumn, Qt::DescendingOrder);
        QList<qint64> ids;
        for (const HistoryEntry &e : m_proxy.visibleEntries())
            ids.append(e.id);
        QCOMPARE(ids, (QList<qint64>{4, 3, 1}));
    }

    void upsertedRowsAreFilteredLive()
    {
        m_proxy.setActionFilter(ActionKind::UnflagFraud);
        QCOMPARE(m_proxy.rowCount(), 0);
        HistoryTableModel model;
        HistoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setActionFilter(ActionKind::UnflagFraud);
        model.upsert(entry(1, local(2024, 1, 1), QStringLiteral("x"), ActionKind::Delete, Outcome::Pending));
        QCOMPARE(proxy.rowCount(), 0);
        model.upsert(entry(2, local(2024, 1, 1), QStringLiteral("y"), ActionKind::UnflagFraud, Outcome::Pending));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setOutcomeFilter(Outcome::Success);
        QCOMPARE(proxy.rowCount(), 0);
        model.upsert(entry(2, local(2024, 1, 1), QStringLiteral("y"), ActionKind::UnflagFraud, Outcome::Success));
        QCOMPARE(proxy.rowCount(), 1); // the completion brings it into the filter
    }

    // 100,000 entries in the model (not on disk): every filter still selects exactly what a plain
    // loop over the same entries selects. No timing is asserted; bench_history_view prints figures.
    void scale()
    {
        const int count = 100000;
        const QDateTime start = local(2023, 1, 1, 0, 0, 0);
        const QList<ActionKind> actions = ActionInfo::all();
        QList<HistoryEntry> entries;
        entries.reserve(count);
        for (int i = 0; i < count; ++i) {
            entries.append(entry(i + 1, start.addSecs(qint64(i) * 600), QStringLiteral("user-%1").arg(i % 5000),
                                 actions.at(i % actions.size()), i % 3 ? Outcome::Success : Outcome::Failure,
                                 QStringLiteral("op%1@example.com").arg(i % 7), QStringLiteral("case %1").arg(i)));
        }
        HistoryTableModel model;
        HistoryFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(HistoryTableModel::TimeColumn, Qt::DescendingOrder);
        model.setEntries(entries);
        QCOMPARE(proxy.rowCount(), count);
        QCOMPARE(proxy.index(0, 0).data(HistoryTableModel::IdRole).toLongLong(), qint64(count));

        proxy.setTextFilter(QStringLiteral("USER-123"));
        int expected = 0;
        for (const HistoryEntry &e : entries)
            expected += e.userId.contains(QLatin1String("user-123")) ? 1 : 0;
        QCOMPARE(proxy.rowCount(), expected);

        const QDate from(2023, 6, 1);
        const QDate to(2023, 6, 30);
        proxy.setTextFilter({});
        proxy.setDateRange(from, to);
        proxy.setActionFilter(ActionKind::Delete);
        expected = 0;
        for (const HistoryEntry &e : entries) {
            const QDate d = e.time.toLocalTime().date();
            expected += d >= from && d <= to && e.action == ActionKind::Delete ? 1 : 0;
        }
        QVERIFY(expected > 0);
        QCOMPARE(proxy.rowCount(), expected);
        const HistoryEntry newest = proxy.index(0, 0).data(HistoryTableModel::EntryRole).value<HistoryEntry>();
        QCOMPARE(newest.time.toLocalTime().date(), to);
    }
};

QTEST_MAIN(TestHistoryProxy)
#include "tst_history_proxy.moc"
