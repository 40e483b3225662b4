#pragma once

#include "action/Action.h"
#include "settings/Profile.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>

// One signed request body, as it goes on the wire.
struct SignedRequest {
    QJsonObject body;
    QByteArray json;   // compact UTF-8, exactly what is sent
    QString timestamp; // as signed and as sent (digits for the legacy scheme)
    QString error;     // translated; empty on success
    bool ok() const { return error.isEmpty(); }
};

// Builds the exact body of seed 001 (seed 000 under the legacy scheme): the common fields, one action
// flag, and a signature over a timestamp taken from `now`. The same string that is signed is sent.
namespace RequestBuilder {
SignedRequest build(const Profile &profile, ActionKind action, const QString &userId, const QByteArray &apiKey,
                    const QDateTime &now);
} // namespace RequestBuilder
