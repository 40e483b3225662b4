#pragma once

#include "api/ApiResult.h"

// Reads whatever came back without trusting its shape: Smile ID's error bodies carry `code` as a
// string or an integer and the message as `error` or `message`; proxies answer with HTML; bodies
// arrive empty, truncated or not UTF-8. Fills code, message, json and bodyProblem of `result`.
namespace ResponseParser {
inline constexpr qint64 kMaxKeptBody = 64 * 1024;
void parse(ApiResult &result);
// Whether the body is JSON that stops before its end ("{\"success\":"): what a short body looks like when
// the transport could not tell, e.g. Qt 6.4 reads a chunk size that is not hex as 0, the last chunk.
bool looksCutOff(const QByteArray &body);
// A 2xx that names another `user_id` than the one sent is not that user's success: the server (or
// something in between) answered for someone else, so whether `userId` was acted on is unknown.
void checkSubject(ApiResult &result, const QString &userId);
// The parse step alone, for the fuzzer: any bytes in, never a crash.
ApiResult parseBody(int httpStatus, const QByteArray &body, const QString &contentType);
} // namespace ResponseParser
