// HistoryFilter: each filter alone and combined selects exactly the expected rows, asked of a history
// service through the History tab's model, in both time orders.

#include "history/HistoryFilter.h"
#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"
#include "support/HistorySamples.h"
#include "support/MemoryHistoryBackend.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace HistorySamples;
using Outcome = HistoryEntry::Outcome;

class TestHistoryFilter : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<HistoryService> m_service;
    std::unique_ptr<HistoryTableModel> m_model;
    HistoryFilter m_filter;

    static QList<qint64> ids(const HistoryTableModel &model)
    {
        QList<qint64> found;
        for (int row = 0; row < model.rowCount(); ++row)
            found.append(model.index(row, 0).data(HistoryTableModel::IdRole).toLongLong());
        return found;
    }

    // The ids the History tab would show for the filter as it stands, in the table's order.
    QList<qint64> shown()
    {
        QSignalSpy loaded(m_model.get(), &HistoryTableModel::loaded);
        m_model->setQuery(m_filter.query());
        if (!loaded.wait(5000))
            qFatal("no answer");
        return ids(*m_model);
    }
    QList<qint64> refreshedIds()
    {
        QSignalSpy changed(m_model.get(), &HistoryTableModel::changed);
        m_model->refresh();
        if (!changed.wait(5000))
            qFatal("no answer");
        return ids(*m_model);
    }
    void put(const HistoryEntry &e)
    {
        QVERIFY(MemoryHistoryBackend::change(*m_service, [e](MemoryHistoryBackend &history) { history.put(e); }));
    }

