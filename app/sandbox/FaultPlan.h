#pragma once

#include <QString>

// Ways the sandbox can misbehave on purpose, so every failure the client must survive can be injected.
// A plan applies to POSTs on the enrollee endpoint only (404/405 answers stay plain). With Kind::None the
// request is processed at once and only its answer waits `latencyMs` (a slow server that acts, then
// answers late); every other kind leaves the enrollee untouched. Empty and Truncated answer 200 without
// having acted, to test whether a client trusts a status it could not read a body for. `remaining` > 0
// counts down per affected request; at 0 the plan resets to "none" (faultPlan() then shows that).
struct FaultPlan {
    enum class Kind {
        None,
        HttpError,   // answer `httpStatus` (500, 503, 429...) with a Smile ID error body; Retry-After if retryAfterSeconds >= 0
        Html,        // 502 with an HTML error page, as a proxy would
        Empty,       // 200 with an empty body
        Truncated,   // a Content-Length larger than the bytes sent, then close
        Reset,       // close the connection without answering (RST)
        Hang,        // accept and read, never answer
        SystemError, // 500 with Smile ID code 2201
    };
    Kind kind = Kind::None;
    int latencyMs = 0;         // added before every answer (also with Kind::None)
    int httpStatus = 500;      // for HttpError
    int retryAfterSeconds = -1;
    int remaining = -1;        // how many requests the fault applies to (-1 = all); then the sandbox behaves

    static bool kindFromName(const QString &name, Kind *kind); // "none", "http-error", "html", "empty", "truncated", "reset", "hang", "system-error"
    static QString kindName(Kind kind);
};
