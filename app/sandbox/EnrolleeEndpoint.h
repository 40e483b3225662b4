#pragma once

#include "action/Action.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <functional>

class EnrolleeRegistry;
struct SandboxConfig;

// The rules of POST /api/v2/partner/enrollee without any HTTP: checks one body the way Smile ID
// documents it and applies the action to the registry. Kept apart from the socket code so the order of
// the checks (which decides which code a client sees) reads top to bottom in one place.
//
// Order: 2203 not a JSON object → 2204 a present field of the wrong type → 2213 a required field
// missing, or no action flag → 2204 more than one action flag or a flag value with no meaning
// (allow_new_enroll/delete false) → 2220 a production body (this is a local sandbox) → 2205 wrong
// partner_id, bad signature / sec_key, or a timestamp further than maxClockSkewSeconds from the
// sandbox's clock → 2210 unknown user_id / 2208 deleted user_id → 200 with the new state.
class EnrolleeEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(EnrolleeEndpoint)
public:
    struct Answer {
        int httpStatus = 200;
        QJsonObject body;
        QString code;   // Smile ID's code; empty on success
        QString userId; // as sent, when it was a string (for logs)
        QString action; // the action's CLI name, when one flag was recognised (for logs)
        bool accepted() const { return httpStatus == 200; }
    };

    // `privateKeyPem` is asked for only when a legacy (sec_key) request arrives: generating the demo key
    // pair costs time nobody should pay for the signature scheme.
    EnrolleeEndpoint(const SandboxConfig &config, EnrolleeRegistry *registry,
                     std::function<QByteArray()> privateKeyPem);

    // With `dryRun` every check runs but the registry is left alone: a faulty answer never changes state.
    Answer handle(const QByteArray &body, const QDateTime &now, bool dryRun) const;

    static Answer error(const QString &code, const QString &message, int httpStatus = 400);

private:
    Answer checkAuthorization(const QJsonObject &o, bool legacy, const QDateTime &now) const;
    Answer success(const QString &userId, ActionKind action) const;

    const SandboxConfig &m_config;
    EnrolleeRegistry *m_registry;
    std::function<QByteArray()> m_privateKeyPem;
};
