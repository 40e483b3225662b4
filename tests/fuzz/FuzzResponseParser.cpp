// The response parser under any bytes: what it keeps, how it judges the outcome, and what the faces show
// must stay consistent with the status and the body, whatever the server sent.
#include "FuzzTargets.h"
#include "FuzzVerdict.h"
#include "api/ResponseParser.h"

#include <QJsonDocument>
#include <QJsonValue>

namespace {
bool is2xx(int status)
{
    return status >= 200 && status < 300;
}

// The body is kept as a prefix of what arrived, capped, and its real size is never lost.
void checkKeptBody(FuzzVerdict &v, const ApiResult &r, const QByteArray &bytes, int status)
{
    v.require(r.httpStatus == status, "httpStatus is the status given");
    v.require(r.bodySize == bytes.size(), "bodySize is the size received");
    v.require(r.bodySize >= r.body.size(), "bodySize >= body.size()");
    v.require(r.body.size() <= ResponseParser::kMaxKeptBody, "the kept body is capped");
    v.require(bytes.startsWith(r.body), "the kept body is a prefix of what arrived");
    v.require(r.bodyTruncated == (bytes.size() > ResponseParser::kMaxKeptBody), "bodyTruncated iff over the cap");
    v.require(!r.bodyTruncated || !r.bodyProblem.isEmpty(), "a truncated body is reported as a problem");
}

// Success comes from a 2xx only, and a 2xx fails only when the body says "success": false.
void checkOutcome(FuzzVerdict &v, const ApiResult &r, int status)
{
    const bool saysFailed = r.json.value(QLatin1String("success")) == QJsonValue(false);
    v.require(r.outcome == ApiResult::Outcome::Success || r.outcome == ApiResult::Outcome::ServerError,
              "an answer is a success or a server error, never a transport outcome");
    v.require(is2xx(status) || !r.ok(), "a non-2xx status is never a success");
    v.require(!r.ok() || !saysFailed, "a body saying success:false is never a success");
    v.require(!is2xx(status) || r.ok() || saysFailed, "a 2xx fails only when the body says success:false");
    v.require(!r.ok() || !r.isRetryable(), "a success is never retried");
    v.require(r.ok() || (status != 429 && status != 503) || r.isRetryable(), "429 and 503 are retryable");
}

// What the parser extracted agrees with an independent reading of the same bytes.
void checkParsedBody(FuzzVerdict &v, const ApiResult &r, const QByteArray &bytes)
{
    const QByteArray trimmed = bytes.trimmed();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    const bool isObject = error.error == QJsonParseError::NoError && doc.isObject();
    // Exact UTF-8 round trip: the bytes are valid UTF-8 (invalid sequences would come back replaced).
    const bool utf8 = QString::fromUtf8(bytes).toUtf8() == bytes;

    v.require(!trimmed.isEmpty() || (!r.bodyProblem.isEmpty() && r.json.isEmpty()),
              "a blank body is reported, no JSON");
    v.require(!r.bodyProblem.isEmpty() || (isObject && r.json == doc.object()),
              "no body problem only when the body is a JSON object, and that object is what was kept");
    v.require(!(isObject && utf8 && !r.bodyTruncated) || (r.bodyProblem.isEmpty() && r.json == doc.object()),
              "a whole UTF-8 JSON object body is parsed without a problem");
    v.require(r.json.contains(QLatin1String("code")) || r.code.isEmpty(), "no code without a code field");
    v.require(r.code.size() <= 64 && r.message.size() <= 1000, "code and message are capped");
}

// Everything a face shows is there, and a failure's summary names what the server said.
void checkFaces(FuzzVerdict &v, const ApiResult &r, int status)
{
    const QString summary = r.summary();
    v.require(!summary.isEmpty() && !r.outcomeName().isEmpty(), "summary and outcome name are never empty");
    v.require(r.ok() || summary.contains(QString::number(status)), "a failure's summary names the HTTP status");
    v.require(r.ok() || r.code.isEmpty() || summary.contains(r.code), "a failure's summary names the code");
    v.require(r.ok() || r.message.isEmpty() || summary.contains(r.message), "a failure's summary carries the message");
    v.require(r.ok() || status < 500 || !r.advice().isEmpty(), "a 5xx failure always comes with advice");
    v.require(!r.ok() || r.advice().isEmpty(), "a success needs no advice");
}
} // namespace

QString fuzzResponseParser(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // The first bytes pick the status (class, then offset: 204, 429, 503...), the content type and a
    // clock skew, so success, error, proxy-page and clock-advice paths are all explored.
    const int status = size > 0 ? 200 + (data[0] % 4) * 100 + (size > 1 ? data[1] % 32 : 0) : 200;
    const QString contentType = size > 2 && (data[2] & 1) ? QStringLiteral("text/html; charset=utf-8")
                                                          : QStringLiteral("application/json");
    ApiResult r = ResponseParser::parseBody(status, bytes, contentType);
    r.hasClockSkew = size > 3 && (data[3] & 1);
    r.clockSkewSeconds = size > 4 ? (int(data[4]) - 128) * 10 : 0;
    FuzzVerdict v;
    checkKeptBody(v, r, bytes, status);
    checkOutcome(v, r, status);
    checkParsedBody(v, r, bytes);
    checkFaces(v, r, status);
    return v.failure();
}
