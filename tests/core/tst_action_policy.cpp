// The action policy is data in the core: what each action needs per environment, and the check the
// runner applies for every face.
#include "ActionPolicy.h"

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
                << ActionKind::ReEnroll << env << false << Confirmation::None << false;
            QTest::addRow("%s deactivate", e.constData())
                << ActionKind::Deactivate << env << false << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s reactivate", e.constData())
                << ActionKind::Reactivate << env << false << Confirmation::None << false;
            QTest::addRow("%s flag-fraud", e.constData())
                << ActionKind::FlagFraud << env << true << (prod ? Confirmation::Plain : Confirmation::None) << false;
            QTest::addRow("%s unflag-fraud", e.constData())
                << ActionKind::UnflagFraud << env << true << Confirmation::None << false;
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

    void aRuleIsData()
    {
        ActionPolicy policy = ActionPolicy::standard();
        ActionRule stricter = policy.rule(ActionKind::Reactivate, Environment::Production);
        stricter.confirmation = Confirmation::Plain;
        stricter.needsReason = true;
        policy.setRule(ActionKind::Reactivate, Environment::Production, stricter);
        QCOMPARE(policy.check(ActionKind::Reactivate, Environment::Production, QString(), Confirmation::Plain).kind(),
                 Status::Kind::Invalid);
        QCOMPARE(policy.check(ActionKind::Reactivate, Environment::Production, QStringLiteral("x"), Confirmation::None)
                     .kind(),
                 Status::Kind::NotConfirmed);
        QVERIFY(policy.check(ActionKind::Reactivate, Environment::Sandbox, QString(), Confirmation::None).ok());
    }
};

QTEST_GUILESS_MAIN(TestActionPolicy)
#include "tst_action_policy.moc"
