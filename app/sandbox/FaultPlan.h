#pragma once

#include <QByteArray>
#include <QString>

// Ways the sandbox can misbehave on purpose, so every failure the client must survive can be injected.
// A plan applies to POSTs on the enrollee endpoint only (404/405 answers stay plain). With Kind::None the
// request is processed at once and only its answer waits `latencyMs` (a slow server that acts, then
// answers late). Drip and Interim also act (a slow or chatty server that works: whether the client may
// call the outcome unknown depends on it); every other kind leaves the enrollee untouched. Empty and
// Truncated answer 200 without having acted, to test whether a client trusts a status it could not read
// a body for. `remaining` > 0 counts down per affected request; at 0 the plan resets to "none"
// (faultPlan() then shows that).
struct FaultPlan {
    enum class Kind {
        None,
        HttpError,     // answer `httpStatus` (500, 503, 429...) with a Smile ID error body; Retry-After if
                       // retryAfterSeconds >= 0
        Html,          // 502 with an HTML error page, as a proxy would
        Empty,         // 200 with an empty body
        Truncated,     // a Content-Length larger than the bytes sent, then close
        Reset,         // close the connection without answering (RST)
        Hang,          // accept and read, never answer
        SystemError,   // 500 with Smile ID code 2201
        Drip,          // the real answer, its headers at once and its body one byte every dripIntervalMs
        Body,          // answer `httpStatus` with `body` exactly as given (a 200 that refuses, hostile text)
        BrokenChunked, // 200, Transfer-Encoding: chunked, one good chunk, then a chunk size that is not hex
        Interim,       // an interim answer first (httpStatus if 100-199, else 102 Processing), then the real one
    };
    Kind kind = Kind::None;
    int latencyMs = 0;    // added before every answer (also with Kind::None)
    int httpStatus = 500; // for HttpError
    int retryAfterSeconds = -1;
    int remaining = -1;        // how many requests the fault applies to (-1 = all); then the sandbox behaves
    int dripIntervalMs = 2000; // for Drip
    QByteArray body = {};      // for Body ("= {}" keeps FaultPlan{kind} free of missing-initializer warnings)

    // Whether the request is carried out, so the enrollee changes as on a healthy server.
    bool acts() const { return kind == Kind::None || kind == Kind::Drip || kind == Kind::Interim; }

    // "none", "http-error", "html", "empty", "truncated", "reset", "hang", "system-error", "drip", "body",
    // "broken-chunked", "interim".
    static bool kindFromName(const QString &name, Kind *kind);
    static QString kindName(Kind kind);
};
