// The action policy is data in the core: what each action needs per environment, and the check the
// runner applies for every face.
#include "action/ActionPolicy.h"

#include <QTest>

Q_DECLARE_METATYPE(ActionKind)
Q_DECLARE_METATYPE(Environment)
Q_DECLARE_METATYPE(Confirmation)

class TestActionPolicy : public QObject
{
    Q_OBJECT

private slots:
    void standardRules_data()
    {
        QTest::addColumn<ActionKind>("action");
        QTest::addColumn<Environment>("env");
        QTest::addColumn<bool>("reason");
        QTest::addColumn<Confirmation>("confirmation");
        QTest::addColumn<bool>("irreversible");
        for (Environment env : {Environment::Local, Environment::Sandbox, Environment::Production}) {
            const bool prod = env == Environment::Production;
            const QByteArray e = environmentName(env).toLatin1();
            QTest::addRow("%s re-enroll", e.constData())
                << ActionKind::ReEnroll << env << false << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s deactivate", e.constData())
                << ActionKind::Deactivate << env << false << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s reactivate", e.constData())
                << ActionKind::Reactivate << env << false << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s flag-fraud", e.constData())
                << ActionKind::FlagFraud << env << true << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s unflag-fraud", e.constData())
                << ActionKind::UnflagFraud << env << true << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s delete", e.constData())
                << ActionKind::Delete << env << true << Confirmation::TypedUserId << true;
        }
    }

    void standardRules()
    {
        QFETCH(ActionKind, action);
        QFETCH(Environment, env);
        QFETCH(bool, reason);
        QFETCH(Confirmation, confirmation);
        QFETCH(bool, irreversible);
        const ActionRule rule = ActionPolicy::standard().rule(action, env);
        QCOMPARE(rule.needsReason, reason);
        QCOMPARE(rule.confirmation, confirmation);
        QCOMPARE(rule.irreversible, irreversible);
    }

    void checkRefusesWhatTheRuleNeeds()
    {
        const ActionPolicy policy = ActionPolicy::standard();
        Status s = policy.check(ActionKind::Delete, Environment::Local, QStringLiteral("  "),
                                Confirmation::TypedUserId);
        QCOMPARE(s.kind(), Status::Kind::Invalid);
        QVERIFY(s.message().contains(QLatin1String("needs a reason")));
        s = policy.check(ActionKind::Delete, Environment::Local, QStringLiteral("CASE-1"), Confirmation::Plain);
        QCOMPARE(s.kind(), Status::Kind::NotConfirmed);
        QVERIFY(
            policy.check(ActionKind::Delete, Environment::Local, QStringLiteral("CASE-1"), Confirmation::TypedUserId)
                .ok());
        QCOMPARE(policy.check(ActionKind::Deactivate, Environment::Production, QString(), Confirmation::None).kind(),
                 Status::Kind::NotConfirmed);
        QVERIFY(policy.check(ActionKind::Deactivate, Environment::Production, QString(), Confirmation::Plain).ok());
        QVERIFY(policy.check(ActionKind::Deactivate, Environment::Sandbox, QString(), Confirmation::None).ok());
    }

    void reasonRuleRefusesShortReasonsAndMissingReferences()
    {
        ActionPolicy policy = ActionPolicy::standard();
        // The default: at least four characters, for required and optional reasons alike.
        Status s = policy.check(ActionKind::FlagFraud, Environment::Local, QStringLiteral(" x "), Confirmation::None);
        QCOMPARE(s.kind(), Status::Kind::Invalid);
        QVERIFY2(s.message().contains(QLatin1String("at least 4 character")), qPrintable(s.message()));
        QCOMPARE(
            policy.check(ActionKind::Deactivate, Environment::Local, QStringLiteral("ab"), Confirmation::None).kind(),
            Status::Kind::Invalid);
        QVERIFY(policy.check(ActionKind::Deactivate, Environment::Local, QString(), Confirmation::None).ok());
        QVERIFY(
            policy.check(ActionKind::FlagFraud, Environment::Local, QStringLiteral("abcd"), Confirmation::None).ok());

        ReasonRule rule;
        rule.minLength = 1;
        rule.pattern = QStringLiteral("CASE-\\d+");
        policy.setReasonRule(rule);
        s = policy.check(ActionKind::FlagFraud, Environment::Local, QStringLiteral("duplicate identity"),
                         Confirmation::None);
        QCOMPARE(s.kind(), Status::Kind::Invalid);
        QVERIFY2(s.message().contains(QLatin1String("CASE-\\d+")), qPrintable(s.message()));
        QVERIFY(policy
                    .check(ActionKind::FlagFraud, Environment::Local, QStringLiteral("CASE-12 duplicate"),
                           Confirmation::None)
                    .ok());
        // A broken pattern stops everything rather than letting every reason through.
        rule.pattern = QStringLiteral("CASE-(");
        policy.setReasonRule(rule);
        s = policy.check(ActionKind::FlagFraud, Environment::Local, QStringLiteral("CASE-12"), Confirmation::None);
        QCOMPARE(s.kind(), Status::Kind::Invalid);
        QVERIFY(s.message().contains(QLatin1String("not a valid regular expression")));
    }

    void aRuleIsData()
    {
        ActionPolicy policy = ActionPolicy::standard();
        ActionRule stricter = policy.rule(ActionKind::Reactivate, Environment::Production);
        stricter.confirmation = Confirmation::Plain;
        stricter.needsReason = true;
        policy.setRule(ActionKind::Reactivate, Environment::Production, stricter);
        QCOMPARE(policy.check(ActionKind::Reactivate, Environment::Production, QString(), Confirmation::Plain).kind(),
                 Status::Kind::Invalid);
        QCOMPARE(
            policy.check(ActionKind::Reactivate, Environment::Production, QStringLiteral("CASE-1"), Confirmation::None)
                .kind(),
            Status::Kind::NotConfirmed);
        QVERIFY(policy.check(ActionKind::Reactivate, Environment::Sandbox, QString(), Confirmation::None).ok());
    }
};

QTEST_GUILESS_MAIN(TestActionPolicy)
#include "tst_action_policy.moc"
