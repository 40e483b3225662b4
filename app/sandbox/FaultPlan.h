#pragma once

#include <QString>

// Ways the sandbox can misbehave on purpose, so every failure the client must survive can be injected.
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
