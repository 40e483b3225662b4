#pragma once

#include <QString>
#include <QUrl>

// Input checks shared by every face. Each returns a translated, user-facing reason, or an empty
// string when the input is acceptable, so faces can show the message as it is.
namespace Validation {
inline constexpr int kMaxUserIdLength = 256;
inline constexpr int kMaxReasonLength = 2000;

// A user ID is sent exactly as typed after trimming; inner spaces are allowed, control characters not.
QString normalizedUserId(const QString &input);
QString userIdError(const QString &input);
QString partnerIdError(const QString &partnerId);
QString emailError(const QString &email);
QString reasonError(const QString &reason);
// An origin such as https://host[:port]: http(s) only, no path/query/fragment/credentials,
// and plain HTTP only to loopback.
QString baseUrlError(const QString &url);
// Parses a validated origin; an invalid one yields an empty QUrl.
QUrl parseBaseUrl(const QString &url);
bool isLoopbackHost(const QString &host);
} // namespace Validation
