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
// The parse step alone, for the fuzzer: any bytes in, never a crash.
ApiResult parseBody(int httpStatus, const QByteArray &body, const QString &contentType);
} // namespace ResponseParser