private slots:
    void initTestCase()
    {
        m_service = std::make_unique<HistoryService>(std::make_unique<MemoryHistoryBackend>(QList<HistoryEntry>{
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
        }));
        m_model = std::make_unique<HistoryTableModel>(m_service.get());
        m_model->sort(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
    }

    void cleanupTestCase()
    {
        m_model.reset();
        m_service.reset();
    }

    void init()
    {
        m_filter.setTextFilter({});
        m_filter.setActionFilter(std::nullopt);
        m_filter.setOutcomeFilter(std::nullopt);
        m_filter.setDateRange({}, {});
        m_filter.setSessionOnly(false);
        m_model->sort(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
    }

    void noFilterShowsEverything()
    {
        QCOMPARE(shown(), (QList<qint64>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(m_filter.description(), QStringLiteral("all entries"));
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
        m_filter.setTextFilter(text);
        QCOMPARE(shown(), expected);
    }

    void actionFilter()
    {
        m_filter.setActionFilter(ActionKind::Delete);
        QCOMPARE(shown(), (QList<qint64>{2, 4}));
        m_filter.setActionFilter(ActionKind::UnflagFraud);
        QCOMPARE(shown(), QList<qint64>{});
        m_filter.setActionFilter(std::nullopt);
        QCOMPARE(shown().size(), 6);
    }

    void outcomeFilter()
    {
        m_filter.setOutcomeFilter(Outcome::Failure);
        QCOMPARE(shown(), (QList<qint64>{2, 6}));
        m_filter.setOutcomeFilter(Outcome::Unknown);
        QCOMPARE(shown(), (QList<qint64>{5}));
        m_filter.setOutcomeFilter(Outcome::Pending);
        QCOMPARE(shown(), QList<qint64>{});
    }

    void dateRangeIsInclusiveLocalDays()
    {
        m_filter.setDateRange(QDate(2024, 3, 10), QDate(2024, 3, 10));
        QCOMPARE(shown(), (QList<qint64>{2, 3}));
        m_filter.setDateRange(QDate(2024, 3, 10), {});
        QCOMPARE(shown(), (QList<qint64>{2, 3, 4, 5, 6}));
        m_filter.setDateRange({}, QDate(2024, 3, 10));
        QCOMPARE(shown(), (QList<qint64>{1, 2, 3}));
        m_filter.setDateRange(QDate(2024, 3, 13), QDate(2024, 3, 20));
        QCOMPARE(shown(), QList<qint64>{});
    }

    void sessionFilter()
    {
        m_filter.setSessionStart(local(2024, 3, 11, 0, 0, 0));
        QCOMPARE(shown().size(), 6); // the start alone filters nothing
        m_filter.setSessionOnly(true);
        QCOMPARE(shown(), (QList<qint64>{4, 5, 6})); // at or after the start
        m_filter.setSessionStart(local(2024, 3, 12, 8, 30));
        QCOMPARE(shown(), (QList<qint64>{6}));
    }

    void filtersCombine()
    {
        m_filter.setTextFilter(QStringLiteral("example.com"));
        m_filter.setActionFilter(ActionKind::Delete);
        QCOMPARE(shown(), (QList<qint64>{2, 4}));
        m_filter.setOutcomeFilter(Outcome::Success);
        QCOMPARE(shown(), (QList<qint64>{4}));
        m_filter.setDateRange(QDate(2024, 3, 10), QDate(2024, 3, 10));
        QCOMPARE(shown(), QList<qint64>{});
        m_filter.setOutcomeFilter(std::nullopt);
        QCOMPARE(shown(), (QList<qint64>{2}));
        m_filter.setSessionStart(local(2024, 3, 10, 12));
        m_filter.setSessionOnly(true);
        QCOMPARE(shown(), QList<qint64>{}); // the session starts after entry 2, inside the date range
        const QString description = m_filter.description();
        for (const QString &part : {QStringLiteral("example.com"), ActionInfo::displayName(ActionKind::Delete),
                                    QStringLiteral("2024-03-10"), QStringLiteral("this session")})
            QVERIFY2(description.contains(part), qPrintable(description));
    }

    void timeSortsBothWays()
    {
        m_model->sort(HistoryTableModel::TimeColumn, Qt::DescendingOrder);
        QCOMPARE(shown(), (QList<qint64>{6, 5, 4, 3, 2, 1}));
        m_model->sort(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
        QCOMPARE(shown(), (QList<qint64>{1, 2, 3, 4, 5, 6}));
    }

    // The filter is a question to the history: an entry answered after the question was asked is
    // shown on the next refresh when it matches, and leaves when it stops matching.
    void answersComeAndGoWithTheFilter()
    {
        m_filter.setActionFilter(ActionKind::UnflagFraud);
        QCOMPARE(shown(), QList<qint64>{});
        put(entry(7, local(2024, 3, 13), QStringLiteral("y"), ActionKind::UnflagFraud, Outcome::Pending));
        QCOMPARE(refreshedIds(), QList<qint64>{7});
        m_filter.setOutcomeFilter(Outcome::Success);
        QCOMPARE(shown(), QList<qint64>{});
        put(entry(7, local(2024, 3, 13), QStringLiteral("y"), ActionKind::UnflagFraud, Outcome::Success));
        QCOMPARE(refreshedIds(), QList<qint64>{7}); // the completion brings it into the filter
        m_filter.setOutcomeFilter(Outcome::Pending);
        QCOMPARE(shown(), QList<qint64>{});
    }

    // What the text filter searches, folded once per entry: the index stores the same string.
    void searchTextIsFolded()
    {
        const HistoryEntry e = entry(1, local(2024, 3, 1), QStringLiteral("User-ABC"), ActionKind::Delete,
                                     Outcome::Failure, QStringLiteral("Ann@Example.com"), QStringLiteral("Case X"),
                                     QStringLiteral("2205"), QStringLiteral("Unauthorized"));
        const QString text = HistoryQuery::searchText(e);
        for (const char *part : {"user-abc", "ann@example.com", "case x", "2205", "unauthorized"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        QCOMPARE(text.count(HistoryQuery::separator()), 7);
    }
};

QTEST_MAIN(TestHistoryFilter)
#include "tst_history_filter.moc"
